"""Give each figure its year and months: own clause, passage, document, date.

RECORDS.md "Periods", in the order a reader looks:

1. the figure's own clause: a period right after it ("chiếm 47% năm 2019",
   "đạt 617 tỷ đồng trong năm 2014", a day or a year's edge: "lỗ lũy kế 4.766
   tỷ đồng tại ngày 31/12/2019", "từ mức 15,5% cuối năm 2020 lên …"), or inside
   the same brackets, or months later in its clause ("huy động 200 triệu USD
   thông qua IPO trong quý 3", not past a comma, a number or a "và" that starts
   the next item), or a year there after "trong" ("không trả đủ 10 tỷ đồng tiền
   lãi cho khách hàng trong năm 2015", which still frames the passage after it);
2. its sentence and passage: the periods stated before it, each replacing
   the last ("Năm 2019, …", "Trong 6 tháng, …"); a passage is a paragraph,
   with the bullet lines of a list that a line ending in ":" opens. A day
   ("ngày 6/2/2017"), a month's edge ("cuối tháng 10"), a year reached
   ("đến năm 2030") and a figure's own trailing period ("617 tỷ đồng trong
   năm 2014") date their own sentence only; a period in brackets dates only
   what the brackets hold;
3. the document frame: the first period of the heading, else of the lead
   (the first sentence of the body), which every passage starts from;
4. the document's date (the caller's, else the dateline): its year, or the
   year before for months that end after the date's month (a text dated
   6/1/2023 that says "quý IV" means 2022).

A figure after a span of years in its sentence ("Trong giai đoạn 2011 - 2015,
SCIC đã bán vốn tại hơn 410 doanh nghiệp") has no year and no months.
A year's edge ("Cuối năm 2016, …") is a moment: it dates its own sentence,
ends the passage's months, and replaces the passage's year only when that
was carried from an earlier passage or the edge opens its sentence.
"trong quý", "cả quý", "quý này" refer back to the last quarter the text
named ("Doanh thu quý 4 … Năm 2016, … Doanh thu tài chính trong quý …").
"Đến nay, …", "Hiện nay, …", "Từ đó đến nay, …" opening a sentence count as of now: a year carried
from a sentence before it does not date them (the document frame's does).
"năm 2020 và 2021 lần lượt …" gives the figures after it those years in turn.
"năm ngoái", "năm trước" inside a sentence ("Tại đại hội năm trước, …") date
that sentence only; opening it ("Năm ngoái, …") they frame the passage.

Comparisons, price bases, histories, deadlines, ranges, events and typos
(``mentions``) never date a figure. A figure counted "as of" a date has the
months from January to it when it is a flow and none when it is a stock
("tính đến 30/9, tổng tài sản …").
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from datetime import date as Date
import regex

from ..text.normalize import fold
from ..text.serial import SERIAL
from ..lang.vi.periods import period_cues
from .document import is_subheading, past_caption
from .mentions import PeriodMention, cue

#: Between a figure and the period that is its own: "617 tỷ đồng trong năm 2014".
_POST_GAP = regex.compile(r"[ \t]*+(?:(?:trong|vào|của|tính|cho|riêng|suốt|ở|tại|trong[ \t]++cả|tính[ \t]++cả)[ \t]++)?")


#: Between a figure and a period later in its clause: no stop, number or bracket, and no "và" / "còn" /
#: "hoặc" that starts the next item ("năm 2009 lỗ 41,5 tỷ đồng và 9 tháng đầu năm 2010 …").
_LATER_IN_CLAUSE = regex.compile(r"(?:(?!(?<![\p{L}])(?:và|còn|hoặc)(?![\p{L}]))[^,;:.\d\n()]){1,60}+")


#: A comparison right after a period: "tăng 590% năm 2016 so với 2015".
_COMPARED_AFTER = regex.compile(r"[ \t]*+(?:so[ \t]++với|so)[ \t]")


def compared_after(folded: str, pos: int) -> bool:
    """Whether a comparison follows ``pos`` ("năm 2016 so với 2015"): a period right after a change's size
    dates it then, instead of being what it is compared with (the assembler and ``_after`` both ask)."""
    return _COMPARED_AFTER.match(folded, pos) is not None


@dataclass
class Figure:
    """What the resolver needs of a record draft: where its figure is, and its metric."""

    sentence: int
    anchor: int  # start of its first number
    spans: list[tuple[int, int]]  # its mentions' (start, end)
    metric: str
    kind: str = "actual"
    year: int | None = None
    months: tuple[int, int] | None = None
    #: Where its changes end ("tăng 590%"): a period right after one dates it only when a comparison follows
    #: ("tăng 590% năm 2016 so với 2015"); alone, "tăng 7% năm 2015" may be the year compared with.
    changes: list[int] = field(default_factory=list)
    #: Its unit ("đồng/cổ phiếu", "tấn/năm"): what tells a market quote and a yearly level.
    unit: str | None = None

    @property
    def session(self) -> bool:
        """A market quote: dated by its own sentence, the document frame or the date only."""
        return is_session(self.metric, self.unit)

    @property
    def habitual(self) -> bool:
        """So much a year: dated by its own sentence only."""
        return is_habitual(self.metric, self.unit)


def is_session(metric: str, unit: str | None) -> bool:
    """Whether a figure is a quote of a trading session: a share price, an index level, matched orders
    (``periods.toml [session]``)."""
    m = fold(metric)
    if cue("session", "metrics_not").search(m) is not None:
        return False  # "giá trị giao dịch bình quân phiên": an average over a period's sessions is that period's
    return (unit is not None and fold(unit) in cue("session", "units").words) or cue("session", "metrics").search(m) is not None


@cache
def _habitual_units() -> tuple[tuple[str, ...], frozenset[str]]:
    return period_cues("habitual", "unit_ends"), frozenset(period_cues("habitual", "units_not"))


def is_habitual(metric: str, unit: str | None) -> bool:
    """Whether a figure is so much a year with no year of its own: "1.000 tỷ đồng/năm", "hằng năm"
    (``periods.toml [habitual]``)."""
    m = fold(metric)
    if cue("habitual", "metrics_not").search(m) is not None:
        return False
    if unit is not None:
        ends, nots = _habitual_units()
        u = fold(unit)
        if u not in nots and u.endswith(ends) and u.count("/") == 1:
            return True  # (not "tỷ đồng/người/năm": a productivity or an income per head is a year's statistic)
    return cue("habitual", "metrics").search(m) is not None


@cache
def _counted_years() -> regex.Pattern:
    """A span of so many years: "qua 20 năm hoạt động", "trong 5 năm qua", "sau hơn 10 năm" (``periods.toml
    [years_span] counted``); not one followed by its year or its edge ("trong 2 năm 2019 - 2020" is a range)."""
    lead = "|".join(w.replace(" ", r"[ \t]++") for w in sorted(period_cues("years_span", "counted"), key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}])(?:{lead})[ \t]++(?:(?:hơn|gần|khoảng|ngót|chừng|trên)[ \t]++)?"
                         r"(?:[2-9]|[1-9]\d{1,2}|hai|ba|bốn|sáu|bảy|tám|chín|mười|mấy|vài)[ \t]++năm"
                         r"(?![\p{L}\p{N}])(?![ \t]*+(?:\(|[-–])?[ \t]*+(?:19|20)\d\d|[ \t]++(?:đầu|cuối|nay|ngoái)(?![\p{L}]))")


@dataclass
class _State:
    year: int | None = None
    months: tuple[int, int] | None = None
    as_of: bool = False
    #: The months are the document frame's, not restated in this passage.
    inherited: bool = False
    #: The last quarter named ("quý 4"), which "trong quý" / "cả quý" refer back to.
    quarter: tuple[int, int] | None = None
    #: The year was stated in the sentence being read (not carried from one before it).
    stated: bool = False
    #: The document frame's year: what "đến nay", "hiện nay" go back to.
    doc_year: int | None = None
    #: The year was carried over from an earlier passage (no period of this one has set it yet).
    carried: bool = False
    #: The months were stated in the sentence being read.
    months_stated: bool = False

    def apply(self, p: PeriodMention, base_year: int | None) -> None:
        year = p.year
        if year is None and p.offset is not None:
            base = self.year if self.year is not None else base_year
            year = base + p.offset if base is not None else None
        if p.shape == "now":  # "đến nay", "hiện nay": counted as of now
            self.as_of = True
            if p.opens and not self.stated:
                # "Năm 2014, doanh số … Đến nay, thu nhập …": now is not the year of a sentence before
                self.year = self.doc_year
            return
        if p.shape == "this_quarter":  # "trong quý", "cả quý": the quarter named before
            if self.quarter is not None:
                self.months, self.inherited, self.as_of = self.quarter, False, False
            return
        if year is not None:
            self.year, self.stated, self.carried = year, True, False
        if p.months is not None:
            self.months, self.inherited, self.months_stated = p.months, False, True
            if p.months[1] - p.months[0] == 2 and p.months[0] % 3 == 1:
                self.quarter = p.months
        elif p.resets_months or (p.role == "as_of" and p.month is not None):
            self.months, self.inherited = None, False
        self.as_of = p.role == "as_of"

    def copy(self) -> "_State":
        return _State(self.year, self.months, self.as_of, self.inherited, self.quarter, self.stated, self.doc_year,
                      self.carried, self.months_stated)

    def edge(self, p: PeriodMention) -> None:
        """A year's edge frames nothing ("Cuối năm 2016, Chủ tịch UBND … Theo dự thảo, tổng chi …" leaves
        the draft's figures undated), but it ends the passage's months, and it replaces the passage's year
        when that was carried over from an earlier passage or the edge opens its sentence ("Năm 2020, …
        Cuối 2021, công suất tăng lên 1,3 triệu tấn. Công suất tôn đạt …" is 2021)."""
        self.months, self.inherited = None, False
        if self.year is not None and p.year is not None and (self.carried or p.opens):
            self.year, self.carried = p.year, False


def is_flow(metric: str) -> bool:
    """Whether a metric is a flow (cumulated over months) rather than a stock counted at a date."""
    m = fold(metric)
    return cue("as_of", "flow").search(m) is not None and cue("as_of", "stock").search(m) is None


def document_frame(mentions: list[PeriodMention]) -> _State:
    """The frame of the heading and lead: their first framing period, its year completed from the next."""
    state = _State()
    firsts = [p for p in mentions if p.role in ("frame", "as_of")]
    if not firsts:
        return state
    state.apply(firsts[0], None)
    if state.year is None:
        state.year = next((p.year for p in firsts[1:] if p.year is not None), None)
    state.as_of = False
    return state


def assign(
    folded: str,
    sentences: list[tuple[int, int]],
    mentions: Sequence[list[PeriodMention]],
    figures: list[Figure],
    passages: list[int],
    lead: set[int],
    date: Date | None,
) -> None:
    """Set ``year`` and ``months`` on every figure.

    ``sentences`` are (start, end) per sentence, ``passages`` the passage of
    each (``document.passages``), ``mentions`` its period mentions, ``lead`` the indices of the heading and lead
    sentences, ``figures`` in text order.
    """
    lead = past_caption(folded, sentences, lead)
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence, []).append(f)
    doc = document_frame([p for i in sorted(lead) for p in mentions[i]])
    doc.doc_year = doc.year
    base_year = doc.year if doc.year is not None else (date.year if date else None)
    state = doc.copy()
    passage = None
    last = figures[-1].sentence if figures else -1
    first = min(lead) if lead else 0
    for i, (lo, hi) in enumerate(sentences):
        if i > last:
            break  # no figure after this: nothing left to date
        if passages[i] != passage:
            # a year carries on, but not past a sub-heading (a new section); months go back to the document's
            carried = None if i not in lead and is_subheading(folded, lo, hi) else state.year
            passage, state = passages[i], doc.copy()
            state.inherited = i not in lead
            if carried is not None:
                state.year, state.carried = carried, carried != doc.year
        pending = [p for p in mentions[i] if p.frames or p.role == "range"]
        figs = by_sentence.get(i, ())
        if not figs and not pending:
            continue
        brackets = _brackets(folded, lo, hi)
        state.stated = state.months_stated = False
        # a sentence with no figure only moves the passage on; a photo's caption before the lead dates its own
        # figures only ("… năm 2015. (Ảnh: Wikipedia)")
        sent = state.copy() if figs or i < first else state
        moves = i >= first
        owned = {p.start for f in figs for p in _after(folded, f, mentions[i], later_years=False)}
        # "Trong những năm qua, …": several years before a figure leave it no year carried to it
        years_span = (cue("years_span", "words").search(folded, lo, hi) or _counted_years().search(folded, lo, hi)) \
            if figs else None
        turns: list[int] = []  # "năm 2020 và 2021 lần lượt …": the years the next figures take in turn
        framed = False  # a year framed earlier in the sentence (not a point: "vào năm 2017, một nghiên cứu …")
        for f in figs:
            while pending and pending[0].start < f.anchor:
                p = pending.pop(0)
                if p.role == "range":
                    if p.years is not None and len(figs) - figs.index(f) == len(p.years) and (
                            len(p.years) >= 3 or cue("pair", "respective").search(folded, p.end, hi) is not None):
                        # "Tỷ lệ cổ tức từ năm 2008 đến 2013 là 82,55%, 12%, …, 4%": one figure a year, in turn
                        turns = list(p.years)
                        continue
                    if _inside(p.start, brackets) is None and not framed:
                        # "giai đoạn 2011 - 2015, SCIC đã bán vốn …": no one year; but "Nhu cầu đào tạo năm 2021
                        # để đáp ứng năm học 2024 - 2025 là 599 người" keeps the year its sentence framed first
                        sent.year, sent.months = None, None
                    continue
                if p.years is not None:
                    turns = list(p.years)
                    continue
                if _inside(p.start, brackets) is None:
                    sent.apply(p, base_year)
                    if p.shape == "date" and p.year is None and sent.carried:
                        # "… đóng cửa phiên giao dịch 20/4 với mức giảm 1,86%" after paragraphs on the 2020 report:
                        # a day with no year in a passage that states none is not of the year carried to it
                        sent.year = None
                    framed = framed or (p.role == "frame" and p.year is not None)
                    if moves and _frames_passage(p, owned):
                        state.apply(p, base_year)
                    elif moves and p.edge:
                        state.edge(p)
            own = _own(folded, f, mentions[i], brackets)
            here = sent.copy()
            if turns:
                here.year, here.months = turns.pop(0), None
            if own is not None:
                here.apply(own, base_year)
            else:
                base = _compared_bracket(folded, f, mentions[i], brackets)
                if base is not None:
                    # "… so với thực hiện năm 2015 (3.591 tỷ đồng doanh thu …)", "(cùng kỳ năm 2020 tăng 0,78%)"
                    here.year, here.stated = base.year, True
                    if base.months is not None:
                        here.months = base.months
            if f.session:
                # "Theo BCTC quý IV/2022, Thép Nam Hải đạt … Trong phiên, NHS tăng 3,2% lên 24.800 đồng/cổ phiếu": a quote
                # is of its session, not of the period of a report an earlier sentence spoke of
                # ("Trong tháng 12/2022, giá cổ phiếu DHB dao động …" keeps the year its months are of)
                if not here.months_stated:
                    here.months = None
                    if not here.stated:
                        here.year = doc.doc_year
            if not here.stated and years_span is not None and years_span.end() <= f.anchor:
                # "Trong những năm qua, quỹ đã tài trợ khoảng 2 tỷ USD": several years, none of them carried
                here.year, here.months = None, None
            undated = f.habitual and not here.stated
            if undated:
                # "sản lượng ổn định ở mức 12.000 tấn/năm": a yearly level, not the year a frame carried
                here.year = None
                if not here.months_stated:
                    here.months = None
            _settle(f, here, None if undated else date)
        for p in pending if moves else ():
            if p.role != "range" and p.years is None and _inside(p.start, brackets) is None and _frames_passage(p, owned):
                state.apply(p, base_year)
            elif p.edge and _inside(p.start, brackets) is None:
                state.edge(p)


