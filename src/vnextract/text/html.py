"""Article text from HTML: the article's lines, without the page's menus, related links, comments and footer.

With the ``html`` extra installed (``pip install '.[html]'``), trafilatura, a
maintained boilerplate remover, picks the article body (offline: it is given
the markup, it fetches nothing); the page's headline and lead, which it keeps
as metadata, are put back in front when they are visible text of the page,
since the period resolver reads the document's frame from them. Without
trafilatura, or when it finds nothing, the stdlib parser below is used: block
elements become lines; scripts, styles, forms and page chrome are dropped —
``<nav>``, ``<aside>``, ``<footer>``, ARIA navigation/complementary/contentinfo
regions, and elements whose class or id has a word starting with one of
``CHROME`` (``main-menu``, ``related-news``, ``comment-list`` …). The same
chrome is pruned before trafilatura sees the page.

Evidence offsets of records read from HTML refer to this text, which the
output then carries (the ``text`` key), since they cannot point into markup.
"""
from __future__ import annotations

from functools import cache
from html.parser import HTMLParser

import regex

#: Words of a class or id that mark page chrome, matched at the start of each word of the attribute.
CHROME = ("menu", "nav", "related", "comment", "footer", "sidebar", "share", "social", "breadcrumb")
_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "search"})

_BLOCKS = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 tr td th table section article blockquote pre ul ol dd dt figcaption header footer".split()
)
_SKIP = frozenset("script style noscript template svg nav aside footer form button select iframe title".split())
#: Elements without an end tag: they hold no text, so they never open a skipped region.
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_WORDS = regex.compile(r"[\s_\-]+|(?<=\p{Ll})(?=\p{Lu})")  # also camelCase: relatedNews


def is_chrome(tag: str, attrs: dict[str, str | None]) -> bool:
    """Whether an element is page chrome (menus, related links, comments, footer…), not the article."""
    if tag in _SKIP or (attrs.get("role") or "").lower() in _ROLES:
        return True
    words = _WORDS.split(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"[:500])
    return any(w.lower().startswith(CHROME) for w in words if w)


class _Text(HTMLParser):
    """Collects text, skipping each chrome element up to its own end tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_tag: str | None = None  # the element being skipped, and how deep in it we are
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if self.skip_tag is not None:
            self.depth += tag == self.skip_tag
        elif tag not in _VOID and is_chrome(tag, dict(attrs)):
            self.skip_tag, self.depth = tag, 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if self.skip_tag is None and tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.depth -= 1
                if not self.depth:
                    self.skip_tag = None
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.skip_tag is None:
            self.parts.append(data)


def _lines(text: str) -> list[str]:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [line for line in lines if line]


def stdlib_text(html: str) -> str:
    """The article text by the stdlib parser: one line per block, spaces collapsed, chrome and blank lines dropped."""
    p = _Text()
    p.feed(html)
    p.close()
    return "\n".join(_lines("".join(p.parts)))


def _chrome_xpath() -> list[str]:
    """The same chrome as ``is_chrome``, as XPath for trafilatura's pruning (without camelCase)."""
    words = "concat(' ', translate(concat(@class, ' ', @id), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_-', 'abcdefghijklmnopqrstuvwxyz  '))"
    roles = " or ".join(f"@role='{r}'" for r in sorted(_ROLES))
    return ["//nav", "//aside", "//footer", f"//*[{roles}]"] + [f"//*[contains({words}, ' {w}')]" for w in CHROME]


_PRUNE = _chrome_xpath()


@cache
def _trafilatura_config():
    """trafilatura's settings, or None when it is not installed.

    Its main extractor is used however short the article: below
    MIN_EXTRACTED_SIZE (250 characters by default) it falls back to a
    baseline that keeps menus and cuts a sentence at each <b> or <a>.
    """
    try:
        from trafilatura.settings import use_config
    except ImportError:
        return None
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


def trafilatura_text(html: str, fallback: str) -> str | None:
    """The article text by trafilatura, or None when it is not installed or finds no article.

    ``fallback`` is the page's text by the stdlib parser: the headline and lead
    are put back only when they are lines of it (visible text, not just metadata).
    """
    config = _trafilatura_config()
    if config is None:
        return None
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, include_images=False, include_links=False,
            with_metadata=True, prune_xpath=_PRUNE, deduplicate=False, config=config,
        )
    except Exception:  # a parser failure on one odd page falls back; it never loses the document
        return None
    body = _lines(doc.text or "") if doc is not None else []
    if not body:
        return None
    visible = set(_lines(fallback))
    head = [" ".join(t.split()) for t in (doc.title, doc.description) if t]
    head = [t for t in dict.fromkeys(head) if t in visible and t not in body]
    return "\n".join(head + body)


def html_to_text(html: str) -> str:
    """The article text of ``html``, one line per paragraph (trafilatura if installed, else the stdlib parser)."""
    fallback = stdlib_text(html)
    return trafilatura_text(html, fallback) or fallback


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<p>" in head and "</p>" in head)
