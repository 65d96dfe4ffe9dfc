"""Review pages: a run, the diff of two runs, or a run against gold, as one self-contained HTML file.

The page is ``page.html`` with ``review.css``, ``review.js`` and the data
inlined: no network, no CDN, it opens from disk. The documents are JSON in a
``<script type="application/json">`` block, their texts already highlighted
(``highlight``); the script shows one page of documents at a time, so a run
of thousands of documents opens in a couple of seconds. Filters and the page
number live in the URL's fragment (``review.html#indicator=exports&page=2``),
so a view can be bookmarked, and tested with ``chromium --dump-dom``.

Each document is ``{"k": source, "h": text HTML or null, "x": second-layer
HTML, "e": entries, "n": notes}``; an entry is one record of the page (a
record of the run; a diff's added, removed, changed or same record; a gold
page's matched, wrong, missed or spurious one): ``{"st": status, "d": one
line, "r": the record, "loc": whether it is marked in the text, "ch":
[[field, old, new]] …}``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from importlib.resources import files
from pathlib import Path

import regex

from ..eval.render import describe, describe_change
from ..numbers.parse import detect_convention
from ..testing import compare_records, format_value
from .highlight import Span, figure_span, render_text

__all__ = ["Doc", "PageTooLarge", "run_docs", "diff_docs", "gold_docs", "render_page",
           "DEFAULT_MAX_MB"]

#: A page over this many megabytes is refused: 29 MB (the 5,203 articles of news-5k) opens in about a second
#: in headless chromium; several times that makes a browser tab slow and heavy.
DEFAULT_MAX_MB = 100

_SLOT = regex.compile(r"\{\{(TITLE|CSS|JS|DATA)\}\}")


class PageTooLarge(ValueError):
    """The review would be larger than the limit."""


@dataclass
class Entry:
    """One record of a page, with its status (``rec``; added/removed/changed/same; matched/wrong/missed/spurious)."""

    status: str
    record: dict
    extra: dict = field(default_factory=dict)


@dataclass
class Doc:
    """A document of a page: its key (source), its text when known, its entries in text order, notes to show."""

    key: str
    text: str | None
    entries: list[Entry]
    notes: list[str] = field(default_factory=list)


# -- documents of each kind of page ------------------------------------------------

def run_docs(lines: Iterable[Mapping], texts: Mapping[str, str]) -> list[Doc]:
    """Documents of a run: ``lines`` are output lines, ``texts`` texts by source (or file stem)."""
    out = []
    for line in lines:
        source = str(line["source"])
        text = line.get("text") if isinstance(line.get("text"), str) else find_text(texts, source)
        out.append(Doc(source, text, [Entry("rec", r) for r in line["records"]]))
    return out


def diff_docs(old: Mapping[str, list], new: Mapping[str, list], texts: Mapping[str, str]) -> list[Doc]:
    """Documents of a diff: every document of either run, its records paired as ``vnextract diff`` pairs them."""
    out = []
    for key in sorted(set(old) | set(new)):
        notes = []
        if key not in new:
            notes.append("only in the old run")
        if key not in old:
            notes.append("only in the new run")
        entries = []
        for c in compare_records(old.get(key, []), new.get(key, [])):
            shown = c.new if c.new is not None else c.old
            extra = {}
            if c.status == "changed":
                extra = {"ch": [[f, format_value(a), format_value(b)] for f, a, b in c.fields], "o": describe(c.old)}
            entries.append(Entry(c.status, shown, extra))
        out.append(Doc(key, find_text(texts, key), entries, notes))
    return out


def gold_docs(report, gold) -> list[Doc]:
    """Documents of a gold page from ``eval.score``'s report and the gold documents it scored."""
    by_stem = {gd.stem: gd for gd in gold}
    out = []
    for ds in report.docs:
        gd = by_stem[ds.stem]
        wrong = {(id(p), id(g)): bad for p, g, bad in ds.wrong}
        entries = []
        for p, g in ds.pairs:
            bad = wrong.get((id(p), id(g)))
            if bad:
                ch = [[f, format_value(p.get(f)), format_value(g.get(f))] for f in bad]
                entries.append(Entry("wrong", p, {"ch": ch, "o": describe(g)}))
            else:
                entries.append(Entry("matched", p, {"o": describe(g)}))
        entries += [Entry("missed", g) for g in ds.misses]
        entries += [Entry("spurious", p) for p in ds.spurious]
        out.append(Doc(gd.key, gd.text, entries))
    return out


