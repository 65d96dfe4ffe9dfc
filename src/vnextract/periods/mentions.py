"""Period mentions: every date and period phrase of a text, and what it is.

"năm 2018", "cuối 2021", "trong 2021", "cổ tức 2020" (a bare year after a figure's name, ``periods.toml``
[before] year_after) → year; "2016 là năm …", "Tết Nguyên đán 2017", "Tết Đinh Dậu 2017" → that
year; "7 tháng đầu năm" → months (1, 7); "tháng đầu năm 2017" → (1, 1); "quý III/2023" →
(7, 9) in 2023; "tháng 10" → (10, 10); "31/12/2016" → a date. Each mention is
classified by the words before it (``lang/vi/periods.toml``):

- ``frame``: a period figures are for ("Năm 2019, …", "doanh thu 6 tháng");
- ``as_of``: the date a stock is counted at, or the end of a flow cumulated
  to it ("tính đến 30/6/2016", "lũy kế đến tháng 3" → months (1, 3));
- ``point``: a day, the edge of a month or a year ("ngày 6/2/2017", "cuối tháng 10",
  "cuối năm 2016"),
  a year reached ("vào năm 2016", "mục tiêu đến năm 2030", "từ nay đến
  năm 2020"), or the period of what is yet to happen ("sẽ hạch toán trong
  quý IV/2017"): it dates its own sentence only;
- never a frame: ``comparison`` ("so với năm 2017", "cùng kỳ năm 2023", a year after a proportion:
  "bằng 29% doanh thu đạt được năm 2015", not a plan's "bằng 101% kế hoạch năm 2016"),
  ``price_basis`` ("giá so sánh năm 2010"), ``history`` ("kể từ năm 2015", a decade: "những năm 1960"),
  ``deadline`` ("trước cuối tháng 4"), ``range`` ("giai đoạn 2016 - 2020",
  "từ tháng 10/2016 đến tháng 9/2017", two years "năm 2018 và 2019" — unless "lần lượt" follows,
  when the figures after take them in turn), ``event`` ("Luật Ngân sách năm 2002",
  "Nghị quyết số 01/NQ-CP ngày 5/1/2024") and ``typo`` ("năm 20214").

Where the classes apply is ``periods.resolve``'s business.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache

import regex

from ..lang.vi.periods import crop_seasons, document_words, event_window, lunar_years, period_cues
from ..rules.words import WordSet, anchored_at, clause_from, word_char
from ..text.normalize import per_text

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: Month counts in words: "sáu tháng đầu năm", "chín tháng". ("một", "năm" are left out: "năm tháng" is "years".)
_MONTH_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
                "mười một": 11, "mười hai": 12}
_RELATIVE = {"nay": 0, "ngoái": -1, "trước": -1, "rồi": -1, "tới": 1, "sau": 1}
_COUNT = r"\d{1,2}|" + "|".join(w.replace(" ", r"[ \t]++") for w in sorted(_MONTH_WORDS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d(?!\d)"
#: "năm tới" is next year, but "từ đầu năm tới nay" is "since the start of the year".
_REL = r"(?P<rel>nay|ngoái|trước|rồi|tới(?![ \t]++nay)|sau)(?![\p{L}\p{N}])"
_YEAR_TAIL = rf"(?:[ \t]*+(?:/|-|\.(?=(?:19|20)\d\d(?!\d))|năm)[ \t]*+(?P<y>{_YEAR})|[ \t]++(?P<y>{_YEAR})|[ \t]++năm[ \t]++{_REL})?+"
_AFTER_NAM = rf"(?:[ \t]++(?P<y>{_YEAR})|[ \t]++{_REL})?+"
_SEP = r"[ \t]*+(?:-|–|đến|tới)[ \t]*+"
#: After "đến 2025" a word of a quantity says it is a number, not a year ("tăng lên đến 2020 tỷ đồng", "đến 2000 người").
_NOT_A_YEAR_AFTER = r"(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|usd|tấn|ha|người|lượt|con|chiếc|cái|điểm|km|m2|m3|kg|lít|căn|đơn|hộ|lao)(?![\p{L}])"
_SEP_RE = regex.compile(_SEP)
#: A lunar year's name: "Tết Đinh Dậu 2017", "Tết Nguyên đán Giáp Thìn 2024" (``periods.toml`` [holiday]).
_LUNAR = lunar_years()
#: A crop season's name: "vụ Đông Xuân 2016-2017", "vụ lúa hè thu 2020" (``periods.toml`` [crop]).
_CROP = crop_seasons()

_PATTERNS = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}/.\-])
    (?:
        (?P<date>(?:ngày[ \t]++)?(?P<d>\d{{1,2}})[ \t]*+(?P<ds>/|-|\.|tháng)[ \t]*+(?P<dm>\d{{1,2}})
                 (?:[ \t]*+(?:/|-|\.|năm)[ \t]*+(?P<dy>{_YEAR}))?+)
      | (?P<half>(?:nửa|6[ \t]++tháng|sáu[ \t]++tháng)[ \t]++(?P<which>đầu|cuối)[ \t]++năm){_AFTER_NAM}
      | tháng[ \t]++(?P<m1>\d{{1,2}}){_SEP}(?:tháng[ \t]++)?(?P<m2>\d{{1,2}}){_YEAR_TAIL}
      | (?P<nm>{_COUNT})[ \t]++tháng(?:(?:[ \t]++(?P<edge>đầu|cuối)[ \t]++năm{_AFTER_NAM})|{_YEAR_TAIL})
      | (?<!(?:những|các|mấy|vài)[ \t]++)(?P<firstm>tháng[ \t]++đầu(?:[ \t]++tiên)?+[ \t]++(?:của[ \t]++)?năm){_AFTER_NAM}
      | tháng[ \t]++(?P<m>\d{{1,2}}){_YEAR_TAIL}
      | quý[ \t]++(?P<qw>đầu(?:[ \t]++tiên)?+|cuối(?:[ \t]++cùng)?+)[ \t]++(?:của[ \t]++)?năm{_AFTER_NAM}
      | quý[ \t]++(?P<q>iv|iii|ii|i|[1-4])(?![\p{{L}}\p{{N}}]){_YEAR_TAIL}
      | (?P<thisq>quý(?=[ \t]++(?:này|vừa[ \t]++qua|vừa[ \t]++rồi)(?![\p{{L}}\p{{N}}]))|(?<=(?:trong|cả)[ \t]++)quý(?![ \t]++(?:iv|iii|ii|i|\d|thứ|đầu|cuối|tới|sau|trước|liên|kế|gần|tiếp)(?![\p{{L}}\p{{N}}])))
      | (?<=(?<![\p{{L}}])từ[ \t]{{1,3}})(?P<yrange>(?:năm[ \t]++)?(?P<ya>{_YEAR}){_SEP}(?:năm[ \t]++)?(?P<yb>{_YEAR}))
      | (?<=(?<![\p{{L}}])(?:vụ(?:[ \t]++lúa)?|lúa)[ \t]++{_CROP}[ \t]++)(?P<crop>(?:năm[ \t]++)?(?P<cy>{_YEAR})(?:[ \t]*+[-–][ \t]*+(?:năm[ \t]++)?(?P<cy2>{_YEAR}))?+)
      | (?P<yearword>năm|lũy[ \t]++kế(?:[ \t]++năm)?|năm[ \t]++tài[ \t]++(?:chính|khóa)|tài[ \t]++khóa|niên[ \t]++độ)
        [ \t]++(?P<year>{_YEAR})(?:[ \t]*+(?P<ysep>[-–]|và|hoặc)[ \t]*+(?:năm[ \t]++)?(?P<year2>{_YEAR}))?+
      | (?P<yspan>(?:giai[ \t]++đoạn|niên[ \t]++vụ|niên[ \t]++khóa|năm[ \t]++học|nhiệm[ \t]++kỳ|thời[ \t]++kỳ)[ \t]++(?:từ[ \t]++)?(?:năm[ \t]++)?
                  {_YEAR}[ \t]*+(?:-|–|đến|tới)[ \t]*+(?:năm[ \t]++)?{_YEAR})
      | (?P<holiday>(?:tết(?:[ \t]++nguyên[ \t]++đán)?+(?:[ \t]++{_LUNAR})?+|xuân[ \t]++{_LUNAR}(?:[ \t]++năm)?+)[ \t]++(?P<hy>{_YEAR}))
      | (?<=(?:đầu|cuối|giữa|trong|hết|sang)[ \t]{{1,3}})(?P<bare>{_YEAR})(?![.,]\d)
      | (?<=(?<![\p{{L}}])(?:đến|tới|so[ \t]++với|so|cùng[ \t]++kỳ)[ \t]{{1,3}})(?P<bare>{_YEAR})(?![.,]\d|[ \t]*+[-–/%]|[ \t]++{_NOT_A_YEAR_AFTER})
      | (?P<yearis>{_YEAR})(?=[ \t]++là[ \t]++(?:một[ \t]++)?năm(?![\p{{L}}\p{{N}}]))
      | năm[ \t]++(?P<typo>(?:19|20)\d{{3,6}})(?!\d)
      | (?P<whole>cả[ \t]++năm){_AFTER_NAM}
      | năm[ \t]++{_REL}
      | (?P<now>(?:tính[ \t]++)?(?:đến|tới)[ \t]++nay|hiện[ \t]++nay|hiện[ \t]++tại|thời[ \t]++điểm[ \t]++hiện[ \t]++tại
               |hiện(?=[ \t]++(?:có|đạt|đang|khoảng|ở[ \t]++mức|còn|là|chưa|vẫn|chỉ)(?![\p{{L}}]))
               |(?<=(?:^|[.:;"“\n])[ \t]{{0,3}})hiện)
    )
    (?![\p{{L}}\p{{N}}])
    """,
    regex.VERBOSE,
)
#: Where a mention can start (its first word or digit). A number starts one only as a date
#: or a count of months: "30/6/2016", "9 tháng".
_ANCHOR_WORDS = ("ngày", "nửa", "sáu", "tháng", "quý", "năm", "lũy", "tài", "niên", "cả", "hai", "ba", "bốn", "bảy",
                 "tám", "chín", "mười", "tính", "đến", "tới", "hiện", "thời", "tết", "xuân", "giai", "nhiệm")
