"""A document's text as HTML, each record's evidence in one ``<mark>``, its figure in a ``<b>``.

Highlighting is done here, in Python, because evidence offsets count code
points and a browser's strings count UTF-16 units: slicing the exact text in
Python keeps NFD text (a base letter and its combining marks), astral
characters and any line ends as they are, and each slice is HTML-escaped.

Every located record gets exactly one ``<mark class="rec" data-r="I">`` whose
text content is its evidence. Evidences that nest (or are the same clause)
are nested marks. A record whose evidence crosses one already marked (they
share part of a clause but neither holds the other) cannot be nested: it is
shown in a second layer under the text, ``<div class="layer2">``, as its own
mark with a few characters of context on each side.
"""
from __future__ import annotations

from decimal import Decimal
from html import escape

from ..numbers.parse import Convention, scan

__all__ = ["Span", "figure_span", "render_text"]

#: Characters of context either side of a record shown in the second layer.
CONTEXT = 40


class Span:
    """A record to mark: ``[start, end)`` in the text, its index in the document, its CSS status."""

    __slots__ = ("start", "end", "index", "status", "figure")

    def __init__(self, start: int, end: int, index: int, status: str, figure: tuple[int, int] | None = None):
        self.start, self.end, self.index, self.status, self.figure = start, end, index, status, figure


def _targets(r: dict) -> list[Decimal]:
    """The numbers that are "the figure" of a record, most telling first."""
    found = [r.get("value"), r.get("value_high")]
    for c in (r.get("changes") or [])[:1]:
        found += [c.get(k) for k in ("percent", "points", "ratio", "amount")]
    found += [r.get(k) for k in ("plan_percent", "share_percent", "contribution_points")]
    return [Decimal(str(x)) for x in found if x is not None]


def figure_span(evidence: str, record: dict, convention: Convention = "comma") -> tuple[int, int] | None:
    """Where the record's figure is in its evidence text (offsets into ``evidence``), or None."""
    numbers = scan(evidence, convention)
    for target in _targets(record):
        for m in numbers:
            if m.value == target:
                return m.start, m.end
    return None


def _open(s: Span) -> str:
    return f'<mark class="rec st-{escape(s.status)}" data-r="{s.index}">'


def _nest(text: str, lo: int, hi: int, spans: list[tuple[int, int, str, str]]) -> str:
    """``text[lo:hi]`` with properly nested (start, end, open, close) spans inserted."""
    events = sorted(spans, key=lambda s: (s[0], -s[1]))
    out, pos, stack = [], lo, []
    for start, end, open_, close in events:
        while stack and stack[-1][0] <= start:
            e, c = stack.pop()
            out.append(escape(text[pos:e], quote=False) + c)
            pos = e
        out.append(escape(text[pos:start], quote=False) + open_)
        pos = start
        stack.append((end, close))
    while stack:
        e, c = stack.pop()
        out.append(escape(text[pos:e], quote=False) + c)
        pos = e
    out.append(escape(text[pos:hi], quote=False))
    return "".join(out)


def _with_figure(s: Span) -> list[tuple[int, int, str, str]]:
    out = [(s.start, s.end, _open(s), "</mark>")]
    if s.figure is not None:
        out.append((s.start + s.figure[0], s.start + s.figure[1], '<b class="fig">', "</b>"))
    return out


def _fits(stack: list[int], start: int, end: int) -> bool:
    """Whether [start, end) nests inside the open span ends of ``stack`` (pruned to those after start)."""
    while stack and stack[-1] <= start:
        stack.pop()
    return not stack or end <= stack[-1]


def _cross(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans overlap and neither holds the other."""
    overlap = max(a[0], b[0]) < min(a[1], b[1])
    return overlap and not (a[0] <= b[0] and b[1] <= a[1]) and not (b[0] <= a[0] and a[1] <= b[1])


def render_text(text: str, spans: list[Span]) -> tuple[str, str]:
    """The text as HTML with a mark per span, and the second layer (HTML, maybe empty) for crossing spans."""
    main, crossing, stack = [], [], []
    for s in sorted(spans, key=lambda s: (s.start, -s.end, s.index)):
        if _fits(stack, s.start, s.end):
            stack.append(s.end)
            main.append(s)
        else:
            crossing.append(s)
    marks = [(s.start, s.end) for s in main]
    inserted = []
    for s in main:
        for start, end, open_, close in _with_figure(s):
            if open_.startswith("<b") and any(_cross((start, end), m) for m in marks):
                continue  # a figure that would cross a nested mark is left unmarked
            inserted.append((start, end, open_, close))
    body = _nest(text, 0, len(text), inserted)
    layer = []
    for s in crossing:
        lo, hi = max(0, s.start - CONTEXT), min(len(text), s.end + CONTEXT)
        inner = _nest(text, lo, hi, _with_figure(s))
        layer.append(f'<div class="also">{"…" if lo else ""}{inner}{"…" if hi < len(text) else ""}</div>')
    return body, "".join(layer)
