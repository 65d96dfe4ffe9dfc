"""Numbers with their units: "90.260 tỷ đồng", "14,8%", "1,2 triệu lượt khách".

A quantity is a number (digits or spelled out) and what follows it: a scale
(nghìn, triệu, tỷ, nghìn tỷ), a base unit from ``units.tsv`` and per-unit
denominators ("triệu đồng/người/tháng"), or a currency before it
(``currency_prefixes.tsv``: "USD 2,5 tỷ"). It may be a range ("120-180.000
đồng/kg", "từ 400 triệu đến 1,2 tỷ đồng"), a compound amount ("3 tỷ 500 triệu
đồng"), or share the unit of a list ("5,2 và 3,1 tỷ USD"). Numbers that are
dates, identifiers, ordinals, phone numbers or the logistics of an event are
dropped here.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from ..lang.vi import lexicon
from ..numbers import Convention, NumberMatch, parse_spelled, scan
from ..text.serial import SERIAL
from .words import trie_alternation, word_char, words

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
    #: The upper end of a range ("120-180.000 đồng/kg", "từ 7 đến 7,5%"), in the same unit.
    high: Decimal | None = None


@cache
def _unit_re():
    lex = lexicon()
    # (tries: the same matches as the alternations, without trying 170 units one after another)
    scales = trie_alternation(tuple(lex.scales))
    units = trie_alternation(tuple(k for k in lex.units if k != "%"))
    dens = trie_alternation(tuple(lex.denominators))
    points = trie_alternation(words("change", "points").words)
    ratio = trie_alternation(words("change", "ratio_unit").words)
    return regex.compile(
        rf"""
        [ \t]{{0,3}}+
        (?:(?P<scale>{scales})(?:{_END}|(?<=\.))[ \t]{{0,3}}+)?
        (?:
            (?P<points>{points}){_END}
          | (?P<ratio>{ratio}){_END}
          | (?P<pct>%)
          | (?P<unit>{units})(?:{_END}|(?<=[$€£]))
        )?
        (?P<den>(?:[ \t]?+/[ \t]?+(?:{dens}){_END}){{0,3}}+)
        """,
        regex.VERBOSE,
    )


@cache
def _den_re():
    """The denominators of ``_unit_re`` alone, after a counted noun no unit list knows."""
    dens = trie_alternation(tuple(lexicon().denominators))
    return regex.compile(rf"(?:[ \t]?+/[ \t]?+(?:{dens}){_END}){{0,3}}+")


@cache
def _currency_before():
    """"USD 2,5 tỷ", "$12,5 triệu", "EUR29,99": a currency written before its number (case-sensitive)."""
    table = lexicon().currency_prefixes
    alt = "|".join(regex.escape(k) for k in sorted(table, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}$])(?P<c>{alt})[ \t]?\Z"), table


_RANGE_BEFORE = regex.compile(r"\d[ \t]*+[-–][ \t]*+\Z")
_RANGE_AFTER = regex.compile(r"[ \t]*+[-–][ \t]*+\d")
_DASHES = ("-", "–")


def _range_end_before(folded: str, s: int, start: int) -> bool:
    """``_RANGE_BEFORE`` in the four characters before ``s``: asked only where they hold a dash (its match does)."""
    lo = max(start, s - 4)
    return (folded.find("-", lo, s) >= 0 or folded.find("–", lo, s) >= 0) \
        and _RANGE_BEFORE.search(folded, lo, s, SERIAL) is not None


def _range_start_after(folded: str, pos: int, end: int) -> bool:
    """``_RANGE_AFTER`` at ``pos``: asked only where the first character past spaces and tabs can be its dash (a
    character other than a space, a tab or a dash in the next three ends every match there)."""
    return folded[pos:pos + 3].lstrip(" \t")[:1] in ("", *_DASHES) and _RANGE_AFTER.match(folded, pos, end, SERIAL) is not None
#: Between the ends of a range: "120-180", "7 – 7,5", "từ 400 đến 700", "giữa 1000 và 2000".
#: "từ 90 CV đến 1.100 CV", "từ 20 đến trên 50 triệu đồng": a bound word on the high end keeps the range.
_RANGE_SEP = regex.compile(r"[ \t]*+(?:[-–—]|(?:đến|tới)(?:[ \t]++(?:trên|hơn|gần|khoảng))?)[ \t]*+")
_RANGE_AND = regex.compile(r"[ \t]++và[ \t]++")
_BETWEEN_BEFORE = regex.compile(r"(?<![\p{L}])giữa[ \t]++\Z")
#: "5,2 và 3,1 tỷ USD", "12%, 15% và 20%": the numbers of a list before the unit they share.
_LIST_SEP = regex.compile(r"[ \t]*+(?:,[ \t]*+(?:và[ \t]++)?|và[ \t]++)")
#: "41, 75 tỷ đồng": a decimal comma followed by a space (the press does write it).
_SPACED_DECIMAL = regex.compile(r",[ \t](?P<d>\d{2})(?![\d.,])")
#: The second part of a compound amount: "3 tỷ [500 triệu] đồng", "10 nghìn [537 tỷ]".
_COMPOUND = regex.compile(r"[ \t]++(?P<n>[1-9]\d{0,2}|0\d{1,2})(?![\d.,])[ \t]*+")
#: "2 đô la và 23 xen", "2 đô 23 xu", "hai đô 23": cents after an amount in a currency.
_CENTS = regex.compile(r"[ \t]++(?:và[ \t]++)?(?P<c>\d{1,2}|[\p{L}][\p{L} ]{0,20}?)[ \t]*+(?P<unit>xu|xen|cent|cents)?(?=[ \t]*+(?:[.,;:)]|\Z))")
#: What may follow "điểm" when it is index points: "1.230 điểm", "tăng 9,8 điểm, tương ứng 0,8%".
_POINTS_NEXT = regex.compile(r"[ \t]*+(?:[^\p{L}]|\Z|(?:so|tương|và|lên|xuống|trong|khi|nhưng|còn|là|với|sau|trước|vào|tại|của|thì|nên|do|cho|ở|lúc|nhờ|giúp|tới|mỗi|rồi|để|từ|ngày|phiên|hôm|sáng|chiều|tuần|tháng|năm|quý|cũng|vẫn|đã|chỉ|gần)(?![\p{L}]))")
#: "15/10", "15.10.2023", "15-10-2023", "14-18/9": a date, not a figure (a lone dash is a range: "18-22").
_DATE_NEIGHBOUR = regex.compile(r"[/.]\d|-\d{1,2}[/\-.]\d")
_ID_AFTER = regex.compile(r"/[\p{L}]|-[\p{Lu}]")
_DATE_MARKS = ("/", ".", "-")
_ATTACHED_BEFORE = regex.compile(r"[\p{L}][\-]?\Z|\d[/.]\Z|[/]\Z")
#: A lower-case word right before a number, no space between: a typing slip ("đạt1.885 tỷ đồng", "là20,5 triệu").
_GLUED_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Ll}[\p{Ll}\p{M}]{1,7}\Z")


def glued_to_word(text: str, s: int) -> bool:
    """Whether the number at ``s`` is glued onto a lower-case word of two letters or more (no code: "H5N1")."""
    return s > 0 and text[s - 1].islower() and _GLUED_WORD.search(text, max(0, s - 8), s) is not None


@dataclass
class _Read:
    """What follows a number (scale, base unit, denominators), or precedes it (a currency sign)."""

    base: str | None = None  # "đồng", "USD", "%", "dự án"
    category: str | None = None
    end: int = 0  # end of all that was read
    base_start: int = -1
    power: int = 0  # the scale word's power of ten (0: none)
    scale_name: str | None = None
    scale_end: int = -1
    den: str = ""  # "/người/tháng"
    lead: int | None = None  # where a currency written before the number starts

    @property
    def unit(self) -> str | None:
        if self.base is None:
            return None
        if self.scale_name and self.category not in ("percent", "points", "ratio"):
            return f"{self.scale_name} {self.base}" + self.den
        return self.base + self.den


def _identifier_before(not_before, folded: str, pos: int, start: int) -> bool:
    """Whether the words before ``pos`` make the number an identifier ("quyết định số 12"), not a measure
    ("doanh số 2.900 chiếc")."""
    return not_before.before(folded, pos, start) is not None \
        and words("not_record", "before_measure").before(folded, pos, start) is None


def find_quantities(folded: str, text: str, convention: Convention, start: int = 0, end: int | None = None,
                    next_word=None) -> list[Quantity]:
    """Every quantity in ``text[start:end]`` that may be a statistic.

    ``next_word(pos)`` may give the (start, end) of the segmented word after a
    number; a bare number followed by a noun-like word then counts that word
    ("46 nhà_hàng"), which no unit list can foresee.
    """
    end = len(text) if end is None else end
    not_before = words("not_record", "before")
    logistics = words("not_record", "logistics")
    # (the offsets moved onto the text: a NamedTuple's ``_replace`` costs more than building the tuple)
    nums = [NumberMatch(m.start + start, m.end + start, m.value, m.spelled, m.text, m.lone)
            for m in scan(text[start:end], convention, lone=True)]
    out: list[Quantity] = []
    i = 0
    while i < len(nums):
        m = nums[i]
        i += 1
        s, e, value = m.start, m.end, m.value
        if _is_not_a_figure(text, folded, s, e, m.spelled, value):
            continue
        if _identifier_before(not_before, folded, s, start):
            continue
        bound = _any_bound().before(folded, s, start)
        if bound and _identifier_before(not_before, folded, bound[0], start):
            continue
        # "41, 75 tỷ đồng": the decimal part after a comma and a space
        sd = None if m.spelled or not m.text.isdigit() or len(m.text) > 3 or text[e:e + 1] != "," \
            else _SPACED_DECIMAL.match(text, e, end)
        if sd and _time_before(folded, s, start):
            sd = None
        if sd and i < len(nums) and nums[i].start == sd.start("d") and not _LIST_AFTER.match(folded, sd.end(), end) \
                and _read_unit(folded, text, sd.end(), end, None).category in ("money", "measure"):
            value, e = Decimal(f"{value}.{sd.group('d')}"), sd.end()
            i += 1
        u = _read_unit(folded, text, e, end, next_word, s)
        if not m.spelled and u.category not in ("money", "percent") and glued_to_word(text, s):
            continue  # a number glued onto a word is read only as money or a percentage ("đạt1.885 tỷ đồng")
        e, value, u, i = _compound(folded, text, e, value, u, nums, i, end, next_word)
        if u.category == "money" and u.base != "đồng" and not u.power:
            value, u = _cents(folded, value, u, end)  # "2 đô la và 23 xen", "20 rupees 43"
        high = None
        rng = _range(folded, text, m, e, value, u, nums, i, start, end, next_word)
        if rng is not None:
            value, high, u, i = rng
        elif _range_end_before(folded, s, start) or _range_start_after(folded, max(u.end, e), end):
            continue  # an end of a range that is no figure: "giai đoạn 2016 - 2020"
        if convention == "comma" and _foreign_amount(u) and _FOREIGN_GROUPED.fullmatch(m.text) \
                and folded[u.end:u.end + 1] != "/":  # ("17,693USD/oz": a price per unit no list knows)
            value = Decimal(m.text.replace(",", ""))  # "456,165 NOK", "14,370 USD": a foreign amount, its own grouping
            if high is not None and _FOREIGN_GROUPED.fullmatch(nums[i - 1].text):
                high = Decimal(nums[i - 1].text.replace(",", ""))
        if u.base is None and u.power:
            counted = _counted_before(folded, s, start)
            if counted is None or (u.scale_end >= 0 and _WORD_AFTER.match(folded, u.scale_end, end)):
                continue  # a scale word with no unit after it: "200 triệu phú", "1,2 triệu"
            # "Tổng lượt khách du lịch 1,99 triệu, giảm …": the people counted are named before
            end_ = max(u.end, u.scale_end)
            u = _Read(counted, "count", end_, end_, u.power, u.scale_name, u.scale_end, u.den, u.lead)
        if value == 1 and u.category != "money" and words("not_record", "per_one").before(folded, s, start):
            continue  # "giá trị sản xuất trên 1 ha đất": per hectare ("trên một đô la" is a bound)
        if u.category == "count" and not u.power and _period_number(folded, s, start, value, text[s:e]):
            continue  # "Năm 2016 xã Tân Phú …", "Tháng 3 huyện tổ chức …": a year or a month, no count
        if m.lone and (u.category not in ("count", "money", "measure", "percent")
                       or (m.value == 1 and u.category == "count" and not u.power)):
            continue  # "tám dự án" is a figure; "một doanh nghiệp" is "a firm", "năm 2023" a year
        if u.base is None and not _year_like(value, text[s:e]) and not _time_before(folded, s, start):
            shared = _list_unit(folded, text, e, nums, i, end)
            if shared is not None:  # "5,2 và 3,1 tỷ USD": a bare number shares the unit of its list
                u = _Read(shared.base, shared.category, e, e, shared.power, shared.scale_name, -1, shared.den)
        if u.category in (None, "count") and (lg := logistics.after(folded, e, end)) \
                and not words("not_record", "logistics_traded").after(folded, lg[1], end) \
                and not (u.power or _VOLUME_BEFORE.search(folded, max(start, s - 80), s)):
            # "120 đại biểu", "15 đơn vị tham gia" (but "194.900 đơn vị được chuyển nhượng", "khối lượng giao
            # dịch của SDI là 339.279 đơn vị" and "6,2 triệu đơn vị" are volumes)
            continue
        if u.base is None and m.spelled and value >= 10**9 and not m.lone:
            u = _Read("đồng", "money", e, e)  # "một tỷ rưỡi": a spelled tỷ with no unit is money, as "1,5 tỷ" is
        if u.category is None and m.spelled:
            continue
        unit, category = u.unit, u.category
        uend, base_start = max(u.end, e), (u.base_start if u.base_start >= 0 else e)
        if category is None and _may_count(folded, e, end) \
                and not _year_like(value, text[s:e]) and not _time_before(folded, s, start):
            word = _counted_noun_after(folded, e, next_word) if next_word is not None else None
            if word is None and value > 1 and out and out[-1].category == "count":
                word = _listed_count_noun(folded, out[-1].end, s, e, end)
            if word is not None:
                unit, category, base_start, uend = text[word[0]:word[1]].lower(), "count", word[0], word[1]
        lead = u.lead if u.lead is not None else s
        out.append(Quantity(lead, e, uend, value, unit, category, m.spelled, base_start, high))
        while i < len(nums) and nums[i].start < uend:
            i += 1  # numbers read into this one: the cents of "2 đô la và 23 xen"
    if "gấp" in folded[start:end]:
        out = _word_ratios(folded, start, end, out)
    return out


#: "gấp đôi" is a ratio of 2, "gấp rưỡi" of 1.5 (RECORDS.md: "gấp đôi" → 2), though no digit says it.
_WORD_RATIO = regex.compile(r"(?<![\p{L}])gấp[ \t]++(?P<w>đôi|rưỡi)(?![\p{L}])")
_WORD_RATIO_VALUE = {"đôi": Decimal(2), "rưỡi": Decimal("1.5")}


def _word_ratios(folded: str, start: int, end: int, out: list[Quantity]) -> list[Quantity]:
    payer = words("quantity", "ratio_word_not_after")
    found = [Quantity(m.start("w"), m.end("w"), m.end("w"), _WORD_RATIO_VALUE[m.group("w")], "lần", "ratio", True)
             for m in _WORD_RATIO.finditer(folded, start, end) if not payer.before(folded, m.start(), start)]
    return sorted(out + found, key=lambda q: q.num_start) if found else out


_LIST_AFTER = regex.compile(r"[ \t]*+(?:[^\n]{0,30}?)(?<![\p{L}])và[ \t]++\d")


#: One comma and a group of three: thousands the English way when the group ends in 0 or the whole part
#: has two digits or three ("14,370", "456,165", "23,000"); "1,447" stays a decimal ("1,447 USD" a pound of
#: coffee) (decision 151).
_FOREIGN_GROUPED = regex.compile(r"[1-9]\d{1,2},\d{3}|[1-9],\d\d0")


def _foreign_amount(u: _Read) -> bool:
    """An amount in a foreign currency, with no scale and no denominator: "456,165 NOK", not "72,059 USD/thùng"."""
    return u.category == "money" and u.base not in (None, "đồng") and not u.power and not u.den


def _read_unit(folded: str, text: str, e: int, end: int, next_word, s: int | None = None) -> _Read:
    """The unit after a number ending at ``e`` (scale, base unit, denominators), or a currency before ``s``."""
    lex = lexicon()
    out = _Read(end=e, base_start=e)
    if not _may_read_unit(folded, e, end) and not (s is not None and _currency_hint(text, s)):
        return out  # (nothing after the number, no currency before it: what the pattern's empty match gives)
    u = _unit_re().match(folded, e, end, SERIAL)
    scale_key = u.group("scale")
    scale = lex.scales[_squash(scale_key)] if scale_key else None
    if scale:
        out.power, out.scale_name, out.scale_end = scale.power, scale.name, u.end("scale")
    if u.group("pct"):
        out.base, out.category = "%", "percent"
    elif u.group("points"):
        out.base, out.category = "điểm phần trăm", "points"
    elif u.group("ratio"):
        out.base, out.category = "lần", "ratio"
    elif u.group("unit"):
        base = lex.units[_squash(u.group("unit"))]
        if base.unit == "điểm" and not _POINTS_NEXT.match(folded, u.end("unit"), end):
            pass  # "15 điểm du lịch": not index points
        elif _unit_exception(folded, u.start("unit"), u.end("unit"), end):
            pass  # "5 đô thị": not a currency
        else:
            out.base, out.category, out.base_start = base.unit, base.category, u.start("unit")
    if s is not None and out.base is None and _currency_hint(text, s):
        cb, table = _currency_before()
        c = cb.search(text, max(0, s - 5), s)
        if c:  # "USD 2,5 tỷ", "$12,5 triệu"
            out.base, out.category, out.lead = table[c.group("c")], "money", c.start()
    if scale and not out.base and scale.power < 9 and next_word is not None:
        # "50 triệu cổ phiếu": a scale before a counted noun no unit list knows.
        word = _counted_noun_after(folded, u.end("scale"), next_word)
        if word is not None:
            out.base, out.category, out.base_start, out.end = text[word[0]:word[1]].lower(), "count", word[0], word[1]
            den = _den_re().match(folded, word[1], end, SERIAL)
            if den.group(0):  # "9 triệu giao dịch/tháng": the noun's rate
                out.den, out.end = _denominators(text[den.start():den.end()]), den.end()
    if scale and not out.base and scale.power < 9:
        # "200 triệu phú", "1,2 triệu" alone: no unit, no figure (unless a compound amount goes on)
        return _Read(end=e, base_start=e, power=scale.power, scale_name=scale.name, scale_end=u.end("scale"))
    if out.base is not None or scale:
        if out.end == e:
            out.end = u.end("den") if u.group("den") else max(
                (u.end(g) for g in ("scale", "points", "ratio", "pct", "unit") if u.group(g)), default=e
            )
        if scale and out.base is None:
            out.base, out.category = "đồng", "money"  # "60,2 ngàn tỷ": large scales alone are money here
        if u.group("den"):
            out.den = _denominators(text[u.start("den"):u.end("den")])
        per = _PER_TIME.match(folded, out.end, end, SERIAL) if out.category in ("money", "measure", "count") else None
        if per is not None and f"/{per.group(1)}" not in out.den:
            out.den, out.end = f"{out.den}/{per.group(1)}", per.end()  # "10 tỷ đồng mỗi năm" is 10 tỷ đồng/năm
    return out


@cache
def _unit_firsts() -> frozenset[str]:
    """Every character a scale, unit, point or ratio word, "%" or a denominator's "/" can start with."""
    lex = lexicon()
    ws = (*lex.scales, *(k for k in lex.units if k != "%"), *words("change", "points").words,
          *words("change", "ratio_unit").words)
    return frozenset(w[0] for w in ws if w) | {"%", "/", " ", "\t"}