# (``(?=\d)`` first: every branch starts with a digit, and the look-behinds are then tried only there.)
_DATE_ANCHOR = regex.compile(r"(?=\d)(?<![\p{L}\p{N}/.\-])(?:\d{1,2}(?!\d)(?=[ \t]*+(?:[/.\-]|tháng))"
                             r"|(?:19|20)\d\d(?=[ \t]++là[ \t])"
                             r"|(?<=(?:đầu|cuối|giữa|trong|hết|sang|đến|tới|từ|với|so|kỳ|xuân|thu|mùa|hè)[ \t]{1,3})(?:19|20)\d\d(?![\p{N}]|[.,]\d))")
_ANCHOR = regex.compile(r"(?<![\p{L}\p{N}/.\-])(?:\d{1,2}(?!\d)(?=[ \t]*+(?:[/.\-]|tháng))|(?:19|20)\d\d(?=[ \t]++là[ \t])"
                        r"|(?<=(?:đầu|cuối|giữa|trong|hết|sang|đến|tới|từ|với|so|kỳ|xuân|thu|mùa|hè)[ \t]{1,3})(?:19|20)\d\d(?![\p{N}]|[.,]\d)|(?:"
                        + "|".join(_ANCHOR_WORDS) + r")(?![\p{L}\p{N}]))")


