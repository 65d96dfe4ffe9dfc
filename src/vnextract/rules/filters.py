"""Figures that are no statistic, by what the words around them say (RECORDS.md "What is not a record").

A number with a unit is not yet a record: the terms of a rule, offer or
contract, a product's or project's specifications, what one case, person or
transaction involves (a fine on one firm, one purchase's price included, the
stake one deal sells), a discount, a price fund's rate per litre, a tax rate,
what the people of a feature story do and say, an advertisement's offer, a fee
table by vehicle class, a vessel by its tonnage, a hypothetical, a round mark
crossed, tested or regained, or an analyst's level, an example with its "thì",
a size grade or an engine's power by its unit, a count of abstractions ("5 khó
khăn") or of a set named before, where a site lies ("cách … 2 km"), a number
word inside a name ("Năm Căn"), a page
widget and a conversion of an amount already stated state no statistic of an
indicator (RECORDS.md, docs/decisions.md 32, 43, 45). Each class is
one function below, reading its cue words from ``lang/vi/cues.toml``
(``[not_record]``), and each looks no further than the figure's clause or
sentence (the story and promotion filters also ask, once per document, whether
the text is a story about people or an advertisement), so that a province's fee
revenue or a company's revenue in the next clause stays a record. ``FILTERS``
lists them; ``drop`` applies them all to the mentions of one sentence.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import cache, cached_property

import regex

from ..lang.vi import lexicon
from ..places import find_places
from ..text.normalize import holds_any, per_text
from .roles import Mention
from .words import WordSet, alternation, clause_from, clause_stops, word_set, words

_END = r"(?![\p{L}\p{N}])"


#: The cue lists the filters look up in a sentence, as (group, name) of ``cues.toml``.
_LISTS = tuple(("not_record", n) for n in (
    "case", "fire", "fine", "collected", "widget", "rule", "regulation_head", "regulation_opener", "hypothetical", "not_hypothetical", "contrast",
    "specification", "offer", "terms", "reporting", "first_person", "not_first_person", "vehicle_class",
    "deal", "deal_after", "not_deal", "analyst_level", "story_business", "distance", "one_of", "ranking", "meeting", "promotion_terms", "promotion_business", "not_distance", "gift", "gift_raised",
    "not_collected", "example", "dwelling", "dwelling_total", "celebrity_business", "fortune", "per_piece_average", "sprint")) + (("metric", "report"), ("kind", "target"))


@cache
def _all_cues() -> tuple[WordSet, dict[str, frozenset[str]]]:
    """One look-up for every list: the union of their words, and the lists each word is in."""
    names: dict[str, set[str]] = {}
    for group, name in _LISTS:
        for w in words(group, name).words:
            names.setdefault(" ".join(w.split()), set()).add(name)
    return WordSet(tuple(names)), {w: frozenset(n) for w, n in names.items()}


class Context:
    """One sentence: normalised and folded text, its bounds, its mentions, and the cue words in it.

    The sentence is scanned once for every cue list (the longest cue wins where two overlap:
    "nếu trừ" is no "nếu"); the filters then ask where each list's cues are.
    """

    def __init__(self, text: str, folded: str, lo: int, hi: int, mentions: list[Mention], own: int | None = None):
        self.text, self.folded, self.lo, self.hi, self.mentions = text, folded, lo, hi, mentions
        #: Where the sentence itself starts, after the head of its list that ``lo`` may include (``_list_head``).
        self.own = lo if own is None else own
        union, names = _all_cues()
        self.cues = [(c.start(), c.end(), names[" ".join(c.group().split())]) for c in union.scan(folded, lo, hi)]

    @cached_property
    def stops(self) -> list[int]:
        """Every position after a clause stop in the sentence (``words.clause_stops``)."""
        return clause_stops(self.folded, self.lo, self.hi)

    @cached_property
    def clauses(self) -> list[int]:
        """Where each mention's clause starts (as ``words.clause_from``, with the stops found once)."""
        stops = self.stops
        return [stops[k - 1] if (k := bisect_right(stops, m.lead)) else self.lo for m in self.mentions]

    def clause_end(self, pos: int) -> int:
        """Where the clause holding ``pos`` ends: at the next clause stop, or the sentence's end."""
        k = bisect_right(self.stops, pos)
        return self.stops[k] - 1 if k < len(self.stops) else self.hi

    def spans(self, name: str, s: int | None = None, e: int | None = None) -> list[tuple[int, int]]:
        """Where the cues of list ``name`` are in the sentence, or inside ``[s, e)``."""
        if not self.cues:
            return []  # (most sentences hold no cue at all)
        s = self.lo if s is None else s
        e = self.hi if e is None else e
        return [(a, b) for a, b, n in self.cues if name in n and s <= a and b <= e]

    def has(self, name: str, s: int | None = None, e: int | None = None) -> bool:
        return bool(self.spans(name, s, e))


def _in_clause(ctx: Context, name: str, i: int) -> bool:
    """A cue of list ``name`` in the clause before the ``i``-th figure's number (a bound word may end it:
    "tốc độ tối đa")."""
    return bool(ctx.cues) and ctx.has(name, ctx.clauses[i], ctx.mentions[i].q.num_start)


def _cue(name: str) -> WordSet:
    return words("not_record", name)


def _cue_set(name: str) -> frozenset[str]:
    """A cue list as a set, for the plain look-ups of a unit or a counted noun."""
    return word_set("not_record", name)


def _unit(m: Mention) -> str:
    """A figure's unit as the cue lists write it: lower case, single spaces ("" when bare)."""
    return " ".join((m.q.unit or "").lower().split())


# -- conversions -------------------------------------------------------------

@cache
def _currency_before_bracket():
    """An amount in a currency right before an open bracket: "170.000 USD (", "3 triệu Bảng (", a price per unit
    too ("800 USD/quả (").

    The currencies are every money unit of ``units.tsv`` and the extra words of
    ``[not_record] currencies`` (currencies that are no unit of their own, "Bảng").
    """
    lex = lexicon()
    money = {k: u.unit for k, u in lex.units.items() if u.category == "money"}
    extra = {w: w for w in _cue("currencies").words}
    names = {**extra, **money}
    scales = alternation(tuple(lex.scales))
    pattern = regex.compile(
        rf"\d[\d.,]*+[ \t]*+(?:(?:{scales}){_END}[ \t]*+)?(?P<c>{alternation(tuple(names))}){_END}"
        rf"(?:/\p{{L}}++)?[ \t]*+(?:[(]|[-–][ \t]*+)[ \t]*+\Z")
    return pattern, names


def conversion(ctx: Context) -> set[int]:
    """"170.000 USD (khoảng 3,6 tỷ đồng)": the same amount in another currency adds nothing (RECORDS.md).

    It becomes part of the first amount's record, as "(tương đương 20 triệu USD)" does; when the first
    amount is no figure ("3 triệu Bảng (85 tỷ đồng)"), it is dropped, and so is the par value of a number
    of shares ("phát hành 35 triệu cổ phiếu (350 tỷ đồng)").
    """
    pattern, names = _currency_before_bracket()
    F, out = ctx.folded, set()
    for i, m in enumerate(ctx.mentions):
        if m.q.category != "money" or m.role != "value":
            continue
        prev = ctx.mentions[i - 1] if i else None
        if prev is not None and _of_shares(prev) and _GAP.fullmatch(F, prev.q.end, m.lead):
            out.add(i)  # "phát hành 35 triệu cổ phiếu (350 tỷ đồng)": the shares at par, the same issuance
            continue
        b = pattern.search(F, max(ctx.lo, m.lead - 40), m.lead)
        if b is None:
            continue
        before = names.get(" ".join(b.group("c").split()))
        if before is not None and before == _currency(m.q.unit):
            continue  # the same currency twice is no conversion
        if prev is not None and prev.q.category == "money" and _GAP.fullmatch(F, prev.q.end, m.lead):
            m.equivalent = True  # the record of the first amount reads over its conversion, as "(tương đương …)"
        else:
            out.add(i)  # the first amount is no figure of ours ("3 triệu Bảng"): nothing to add it to
    return out