def _frames_passage(p: PeriodMention, owned: set[int]) -> bool:
    """Whether a period frames the rest of its passage: not a point, nor a figure's own trailing period, nor
    "năm trước" / "năm ngoái" inside its sentence.

    "đạt 617 tỷ đồng trong năm 2014" dates that figure (and the rest of its
    sentence); the next sentence is not framed by it.
    """
    return p.role != "point" and p.start not in owned and not (p.shape == "relative" and p.offset and not p.opens)


def _after(folded: str, f: Figure, mentions: list[PeriodMention], later_years: bool = True) -> list[PeriodMention]:
    """The framing periods right after one of the figure's numbers ("chiếm 47% năm 2019"), else the months
    stated later in its clause, or a year there after "trong" (``later_years``: such a year dates the figure
    but still frames the passage after it, as a period stated in the sentence does)."""
    if not mentions:
        return []  # (nothing to find: no pattern asked)
    out = []
    # a figure that is itself the base of a comparison ("so với mức xấp xỉ 11% của năm 2019") owns the period
    # after it, which the clause's "so với" made a comparison
    base = _BASE_BEFORE.search(folded, max(0, f.anchor - 40), f.anchor, SERIAL) is not None
    for _, end in f.spans:
        g = _POST_GAP.match(folded, end, None, SERIAL)
        out.extend(p for p in mentions if p.start == g.end() and (p.frames or (base and p.role == "comparison"
                                                                                and p.year is not None)))
    if f.spans and any(p.edge for p in mentions):
        # a year's edge right after its last number: "từ mức 15,5% cuối năm 2020 lên …" (17% is not its)
        edge = _EDGE_WORD.match(folded, _POST_GAP.match(folded, f.spans[-1][1], None, SERIAL).end(), None, SERIAL)
        if edge is not None:
            out.extend(p for p in mentions if p.edge and p.year is not None and p.start == edge.end())
    for end in f.changes:
        g = _POST_GAP.match(folded, end, None, SERIAL)
        # "tăng 590% năm 2016 so với 2015"; "giảm 7,8% trong năm 2020": with "trong" the period is the move's
        within = _WITHIN_BEFORE.search(folded, end, g.end()) is not None
        out.extend(p for p in mentions if p.start == g.end() and p.frames and p.year is not None
                   and (compared_after(folded, p.end) or within))
    if not out and f.spans:
        # months later in its clause: "huy động 200 triệu USD thông qua IPO trong quý 3 này"; a year there
        # after "trong": "không trả đủ 10 tỷ đồng tiền lãi cho khách hàng trong năm 2015"
        end = f.spans[-1][1]
        later = [p for p in mentions if p.frames and end < p.start
                 and (p.months is not None or (later_years and p.year is not None
                                               and _WITHIN_BEFORE.search(folded, end, p.start)))
                 and _LATER_IN_CLAUSE.fullmatch(folded, end, p.start)]
        out.extend(later[:1])
    if not out:
        # the year of the plan it attains: "thu ngân sách đạt 53% dự toán năm 2020" (inside its plan's mention)
        # (the phrase is a shadow of the plan: its year reads as a comparison there, and frames nothing after it)
        # (the plan's year only: the months the sentence framed stay, "8 tháng đầu năm … đạt 53% dự toán năm 2020")
        out.extend(replace(p, shape="plan") for a, e in f.spans[:1] for p in mentions if p.role in ("frame", "comparison")
                   and p.year is not None and p.months is None
                   and f.anchor < p.start and p.end <= max(b for _, b in f.spans) and _plan_before(folded, a, p.start))
    return out