def anchors(folded: str, start: int, end: int) -> list[int]:
    """Where ``_ANCHOR`` matches in ``folded[start:end]``, ascending: the same positions, found faster.

    The words are found once per text (``_word_anchors``) instead of the
    alternation tried at every position of every stretch asked about. A word
    counts where no letter, digit, "/", "." or "-" is before it (before
    ``start`` too, as the look-behind sees) and no letter or digit after it
    inside ``end``. Matches cannot overlap: a position inside a word has a
    letter before it.
    """
    out = [m.start() for m in _DATE_ANCHOR.finditer(folded, start, end)]
    starts, ends = _word_anchors(folded)
    k = bisect_left(starts, start)
    while k < len(starts) and starts[k] < end:
        j = ends[k]
        if j <= end and (j == end or not word_char(folded[j])):
            out.append(starts[k])
        k += 1
    out.sort()
    return out


@per_text
def _word_anchors(folded: str) -> tuple[list[int], list[int]]:
    """Every anchor word of ``folded`` with no letter, digit, "/", "." or "-" before it: starts (ascending)
    and ends, found once per text (``per_text``): the rules ask about many stretches of one document in turn.

    Each word is found with ``str.find``; every occurrence with no letter
    before it is found whichever position the search starts from (one that
    starts inside another occurrence has a letter before it), so a stretch's
    anchors are those of the text inside it (``anchors``).
    """
    pairs = []
    for w in _ANCHOR_WORDS:
        n = len(w)
        i = folded.find(w)
        while i >= 0:
            if i == 0 or not (word_char(folded[i - 1]) or folded[i - 1] in "/.-"):
                pairs.append((i, i + n))
            i = folded.find(w, i + n)
    pairs.sort()
    return [a for a, _ in pairs], [b for _, b in pairs]