_GAP = regex.compile(r"[ \t]*+(?:[(]|[-–])[ \t]*+")


def _currency(unit: str | None) -> str | None:
    """The currency of a money unit as output: "tỷ đồng" → "đồng", "triệu USD/tấn" → "USD"."""
    return unit.split("/")[0].split()[-1] if unit else None


# -- hypotheticals -----------------------------------------------------------

_SCOPE_STOP = regex.compile(r"[;\n]")


def hypothetical(ctx: Context) -> set[int]:
    """"nếu … thì …": what could happen is no figure (decision 43); "nếu trừ …" is an exclusion, not a condition.
    An example that a "thì" follows ("Ví dụ 10 con mực thì chỉ có khoảng 7 con sống") is one too: its figures
    illustrate; "Ví dụ như Mỹ, đến nay đã hơn 90% là dịch vụ" names a real case, and stays.

    The condition covers the rest of its sentence (to a ';', or the bracket it is in) and the figures of
    the clause it closes ("… có thể tăng lên 185 km nếu như …"). Not a condition: a contrast of two
    periods ("nếu năm 2015 … thì năm 2016 …", "nếu ở phiên 22/4 … thì …"), whose condition names a
    period; and a plan's scenarios, which are its targets (a sentence with a target cue).
    """
    F = ctx.folded
    if ctx.has("target"):
        return set()
    out = set()
    for start, stop_at in ctx.spans("hypothetical") + [s for s in ctx.spans("example") if _then_after(ctx, s[1])]:
        bracketed = F.rfind("(", ctx.lo, start) > F.rfind(")", ctx.lo, start)
        stop = (_BRACKET_STOP if bracketed else _SCOPE_STOP).search(F, stop_at, ctx.hi)
        end = stop.start() if stop else ctx.hi
        condition = _CONDITION_END.search(F, stop_at, end)
        if _names_period(ctx, stop_at, condition.start() if condition else end):
            continue
        clause = start if bracketed else clause_from(F, ctx.lo, start)
        out |= {i for i, m in enumerate(ctx.mentions) if clause <= m.q.num_start < end}
    return out


_BRACKET_STOP = regex.compile(r"[);\n]")
_CONDITION_END = regex.compile(r"[,;:)]|(?<![\p{L}])thì(?![\p{L}])")
_PERIOD = regex.compile(r"(?<![\p{N}])(?:(?:19|20)\d\d(?![\p{N}])|\d{1,2}/\d{1,2}(?![\p{N}]))")
_THEN = regex.compile(r"(?<![\p{L}])thì(?![\p{L}])")


def _then_after(ctx: Context, pos: int) -> bool:
    """Whether a "thì" follows ``pos`` in its sentence, before a ';' (an example's consequence)."""
    stop = _SCOPE_STOP.search(ctx.folded, pos, ctx.hi)
    end = stop.start() if stop else ctx.hi
    return "thì" in ctx.folded[pos:end] and _THEN.search(ctx.folded, pos, end) is not None


def _names_period(ctx: Context, s: int, e: int) -> bool:
    """Whether a condition names a year, a date or a period word of ``[not_record] contrast``."""
    return _PERIOD.search(ctx.folded, s, e) is not None or ctx.has("contrast", s, e)


# -- specifications, rules, offers, anecdotes, widgets -------------------------

def specification(ctx: Context) -> set[int]:
    """"dung tích 6,2 lít", "tăng tốc từ 0 đến 100 km/h": a product's specifications; "dự án có chiều dài
    654 km", "trên diện tích 372,7 ha", "tàu có trọng tải lên tới 250.000 tấn": a project's or a facility's
    (decision 32). The project's words must stand right before the figure (a word of reach, "lên tới", may
    come between): "tổng diện tích đất công nghiệp cho thuê đạt 9.500 ha" is a market's. A sprint from
    standstill ("…, từ 0 lên 200 km/h trong 5,3 giây": ``[not_record] sprint``) in a unit of ``sprint_units``
    is one too; "tăng từ 0 lên 4 doanh nghiệp" counts firms."""
    F, speeds = ctx.folded, _cue_set("sprint_units")
    return {i for i, m in enumerate(ctx.mentions)
            if _in_clause(ctx, "specification", i) or _project_words(F, m.lead, ctx.lo)
            or (_in_clause(ctx, "sprint", i) and _unit(m) in speeds)}


def dwelling_area(ctx: Context) -> set[int]:
    """One dwelling's or room's floor area ("mỗi căn hộ có chiều rộng 5m và dài 4m gồm 1 gác lửng với diện tích 30m2",
    "Anh đã thuê một căn chung cư 75 m2", "xây thêm 10.000 căn hộ diện tích từ 50 - 70m2"): a specification, no
    statistic (RECORDS.md; the business gold: "the apartment sizes … are specifications"). An area in a unit of
    ``[not_record] dwelling_area_units`` with a word of ``dwelling`` before it in its clause (decision 303); the count
    of flats is no area and stays, and so does a total ("tổng diện tích sàn nhà ở xã hội hoàn thành 491.262 m2":
    ``dwelling_total`` in the clause)."""
    if not ctx.has("dwelling"):
        return set()
    units = _cue_set("dwelling_area_units")
    return {i for i, m in enumerate(ctx.mentions)
            if _unit(m) in units and _in_clause(ctx, "dwelling", i) and not _in_clause(ctx, "dwelling_total", i)}


def _project_words(F: str, pos: int, lo: int) -> bool:
    """The project's words right before ``pos`` (a word of reach between): "sức chứa lên tới 180.000 m3"; not a
    total ("tổng trọng tải 9 triệu tấn" of a fleet is a statistic)."""
    c = _cue("project_specification").before(F, _reach(F, pos, lo), lo)
    return c is not None and _cue("total").before(F, c[0], lo) is None


def _reach(F: str, pos: int, lo: int) -> int:
    """``pos``, or the start of a word of reach right before it ("sức chứa lên tới 180.000 m3")."""
    r = _cue("reach").before(F, pos, lo)
    return r[0] if r else pos


def rule(ctx: Context) -> set[int]:
    """Terms of a rule: a threshold ("tối thiểu 50.000 đồng", "không vượt quá 30%", "từ 30 tỷ đồng trở
    lên") in a sentence that states a rule ("quy định", "Luật", "trường hợp … đối với"), and fees,
    fines and tax rates as such ("mức phí 40.000 đồng/lượt", "chỉ phải nộp thuế 7,5%"), and what a price
    stabilisation fund sets aside or pays per unit ("Chi sử dụng Quỹ BOG … 1.900 đồng/lít"; its balance stays). What a province collects in fees is a
    record: a revenue word in the clause keeps it, and a target's floor is a target (decision 32)."""
    F, out = ctx.folded, set()
    # A target's floor is a target ("đặt chỉ tiêu … đạt tối thiểu 60%"), no rule's.
    ruled = ctx.has("rule") and not ctx.has("target")
    taxed = F.find("thuế", ctx.lo, ctx.hi) >= 0 or F.find("chịu", ctx.lo, ctx.hi) >= 0  # (literals first)
    fund = F.find("quỹ b", ctx.lo, ctx.hi) >= 0 and _cue("fund").search(F, ctx.lo, ctx.hi) is not None \
        and _cue("fund_use").search(F, ctx.lo, ctx.hi) is not None  # (a literal first: few sentences name the fund)
    for i, m in enumerate(ctx.mentions):
        if fund and m.q.category == "money" and "/" in (m.q.unit or ""):
            out.add(i)  # ("Chi sử dụng Quỹ BOG … 1.900 đồng/lít với E5RON92": a stabilisation fund's rate per litre)
            continue
        if _in_clause(ctx, "collected", i):
            continue
        threshold = ruled and (_cue("threshold").before(F, m.q.num_start, ctx.lo) is not None
                               or _cue("threshold_after").after(F, m.q.end, ctx.hi) is not None)
        if threshold or _in_clause(ctx, "terms", i) or (m.q.category == "percent" and taxed and _tax_rate(F, m.lead, ctx.lo)):
            out.add(i)
    return out