def _may_read_unit(folded: str, e: int, end: int) -> bool:
    """Whether ``_unit_re`` can read anything after ``e``: after at most three spaces (all it skips before a
    scale or unit), a character one of them starts with. Else its match is empty: no scale, unit or
    denominator (a number before ",", ")" or a full stop, most of them)."""
    j = e
    while j < end and j < e + 3 and folded[j] in " \t":
        j += 1
    return j < end and folded[j] in _unit_firsts()


#: A time after a unit that makes it a rate: "10 tỷ đồng mỗi năm", "500 tấn một tháng".
_PER_TIME = regex.compile(r"[ \t]++(?:mỗi|một|hằng|hàng)[ \t]++(năm|tháng|ngày|tuần)(?![\p{L}\p{N}])"
                          r"(?![ \t]++(?:nay|qua|trước|sau|tới|rưỡi|trở|đầu|cuối)(?![\p{L}]))")


def _unit_exception(folded: str, s: int, e: int, end: int) -> bool:
    """A unit word that starts another noun: "đô thị", "yên tâm" (cues.toml [unit_not_before])."""
    after = lexicon().cues.get("unit_not_before", {}).get(_squash(folded[s:e]))
    if not after:
        return False
    nxt = _NEXT_WORD.match(folded, e, min(end, e + 20))
    return bool(nxt) and nxt.group(1) in after


