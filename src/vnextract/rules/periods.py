"""Periods: years, months and quarters stated in the text.

"năm 2018" → year 2018; "7 tháng đầu năm" → months (1, 7); "quý III/2023" →
(7, 9) in 2023; "tháng 10" → (10, 10). The record assembler frames figures
with them (RECORDS.md: year and months).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: Month counts in words: "sáu tháng đầu năm", "chín tháng". ("một", "năm" are left out: "năm tháng" is "years".)
_MONTH_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
                "mười một": 11, "mười hai": 12}
_COUNT = r"\d{1,2}|" + "|".join(w.replace(" ", r"[ \t]++") for w in sorted(_MONTH_WORDS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_YEAR_TAIL = rf"(?:[ \t]*+(?:/|-|năm)[ \t]*+(?P<y>{_YEAR}))?+"
_AFTER_NAM = rf"(?:[ \t]++(?P<y>{_YEAR}))?+"

_PATTERNS = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}])
    (?:
        (?P<date>ngày[ \t]++\d{{1,2}}[ \t]*+(?:/|tháng)[ \t]*+\d{{1,2}}(?:[ \t]*+(?:/|năm)[ \t]*+(?P<dy>{_YEAR}))?+)
      | (?P<half>(?:nửa|6[ \t]++tháng)[ \t]++(?P<which>đầu|cuối)[ \t]++năm){_AFTER_NAM}
      | (?P<nm>{_COUNT})[ \t]++tháng(?:(?:[ \t]++(?P<edge>đầu|cuối)[ \t]++năm{_AFTER_NAM})|{_YEAR_TAIL})
      | tháng[ \t]++(?P<m>\d{{1,2}}){_YEAR_TAIL}
      | quý[ \t]++(?P<q>iv|iii|ii|i|[1-4])(?![\p{{L}}\p{{N}}]){_YEAR_TAIL}
      | (?P<yearword>năm)[ \t]++(?P<year>{_YEAR})
      | (?P<whole>cả[ \t]++năm){_AFTER_NAM}
    )
    (?![\p{{L}}\p{{N}}])
    """,
    regex.VERBOSE,
)
_NOT_MONTHS_BEFORE = regex.compile(r"(?:kỳ hạn|thời hạn|dưới|trên|hơn|gần|khoảng|sau|trong vòng|mỗi)[ \t]*+\Z")
_RANGE = regex.compile(rf"giai[ \t]++đoạn[ \t]++(?:từ[ \t]++)?(?:năm[ \t]++)?{_YEAR}[ \t]*+(?:-|–|đến|tới)[ \t]*+(?:năm[ \t]++)?{_YEAR}")


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    year: int | None
    months: tuple[int, int] | None
    #: True for a bare year ("năm 2019"): it resets a months frame.
    year_only: bool = False
    #: True for a date ("ngày 30/9/2023"): it gives a year, never months.
    date: bool = False


def find_periods(folded: str, start: int = 0, end: int | None = None) -> list[Period]:
    """Period phrases in ``folded[start:end]``, in text order."""
    end = len(folded) if end is None else end
    ranges = [m.span() for m in _RANGE.finditer(folded, start, end)]
    out: list[Period] = []
    for m in _PATTERNS.finditer(folded, start, end):
        if any(a <= m.start() < b for a, b in ranges):
            continue
        p = _period(m, folded)
        if p is not None:
            out.append(p)
    return out


def _period(m, folded: str) -> Period | None:
    s, e = m.span()
    y = m.group("y")
    year = int(y) if y else None
    if m.group("date"):
        dy = m.group("dy")
        return Period(s, e, int(dy) if dy else None, None, date=True)
    if m.group("half"):
        months = (1, 6) if m.group("which") == "đầu" else (7, 12)
        return Period(s, e, year, months)
    if m.group("nm"):
        nm = " ".join(m.group("nm").split())
        n = _MONTH_WORDS[nm] if nm in _MONTH_WORDS else int(nm)
        if not 1 <= n <= 12 or _NOT_MONTHS_BEFORE.search(folded, max(0, s - 12), s):
            return None
        months = (13 - n, 12) if m.group("edge") == "cuối" else (1, n)
        if n == 12 and not m.group("edge"):
            months = None  # "12 tháng" is the whole year
        return Period(s, e, year, months)
    if m.group("m"):
        n = int(m.group("m"))
        if not 1 <= n <= 12:
            return None
        return Period(s, e, year, (n, n))
    if m.group("q"):
        q = _ROMAN[m.group("q")]
        return Period(s, e, year, (3 * q - 2, 3 * q))
    if m.group("year"):
        return Period(s, e, int(m.group("year")), None, year_only=True)
    if m.group("whole"):
        return Period(s, e, year, None, year_only=True)
    return None