def regulation_list(ctx: Context) -> set[int]:
    """What a regulation lists after its colon ("Mức thu phí đấu giá được quy định như sau: dưới 50 triệu đồng 5%
    giá trị tài sản bán được; từ 50 triệu đến 1 tỷ đồng …", "quy định hỗ trợ đối với nuôi thủy sản như sau: a) …
    4.100.000 đồng/ha"): a fee table's bands and rates, a scheme's amounts, the terms of a rule (RECORDS.md). A
    "như sau:" (``[not_record] regulation_opener``) after a word of ``regulation_head`` in its sentence opens the
    list; it runs to the end of the paragraph, or, when the colon ends its line, over the bulleted lines after it
    (``_regulation_lists``). Every figure in it goes, but what a clause says was collected ("số thu phí đạt 12 tỷ
    đồng"). "giá vàng cụ thể như sau:" names no rule, and its prices stay."""
    spans = _regulation_lists(ctx.folded)
    if not spans:
        return set()
    return {i for i, m in enumerate(ctx.mentions)
            if any(a <= m.lead < b for a, b in spans) and not _in_clause(ctx, "collected", i)}


_OPENER_COLON = regex.compile(r"[ \t]*+:")
_LINE_END = regex.compile(r"\n")
_BULLETED = regex.compile(r"\n[ \t]*+(?:[-–+•*]|[\p{Ll}\d]{1,2}[.)])")
#: How far back in its sentence a regulation's word may stand before "như sau:".
_HEAD_WORDS_REACH = 300


@per_text
def _regulation_lists(folded: str) -> tuple[tuple[int, int], ...]:
    """Where a document's regulation lists are (``regulation_list``), once per document (a literal first)."""
    if "như sau" not in folded:
        return ()
    out = []
    for o in _cue("regulation_opener").scan(folded, 0, len(folded)):
        colon = _OPENER_COLON.match(folded, o.end())
        if colon is None:
            continue
        start = max(0, o.start() - _HEAD_WORDS_REACH)
        ends = [e.end() for e in _SENTENCE_END.finditer(folded, start, o.start())]
        if _cue("regulation_head").search(folded, ends[-1] if ends else start, o.start()) is None:
            continue
        line = _LINE_END.search(folded, colon.end())
        end = line.start() if line else len(folded)
        if not folded[colon.end():end].strip():  # (the colon ends its line: the list is the bulleted lines after it)
            while (item := _BULLETED.match(folded, end)) is not None:
                nxt = _LINE_END.search(folded, item.end())
                end = nxt.start() if nxt else len(folded)
        out.append((colon.end(), end))
    return tuple(out)


def _tax_rate(F: str, pos: int, lo: int) -> bool:
    """A percent right after the words of a tax paid or borne ("chỉ phải nộp thuế 7,5% trên thu nhập", "còn phải chịu
    thêm 20% khi chuyển nhượng"): a tax rate ("số thu từ người nộp thuế tăng 12%" has its verb between)."""
    return _cue("tax_rate").before(F, pos, lo) is not None


def fee_schedule(ctx: Context) -> set[int]:
    """A fee table by vehicle class ("xe tải từ 4 tấn đến dưới 10 tấn tăng từ 140.000 đồng/lượt lên 200.000
    đồng/lượt"): the terms of a rule with no rule word, its classes (tấn, ghế, feet) and fees alike (RECORDS.md).
    It takes a vehicle word, a class's size ("2 tấn", "12 ghế") and a fee per trip or vehicle in one
    sentence: a bus fare ("vé xe buýt 7.000 đồng/lượt") and what a station collected ("thu phí đạt 120 tỷ
    đồng") stay."""
    if not ctx.has("vehicle_class") or ctx.has("collected"):
        return set()
    sizes = set(_cue("vehicle_class_units").words)
    if not any(_unit(m) in sizes for m in ctx.mentions):
        return set()
    per = set(_cue("fee_per").words)
    if any(m.q.category == "money" and "/" in (u := m.q.unit or "") and u.split("/", 1)[1].lower() in per
           for m in ctx.mentions):
        return set(range(len(ctx.mentions)))
    return set()


def deal(ctx: Context) -> set[int]:
    """One deal's price ("Sumitomo Life chi thêm 4.012 tỷ đồng", "chi hơn 30 triệu USD để sáp nhập 4 ngôi
    nhà"): what one transaction involves, no statistic (RECORDS.md). A deal word before the figure in its
    clause, or a purpose of buying two words after it at most ("… cổ phiếu Berkshire để mua General Re"; "để
    mua sắm" is spending, and stays; "với giá 600.000 đồng/kg nhưng không có để mua" is a price); a purpose of
    buying before the figure in its clause names what the deal buys ("chi 4.012 tỷ đồng để mua thêm 41 triệu cổ
    phần"), but for a stake ("rót 225 triệu USD để nắm giữ 15% vốn": the holding). The stake a
    deal sells or buys ("VPBank bán 49% vốn điều lệ"): a percent right after a word of ``[not_record]
    stake_deal`` and right before one of ``stake_of`` ("sở hữu 15% vốn" is a holding, and stays)."""
    F = ctx.folded
    return {i for i, m in enumerate(ctx.mentions)
            if _in_clause(ctx, "deal", i)
            or (m.q.category != "percent" and _in_clause(ctx, "deal_after", i))  # ("để mua thêm 41 triệu cổ phần")
            or (ctx.cues and any(_FEW_WORDS.fullmatch(F, m.q.end, a)
                                 for a, _ in ctx.spans("deal_after", m.q.end, ctx.clause_end(m.q.end))))
            or (m.q.category == "percent" and _cue("stake_deal").before(F, m.lead, ctx.lo) is not None
                and _cue("stake_of").after(F, m.q.end, ctx.hi) is not None)}


def ownership_class(ctx: Context) -> set[int]:
    """A share of capital that names a kind of firm, not what anyone holds: right after a firm's noun ("Nghị định về
    chuyển doanh nghiệp 100% vốn nhà nước thành công ty cổ phần", "Công ty TNHH Đức Bổn (100% vốn Đài Loan)":
    ``[not_record] ownership_firm``), or with a count of firms after it in its clause ("Nhà nước giữ 100% vốn để
    thực hiện nhiệm vụ công ích 59 công ty", "nắm giữ dưới 50% vốn điều lệ 42 công ty": ``ownership_counted``),
    before the next semicolon, within ``_CLASS_REACH`` characters), where the count is the record and the percent its class (RECORDS.md: a figure inside a name; decision 302). The
    percent must be followed by a word of ``stake_of`` ("vốn"); "SMBC sở hữu 100% vốn" is a holding, and stays."""
    F, out = ctx.folded, set()
    if F.find("vốn", ctx.lo, ctx.hi) < 0:
        return out  # (a literal first: most sentences name no capital)
    counted = _cue_set("ownership_counted")
    for i, m in enumerate(ctx.mentions):
        if m.q.category != "percent" or _cue("stake_of").after(F, m.q.end, ctx.hi) is None:
            continue
        if _cue("ownership_firm").before(F, m.lead, ctx.lo) is not None:
            out.add(i)
            continue
        stop = _SCOPE_STOP.search(F, m.q.end, ctx.hi)
        end = min(stop.start() if stop else ctx.hi, m.q.end + _CLASS_REACH)
        if any(n.q.category == "count" and _unit(n) in counted and m.q.end < n.lead <= end
               for n in ctx.mentions[i + 1:]):
            out.add(i)
    return out