#: Right before a comparison's base figure: "so với mức xấp xỉ 11%", "so với con số 110 tỷ đồng".
_BASE_BEFORE = regex.compile(r"(?<![\p{L}])so[ \t]++với(?:[ \t]++(?:mức|con[ \t]++số|mức[ \t]++giá))?+"
                             r"(?:[ \t]++(?:xấp[ \t]++xỉ|khoảng|gần|hơn|trên|chỉ))?+[ \t]*+\Z")


def _plan_before(folded: str, lo: int, s: int) -> bool:
    """A plan's word right before a year in the figure's own plan phrase: "thu ngân sách đạt 53% dự toán năm 2020"
    is 2020's (the year of the plan a figure attains is its own)."""
    return cue("before", "plan").before(folded, s, lo) is not None


#: "trong" right before a year later in a figure's clause: "… tiền lãi cho khách hàng trong năm 2015".
_WITHIN_BEFORE = regex.compile(r"(?<![\p{L}])(?:trong|suốt)(?:[ \t]++cả)?+[ \t]++\Z")


#: A year's edge word between a figure and its year: "15,5% cuối năm 2020".
_EDGE_WORD = regex.compile(r"(?:cuối|đầu|giữa)[ \t]++")


def _own(folded: str, f: Figure, mentions: list[PeriodMention], brackets) -> PeriodMention | None:
    """The period of the figure's own clause: right after one of its numbers, or in its brackets."""
    after = _after(folded, f, mentions)
    if after:
        return after[0]
    box = _inside(f.anchor, brackets)
    if box is not None:
        inner = [p for p in mentions if p.frames and box[0] <= p.start < f.anchor]
        if inner:
            return inner[-1]
    if f.spans:
        # "lên 4.500 tỷ đồng (ngày cấp đăng ký thay đổi là 12/5/2024)": the day in brackets right after it
        end = f.spans[-1][1]
        box = next((b for b in brackets if b[0] >= end and not folded[end:b[0]].strip()), None)
        if box is not None:
            days = [p for p in mentions if box[0] < p.start < box[1] and p.shape == "date" and p.year is not None
                    and p.role in ("point", "frame", "as_of")]
            if len(days) == 1:
                return days[0]
            # "nợ đọng gần 10.000 tỷ đồng (2015)": a bare year alone in brackets right after it is its own year
            alone = _BRACKET_YEAR.fullmatch(folded, box[0], box[1] + 1)
            if alone is not None:
                return PeriodMention(box[0], box[1] + 1, int(alone.group("y")), None, shape="year")
    return None


