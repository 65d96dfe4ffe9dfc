"""Numbers with their units: "90.260 tỷ đồng", "14,8%", "1,2 triệu lượt khách".

A quantity is a number (digits or spelled out) and what follows it: a scale
(nghìn, triệu, tỷ, nghìn tỷ), a base unit from ``units.tsv`` and per-unit
denominators ("triệu đồng/người/tháng"). Numbers that are dates, identifiers,
ordinals, phone numbers or the logistics of an event are dropped here.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from ..lang.vi import lexicon
from ..numbers import Convention, scan
from .words import alternation, words

_END = r"(?![\p{L}\p{N}])"


@dataclass(frozen=True)
class Quantity:
    """A number and its unit, as offsets into the normalised text."""

    num_start: int
    num_end: int
    end: int  # end of the unit (== num_end when there is none)
    value: Decimal
    #: Output unit: "tỷ đồng", "%", "dự án", "triệu đồng/người/tháng"; None when bare.
    unit: str | None
    #: money | percent | measure | count | points | ratio | None (a bare number)
    category: str | None
    spelled: bool = False
    #: Where the base unit starts (after any scale word); ``num_end`` when there is none.
    base_start: int = -1


@cache
def _unit_re():
    lex = lexicon()
    scales = alternation(tuple(lex.scales))
    units = alternation(tuple(k for k in lex.units if k != "%"))
    dens = alternation(lex.denominators)
    points = alternation(words("change", "points").words)
    ratio = alternation(words("change", "ratio_unit").words)
    return regex.compile(
        rf"""
        [ \t]{{0,3}}+
        (?:(?P<scale>{scales}){_END}[ \t]{{0,3}}+)?
        (?:
            (?P<points>{points}){_END}
          | (?P<ratio>{ratio}){_END}
          | (?P<pct>%)
          | (?P<unit>{units}){_END}
        )?
        (?P<den>(?:[ \t]?+/[ \t]?+(?:{dens}){_END}){{0,3}}+)
        """,
        regex.VERBOSE,
    )


_RANGE_BEFORE = regex.compile(r"\d[ \t]*+[-–][ \t]*+\Z")
_RANGE_AFTER = regex.compile(r"[ \t]*+[-–][ \t]*+\d")
_DATE_NEIGHBOUR = regex.compile(r"[/\-.]\d")
_ID_AFTER = regex.compile(r"/[\p{L}]|-[\p{Lu}]")
_ATTACHED_BEFORE = regex.compile(r"[\p{L}][\-]?\Z|\d[/.]\Z|[/]\Z")


def find_quantities(folded: str, text: str, convention: Convention, start: int = 0, end: int | None = None,
                    next_word=None) -> list[Quantity]:
    """Every quantity in ``text[start:end]`` that may be a statistic.

    ``next_word(pos)`` may give the (start, end) of the segmented word after a
    number; a bare number followed by a noun-like word then counts that word
    ("46 nhà_hàng"), which no unit list can foresee.
    """
    end = len(text) if end is None else end
    lex = lexicon()
    unit_re = _unit_re()
    not_before = words("not_record", "before")
    logistics = words("not_record", "logistics")
    out: list[Quantity] = []
    for m in scan(text[start:end], convention):
        s, e = m.start + start, m.end + start
        if _is_not_a_figure(text, folded, s, e, m.spelled, m.value):
            continue
        if not_before.before(folded, s, start):
            continue
        if _RANGE_BEFORE.search(folded, max(start, s - 4), s) or _RANGE_AFTER.match(folded, e, end):
            continue  # "50-80 triệu đồng", "từ 120 đến 180 nghìn": a range is no single figure
        if m.value == 1 and words("not_record", "per_one").before(folded, s, start):
            continue
        bound = _any_bound().before(folded, s, start)
        if bound and not_before.before(folded, bound[0], start):
            continue
        u = unit_re.match(folded, e, end)
        scale_key = u.group("scale")
        scale = lex.scales[_squash(scale_key)] if scale_key else None
        unit = category = None
        uend = e
        base_start = e
        if u.group("pct"):
            unit, category = "%", "percent"
        elif u.group("points"):
            unit, category = "điểm phần trăm", "points"
        elif u.group("ratio"):
            unit, category = "lần", "ratio"
        elif u.group("unit"):
            base = lex.units[_squash(u.group("unit"))]
            unit, category = base.unit, base.category
            base_start = u.start("unit")
        if scale and not unit and scale.power < 9 and next_word is not None:
            # "50 triệu cổ phiếu": a scale before a counted noun no unit list knows.
            word = next_word(u.end("scale"))
            if word is not None and _counted_noun(folded, *word):
                unit, category, base_start = text[word[0]:word[1]].lower(), "count", word[0]
                uend = word[1]
        if scale and not unit and scale.power < 9:
            continue  # "200 triệu phú", "1,2 triệu" alone: no unit, no figure
        if unit or scale:
            if uend == e:
                uend = u.end("den") if u.group("den") else max(
                    (u.end(g) for g in ("scale", "points", "ratio", "pct", "unit") if u.group(g)), default=e
                )
            if scale and not unit:
                # "60,2 ngàn tỷ": large scales without a unit are money in this genre.
                unit, category = "đồng", "money"
            if scale and category not in ("percent", "points", "ratio"):
                unit = f"{scale.name} {unit}".strip()
            if u.group("den"):
                unit += _denominators(text[u.start("den"):u.end("den")])
        if category is None and logistics.after(folded, e, end):
            continue
        if category == "count" and logistics.after(folded, e, end):
            continue
        if category is None and m.spelled:
            continue
        if category is None and next_word is not None and not _year_like(m.value, text[s:e]) and not _time_before(folded, s, start):
            word = next_word(e)
            if word is not None and _counted_noun(folded, *word):
                unit, category, base_start, uend = text[word[0]:word[1]].lower(), "count", word[0], word[1]
        out.append(Quantity(s, e, uend, m.value, unit, category, m.spelled, base_start))
    return out


@cache
def _any_bound():
    from .words import WordSet

    return WordSet(words("bound", "over").words + words("bound", "under").words + words("bound", "about").words)


_TIME_BEFORE = regex.compile(r"(?<![\p{L}])(?:năm|tháng|ngày|quý|thứ|lần|số|khóa|kỳ)[ \t]*+\Z")


def _year_like(value: Decimal, raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100


def _time_before(folded: str, s: int, start: int) -> bool:
    return _TIME_BEFORE.search(folded, max(start, s - 8), s) is not None


_NOUNISH = regex.compile(r"\p{Ll}[\p{Ll}\p{M} ]*+")


@cache
def _not_counted() -> frozenset[str]:
    from ..lang.vi import lexicon as _lex

    cues = _lex().cues
    skip = set(cues["not_record"]["logistics"])
    for group in ("change", "bound", "kind", "plan", "share"):
        for ws in cues[group].values():
            skip.update(ws)
    skip.update(cues["metric"]["verbs"])
    skip.update(cues["metric"]["lead"])
    return frozenset(skip)


def _counted_noun(folded: str, s: int, e: int) -> bool:
    """A segmented word of two or more syllables, lower-case, that is no cue word: a counted noun."""
    word = folded[s:e]
    return " " in word and _NOUNISH.fullmatch(word) is not None and word not in _not_counted()


def _squash(key: str) -> str:
    return " ".join(key.split())


def _denominators(raw: str) -> str:
    lex = lexicon()
    parts = [p.strip() for p in raw.split("/") if p.strip()]
    canon = {d: d for d in lex.denominators}
    return "".join("/" + canon.get(p.lower(), p.lower()) for p in parts)


def _is_not_a_figure(text: str, folded: str, s: int, e: int, spelled: bool, value: Decimal) -> bool:
    if spelled:
        return False
    raw = text[s:e]
    # Dates (15/10/2023, 10/2023), identifiers (123/QĐ-UBND), codes (H5N1), Covid-19.
    if _DATE_NEIGHBOUR.match(text, e) or _ATTACHED_BEFORE.search(text, max(0, s - 2), s):
        return True
    if _ID_AFTER.match(text, e):
        return True
    # Phone numbers and other zero-led codes: "0236", "1900 1234".
    if len(raw) >= 3 and raw[0] == "0" and raw[1].isdigit():
        return True
    return False