#: How far after its percent the count of a class of firms may stand ("… 100% vốn để sản xuất, kinh doanh 14 công
#: ty": a comma may stand between, a semicolon may not).
_CLASS_REACH = 60


def _of_shares(m: Mention) -> bool:
    """Whether a figure counts shares ("35 triệu cổ phiếu")."""
    unit = _unit(m)
    return m.q.category == "count" and any(unit == w or unit.endswith(" " + w) for w in _cue("share_units").words)


_FEW_WORDS = regex.compile(r"[ \t]*+(?:[\p{L}\p{N}]++[ \t]++){0,2}")


def offer(ctx: Context) -> set[int]:
    """"giảm giá phòng từ 20-40%", "trả góp lãi suất 0%": the terms of an offer (decision 32); what an offer
    promises, right before the figure ("sàn giao dịch bảo hiểm 100% vốn", "nhà đầu tư sẽ được hoàn trả
    0,42%/đơn": ``[not_record] offer_before``; "doanh thu phí bảo hiểm đạt 100 tỷ đồng" is no promise); and how
    many are served first ("10.000 sản phẩm đầu tiên được trợ giá", a count right before ``offer_first``); a
    discount, a fall ("giảm" in the clause before) in percent of the price named after it ("giảm từ 10-20% giá thực đơn niêm yết", "giảm 30% phí
    tham quan": ``discount_of``; "giá xăng giảm 5%" names its price before, and stays)."""
    F, promise, first, price = ctx.folded, _cue("offer_before"), _cue("offer_first"), _cue("discount_of")
    promised = holds_any(F[ctx.lo:ctx.hi], _PROMISE_LITERALS)  # (literals first: few sentences hold a promise)
    firsts = F.find("đầu tiên", ctx.lo, ctx.hi) >= 0
    return {i for i, m in enumerate(ctx.mentions)
            if _in_clause(ctx, "offer", i)
            or (promised and m.q.category in ("money", "percent") and promise.before(F, m.lead, ctx.lo) is not None)
            or (firsts and m.q.category == "count" and first.after(F, m.q.end, ctx.hi) is not None)
            or (m.q.category == "percent" and price.after(F, m.q.end, ctx.hi) is not None
                and F.find("giảm", ctx.clauses[i], m.q.num_start) >= 0)}


#: A word each cue of ``[not_record] offer_before`` holds, looked for before the cues are.
_PROMISE_LITERALS = ("bảo hiểm", "hoàn trả", "cam kết", "có phí", "với phí")


def case(ctx: Context) -> set[int]:
    """A sentence about one crime or case ("chiếm đoạt 10 tỷ đồng", "đặt cọc 1,2 tỷ đồng", "bắt quả tang …
    vận chuyển trái phép 4,5 tấn"): its amounts are that case's, no statistic (decision 32). A sentence that
    counts cases ("phát hiện 1.250 vụ buôn lậu") or says what was collected is the authorities' statistic,
    and stays."""
    if not ctx.has("case") or ctx.has("collected"):
        return set()  # (what the authorities collected from the cases is theirs: "thu nộp ngân sách 25 tỷ đồng")
    counts = set(_cue("case_counts").words)
    if any(m.q.category == "count" and (m.q.unit or "").lower() in counts for m in ctx.mentions):
        return set()
    return set(range(len(ctx.mentions)))


def fire(ctx: Context) -> set[int]:
    """A sentence about one fire ("Ngọn lửa bùng phát giữa đêm đã thiêu rụi gần 50 sạp hàng … gây thiệt hại hơn 2 tỷ
    đồng", "Ước tính ban đầu thiệt hại từ vụ cháy khoảng 3,2 tỷ đồng"): its damage in money and what it burnt in a
    measure are that event's, no statistic (RECORDS.md: an anecdote of one case; decision 305). A sentence that counts
    fires or cases ("toàn tỉnh xảy ra 35 vụ cháy, thiệt hại 12 tỷ đồng": ``case_counts``) is a statistic and stays;
    counts of people are left (a disaster's casualties, which the gold keeps when it sums several)."""
    if not ctx.has("fire") or ctx.has("collected"):
        return set()
    counts = _cue_set("case_counts")
    if any(m.q.category == "count" and _unit(m) in counts for m in ctx.mentions):
        return set()
    return {i for i, m in enumerate(ctx.mentions) if m.q.category in ("money", "measure")}


def person(ctx: Context) -> set[int]:
    """A clause whose subject is a named person ("Mới đây, ông Kimura bỏ ra 74,2 triệu yên"), a sentence the
    speaker is the subject of before the figure ("tôi bán hành với giá 30.000 đồng/kg", "Tôi trồng 3 công hành,
    thu hoạch gần 6 tấn"), or a title alone standing for a person ("Ông đã nhận …"): one
    person's amount (decision 32). A person who only reports the figure ("ông X cho biết …") or is one of a
    group counted ("là một trong hơn 3.000 hộ"), a speaker's opinion or demand ("tôi cho rằng …") or a target
    sentence, and a place that starts like a title ("Bà Rịa - Vũng Tàu") are not."""
    F, out = ctx.folded, set()
    households = _cue("households")
    target = ctx.has("target")
    starts = [_clause_of_person(ctx, m.lead) for m in ctx.mentions]
    for i, m in enumerate(ctx.mentions):  # "mỗi tháng gia đình tôi lãi 150 triệu đồng": one household's amount
        start = starts[i]
        if households.search(F, start, m.lead) or (not target and _speaker_before(ctx, i)):
            out.add(i)  # ("tôi thu hoạch được 5 tấn", "Tôi trồng 3 công hành, thu hoạch gần 6 tấn": the speaker's
            # own, in every clause of the sentence after it; "chúng tôi" may speak for a firm)
    if _after_initials(ctx):  # ("chị T.T.P." ended the sentence before: its first clause is hers)
        out |= {i for i, m in enumerate(ctx.mentions) if starts[i] == ctx.lo and not _reported(ctx, ctx.lo, m.lead)}
    if not _cue("person_titles").search(F, ctx.lo, ctx.hi):
        return out
    if ctx.has("fortune"):  # "tài sản của ông Nguyễn Văn A tăng thêm 1.779 tỷ đồng": one person's fortune
        out |= {i for i, m in enumerate(ctx.mentions) if _fortune(ctx, starts[i], m)}
    for i, m in enumerate(ctx.mentions):
        who = _person().match(ctx.text, starts[i], m.lead)
        if who is None:  # "ông chỉ đi 1 đôi giày có giá 60 USD": the person spoken of before, by title alone
            who = _person_pronoun().match(ctx.text, starts[i], m.lead)
        elif any(p.start == who.start("t") for p in find_places(ctx.text, F, who.start("t"), m.lead)):
            continue
        if who is None:
            continue
        if not _reported(ctx, who.end(), m.lead):  # ("… là một trong hơn 3.000 hộ": the group's count)
            out.add(i)
    return out


