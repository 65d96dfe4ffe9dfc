"""Review pages: extractions highlighted in their texts, as one self-contained HTML file (``vnextract review``).

``page`` builds the documents of a run, a diff or a gold comparison and the
page around them (``page.html``, ``review.css``, ``review.js``, inlined);
``highlight`` marks each record's evidence in the text, on code-point offsets.
"""
from .page import DEFAULT_MAX_MB, Doc, PageTooLarge, diff_docs, gold_docs, render_page, run_docs

__all__ = ["DEFAULT_MAX_MB", "Doc", "PageTooLarge", "diff_docs", "gold_docs", "render_page", "run_docs"]