_NEXT_WORD = regex.compile(r"[ \t]++(\p{L}++)")
#: Every currency written before a number has one of these (an ASCII capital or a sign).
_CURRENCY_HINT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ$€£")


def _currency_hint(text: str, s: int) -> bool:
    """Whether the five characters before ``s`` hold a character a currency written before a number has."""
    return not _CURRENCY_HINT.isdisjoint(text[max(0, s - 5):s])


def _compound(folded: str, text: str, e: int, value: Decimal, u: _Read, nums, i: int, end: int, next_word):
    """"3 tỷ 500 triệu đồng" → 3,5 tỷ đồng; "566 tỷ 384 triệu" → 566,384 tỷ; "10 nghìn 537 tỷ" → 10.537 tỷ."""
    lex = lexicon()
    while u.power and u.base in (None, "đồng") and i < len(nums) and not nums[i].spelled:
        c = _COMPOUND.match(folded, u.scale_end, end)
        if not c or nums[i].start != c.start("n"):
            break
        nxt = _unit_re().match(folded, nums[i].end, end)
        key = nxt.group("scale")
        if not key:
            break
        p2 = lex.scales[_squash(key)].power
        n2 = Decimal(c.group("n"))
        tail = _read_unit(folded, text, nums[i].end, end, next_word)
        if p2 < u.power:  # the second part is the smaller one: it joins the first scale
            value = value + n2.scaleb(p2 - u.power)
            u = _Read(tail.base, tail.category, tail.end, u.base_start, u.power, u.scale_name, tail.scale_end, tail.den,
                      u.lead)
        elif n2 < Decimal(10) ** u.power:  # "10 nghìn 537 tỷ": the first part counts thousands of the second
            value = value.scaleb(u.power) + n2
            tail.lead = u.lead
            u = tail
        else:
            break
        e = nums[i].end
        i += 1
    return e, value, u, i