def _fortune(ctx: Context, start: int, m: Mention) -> bool:
    """Whether the figure is a person's fortune (decision 162): in its clause, a word of ``[not_record] fortune``
    right before a title and a name ("khối tài sản của ông Trần Văn B đạt 2,8 tỷ USD", "tài sản tỷ phú X"), or a
    titled person before the figure and the fortune's word between them ("ông Lee … để lại khối tài sản trị giá
    21 tỷ USD") or after the figure ("bà Nguyễn Thị C cũng có thêm 300 tỷ đồng trong giá trị tài khoản chứng
    khoán"). A bank's "tổng tài sản" names no person, and stays."""
    T, end = ctx.text, ctx.clause_end(m.q.end)
    before = ctx.spans("fortune", start, m.lead)
    for a, b in before:
        if _owner_titled().match(T, b, m.lead):
            return True
    who = _person_in().search(T, start, m.lead)
    if who is None or _reported(ctx, start, m.lead):
        return False
    # "ông Lee Kun-hee qua đời đã để lại khối tài sản trị giá 21 tỷ USD": the person, then the fortune's word
    return any(a >= who.end() for a, _ in before) or bool(ctx.spans("fortune", m.q.end, end))


@cache
def _owner_titled():
    """What may stand between a fortune's word and its owner's title and name: "ròng", "cá nhân", "của"."""
    return regex.compile(rf"(?:[ \t]++(?:ròng|cá[ \t]++nhân|của|mà))*+[ \t]++(?:{_titles_alternation('person_titles')})"
                         rf"[ \t]++\p{{Lu}}")


@cache
def _person_in():
    """A title and a name anywhere in a clause ("còn vợ ông là bà Nguyễn Thị C")."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{_titles_alternation('person_titles')})[ \t]++\p{{Lu}}")


def _reported(ctx: Context, s: int, e: int) -> bool:
    """Whether the person between ``s`` and ``e`` only reports the figure ("ông X cho biết …") or is one of a
    group it counts ("là một trong hơn 3.000 hộ")."""
    return ctx.has("report", s, e) or ctx.has("reporting", s, e) or ctx.has("one_of", s, e)


def _after_initials(ctx: Context) -> bool:
    """Whether the sentence starts right after a title and initials ("chị T.T.P."; a dot ends the text before)."""
    T, k = ctx.text, ctx.lo
    while k and T[k - 1] in " \t\n":
        k -= 1
    return k > 0 and T[k - 1] == "." and _initialed().search(T, max(0, k - 30), k) is not None


def _speaker_before(ctx: Context, i: int) -> bool:
    """Whether the speaker ("tôi") stands before the ``i``-th figure in its sentence, in the same quote (no quote
    closes between: "… có của để dành.” 9 giờ sáng, giá vàng SJC bán ra …" is the reporter's), and the figure's
    clause names no business's revenue ("Từ khi tôi về làm, doanh số công ty tăng gấp 10 lần"). A speaker in the head
    of a list cites what follows ("Tôi xin dẫn ra một con số thống kê:"): only the sentence's own words count."""
    m = ctx.mentions[i]
    return any(not holds_any(ctx.folded[b:m.lead], _CLOSING_QUOTES) for _, b in ctx.spans("first_person", ctx.own, m.lead)) \
        and not _in_clause(ctx, "story_business", i)


_CLOSING_QUOTES = ("”", '"')


def story(ctx: Context) -> set[int]:
    """A feature about people the text calls "anh Tư", "chị H." (the titles of ordinary people: an official is
    "ông" or "bà"): what its sentences about them say ("trang trại của anh Tư xuất bán gần 1 tấn cá", "nay chị
    thanh lý còn 650.000 đồng/đêm") and what is said in its quotes is one person's, one farm's or one shop's
    amount (RECORDS.md). The document is such a story when those names recur (``_STORY_NAMES`` times at
    least); in it, a sentence that names them, calls one "anh" or "chị", names their own business ("cơ sở này",
    "trang trại", "cửa hàng tôi": ``[not_record] story_own``) or is quoted speech holds no statistic, but for
    a business's revenue (``[not_record] story_business``), which the real gold keeps. A person introduced by
    age ("Ông Nguyễn Liêm (69 tuổi, …)", ``_aged``) makes the document a story about them, once is enough."""
    names = _story_names(ctx.text)
    if names is None:
        return set()
    T, lo, hi = ctx.text, ctx.lo, ctx.hi
    about = (any(_titled(T, m.start()) for m in _story_patterns()[0].finditer(T, lo, hi))
             or (names and _names_in(names).search(T, lo, hi) is not None)
             or _cue("story_own").search(ctx.folded, lo, hi) is not None
             or _quoted(T, lo, names))
    if not about:
        return set()
    # ("trang trại mang về doanh thu gần 10 tỷ đồng/năm" stays, and so does the group a person is one of:
    # "Không riêng gì ông Thêm, khoảng 30 hộ dân ở ấp 1 sống bằng nghề …")
    return {i for i, m in enumerate(ctx.mentions)
            if not _in_clause(ctx, "story_business", i) and not ctx.has("one_of", lo, m.lead)}


#: How many times a document names people as "anh …" / "chị …" to be a story about them.
_STORY_NAMES = 3


@per_text
def _story_names(text: str) -> frozenset[str] | None:
    """The names a story calls its people by ("Tư" of "anh Lê Thiên Tư"; initials left out), or None when
    ``text`` is no story. Found once per document (``per_text``)."""
    names, found = None, []
    if sum(text.count(t) for t in _story_patterns()[2]) >= _STORY_NAMES:  # (a literal count first: most texts stop here)
        found = [m.group("n") for m in _story_patterns()[1].finditer(text) if _titled(text, m.start())]
    aged = [m.group("n") for m in _aged().finditer(text) if _titled(text, m.start())] if " tuổi" in text else []
    if len(found) >= _STORY_NAMES or aged:
        last = (n.split()[-1].rstrip(".") for n in found + aged)
        names = frozenset(n for n in last if len(n) > 1 and "." not in n and not n.isupper())
    return names


#: A person's name after a title: up to four capitalised words ("Nguyễn Liêm", "Lan").
_PERSON_NAME = r"\p{Lu}\p{L}*+(?:[ ]++\p{Lu}\p{L}*+){0,3}"


@cache
def _aged():
    """A person introduced by title, name and age ("Ông Nguyễn Liêm (69 tuổi, ở xã Cát Hải)", "bà Lan, 52 tuổi"):
    an ordinary person, whom a story is about (an official is introduced by office, never by age)."""
    name = rf"(?P<n>{_PERSON_NAME})"
    return regex.compile(rf"(?:{_titles_alternation('story_titles')}|{_titles_alternation('person_pronouns')})"
                         rf"[ ]++{name}[ ]*+[(,][ ]*+\d{{1,3}}[ ]++tuổi(?![\p{{L}}])")


def _titles_alternation(name: str) -> str:
    """The titles of a ``[not_record]`` list as a pattern, each also capitalised ("ông", "Ông")."""
    titles = _cue(name).words
    return alternation(titles + tuple(w[:1].upper() + w[1:] for w in titles))


@cache
def _story_patterns():
    """A person called by a story's title: (a title alone, a title with a name, the titles as text for a cheap
    count). The title must be one
    (``_titled``): "Hoàng Anh Gia Lai" and "Lê Anh Vũ" hold none; "anh em", "chị em" (a group) are none either."""
    titles = _cue("story_titles").words
    alt = _titles_alternation("story_titles")
    name = r"(?P<n>\p{Lu}\p{L}*+(?:\.\p{Lu}\p{L}*+)*+\.?(?:[ ]++\p{Lu}\p{L}*+){0,2})"
    named = regex.compile(rf"(?:{alt})[ ]++{name}")
    alone = regex.compile(rf"(?:{alt})(?![\p{{L}}\p{{N}}])(?![ ]++(?:em|chị)(?![\p{{L}}]))")
    literals = tuple(f" {w} " for w in titles) + tuple(w[:1].upper() + w[1:] + " " for w in titles)  # (" anh ": no "nhanh ")
    return alone, named, literals


_OPENS = frozenset('.!?…:;\n"“”\'(–-')


def _titled(text: str, pos: int) -> bool:
    """Whether the title word at ``pos`` is one: a word of its own, in lower case or capitalised where a
    sentence, quote or bracket starts ("Anh Tư cho biết")."""
    if pos and text[pos - 1].isalnum():
        return False
    if text[pos].islower():
        return True
    k = pos - 1
    if k >= 0 and text[k] == " ":
        k -= 1
    return k < 0 or text[k] in _OPENS


@cache
def _names_in(names: frozenset[str]):
    """A story's names as words of their own, no part of a longer proper name ("Hải" of "Hải Phòng" is none)
    nor of initials (a photo credit "(Ảnh: M.Khương)" names the photographer)."""
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}.])(?:{alternation(tuple(sorted(names)))})(?![\p{{L}}\p{{N}}])(?![ ]++\p{{Lu}})")


