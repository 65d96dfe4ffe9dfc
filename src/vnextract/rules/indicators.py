"""Canonical indicators of records: which headline statistic a metric reports.

A metric gets an id only when, after shorthand and acronyms are expanded and
the qualifiers of ``lang/vi/indicators.toml`` dropped, it *is* one of the names
listed for that id. A breakdown ("xuất khẩu hàng dệt may", "xuất khẩu sang Hoa
Kỳ") is not the headline statistic, so matching is exact, never containment.
A new synonym is one line of that data file.
"""
from __future__ import annotations

from functools import cache, lru_cache

from ..lang.vi import metric_words
from ..lang.vi.indicators import indicators, qualifiers

Words = tuple[str, ...]


@cache
def _tables() -> tuple[dict[Words, str], tuple[Words, ...], tuple[Words, ...]]:
    names: dict[Words, str] = {}
    for ind in indicators().values():
        for n in ind.names:
            key = metric_words(n)
            if names.setdefault(key, ind.id) != ind.id:
                raise ValueError(f"indicators.toml: {n!r} is listed under both {names[key]} and {ind.id}")
    before, after = qualifiers()
    longest_first = lambda ws: tuple(sorted({metric_words(w) for w in ws}, key=len, reverse=True))  # noqa: E731
    return names, longest_first(before), longest_first(after)


def _strip(key: Words, before: tuple[Words, ...], after: tuple[Words, ...]) -> Words:
    """``key`` without one leading and one trailing qualifier (never all of it)."""
    for q in before:
        if len(key) > len(q) and key[: len(q)] == q:
            key = key[len(q):]
            break
    for q in after:
        if len(key) > len(q) and key[-len(q):] == q:
            key = key[: -len(q)]
            break
    return key


@lru_cache(maxsize=4096)
def indicator_of(metric: str | None) -> str | None:
    """The canonical id a metric reports, or None when it names no headline statistic."""
    if not metric:
        return None
    names, before, after = _tables()
    key = metric_words(metric)
    while key not in names:
        shorter = _strip(key, before, after)  # qualifiers may stack: "tổng … trên địa bàn toàn tỉnh"
        if shorter == key:
            return None
        key = shorter
    return names[key]