def _cents(folded: str, value: Decimal, u: _Read, end: int) -> tuple[Decimal, _Read]:
    """"2 đô la và 23 xen", "2 đô 23 xu", "hai đô 23": cents after a whole amount belong to it."""
    c = _CENTS.match(folded, u.end, end)
    if not c:
        return value, u
    digits = c.group("c").strip()
    cents = Decimal(digits) if digits.isdigit() else parse_spelled(digits)
    if cents is None or cents >= 100 or (not c.group("unit") and not digits.isdigit()):
        return value, u
    u.end = c.end()
    return value + cents / 100, u


def _range(folded, text, m, e: int, value: Decimal, u: _Read, nums, i: int, start: int, end: int, next_word):
    """A range from this number to the next: its low and high ends in one unit, or None.

    "120-180.000 đồng/kg", "18-22 nghìn đồng/kg", "từ 400 đến 700 triệu đồng", "giữa 1000 và 2000
    đồng", "7 - 7,5%". Years ("2016 - 2020") and dates are periods, no range of figures.
    """
    if i >= len(nums):
        return None
    after = max(u.end, e) if u.base is not None else (u.scale_end if u.power else e)
    nxt = folded[after:after + 3].lstrip(" \t")[:1]
    sep = _RANGE_SEP.match(folded, after, end) if nxt in ("-", "–", "—", "đ", "t") else None
    if sep is None and "giữa" in folded[max(start, m.start - 6):m.start] \
            and _BETWEEN_BEFORE.search(folded, max(start, m.start - 6), m.start):
        sep = _RANGE_AND.match(folded, after, end)
    b = nums[i]
    if sep is not None and b.start != sep.end():  # "VND1000-VND2000": the currency written again
        c = _currency_before()[0].search(text, sep.end(), b.start)
        if c is None or c.start() != sep.end():
            sep = None
    if sep is None or b.value < 0:
        return None
    if _year_like(value, text[m.start:m.end]) and _year_like(b.value, b.text):
        return None
    if _is_not_a_figure(text, folded, b.start, b.end, b.spelled, b.value):
        return None
    ub = _read_unit(folded, text, b.end, end, next_word)
    _, high, ub, j = _compound(folded, text, b.end, b.value, ub, nums, i + 1, end, next_word)
    if ub.base is None and u.base is None:
        return None
    low = value
    if u.base is None and u.power:  # "từ 400 triệu đến 1,2 tỷ đồng": each end has its scale, one unit
        high = high.scaleb(ub.power - u.power)
        u = _Read(ub.base, ub.category, ub.end, ub.base_start, u.power, u.scale_name, u.scale_end, ub.den, u.lead)
    elif u.base is None:  # the unit is written once, after the high end: "18-22 nghìn đồng/kg"
        for _ in range(2):  # "120-180.000 đồng/kg": the low end leaves off its thousands
            if not (high >= 1000 and 0 < low and low * 100 < high and not ub.power):
                break
            low *= 1000
        u = ub
    elif ub.base is not None and (ub.power != u.power or ub.base != u.base):
        if ub.base != u.base:
            return None  # two different units: no range ("5 tỷ đồng - 3 triệu USD")
        high = high.scaleb(ub.power - u.power)  # "từ 400 triệu đến 1,2 tỷ đồng": the high end in the low end's scale
        u.end = ub.end
    else:
        u.end = max(u.end, ub.end)
    if ub.base is not None and ub.den and not u.den and u.base == ub.base:
        u.den = ub.den  # "từ 6.000 đồng đến 9.000 đồng/kg": the measure written once, after the high end
    if high <= low:
        return None
    return low, high, u, j