def _quoted(text: str, lo: int, names: frozenset[str]) -> bool:
    """Whether the sentence at ``lo`` is what a story's people say: it opens with a quote, or a quote opened
    earlier in its paragraph is not closed yet; and the paragraph names no one "ông" or "bà" but the story's
    people (an official quoted in a story speaks for the office: "Ông X, Phó Giám đốc Trung tâm, chia sẻ:
    “Hiện nay, …"; "ông Liêm ngậm ngùi" of a story about ông Nguyễn Liêm, 69, is its person)."""
    para = text.rfind("\n", 0, lo) + 1
    head = text[para:lo]
    k = lo
    while k < len(text) and text[k] in " \t":
        k += 1
    if not (head.count("“") > head.count("”") or head.count('"') % 2 or (k < len(text) and text[k] in "“\"")):
        return False
    end = text.find("\n", lo)
    return not any(_named_after(text, o.end(), names) is None
                   for o in _officials().finditer(text, para, len(text) if end < 0 else end))


_NAME_AFTER = regex.compile(rf"[ ]++({_PERSON_NAME})")


def _named_after(text: str, pos: int, names: frozenset[str]) -> str | None:
    """The story's name the title ending at ``pos`` is followed by ("ông Liêm", "ông Nguyễn Liêm"), or None."""
    m = _NAME_AFTER.match(text, pos)
    return next((w for w in m.group(1).split() if w in names), None) if m else None


@cache
def _officials():
    """The titles of ``[not_record] person_pronouns`` as words ("ông", "Bà")."""
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_titles_alternation('person_pronouns')}){_END}")


def promotion(ctx: Context) -> set[int]:
    """An advertisement's offer ("Khách hàng đăng ký mới được nhận đến 50.000 đồng", "ưu đãi …, hoàn 100% phí
    thường niên", a scheme's "gói … có phí 9.146 USD thì mỗi ngày người chơi nhận lãi …"): the terms of an
    offer, no statistic (RECORDS.md). A document is a promotion when it says the words of ``[not_record]
    promotion`` ``_PROMOTION_WORDS`` times at least; in it, the money and percentages of a sentence with a word
    of ``promotion_terms`` (a customer, a gift, a prize) are its terms. What a business earns or pays
    (``promotion_business``: revenue, profit) stays, and so does what a promotion counts (customers, outlets)."""
    if not ctx.has("promotion_terms") or not _promotional(ctx.folded):
        return set()
    return {i for i, m in enumerate(ctx.mentions)
            if m.q.category in ("money", "percent") and not _in_clause(ctx, "promotion_business", i)}


def gift(ctx: Context) -> set[int]:
    """A gift or donation ("Vinamilk dành tặng 1,7 triệu ly sữa, tương đương 12,5 tỷ đồng", "họ sẽ quyên góp 700
    tỷ won để chống bệnh truyền nhiễm, 300 tỷ won giúp đỡ trẻ em"): the figures after a word of ``[not_record]
    gift`` in their sentence are one donor's gift, no statistic (the blind judges of decision 104's session).
    What a campaign raised ("quyên góp được", ``gift_raised``) stays a record."""
    if not ctx.has("gift") or ctx.has("gift_raised"):
        return set()
    first = min(a for a, _ in ctx.spans("gift"))
    return {i for i, m in enumerate(ctx.mentions) if m.q.num_start > first}


#: How many times a document says the words of a promotion to be one.
_PROMOTION_WORDS = 3


@per_text
def _promotional(folded: str) -> bool:
    """Whether a (folded) document advertises a promotion: a literal count of its words, once per document."""
    n = 0
    for w in _cue("promotion").words:
        n += folded.count(w)
        if n >= _PROMOTION_WORDS:
            return True
    return False


def celebrity(ctx: Context) -> set[int]:
    """A piece about entertainers or athletes (a document that names "diễn viên", "ca sĩ", "hoa hậu", "showbiz" …,
    or "cầu thủ", "HLV", "trận đấu", "bàn thắng" … ``[not_record] sport``, in the same way;
    ``[not_record] celebrity``, ``_CELEBRITY_WORDS`` times at least, two of them): its figures are what its people own, earn,
    buy and give ("Tài sản của vợ chồng Bi Rain … lên đến 42 tỷ won", "thù lao 150 triệu nhân dân tệ", "căn hộ
    170m2", "2 con"): one person's amounts, no statistic (RECORDS.md; the real gold keeps none of them,
    decision 160). A company's or a film's business said in it (``celebrity_business``: "doanh thu phòng vé",
    "tập đoàn … có vốn", "thị phần", "54 doanh nghiệp FDI") stays."""
    if not (_celebrity_text(ctx.folded) or _sport_text(ctx.folded)):
        return set()
    business = _cue_set("celebrity_business")
    return {i for i, m in enumerate(ctx.mentions)
            if not _in_clause(ctx, "celebrity_business", i) and _unit(m) not in business}


#: How many times a document names entertainers to be a piece about them.
_CELEBRITY_WORDS = 3


@per_text
def _celebrity_text(folded: str) -> bool:
    """Whether a (folded) document is about entertainers: it says the words of ``[not_record] celebrity``, as
    words of their own, ``_CELEBRITY_WORDS`` times, two of them at least; once per document (a literal look-up
    first: most texts name none)."""
    if sum(w in folded for w in _celebrity_literals()) < 2:
        return False  # (a festival's "diễn viên", a show's "ca sĩ" alone: no piece about them)
    # (``finditer``, not ``scan``: over a whole document, the pattern of a dozen cues is three times faster than
    # trying it at each word, the same matches)
    said = [" ".join(c.group().split()) for c in _cue("celebrity").finditer(folded, 0, len(folded))]
    return len(said) >= _CELEBRITY_WORDS and len(set(said)) >= 2


@cache
def _celebrity_literals() -> tuple[str, ...]:
    return tuple(_cue("celebrity").words)


@per_text
def _sport_text(folded: str) -> bool:
    """Whether a (folded) document is about athletes and their games: the words of ``[not_record] sport``, as for
    ``_celebrity_text`` ("cầu thủ", "HLV", "trận đấu", "bàn thắng" …): their points, goals, distances, wages and
    transfer fees are no statistic of an indicator (decision 160)."""
    if sum(w in folded for w in _sport_literals()) < 2:
        return False
    said = [" ".join(c.group().split()) for c in _cue("sport").finditer(folded, 0, len(folded))]
    return len(said) >= _CELEBRITY_WORDS and len(set(said)) >= 2


