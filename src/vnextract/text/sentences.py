"""Sentence splitting with offsets: lines first, then underthesea per line."""
from __future__ import annotations

from typing import NamedTuple

import regex

from .normalize import holds_any
from .serial import SERIAL

_LINE = regex.compile(r"[^\n]+")
#: Longer sentences are cut at clause marks, then at spaces: segmenting a
#: run-on "sentence" of megabytes would cost time and memory out of all proportion.
MAX_SENTENCE = 1500
_CLAUSE_MARK = regex.compile(r"[;:]\s")
_EDGE = regex.compile(r"^\s+|\s+$")


class Sentence(NamedTuple):
    start: int
    end: int
    #: Index of the line (paragraph) the sentence sits in.
    paragraph: int


#: A digit or a number word: a line or sentence without one holds no figure.
NUMBER_WORDS = ("mười", "mươi", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "rưỡi")
_NUMBER_WORD = regex.compile(rf"(?i:{'|'.join(NUMBER_WORDS)})")
MAY_HOLD_FIGURE = regex.compile(rf"\d|{_NUMBER_WORD.pattern}")
_DIGIT = regex.compile(r"\d")


def may_hold_figure(text: str, s: int, e: int) -> bool:
    """Whether ``MAY_HOLD_FIGURE`` is found in ``text[s:e]``: the same answer, sooner.

    A digit is looked for first with a plain class, then the number words, each
    with a plain ``in`` in the lower-cased stretch (a fast scan in C; the
    alternation is tried at every position). Where lower-casing keeps the length,
    a character lower-cases to a letter of these words just when the
    case-insensitive pattern matches it there (``tests/text/test_prefilters.py``
    checks every character); else ("İ") the pattern is asked.
    """
    if _DIGIT.search(text, s, e, SERIAL) is not None:
        return True
    low = text[s:e].lower()
    if len(low) != e - s:
        return _NUMBER_WORD.search(text, s, e) is not None
    return holds_any(low, NUMBER_WORDS)


def split_sentences(text: str, lazy: bool = False) -> list[Sentence]:
    """Split ``text`` into sentences, each a ``(start, end)`` slice of it.

    Every line is a paragraph; underthesea splits the lines that hold more than
    one sentence. Its output is aligned back onto ``text``, so the offsets are
    exact even where it trims or rewrites spaces. ``lazy`` leaves whole a line
    with no digit or number word: no record can come from it, so its inner
    sentence ends do not matter to the rules.
    """
    out: list[Sentence] = []
    for para, line in enumerate(_LINE.finditer(text)):
        s, e = _strip(text, line.start(), line.end())
        if s >= e:
            continue
        if not _may_hold_several(text, s, e) or (lazy and not may_hold_figure(text, s, e)):
            spans = [(s, e)]
        else:
            spans = _resplit(text, _rejoin(text, [(ss, se) for a, b in _pieces(text, s, e)
                                                  for ss, se in _align(text, a, b, _sent_tokenize(text[a:b]))]))
        for ss, se in spans:
            for a, b in _pieces(text, ss, se):
                out.append(Sentence(a, b, para))
    return out


#: A sentence that ends in the dot of a unit before its number: "đạt Rs. 20", "5 tr. đồng" are one.
_UNIT_DOT_END = regex.compile(r"(?<![\p{L}])(?:Rs|tr|Tr|US)\.\Z")
_UNIT_DOTS = frozenset(("Rs.", "tr.", "Tr.", "US."))  # (how a sentence ends where the pattern can match)


def _rejoin(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and text[out[-1][1] - 3:out[-1][1]] in _UNIT_DOTS and _UNIT_DOT_END.search(text, out[-1][0], out[-1][1], SERIAL) \
                and b > a and (text[a].isdigit() or text[a] == "đ"):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


#: A full stop after a number's one-letter unit, before a capital: "dài 153 m. Dự án …" is two sentences
#: (underthesea reads "m." as an abbreviation, as it reads the initial of "Nguyễn V. A.").
#: (The dot comes first in the pattern, so the search skips to the dots.)
_LETTER_UNIT_END = regex.compile(r"\.(?<=\d[ \t]?+\p{Ll}\.)[ \t]++(?=\p{Lu})")


def _resplit(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        for m in (_LETTER_UNIT_END.finditer(text, a, b) if text.find(". ", a, b) >= 0 or text.find(".\t", a, b) >= 0 else ()):
            out.append((a, m.start() + 1))
            a = m.end()
        out.append((a, b))
    return out


def _pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``text[s:e]`` cut into stretches of at most MAX_SENTENCE characters, at clause marks or spaces."""
    out = []
    while e - s > MAX_SENTENCE:
        cut = None
        for m in _CLAUSE_MARK.finditer(text, s + MAX_SENTENCE // 2, s + MAX_SENTENCE):
            cut = m.end()
        if cut is None:
            sp = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
            cut = sp + 1 if sp > 0 else s + MAX_SENTENCE
        a, b = _strip(text, s, cut)
        if a < b:
            out.append((a, b))
        s = cut
    a, b = _strip(text, s, e)
    if a < b:
        out.append((a, b))
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


_END_MARK = regex.compile(r"[.!?…](?=\s)")


def _may_hold_several(text: str, s: int, e: int) -> bool:
    return _END_MARK.search(text, s, e, SERIAL) is not None


def _sent_tokenize(line: str) -> list[str]:
    from .models import split_sentences

    return split_sentences(line)


def _align(text: str, s: int, e: int, pieces: list[str]) -> list[tuple[int, int]]:
    """Find each piece in ``text[s:e]`` in order, ignoring differences in spacing."""
    spans: list[tuple[int, int]] = []
    pos = s
    for piece in pieces:
        if not piece.strip():
            continue
        start = find_piece(text, piece.strip(), pos, e)
        if start is None:
            # Should underthesea ever rewrite a character, keep the rest of the line whole.
            spans.append(_strip(text, pos, e))
            return [sp for sp in spans if sp[0] < sp[1]]
        start, end = start
        if spans and start == spans[-1][1]:
            # No space after the stop: not a sentence end ("tấn.km", "TP.HCM").
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        pos = end
    if pos < e:
        tail = _strip(text, pos, e)
        if tail[0] < tail[1]:
            if spans:
                spans[-1] = (spans[-1][0], tail[1])
            else:
                spans.append(tail)
    return spans


def find_piece(text: str, piece: str, pos: int, end: int) -> tuple[int, int] | None:
    """Where ``piece`` (a sentence or word a segmenter returned) sits in ``text[pos:end]``.

    Usually it is there as is, right after ``pos`` and spaces: one ``find``.
    Else its spacing may differ, and it is matched without spaces.
    """
    hit = text.find(piece, pos, end)
    if hit >= 0 and not text[pos:hit].strip():
        return hit, hit + len(piece)
    return _find_spaced(text, "".join(piece.split()), pos, end)


def _find_spaced(text: str, core: str, pos: int, end: int) -> tuple[int, int] | None:
    """Locate ``core`` (no spaces) in ``text[pos:end]`` allowing any spacing between its characters."""
    if not core:
        return None
    i = pos
    while i < end and text[i].isspace():
        i += 1
    if text[i:i + 1] != core[:1]:
        hit = text.find(core[:1], i, end)
        if hit < 0:
            return None
        i = hit
    start = i
    k = 0
    while k < len(core) and i < end:
        if text[i].isspace():
            i += 1
            continue
        if text[i] != core[k]:
            return None
        i += 1
        k += 1
    return (start, i) if k == len(core) else None