#: What may stand before a mention that opens its sentence: spaces, quotes, a bullet.
_OPENING = " \t\"“'(-–+*•"
_HOLIDAY_LEAD = regex.compile(r"(?<![\p{L}])(?:trong[ \t]++|vào[ \t]++)?(?:dịp|kỳ[ \t]++nghỉ|mùa)[ \t]++\Z")
_THIS_QUARTER_LEAD = regex.compile(r"(?<![\p{L}])(?:trong|cả)[ \t]++\Z")
_THIS_QUARTER_TAIL = regex.compile(r"[ \t]++(?:này|vừa[ \t]++qua|vừa[ \t]++rồi)(?![\p{L}\p{N}])")
_NOT_MONTHS_BEFORE = regex.compile(r"(?:kỳ hạn|thời hạn|dưới|trên|hơn|gần|khoảng|sau|trong vòng|mỗi|cách đây|từ|mồng|mùng)[ \t]*+\Z")
_RANGE_LEAD = regex.compile(r"(?<![\p{L}])(?:giai[ \t]++đoạn|niên[ \t]++vụ|niên[ \t]++khóa|năm[ \t]++học|nhiệm[ \t]++kỳ|thời[ \t]++kỳ)[ \t]++(?:từ[ \t]++)?\Z")
#: "so với …", "cùng kỳ …" anywhere earlier in the clause makes the period a comparison.
_SO_SANH = regex.compile(r"(?<![\p{L}])giá[ \t]++so[ \t]++sánh(?![\p{L}])")
#: The edge of a month or year before the period: "cuối tháng 10", "đầu năm 2016".
_EDGE = regex.compile(r"(?<![\p{L}])(?:vào[ \t]++|trong[ \t]++|từ[ \t]++)?(?P<edge>đầu|cuối|giữa)[ \t]++\Z")
#: What a period phrase may be preceded by and still start at a word: "(quý I/2024)", "ngày 6/2".
FRAMING = ("frame", "as_of", "point")
#: "Từ đó đến nay, …", "Kể từ đó tới nay, …": since a moment named before, counted as of now (a sentence opener).
_SINCE_THEN = regex.compile(r"(?<![\p{L}])(?:kể[ \t]++)?từ[ \t]++(?:đó|thời[ \t]++điểm[ \t]++đó|khi[ \t]++đó)[ \t]*+\Z")
#: Words before a day written without "ngày": "phiên (giao dịch) 20/4", "sáng 6/2", "hôm 29/4".
_DAY_LEAD = regex.compile(r"(?<![\p{L}])(?:phiên(?:[ \t]++giao[ \t]++dịch)?+|hôm|sáng|chiều|trưa|tối|đêm)[ \t]++\Z")
#: What may open a sentence before "năm ngoái" and still leave it at the head: "Trong năm ngoái, …".
_RELATIVE_LEAD = regex.compile(r"(?:trong|vào|tính[ \t]++chung|riêng|cả)[ \t]*+\Z")
#: "trong năm 2020 và đầu 2021": a year's edge joined to the period before it goes on from it (a frame).
_JOINED = regex.compile(r"(?<![\p{L}])(?:và|hoặc)[ \t]++\Z")
#: After a count of months, the months ahead of now: "trong 6 tháng tới", "3 tháng nữa", "6 tháng sau đó".
_AHEAD = regex.compile(r"[ \t]++(?:tới|sắp[ \t]++tới|nữa|tiếp[ \t]++theo|kế[ \t]++tiếp|sau)(?![\p{L}\p{N}])")
_COUNTED = regex.compile(r"(?:\d|mấy|vài|nhiều|các|những|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)[ \t]*+\Z")