@cache
def _sport_literals() -> tuple[str, ...]:
    return tuple(_cue("sport").words)


def fine(ctx: Context) -> set[int]:
    """The fines of a sentence about penalties ("doanh nghiệp Phúc Đức bị phạt 468,2 triệu đồng"): what one
    case or firm pays (decision 32). What the authorities collected ("thu nộp ngân sách 10 tỷ đồng") stays."""
    if not ctx.has("fine") or ctx.has("collected"):
        return set()
    return {i for i, m in enumerate(ctx.mentions) if m.q.category == "money"}


def transaction(ctx: Context) -> set[int]:
    """The price of one item or deal ("được bán với giá 300.000 USD", "khách sạn có giá gần 13 tỷ đồng");
    a price per unit ("đồng/kg") is a market's, and stays (decision 32). A price per piece ("460 triệu
    đồng/chiếc", "2,5 triệu đồng/quả", "4 triệu đồng/đêm": ``[not_record] per_piece``) is one item's list price
    (decision 165), but for an average ("giá nhập khẩu xe bình quân 20.516 USD/xe": ``per_piece_average``)."""
    F = ctx.folded
    out = {i for i, m in enumerate(ctx.mentions)
           if m.q.category == "money" and "/" not in (m.q.unit or "") and _cue("one_price").before(F, m.lead, ctx.lo)}
    pieces = _cue_set("per_piece")
    for i, m in enumerate(ctx.mentions):
        unit = m.q.unit or ""
        if m.q.category == "money" and "/" in unit and " ".join(unit.rsplit("/", 1)[1].lower().split()) in pieces \
                and not _in_clause(ctx, "per_piece_average", i):
            out.add(i)
    return out


_PERSON_STOP = regex.compile(r"[,;:\n!?]")


def _clause_of_person(ctx: Context, pos: int) -> int:
    """The clause start before ``pos`` where a dot is no stop (names are written with initials: "bà H.T.L.V.")
    and nor is a bracket (a name has its asides: "chị T.H (Bình Phước) còn đi vay …")."""
    start, F = ctx.lo, ctx.folded
    for stop in _PERSON_STOP.finditer(F, ctx.lo, pos):
        if F.rfind("(", ctx.lo, stop.start()) <= F.rfind(")", ctx.lo, stop.start()):
            start = stop.end()  # (a stop inside brackets is none: "chị Giang (35 tuổi, Hà Nội) có …")
    return start


@cache
def _person():
    """A title and a name at the start of a clause: "ông Kiyoshi Kimura", "Bà Nguyễn Thị X" (a name is capitalised)."""
    titles = _cue("person_titles").words
    alt = alternation(tuple(w[:1].upper() + w[1:] for w in titles) + titles)
    return regex.compile(rf"[\s\p{{Pi}}\p{{Pf}}\"'-]*+(?P<t>{alt})[ \t]++\p{{Lu}}")


@cache
def _initialed():
    """A title and initials that end the text before a sentence ("… chị T.T.P." before "(ngụ quận Tân Bình) bỏ ra
    11 triệu đồng"): the sentence splitter took the initials' last dot for a full stop, and the person goes on."""
    return regex.compile(rf"(?<![\p{{L}}])(?:{_titles_alternation('person_titles')})[ ]++(?:\p{{Lu}}\.){{1,4}}[ ]*+\Z")


@cache
def _person_pronoun():
    """A title of ``[not_record] person_pronouns`` standing alone for a person at the start of a clause, a
    verb or adverb after it: "ông chỉ đi …", "Bà đã bán …", and "chị vừa bán …" (``plain_pronouns``; "anh" is
    no pronoun here: "Anh" is also England; "chị em" a group; "ông lớn", ``[not_record] not_person_pronoun``, is a big company)."""
    alt = _titles_alternation("person_pronouns") + "|" + _titles_alternation("plain_pronouns")
    nouns = alternation(_cue("not_person_pronoun").words)
    return regex.compile(rf"[\s\p{{Pi}}\p{{Pf}}\"'-]*+(?P<t>{alt})[ \t]++(?=\p{{Ll}})(?!(?:{nouns}){_END})")


def milestone(ctx: Context) -> set[int]:
    """A round mark crossed or lost ("VN-Index vượt mốc 700 điểm", "mất mốc 700 điểm") and analysts' support
    and resistance levels ("ngưỡng kháng cự 1.300 điểm") are no level of the index or price (decision 32):
    the mark's cue stands right before the figure, an analyst's level before it or a few words of place
    ("ngưỡng hỗ trợ gần nhất quanh 1.225 điểm"; "vượt vùng kháng cự 1.200 điểm và đóng cửa tại 1.215 điểm":
    the close is a level). A level reached ("cán mốc", "chạm ngưỡng 2.063 USD/ounce") stays."""
    F = ctx.folded
    return {i for i, m in enumerate(ctx.mentions)
            if _cue("milestone").before(F, m.lead, ctx.lo)
            or (ctx.cues and any(_level_gap().fullmatch(F, b, m.lead)
                                 for _, b in ctx.spans("analyst_level", ctx.clauses[i], m.lead)))}


@cache
def _level_gap():
    """What may stand between an analyst's level word and its figure: the words of ``[not_record]
    analyst_gap`` ("ngưỡng hỗ trợ gần nhất quanh 1.225 điểm"), no verb ("vượt kháng cự lên 1.250 điểm" is a close)."""
    return regex.compile(rf"[ \t]*+(?:(?:{alternation(_cue('analyst_gap').words)}){_END}[ \t]*+){{0,3}}")


def meeting(ctx: Context) -> set[int]:
    """Who attended or voted at a shareholders' meeting ("đến 9h mới chỉ có 44 cổ đông tham dự, với 390.442.358
    cổ phần, chiếm tỷ lệ 31,76%"): the logistics of an event (RECORDS.md). The shares and percentages of a
    sentence with a word of ``[not_record] meeting`` and one of ``meeting_of``; the plan it votes on stays."""
    if not ctx.has("meeting") or _cue("meeting_of").search(ctx.folded, ctx.lo, ctx.hi) is None:
        return set()
    return {i for i, m in enumerate(ctx.mentions) if m.q.category == "percent" or _of_shares(m)}


def ranking(ctx: Context) -> set[int]:
    """The size of a ranking one is named in ("VNPT được bình chọn là một trong 50 doanh nghiệp Thành tựu"): a
    rank, no statistic (RECORDS.md). A count right after "một trong" in a sentence with a word of
    ``[not_record] ranking``; "là một trong hơn 3.000 hộ dân liên kết" with no such word counts a group."""
    if not ctx.has("ranking"):
        return set()
    F, one_of = ctx.folded, _cue("one_of")
    return {i for i, m in enumerate(ctx.mentions)
            if m.q.category == "count" and one_of.before(F, m.lead, ctx.lo) is not None}


def abstract(ctx: Context) -> set[int]:
    """A count of things that are no indicator ("đồng tình với 5 khó khăn, 6 vấn đề", "sản phẩm có 2 yếu tố
    bảo vệ", "phân kỳ đầu tư thành 2 giai đoạn"): the counted noun is one of ``[not_record] abstract_counts``;
    and the things a set names, listed or launched before ("bộ 3 sản phẩm", "Cả ba sản phẩm được trang bị …",
    ``set_of`` right before the count)."""
    nouns, sets, F = _cue_set("abstract_counts"), _cue("set_of"), ctx.folded
    return {i for i, m in enumerate(ctx.mentions)
            if m.q.category == "count" and (_unit(m) in nouns
                                            or (sets.before(F, m.lead, ctx.lo) is not None
                                                and _cue("not_set_of").before(F, m.lead, ctx.lo) is None))}