#: Brackets that hold a year and nothing else: "(2015)", "(năm 2016)".
_BRACKET_YEAR = regex.compile(r"\([ \t]*+(?:năm[ \t]++)?(?P<y>(?:19|20)\d\d)[ \t]*+\)")


def _compared_bracket(folded: str, f: Figure, mentions: list[PeriodMention], brackets) -> PeriodMention | None:
    """The period compared with that a bracketed figure is the value of: a comparison right before the
    brackets ("tăng 12% so với thực hiện năm 2015 (3.591 tỷ đồng)") or opening them before the figure
    ("(cùng kỳ năm 2020 tăng 0,78%)"); not one after the figure ("(tăng 12% so với năm 2015)")."""
    box = _inside(f.anchor, brackets)
    if box is None:
        return None
    for p in mentions:
        if p.role != "comparison" or p.year is None:
            continue
        if (box[0] < p.start < f.anchor and _BRACKET_LEAD.fullmatch(folded, box[0] + 1, p.start) is not None) or \
                (p.end <= box[0] and not folded[p.end:box[0]].strip()):
            return p
    return None


#: What may open a bracket before the period compared with: "(cùng kỳ năm 2020 …", "(so với năm 2015 là …".
_BRACKET_LEAD = regex.compile(r"[ \t]*+(?:cùng[ \t]++kỳ|so[ \t]++với(?:[ \t]++cùng[ \t]++kỳ)?|so)?[ \t]*+")


def _settle(f: Figure, st: _State, date: Date | None) -> None:
    year, months = st.year, st.months
    if (st.as_of or st.inherited) and months is not None and not is_flow(f.metric):
        # a balance, a level or a rate at a date covers no months; nor does the document's period
        # give months to one stated in a later passage without a period of its own
        months = None
    if year is None and date is not None:
        # a report dated 6/1/2023 on "quý IV" means 2022; a plan for "quý IV" means the date's year
        past = months is not None and months[1] > date.month and f.kind in ("actual", "estimate")
        year = date.year - 1 if past else date.year
    f.year, f.months = year, months


_BRACKET = regex.compile(r"\([^()\n]{0,400}+\)")


def _brackets(folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    if folded.find("(", lo, hi) < 0:
        return []
    return [(m.start(), m.end() - 1) for m in _BRACKET.finditer(folded, lo, hi)]


def _inside(pos: int, brackets: list[tuple[int, int]]) -> tuple[int, int] | None:
    for a, b in brackets:
        if a < pos < b:
            return a, b
    return None