@cache
def _connective_lead() -> regex.Pattern:
    """A connective opening the sentence before "đến nay" ("Như vậy, tính đến nay …", "Trong đó, hiện …": ``periods.toml
    [document] continues``): the mention still opens it."""
    words = "|".join(w.replace(" ", r"[ \t]++") for w in sorted(document_words("continues"), key=len, reverse=True))
    return regex.compile(rf"\A(?:{words})[ \t]*+,?[ \t]*+\Z")


@cache
def cue(group: str, name: str) -> WordSet:
    """A cue list of ``lang/vi/periods.toml`` as a whole-word look-up."""
    return WordSet(period_cues(group, name))


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    year: int | None
    months: tuple[int, int] | None
    #: frame | as_of | point | comparison | price_basis | history | deadline | range | event | typo
    role: str = "frame"
    #: year | months | span ("tháng 1 - 6") | date | whole | relative | now ("đến nay")
    #: | this_quarter ("trong quý", "cả quý": the last quarter the passage named)
    shape: str = "months"
    #: "năm nay" 0, "năm ngoái" -1, "năm tới" +1: a year relative to the passage's.
    offset: int | None = None
    #: The month of a date or of an "as of" month ("tính đến hết tháng 3" → 3).
    month: int | None = None
    #: It opens its sentence ("Đến nay, …", "Hiện nay, …", "Cuối 2021, …").
    opens: bool = False
    #: A year's edge ("cuối năm 2016", "đầu 2021"): a moment, after which the passage's months are over.
    edge: bool = False
    #: Two years "lần lượt" gives to the figures after it in turn ("GDP năm 2020 và 2021 lần lượt tăng 1,6% và 6,7%").
    years: tuple[int, ...] | None = None

    @property
    def frames(self) -> bool:
        return self.role in FRAMING

    @property
    def resets_months(self) -> bool:
        """A bare year ("Năm 2023, …") or a date starts a frame with no months."""
        return self.months is None and self.shape in ("year", "date", "whole", "relative")


def find_mentions(folded: str, start: int = 0, end: int | None = None, classify: bool = True) -> list[PeriodMention]:
    """Every period mention in ``folded[start:end]``, classified, in text order.

    ``classify=False`` only tells ranges apart (what the metric namer needs to cut period phrases).
    """
    end = len(folded) if end is None else end
    out: list[PeriodMention] = []
    for m in anchored_at(anchors(folded, start, end), _PATTERNS, folded, start, end):
        p = _mention(m, folded, start, classify)
        if p is not None:
            out.append(p)
    if not classify:
        return out
    out = _years_after_names(folded, start, end, out)
    return _pair_ranges(folded, _respective(folded, out, end))