def grade(ctx: Context) -> set[int]:
    """A product's size grade ("hàu size nhỏ 25 đến 28 con/kg", "cá hồi chỉ từ 0,8-1,5kg/con") or an engine's power
    and speed ("sản sinh 563 mã lực tại 6.800 vòng/phút"): how many pieces weigh a kilo, what one piece weighs,
    what one engine does and a speed ("tốc độ tối đa 90 km/giờ") are specifications (RECORDS.md), by their unit
    (``[not_record] grade_units``, ``engine_units``, ``speed_units``), whatever stands before it; a fleet's total
    power in CV stays."""
    return {i for i, m in enumerate(ctx.mentions) if _graded(m)}


def _graded(m: Mention) -> bool:
    """Whether a figure's unit is a size grade's or an engine's (``grade``)."""
    return bool(m.q.unit) and " ".join(m.q.unit.lower().split()) in _spec_units()


@cache
def _spec_units() -> frozenset[str]:
    return _cue_set("grade_units") | _cue_set("engine_units") | _cue_set("speed_units")


def distance(ctx: Context) -> set[int]:
    """Where a site lies ("cách nút giao Nguyễn Văn Linh 2 km", "Nằm cách trung tâm TP. Hà Tĩnh 50km"): a length
    after "cách" in its clause is a distance, no statistic (RECORDS.md: specifications). The dot of an
    abbreviation ("TP.") between them ends no clause here; "cách đây 2 năm" (``not_distance``) is a time ago."""
    units = _cue_set("distance_units")
    return {i for i, m in enumerate(ctx.mentions)
            if (m.q.unit or "").lower() in units
            and (_in_clause(ctx, "distance", i)
                 or any(_ABBREVIATED_GAP.fullmatch(ctx.text, b, m.lead) for _, b in ctx.spans("distance", ctx.lo, m.lead)))}


#: The words between "cách" and its length, an abbreviation's dot among them ("cách trung tâm TP. Hà Tĩnh").
_ABBREVIATED_GAP = regex.compile(r"(?:[^,;:()\n!?.]|(?<=\p{Lu})\.){0,80}+")


def vehicle(ctx: Context) -> set[int]:
    """A vehicle or vessel by its class ("sà lan 800 tấn của ông vẫn phải đợi", "chủ sà lan 400 tấn"): the vehicle
    word of ``[not_record] vehicle_size`` right before a size in a unit of ``vehicle_size_units`` (RECORDS.md:
    specifications). A fleet's total ("tổng trọng tải đội tàu 9 triệu tấn") has no vehicle word right before."""
    F, units = ctx.folded, _cue_set("vehicle_size_units")
    return {i for i, m in enumerate(ctx.mentions)
            if (m.q.unit or "").lower() in units and _cue("vehicle_size").before(F, m.lead, ctx.lo) is not None}


def spelled_name(ctx: Context) -> set[int]:
    """A number word that starts a proper name ("Khu kinh tế Năm Căn", "quận Hai Bà Trưng", "Bảy Núi"): a spelled
    number whose next word is capitalised names a place, no count (RECORDS.md: numbers inside names)."""
    T = ctx.text
    return {i for i, m in enumerate(ctx.mentions) if m.q.spelled and _SPACED_CAPITAL.match(T, m.q.num_end) is not None}


_SPACED_CAPITAL = regex.compile(r"[ ]++\p{Lu}\p{Ll}")  # (no unit or acronym: "một tỷ USD", "tám DN")


def unit_of_one(ctx: Context) -> set[int]:
    """One of a unit, unscaled ("giá bán 1 kg", "cứ 1 tấn xi măng làm ra thì thải …", "một lượng vàng", "từ 1
    USD"): the unit a rate is per or one object, no statistic (RECORDS.md). A value of exactly one whose unit is in
    ``[not_record] unit_of_one``; a scaled one ("1 tỷ USD", "1 triệu tấn"), a percent, a point and a count stay."""
    units = _cue_set("unit_of_one")
    return {i for i, m in enumerate(ctx.mentions)
            if m.role == "value" and m.q.value == 1 and _unit(m) in units}


def widget(ctx: Context) -> set[int]:
    """The page's own apparatus: "Nhấn để phóng to ảnh", zoom levels (RECORDS.md)."""
    return set(range(len(ctx.mentions))) if ctx.has("widget") else set()


#: Every filter, by the class of RECORDS.md it removes.
FILTERS: dict[str, Callable[[Context], set[int]]] = {
    "conversion": conversion,
    "hypothetical": hypothetical,
    "specification": specification,
    "dwelling_area": dwelling_area,
    "rule": rule,
    "regulation_list": regulation_list,
    "fee_schedule": fee_schedule,
    "deal": deal,
    "ownership_class": ownership_class,
    "offer": offer,
    "promotion": promotion,
    "gift": gift,
    "case": case,
    "fire": fire,
    "person": person,
    "story": story,
    "celebrity": celebrity,
    "transaction": transaction,
    "fine": fine,
    "milestone": milestone,
    "meeting": meeting,
    "ranking": ranking,
    "abstract": abstract,
    "grade": grade,
    "distance": distance,
    "vehicle": vehicle,
    "spelled_name": spelled_name,
    "unit_of_one": unit_of_one,
    "widget": widget,
}


#: A list's head before its colon ("tài sản bị mất trộm gồm:", "mức thu phí quy định như sau:"), back to the end of the
#: sentence before it, at most this far.
_HEAD_REACH = 400
_HEAD_END = regex.compile(r"[ \t]*+:\s*+\Z")
_SENTENCE_END = regex.compile(r"[.!?\n]")


def _list_head(folded: str, lo: int) -> int:
    """Where the filters start reading a sentence: at the head of its list when the sentence starts right after a
    colon (the splitter cuts long passages there: "tài sản bị mất trộm gồm: 30 lượng vàng, …" leaves the items a
    sentence of their own), so that the head's cue words count for the items (decision 300); else at ``lo``.
    The colon is a clause stop: a cue that must stand in the figure's clause still must."""
    head = _HEAD_END.search(folded, max(0, lo - 8), lo) if lo else None
    if head is None:
        return lo
    start = max(0, head.start() - _HEAD_REACH)
    ends = [e.end() for e in _SENTENCE_END.finditer(folded, start, head.start())]
    return ends[-1] if ends else start


def drop(text: str, folded: str, lo: int, hi: int, mentions: list[Mention], attach_gap) -> list[Mention]:
    """The mentions of a sentence that may be records: those no filter removes.

    A change, plan or share that only continues a removed figure ("bị phạt 468 triệu đồng, tăng 5%"),
    and an amount that restates it in another currency, go with it: ``attach_gap`` is the assembler's pattern for what may stand between them.
    A size grade is no figure they continue: the move after "cỡ 30 con/kg" is the price's.
    """
    if not mentions:
        return mentions
    ctx = Context(text, folded, _list_head(folded, lo), hi, mentions, lo)
    out: set[int] = set()
    for f in FILTERS.values():
        out |= f(ctx)
    if not out:
        return mentions
    for i in range(1, len(mentions)):
        m = mentions[i]
        if i - 1 in out and i not in out and (m.role != "value" or m.equivalent) \
                and attach_gap.fullmatch(folded, mentions[i - 1].end, m.lead) and not _graded(mentions[i - 1]):
            out.add(i)  # (an equivalent amount, "(khoảng 48,4 tỷ đồng)", restates the removed one; a size grade names
            # the product, and the move after it is its price's: "cỡ 30 con/kg tăng 20.000 đồng/kg lên …")
    return [m for i, m in enumerate(mentions) if i not in out]