def find_text(texts: Mapping[str, str], source: str) -> str | None:
    """The text of ``source``: by the same source, else by file stem (a corpus key names its file)."""
    if source in texts:
        return texts[source]
    return texts.get(Path(source).stem) if source else None


# -- locating and rendering ----------------------------------------------------------

def _locate(text: str, r: dict) -> tuple[int, int] | None:
    """Where a record is in the text: its evidence when its offsets index this text, else its quote (gold)."""
    ev = r.get("evidence")
    if isinstance(ev, Mapping) and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
        s, e = ev["start"], ev["end"]
        if 0 <= s < e <= len(text) and (ev.get("text") is None or text[s:e] == ev["text"]):
            return s, e
        return None
    q = r.get("quote")
    if isinstance(q, str) and q:
        at = text.find(q)
        if at >= 0:
            return at, at + len(q)
    return None


def _plain(r: dict) -> dict:
    """The record for the detail box: its changes described, its evidence without the (shown) text."""
    out = {k: v for k, v in r.items() if k not in ("evidence", "quote", "changes")}
    out["changes"] = [describe_change(c) for c in r.get("changes") or []]
    ev = r.get("evidence") or {}
    out["evidence"] = [ev.get("start"), ev.get("end")] if ev else None
    return out


def _doc_json(doc: Doc) -> dict:
    spans, entries = [], []
    convention = detect_convention(doc.text) if doc.text else "comma"
    notes = list(doc.notes)
    for i, en in enumerate(doc.entries):
        r = en.record
        where = _locate(doc.text, r) if doc.text is not None else None
        item = {"st": en.status, "d": describe(r), "r": _plain(r), "loc": where is not None, **en.extra}
        if where is None:
            item["q"] = (r.get("evidence") or {}).get("text") or r.get("quote") or ""
        else:
            spans.append(Span(*where, i, en.status, figure_span(doc.text[where[0]:where[1]], r, convention)))
        entries.append(item)
    if doc.text is None:
        notes.append("no text: give the input file(s) the run was made from")
    elif any(not e["loc"] for e in entries):
        notes.append("some records are not marked: their evidence does not index this text")
    body, layer = render_text(doc.text, spans) if doc.text is not None else (None, "")
    return {"k": doc.key, "h": body, "x": layer, "e": entries, "n": notes}


def _resource(name: str) -> str:
    return files("vnextract.review").joinpath(name).read_text(encoding="utf-8")


def render_page(docs: list[Doc], *, mode: str, title: str, notes: list[str] = (), per_page: int = 20,
                max_mb: float = DEFAULT_MAX_MB) -> str:
    """The HTML of a review page; ``PageTooLarge`` when the documents' data is over ``max_mb``."""
    data = {"mode": mode, "title": title, "notes": list(notes), "per": per_page,
            "docs": [_doc_json(d) for d in docs]}
    blob = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    size = len(blob.encode("utf-8")) / 1e6
    if size > max_mb:
        raise PageTooLarge(f"the review of {len(docs)} documents would be {size:.0f} MB, over the limit of "
                           f"{max_mb:g} MB (--max-mb): review a part of the run")
    values = {"TITLE": escape(title), "CSS": _resource("review.css"), "JS": _resource("review.js"), "DATA": blob}
    # one pass, so that nothing inserted (a title, the data) is read as a slot
    return _SLOT.sub(lambda m: values[m.group(1)], _resource("page.html"))
