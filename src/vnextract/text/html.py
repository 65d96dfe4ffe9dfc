"""Article text from HTML: block elements become lines, scripts, styles and page chrome are dropped.

Evidence offsets of records read from HTML refer to this text, which the
output then carries (the ``text`` key), since they cannot point into markup.
"""
from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 tr td th table section article blockquote pre ul ol dd dt figcaption header footer".split()
)
_SKIP = frozenset("script style noscript template svg nav aside form button select iframe head".split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The readable text of ``html``: one line per block, spaces collapsed, blank lines removed."""
    p = _Text()
    p.feed(html)
    p.close()
    lines = (" ".join(line.split()) for line in "".join(p.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<p>" in head and "</p>" in head)