def _list_unit(folded: str, text: str, e: int, nums, i: int, end: int) -> _Read | None:
    """The unit of the last number of a list that starts right after ``e``: "5,2 và 3,1 tỷ USD"."""
    if folded[e:e + 5].lstrip(" \t")[:1] not in (",", "v"):
        return None  # no list goes on after this number
    pos, joined = e, False
    for k in range(i, min(i + 4, len(nums))):
        sep = _LIST_SEP.match(folded, pos, end)
        if sep is None or nums[k].start != sep.end() or nums[k].spelled:
            return None
        joined = joined or "và" in sep.group()
        u = _read_unit(folded, text, nums[k].end, end, None)  # (no counted noun: a list shares money, % or a measure)
        if u.base is not None:  # a list ends in "và": "5,2, 3,1 và 2 tỷ"; "Năm 2025, 50%" is no list
            return u if joined and u.category in ("money", "percent", "measure", "points", "ratio") else None
        pos = nums[k].end
    return None


@cache
def _any_bound():
    from .words import WordSet

    return WordSet(words("bound", "over").words + words("bound", "under").words + words("bound", "about").words)


_TIME_WORDS = ("năm", "tháng", "ngày", "quý", "thứ", "lần", "số", "khóa", "kỳ")
_TIME_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{'|'.join(_TIME_WORDS)})[ \t]*+\Z")
_TIME_LASTS = frozenset(w[-1] for w in _TIME_WORDS)