@cache
def _year_after() -> regex.Pattern:
    names = "|".join(w.replace(" ", r"[ \t]++") for w in sorted(period_cues("before", "year_after"), key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{names})[ \t]++(?P<y>{_YEAR})(?![.,]\d|[ \t]*+[-–/]"
                         r"|[ \t]++(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|usd|tấn|ha)(?![\p{L}]))(?![\p{L}\p{N}%])")


def _years_after_names(folded: str, start: int, end: int, found: list[PeriodMention]) -> list[PeriodMention]:
    """Add the bare years right after a figure's name ("cổ tức 2020", "doanh thu 2020 tăng 41%")."""
    if folded.find("20", start, end) < 0 and folded.find("19", start, end) < 0:
        return found
    extra = []
    for m in _year_after().finditer(folded, start, end):
        s, e = m.span("y")
        if not any(p.start <= s < p.end for p in found):
            extra.append(_classify(PeriodMention(s, e, int(m.group("y")), None, shape="year"), folded, start))
    return sorted(found + extra, key=lambda p: p.start) if extra else found


def _respective(folded: str, found: list[PeriodMention], end: int) -> list[PeriodMention]:
    """Two years joined by "và" are the figures' in turn when "lần lượt" follows in the sentence, else a range."""
    out = []
    for p in found:
        if p.years is not None and p.role in FRAMING and cue("pair", "respective").search(folded, p.end, end) is None:
            p = replace(p, role="range", years=None)
        out.append(p)
    return out


def _mention(m, folded: str, lo: int, classify: bool = True) -> PeriodMention | None:
    s, e = m.span()
    y = m.group("y")
    year = int(y) if y else None
    rel = m.group("rel")
    offset = _RELATIVE[rel] if rel else None
    if m.group("now") is not None:
        return PeriodMention(s, e, None, None, role="as_of", shape="now",
                             opens=not _connective_lead().sub("", _SINCE_THEN.sub("", folded[lo:s]).strip(_OPENING)))
    if m.group("date") is not None:
        d, mo = int(m.group("d")), int(m.group("dm"))
        dy = m.group("dy")
        lead = _DAY_LEAD.search(folded, max(lo, s - 24), s)
        has_word = folded.startswith("ngày", s) or lead is not None
        if not (1 <= d <= 31 and 1 <= mo <= 12) or (not dy and not has_word):
            return None
        if lead is not None:
            s = lead.start()  # "hôm 23/4", "trưa 6-2": the day's word goes with it (and leaves a metric)
        p = PeriodMention(s, e, int(dy) if dy else None, None, shape="date", month=mo)
    elif m.group("half") is not None:
        months = (1, 6) if m.group("which") == "đầu" else (7, 12)
        p = PeriodMention(s, e, year, months, offset=offset)
    elif m.group("m1") is not None:
        a, b = int(m.group("m1")), int(m.group("m2"))
        if not 1 <= a <= b <= 12:
            return None
        p = PeriodMention(s, e, year, None if (a, b) == (1, 12) else (a, b), shape="span", offset=offset)
    elif m.group("nm") is not None:
        nm = " ".join(m.group("nm").split())
        n = _MONTH_WORDS[nm] if nm in _MONTH_WORDS else int(nm)
        if not 1 <= n <= 12 or _NOT_MONTHS_BEFORE.search(folded, max(0, s - 12), s):
            return None
        if not m.group("edge") and year is None and _AHEAD.match(folded, e):
            return None  # "trong 6 tháng tới": the months ahead of now, not January to June
        if not m.group("edge") and year is None and cue("before", "duration").before(folded, s, lo):
            return None  # "tạm đình chỉ 9 tháng": a duration
        months = (13 - n, 12) if m.group("edge") == "cuối" else (1, n)
        if n == 12 and not m.group("edge"):
            months = None  # "12 tháng" is the whole year
        p = PeriodMention(s, e, year, months, shape="months" if months else "whole", offset=offset)
    elif m.group("firstm") is not None:  # "trong tháng đầu năm 2017": January
        p = PeriodMention(s, e, year, (1, 1), offset=offset, month=1)
    elif m.group("m") is not None:
        n = int(m.group("m"))
        if not 1 <= n <= 12:
            return None
        p = PeriodMention(s, e, year, (n, n), offset=offset, month=n)
    elif m.group("thisq") is not None:  # "trong quý", "cả quý", "quý này": the quarter the passage is about
        lead = _THIS_QUARTER_LEAD.search(folded, max(lo, s - 8), s)
        if lead:
            s = lead.start()  # the phrase is "trong quý": it leaves the metric whole
        if folded.startswith(" ", e) and _THIS_QUARTER_TAIL.match(folded, e):
            e = _THIS_QUARTER_TAIL.match(folded, e).end()
        p = PeriodMention(s, e, None, None, shape="this_quarter")
    elif m.group("qw") is not None and _COUNTED.search(folded, max(lo, s - 8), s):
        return None  # "trong 2 quý đầu năm": two quarters, not the first
    elif m.group("q") is not None or m.group("qw") is not None:  # "quý III/2023", "quý đầu tiên của năm 2021"
        q = _ROMAN[m.group("q")] if m.group("q") else (1 if m.group("qw").startswith("đầu") else 4)
        p = PeriodMention(s, e, year, (3 * q - 2, 3 * q), offset=offset)
    elif m.group("year") is not None:
        if m.group("year2"):  # "năm 2021-2025", "năm 2018 và 2019": two years, neither the figure's
            joined = m.group("ysep") in ("và", "hoặc")  # a pair, not a span
            p = PeriodMention(s, e, None, None, shape="year",
                              years=(int(m.group("year")), int(m.group("year2"))) if joined else None)
            if not classify:
                return p if joined else replace(p, role="range")
            p = _classify(p, folded, lo)
            return replace(p, role="range") if p.frames and not joined else p
        p = PeriodMention(s, e, int(m.group("year")), None, shape="year")
    elif m.group("yrange") is not None:  # "từ năm 2008 đến 2013": a span; a list of one figure a year takes them in turn
        a, b = int(m.group("ya")), int(m.group("yb"))
        return PeriodMention(folded.rfind("từ", max(lo, s - 5), s), e, None, None, role="range", shape="year",
                             years=tuple(range(a, b + 1)) if 0 < b - a <= 30 else None)
    elif m.group("yspan") is not None:  # "giai đoạn 2011 - 2015": a span of years, no one year
        return PeriodMention(s, e, None, None, role="range", shape="year")
    elif m.group("crop") is not None:  # "vụ Xuân 2017"; "vụ Đông Xuân 2016-2017" is harvested in 2017
        a, b = int(m.group("cy")), m.group("cy2")
        if b is not None and int(b) != a + 1:
            return PeriodMention(s, e, None, None, role="range", shape="year")
        p = PeriodMention(s, e, int(b) if b else a, None, shape="year")
    elif m.group("holiday") is not None:  # "Tết Nguyên đán 2017", "Tết 2024": that year's holiday
        lead = _HOLIDAY_LEAD.search(folded, max(lo, s - 20), s)
        if lead:
            s = lead.start()  # "(trong) dịp Tết 2024" leaves the metric whole
        p = PeriodMention(s, e, int(m.group("hy")), None, shape="year")
    elif m.group("bare") is not None:  # "Cuối 2021, …", "trong 2021": a bare year after an edge or "trong"
        p = PeriodMention(s, e, int(m.group("bare")), None, shape="year")
    elif m.group("yearis") is not None:  # "2016 là năm đặc biệt khó khăn"
        p = PeriodMention(s, e, int(m.group("yearis")), None, shape="year")
    elif m.group("typo") is not None:
        return PeriodMention(s, e, None, None, role="typo", shape="year")
    elif m.group("whole") is not None:
        p = PeriodMention(s, e, year, None, shape="whole", offset=offset)
    else:  # "năm nay", "năm ngoái"; "5 năm trước" is a span ago, no year
        if _COUNTED.search(folded, max(0, s - 8), s):
            return None
        p = PeriodMention(s, e, None, None, shape="relative", offset=offset,
                          opens=not _RELATIVE_LEAD.sub("", folded[lo:s]).strip(_OPENING))
    if not classify:
        return replace(p, role="range") if _RANGE_LEAD.search(folded, max(lo, p.start - 24), p.start) else p
    return _classify(p, folded, lo)


def _classify(p: PeriodMention, folded: str, lo: int) -> PeriodMention:
    """The role of a mention, from the words before it in its clause."""
    s = p.start
    c0 = clause_from(folded, max(lo, s - 80), s)
    w = max(c0, s - event_window())
    if _names_document(folded, w, s) or cue("event", "editions").search(folded, w, s) or (
            p.shape == "date" and cue("event", "meetings").search(folded, w, s)) or _in_quoted_title(folded, lo, s):
        return replace(p, role="event")
    if p.shape == "year" and cue("before", "decade").before(folded, s, lo):
        return replace(p, role="history")  # "những năm 1960": a decade, not a year
    if cue("before", "price_basis").before(folded, s, lo):
        return replace(p, role="price_basis")
    if cue("before", "comparison").search(folded, c0, s) and not _SO_SANH.search(folded, c0, s):
        return replace(p, role="comparison")
    if p.shape == "year" and _proportion_before(folded, c0, s):
        return replace(p, role="comparison")
    if _RANGE_LEAD.search(folded, max(lo, s - 24), s):
        return replace(p, role="range")
    because = cue("before", "cause").search(folded, c0, s)
    if because and not cue("before", "connective").search(folded, because.start(), s):
        return replace(p, role="history")
    if cue("before", "future").search(folded, c0, s):
        return replace(p, role="point", months=p.months if p.shape != "date" else None)
    head = s
    edge = _EDGE.search(folded, max(lo, s - 16), s)
    if edge:
        head = edge.start()
    for role in ("price_basis", "history", "deadline", "horizon", "as_of"):
        if role == "horizon" and (p.shape != "year" or edge is not None):
            continue
        hit = cue("before", role).before(folded, head, lo)
        if hit and not (role == "history" and p.shape == "span" and folded[hit[0]:hit[1]] == "từ"):
            if role == "horizon":
                return replace(p, role="point")
            if role == "as_of":
                return _as_of(p, edge is not None and edge.group("edge") != "cuối")
            return replace(p, role=role)
    if edge and p.shape == "year" and p.months is None and not _JOINED.search(folded, max(lo, head - 8), head):
        # "Cuối năm 2016, …": a moment of the year
        return replace(p, role="point", edge=True, opens=not folded[lo:head].strip(_OPENING))
    if edge and p.shape in ("date", "months") and p.month is not None:
        return replace(p, role="point", months=None)  # "cuối tháng 10", "đầu tháng 12-2016": a moment
    if p.shape == "date":
        return replace(p, role="point")
    return p


#: A proportion's size after its word: "bằng 29%", "tương đương khoảng 1/3".
_PROPORTION_SIZE = regex.compile(r"[ \t]++(?:khoảng[ \t]++|gần[ \t]++|hơn[ \t]++)?\d[\d.,/]*+[ \t]*+%?")


def _proportion_before(folded: str, c0: int, s: int) -> bool:
    """A year after a proportion in its clause ("bằng 29% doanh thu đạt được năm 2015", "chỉ tương đương khoảng
    1/3 của năm 2019") is what the figure is compared with; not a plan's ("bằng 100,8% kế hoạch năm 2018")."""
    for m in cue("before", "proportion").finditer(folded, c0, s):
        size = _PROPORTION_SIZE.match(folded, m.end(), s)
        if size is not None and s - size.end() <= 40 and cue("before", "plan").search(folded, size.end(), s) is None:
            return True
    return False


def _in_quoted_title(folded: str, lo: int, s: int) -> bool:
    """Inside the quoted title of a document or programme: Quyết định 281 về "đẩy mạnh phong trào học tập …
    đến năm 2020", đề án “Phát triển … đến năm 2025” (the title's horizon, not a period of the figures)."""
    curly, close = folded.rfind("“", lo, s), folded.rfind("”", lo, s)
    q = curly if curly > close else -1
    if q < 0 and folded.count('"', lo, s) % 2 == 1:
        q = folded.rfind('"', lo, s)
    if q < 0 or (q > lo and not folded[q - 1].isspace()) or not word_char(folded[q + 1]):
        return False  # an opening quote stands after a space, before a word ("luật", thẩm phán … closes one)
    w = max(lo, q - event_window(), *(folded.rfind(c, lo, q) + 1 for c in '"“”;'))  # not past another quote
    last = None
    for last in cue("event", "titled").finditer(folded, w, q):
        pass
    return last is not None and cue("event", "content").search(folded, last.end(), s) is None


def _names_document(folded: str, w: int, s: int) -> bool:
    """A document before the period ("Luật Ngân sách năm 2002"), not one about the period's results or plan."""
    last = None
    for last in cue("event", "documents").finditer(folded, w, s):
        pass
    return last is not None and cue("event", "content").search(folded, last.end(), s) is None


def _as_of(p: PeriodMention, start_of_month: bool) -> PeriodMention:
    """ "tính đến 30/6/2016", "lũy kế đến hết tháng 3": months from January to that month (a flow's)."""
    month = p.month
    if month is None and p.months is not None:
        month = p.months[1]
    if month is None:
        return replace(p, role="as_of")
    if start_of_month:
        month -= 1
    months = None if month in (0, 12) else (1, month)
    return replace(p, role="as_of", months=months, month=month)


def _pair_ranges(folded: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """ "từ tháng 10/2016 đến tháng 9/2017", "từ năm 2015 đến năm 2020": a span frames neither end."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.role not in (*FRAMING, "history") or not b.frames or _SEP_RE.fullmatch(folded, a.end, b.start) is None:
            continue
        if a.shape == b.shape == "date":
            continue  # "30/4 - 1/5": two days, each a point
        out[i], out[i + 1] = replace(a, role="range"), replace(b, role="range")
    return out
