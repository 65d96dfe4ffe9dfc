"""The parts of a document that frame it: heading, lead, passages, and the dateline.

A news text starts with its heading (a short first line with no final stop)
and its lead (the first sentence of the body); their periods frame the whole
document. A first line that is a photo's caption ("… (Ảnh: Reuters).") is
neither for periods and places (``past_caption``): the lead is the first
sentence after it. A passage is a paragraph, with the bullet lines of a list that a
line ending in ":" opens, and the paragraphs that open by going on with
it ("Trong đó, …", "Như vậy, …"). A sub-heading is a short line of its own
without a final stop (not a photo credit). The dateline ("Ngày 6/1/2023, …", "Chiều 3/7/2024,
…", "(Baonghean.vn) – Sáng 3/7/2024, …") gives the document's date when it
states a year; without one it gives none (no guessed year).
"""
from __future__ import annotations

from datetime import date as Date
from functools import cache

import regex

from ..lang.vi.periods import document_words
from ..text.serial import SERIAL

#: A heading is at most this long and ends without a sentence stop.
HEADING_MAX = 250
_DATELINE = regex.compile(
    r"[ \t]*+(?:\([^()\n]{1,40}+\)[ \t]*+[-–—:]?[ \t]*+)?"  # "(Baonghean.vn) – "
    r"(?:(?:sáng|chiều|trưa|tối|đêm|ngày|hôm[ \t]++nay)[ \t]*+(?:\([^()\n]{0,20}+\)[ \t]*+)?(?:ngày[ \t]++)?)?"
    r"(?:thứ[ \t]++(?:hai|ba|tư|năm|sáu|bảy|\d)[ \t]*+,?[ \t]*+|chủ[ \t]++nhật[ \t]*+,?[ \t]*+)?"
    r"\(?(?P<d>\d{1,2})[ \t]*+(?:/|-|\.|tháng)[ \t]*+(?P<m>\d{1,2})[ \t]*+(?:/|-|\.|năm)[ \t]*+(?P<y>(?:19|20)\d\d)(?!\d)\)?"
    r"[ \t]*+,"
)


def heading_and_lead(folded: str, sentences, paragraphs: list[int]) -> set[int]:
    """Indices of the sentences of the heading (if any) and of the lead."""
    if not sentences:
        return set()
    first = paragraphs[0]
    firsts = [i for i, p in enumerate(paragraphs) if p == first]
    out: set[int] = set()
    body = 0
    lo, hi = sentences[firsts[0]][0], sentences[firsts[-1]][1]
    text = folded[lo:hi].rstrip()
    if len(firsts) == 1 and len(text) <= HEADING_MAX and not text.endswith((".", ":", ";")) \
            and len(sentences) > 1:
        out.add(firsts[0])
        body = firsts[0] + 1
    if body < len(sentences):
        out.add(body)
    return out


def past_caption(folded: str, sentences, lead: set[int]) -> set[int]:
    """The lead when the first line is a photo's caption ("Tàu ngầm KRI Nanggala 402 … (Ảnh: Getty)."): the
    first sentence after it, for periods and places (the metric namer keeps the caption as its lead)."""
    if not lead or min(lead) != 0:
        return lead
    nl = folded.find("\n")
    if nl < 0:
        return lead
    after = next((i for i, (lo, _) in enumerate(sentences) if lo > nl), None)
    if after is None or not _caption().search(folded[:nl].rstrip()):
        return lead
    return {after}


@cache
def _caption() -> regex.Pattern:
    """The credit that ends a photo's caption: "(Ảnh: Reuters).", "… năm 2015. (ảnh: Wikipedia)"."""
    words = "|".join(regex.escape(w) for w in document_words("photo_credit"))
    return regex.compile(rf"\((?:{words})[ \t]*+:[^()\n]{{1,80}}+\)[ \t]*+\.?\Z")


#: A sub-heading inside the body is shorter than this.
SUBHEADING_MAX = 150


@cache
def _not_subheading() -> frozenset[str]:
    return frozenset(document_words("not_subheading"))


def is_subheading(folded: str, lo: int, hi: int) -> bool:
    """Whether ``folded[lo:hi]`` is a line of its own, short and without a final stop: a section's title."""
    text = folded[lo:hi].strip()
    if not (0 < len(text) <= SUBHEADING_MAX and (lo == 0 or folded[lo - 1] == "\n")
            and (hi >= len(folded) or folded[hi:hi + 1] == "\n" or folded.startswith(("\r", " \n"), hi))
            and not text.endswith((".", ":", ";", "!", "?", ",", "…", '"', "”", ")"))):
        return False  # (these cheap tests first: most sentences are no heading)
    first = _FIRST_WORDS.match(text)
    # "Ảnh: Toàn Vũ", "Nguồn: …": a caption or a credit
    return not (first and (first.group(1) in _not_subheading() or first.group(1).split()[0] in _not_subheading()))


_FIRST_WORDS = regex.compile(r"[(\[]?+(\p{L}++(?:[ \t]++\p{L}++)?)")


@cache
def _continuation():
    words = sorted(document_words("continues"), key=len, reverse=True)
    return regex.compile(r"[ \t]*+(?:" + "|".join(regex.escape(w).replace(r"\ ", r"[ \t]++") for w in words)
                         + r")(?![\p{L}\p{N}])")


def _continues(folded: str, lo: int) -> bool:
    """Whether the paragraph starting at ``lo`` goes on with the one before ("Trong đó, …")."""
    return _continuation().match(folded, lo, min(len(folded), lo + 40), SERIAL) is not None


def passages(folded: str, sentences, paragraphs: list[int], bullets: list[bool]) -> list[int]:
    """The passage of each sentence: its paragraph, the list its bullet line continues, or the
    passage before when its paragraph opens by going on with it ("Trong đó, …", ``periods.toml``)."""
    out: list[int] = []
    passage, prev_par, listing = -1, None, False
    for i, (lo, hi) in enumerate(sentences):
        par = paragraphs[i]
        if par != prev_par:
            if not (listing and bullets[i]) and not (i > 0 and _continues(folded, lo)):
                passage += 1
                listing = False
            prev_par = par
        if folded[lo:hi].rstrip().endswith(":"):
            listing = True
        out.append(passage)
    return out


def read_dateline(folded: str, sentences, lead: set[int]) -> Date | None:
    """The date of a dateline at the start of the text or of the lead, when it states a year."""
    starts = [0] + [sentences[i][0] for i in sorted(lead)]
    for s in starts[:3]:
        m = _DATELINE.match(folded, s, min(len(folded), s + 120))
        if m is None:
            continue
        try:
            return Date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
    return None