#: A lower-case syllable after a number (not one ASCII letter), which no cue or function word is:
#: only then may the segmenter find a counted noun there ("46 nhà hàng"), so only then is it asked.
_NEXT_SYLLABLE = regex.compile(r"[ \t]*+(\p{Ll}[\p{Ll}\p{M}]*+)(?![\p{N}])")


def _may_count(folded: str, e: int, end: int) -> bool:
    m = _NEXT_SYLLABLE.match(folded, e, end, SERIAL)
    if m is None or e == m.start(1):
        return False
    syllable = m.group(1)  # "ý tưởng", "ô tô" have one letter; "h", "m", "x" are no nouns
    return (len(syllable) > 1 or not syllable.isascii()) and syllable not in _NOT_COUNT_START


_NOT_COUNT_START = frozenset(
    "và của đến trong năm là tại số có trở đã sẽ được với so tháng ngày khi thì cho từ lên xuống còn "
    "theo trên dưới hơn gần khoảng đạt tăng giảm bằng chiếm nhưng mà vì do nên hay hoặc".split()
)


def _year_like(value: Decimal, raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100


_PERIOD_WORD = regex.compile(r"(?<![\p{L}])(năm|tháng|ngày|quý)[ \t]++\Z")
_PERIOD_RANGE = {"năm": (1900, 2100), "tháng": (1, 12), "ngày": (1, 31), "quý": (1, 4)}


#: A word after a bare scale that keeps it from counting what was named before: a noun of its own
#: ("200 triệu phú", "2,5 triệu tiền", "1,5 triệu bảng"); a period, a link or a change may follow.
_WORD_AFTER = regex.compile(r"[ \t]++(?!(?:năm|vào|trong|so|tăng|giảm|và|hoặc|trên|tại|ở|của|người)(?![\p{L}]))\p{L}")


def _counted_before(folded: str, s: int, start: int) -> str | None:
    """The counted noun the clause names before a bare scaled number ("lượt khách … 1,99 triệu"), or None."""
    clause = max(start, s - 60)
    stop = max(folded.rfind(c, clause, s) for c in ",;:(")
    found = None
    for found in words("quantity", "counted_before").finditer(folded, max(clause, stop + 1), s):
        pass
    return " ".join(found.group().split()) if found is not None else None


#: A traded volume named before a count of units: "khối lượng giao dịch của SDI là 339.279 đơn vị".
_VOLUME_BEFORE = regex.compile(r"(?<![\p{L}])(?:khối[ \t]++lượng|khớp(?:[ \t]++lệnh)?)(?![\p{L}])")


def _period_number(folded: str, s: int, start: int, value: Decimal, raw: str) -> bool:
    """Whether the number is a period's: a year after "năm", a month after "tháng", a day, a quarter."""
    m = _PERIOD_WORD.search(folded, max(start, s - 6), s)
    if m is None or not raw.isdigit():
        return False
    lo, hi = _PERIOD_RANGE[m.group(1)]
    return lo <= value <= hi


def _time_before(folded: str, s: int, start: int) -> bool:
    lo = max(start, s - 8)  # (asked only where a time word can end before the spaces)
    return folded[lo:s].rstrip(" \t")[-1:] in _TIME_LASTS and _TIME_BEFORE.search(folded, lo, s, SERIAL) is not None


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


#: Two lower-case syllables after spaces: what a counted noun (``_counted_noun``) starts with.
_TWO_SYLLABLES = regex.compile(r" *+\p{Ll}[\p{Ll}\p{M}]*+ ++[\p{Ll}\p{M}]")


#: Between two counts of a list: "298 chiếc quạt, 86 …", "… và trên 100 …".
_COUNT_LIST_GAP = regex.compile(r"(?:[ \t]++\p{Ll}[\p{Ll}\p{M}]*+){0,4}[ \t]*+(?:,[ \t]*+(?:và[ \t]++)?|và[ \t]++)(?:(?:hơn|trên|gần|khoảng|chừng)[ \t]++)?")
#: The noun of a listed count: lower-case syllables up to the next comma, "và" or stop (at most four).
_LISTED_NOUN = regex.compile(r"[ \t]++((?!(?:{stop})(?![\p{{L}}]))\p{{Ll}}[\p{{Ll}}\p{{M}}]*+(?:[ \t]++(?!(?:{stop})(?![\p{{L}}]))\p{{Ll}}[\p{{Ll}}\p{{M}}]*+){{0,3}})(?=[ \t]*+(?:[,;.)\n]|(?:{stop})(?![\p{{L}}])|\p{{Lu}}|\Z))".format(
    stop="và|trên|tại|ở|của|cho|với|được|đã|trong|nhưng|mỗi|các|theo|thuộc|từ"))


def _listed_count_noun(folded: str, prev_end: int, s: int, e: int, end: int) -> tuple[int, int] | None:
    """The noun of a bare number listed after a count: "298 chiếc quạt điện, 86 [nồi cơm điện]".

    A list of counts names each item's noun after its number, nouns no unit
    list or segmented word foresees ("200 dê thịt", "30 quạt").
    """
    if not _COUNT_LIST_GAP.fullmatch(folded, prev_end, s):
        return None
    m = _LISTED_NOUN.match(folded, e, end)
    if m is None or m.group(1).split()[0] in _NOT_COUNT_START or m.group(1) in _not_counted():
        return None
    return m.span(1)


def _counted_noun_after(folded: str, pos: int, next_word) -> tuple[int, int] | None:
    """The counted noun underthesea finds right after ``pos`` (after spaces), if any.

    ``next_word`` segments the window around ``pos`` on first use, the dearest step of a
    document. The noun must be lower-case syllables joined by spaces, so where ``folded``
    has no two of them after ``pos`` no segmented word can be one: the same answer, unasked.
    (The spaces ``next_word`` skips are all plain spaces in ``folded``.)
    """
    if not _TWO_SYLLABLES.match(folded, pos):
        return None
    word = next_word(pos)
    return word if word is not None and _counted_noun(folded, *word) else None


def _counted_noun(folded: str, s: int, e: int) -> bool:
    """A segmented word of two or more syllables, lower-case, that is no cue word: a counted noun."""
    word = folded[s:e]
    return " " in word and _NOUNISH.fullmatch(word) is not None and word not in _not_counted()


def _squash(key: str) -> str:
    return " ".join(key.split())


def _denominators(raw: str) -> str:
    lex = lexicon()
    parts = [p.strip() for p in raw.split("/") if p.strip()]
    return "".join("/" + lex.denominators.get(p.lower(), p.lower()) for p in parts)


def _next_digit(text: str, pos: int) -> int:
    m = _DIGIT_AHEAD.search(text, pos, min(len(text), pos + 6))
    return m.start() if m else pos + 1


_DIGIT_AHEAD = regex.compile(r"\d")


def _is_not_a_figure(text: str, folded: str, s: int, e: int, spelled: bool, value: Decimal) -> bool:
    if spelled:
        return False
    raw = text[s:e]
    # Dates (15/10/2023, 10/2023), identifiers (123/QĐ-UBND), codes (H5N1), Covid-19; not "VND1000", "USD2,5".
    # (each pattern asked only where the character it starts or ends with is there: after the number, a "/", "."
    # or "-"; before it, a letter or one of those)
    after = text[e:e + 1]
    if after in _DATE_MARKS and _DATE_NEIGHBOUR.match(text, e, None, SERIAL):
        return True
    before = text[s - 1:s] if s else ""
    if before and (before in _DATE_MARKS or word_char(before)) and _ATTACHED_BEFORE.search(text, max(0, s - 2), s, SERIAL) \
            and not _currency_before()[0].search(text, max(0, s - 5), s, SERIAL) and not glued_to_word(text, s):
        return True
    if after in ("/", "-") and _ID_AFTER.match(text, e, None, SERIAL) \
            and not _currency_before()[0].search(text, e + 1, _next_digit(text, e), SERIAL):
        return True  # "123/QĐ-UBND" (but "VND1000-VND2000" is a range)
    # Phone numbers and other zero-led codes: "0236", "1900 1234".
    if len(raw) >= 3 and raw[0] == "0" and raw[1].isdigit():
        return True
    return False
