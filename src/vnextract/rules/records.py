"""Record assembly: numbers with roles → records.

Walks a document sentence by sentence. In each, a value (or a change, plan
or share with no value before it) opens a record; the changes, plan
attainments and shares that follow it with nothing but punctuation and
connectors in between belong to it ("đạt 2.971 tỷ đồng (đạt 15,25% kế hoạch
và tăng 18,58% so với cùng kỳ)"). Years and months frame the passage, target
cues frame the rest of their sentence (docs/decisions.md).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date
from functools import cache, cached_property

import regex
from pydantic import ValidationError

from ..amounts import amount_of
from ..numbers import Convention
from ..schema import NUMBER_DIGITS, Change, Evidence, Record
from ..text.normalize import NormText, fold
from ..text.sentences import Sentence, may_hold_figure
from . import filters
from .indicators import indicator_of
from .metric import (_expand, actor_only, before_adjective, before_amount, before_level, before_list, before_predicate, before_time,
                     clause_start, clean_phrase, good_priced, holding_named, sales_named, measure_of_thing, name_metric, price_named, relative_holder,
                     segmented_words)
from .companies import companies
from .projects import project_owned
from .subjects import (anaphor_metric, anaphor_names, breadth_scope, business_verb, counted_metric, earlier_ticker_metric, exchange_metric,
                       exchange_scope, exchange_scoped, extreme_sibling, flow_metric, has_head, index_metric,
                       acted_named, name_sibling, names_no_price, owner_metric, owner_named_first, partner_metric, sibling_metric, stock_text,
                       ticker_anaphor, ticker_metric, tickers, value_sibling, whole_market_after)
from ..places import Located
from ..places import assign as assign_places
from ..places import document_place
from ..lang.vi.places import gazetteer
from ..periods import (Figure, PeriodMention, assign, compared_after, find_mentions, heading_and_lead, passages,
                       read_dateline)
from ..text.serial import SERIAL
from .roles import IN_TURN, ChangeDraft, Mention, classify
from .words import words

_ATTACH_GAP = regex.compile(r"(?:[\s,()\-–]|(?<![\p{L}])(?:và|đồng[ \t]+thời|nhưng|song|cùng[ \t]+với|tương[ \t]+ứng|so[ \t]+với|chỉ|mới|mới[ \t]+chỉ|cũng|vẫn)(?![\p{L}]))*+")
#: Between a change and the level it reaches: "tăng 5,5% lên 41.300 đồng/kg" is one record (contract v2).
#: (also a price's quoting verb, "tăng 1,2 USD, giao dịch ở mức 1.782,7 USD/ounce", and a level in brackets
#: after the move, "tăng 15,85% so với cùng kỳ (đạt 76.373 tỷ đồng)")
_VALUE_GAP = regex.compile(
    r"[\s,)]*+(?:(?:với|đạt|ở[ \t]+mức|tương[ \t]+ứng|lên(?:[ \t]+(?:mức|tới|đến))?|xuống(?:[ \t]+(?:còn|mức))?|còn"
    r"|(?:giao[ \t]+dịch|chốt(?:[ \t]+phiên)?|đóng[ \t]+cửa|dừng)[ \t]+(?:ở|tại)(?:[ \t]+mức)?)"
    r"(?![\p{L}])[\s]*+)?"
    r"|[\s,)]*+\([ \t]*+(?:đạt|lên|còn|ở[ \t]+mức)(?![\p{L}])[\s]*+")
#: The figure's own period between it and its change: "9 triệu giao dịch trong tháng 3/2021, gấp 2,25 lần so với
#: cùng kỳ" is one record (decision 167).
_PERIOD_GAP = regex.compile(r"[ \t]*+(?:(?:trong|vào)[ \t]++)?(?:tháng|quý|năm)[ \t]++(?:\d{1,4}|[IV]{1,3})(?:/\d{4})?"
                            r"[ \t]*+,[ \t]*+(?:cao[ \t]++)?+")
_BULLET = regex.compile(r"[ \t]*+(?:[-–+•*]|\d{1,2}[.)]|[a-zđ][)])[ \t]++")
_PLAN_CONTEXT = regex.compile(r"(?<![\p{L}])(?:vượt|đạt|hoàn[ \t]+thành|bằng|so[ \t]+với|thực[ \t]+hiện)[ \t]++(?:mức[ \t]++)?\Z")
_BREAKDOWN = regex.compile(r"[\s,;(]*+(?<![\p{L}])(?:trong[ \t]++đó|cụ[ \t]++thể)(?![\p{L}])")


@dataclass
class _Frame:
    """What carries from sentence to sentence besides periods (those are ``periods.resolve``'s)."""

    last_metric: str | None = None
    #: The last ticker a market report named: what "mã này" points back to.
    last_ticker: str | None = None
    #: The exchange a market report's passage is on ("trên sàn HNX"): market measures after it are its.
    exchange: str | None = None
    #: The last metric of each kind of figure (a volume, an amount of money …): what "con số này" points back to.
    last_of: dict = field(default_factory=dict)
    list_kind: str | None = None
    last_kind: str | None = None
    #: The heading and lead's span: the company they name owns an unowned company measure.
    heading: tuple[int, int] = (0, 0)
    #: The paragraph of the sentence and where it starts: a company named earlier in it owns its company measures.
    paragraph: int = -1
    paragraph_start: int = 0
    #: The document's folded text: ``plan_document`` reads it.
    folded: str = field(default="", repr=False)

    @cached_property
    def plan_document(self) -> bool:
        """A shareholders' meeting's report: "dự kiến" there states the company's plan (decision 34).

        Asked only where a figure's sentence says "dự kiến" (``_kind``): the search goes through the
        whole document, and most documents have none."""
        return words("kind", "plan_document").search(self.folded) is not None


@dataclass
class _Draft:
    metric: str
    start: int
    mentions: list[Mention]
    kind: str = "actual"
    year: int | None = None
    months: tuple[int, int] | None = None
    end: int = 0
    sentence: int = 0
    place: str | None = None
    #: Whether the metric is a trade flow with a partner of a market list (its place is not the partner's).
    partner: bool = False
    #: A change said of the period compared with: that period's year, or the figure's whose year before it is.
    prior: "int | _Draft | None" = None
    #: A bracketed list item's measure, tie and name ("lưu lượng xả trung bình", "của", "hồ Thác Bà"): the items
    #: after it take the same measure.
    item_of: tuple[str, str, str] | None = None

    @property
    def first(self) -> Mention:
        return self.mentions[0]


@dataclass
class SentenceAnalysis:
    """What the cue rules found in one sentence; the assembler reads it."""

    lo: int  # sentence start, after a list bullet
    hi: int
    bullet: bool
    mentions: list[Mention]
    #: "So với năm 2022, A tăng 3,1%; B tăng 12,6%": the comparison at the head of the sentence, if any.
    head: tuple[int, int, int] | None = None  # (start of its reference, end of reference, end of the head)
    #: The folded text, and the stretches whose periods frame nothing (comparisons, plans): what ``periods``
    #: is read from.
    folded: str = field(default="", repr=False)
    shadows: list[tuple[int, int]] = field(default_factory=list, repr=False)
    #: Words the figures attach across: a change said of the period compared with (``_prior_changes``).
    asides: list[tuple[int, int]] = field(default_factory=list)

    @cached_property
    def periods(self) -> list[PeriodMention]:
        """Every date and period phrase, classified (a change's comparison, a period in a shadow, is a "comparison").

        Found on first use: only a document with a record resolves periods (two news articles in five have
        none), and only a sentence that can hold a mistyped year ("năm 20214") is asked for its warning."""
        F, lo, hi, shadows = self.folded, self.lo, self.hi, self.shadows
        if not _may_hold_period(F, lo, hi):
            return []
        return [p if not p.frames or not any(a <= p.start < b for a, b in shadows) or compared_after(F, p.end)
                else replace(p, role="comparison") for p in find_mentions(F, lo, hi)]


#: A comparison stated once at the head of a sentence (after "Cụ thể,", "Trong đó,") belongs to every change after it (RECORDS.md).
_HEAD_COMPARISON = regex.compile(r"[ \t]*+(?:(?:cụ[ \t]++thể|trong[ \t]++đó|theo[ \t]++đó)[ \t]*+,[ \t]*+)?+so[ \t]++với[ \t]++(?P<ref>[^,;:\n]{1,60}?)[ \t]*+,(?!\d)")


def sentence_bounds(folded: str, sent: Sentence) -> tuple[int, int, bool]:
    """The sentence's span without its list bullet, and whether it had one."""
    first = folded[sent.start:sent.start + 1]
    if first and first not in " \t-–+•*" and not first.isdigit() and folded[sent.start + 1:sent.start + 2] != ")":
        return sent.start, sent.end, False  # (no bullet can start here: the pattern is not asked)
    bullet = _BULLET.match(folded, sent.start, sent.end)
    return (bullet.end() if bullet else sent.start), sent.end, bullet is not None


def analyse(norm: NormText, sent: Sentence, quantities) -> SentenceAnalysis:
    """Give every quantity of the sentence its role, and find the periods outside comparisons."""
    F = norm.folded
    lo, hi, bullet = sentence_bounds(F, sent)
    mentions: list[Mention] = []
    for q in quantities:
        if mentions and q.num_start < mentions[-1].end:
            continue
        m = classify(q, F, lo, hi, mentions[-1] if mentions else None)
        if m is not None:
            mentions.append(m)
    if mentions and words("not_record", "event").search(F, lo, hi):
        participants = set(words("not_record", "participants").words)
        mentions = [m for m in mentions if not (m.q.category == "count" and (m.q.unit or "").lower() in participants)]
    mentions = filters.drop(norm.text, F, lo, hi, mentions, _ATTACH_GAP)  # rules, offers, anecdotes … (RECORDS.md)
    asides = _prior_changes(F, lo, mentions)
    shadows = [s for m in mentions for s in m.shadow]
    h = _HEAD_COMPARISON.match(F, lo, hi) if mentions else None
    head = (h.start("ref"), h.end("ref"), h.end()) if h else None
    if head:
        shadows.append((lo, head[2]))  # "So với năm 2022, …": the year compared with frames nothing
    # "tăng 4% năm trước", "tăng 7% năm 2015", "tăng 11,9% thực hiện năm 2015": a period right after a
    # change's size is what it is compared with.
    shadows += [(g.end(), g.end() + 1) for m in mentions if m.role == "change" for g in (_AFTER_CHANGE.match(F, m.end, hi),)]
    # … unless the comparison follows it: "tăng 590% năm 2016 so với 2015" is 2016's (``periods``).
    return SentenceAnalysis(lo, hi, bullet, mentions, head, F, shadows, asides)


#: A clause whose subject is the period compared with: "(…, cùng kỳ năm 2020 giảm 3,41%)".
_PRIOR_SUBJECT = regex.compile(
    r"[ \t]*+(?:cùng[ \t]++kỳ(?:[ \t]++năm(?:[ \t]++(?:trước|ngoái)|[ \t]++(?:19|20)\d\d))?+"
    r"|năm[ \t]++(?:trước|ngoái)|cùng[ \t]++thời[ \t]++điểm[ \t]++năm[ \t]++(?:trước|ngoái))"
    r"(?:[ \t]++(?:cũng|chỉ|đã))?+[ \t]*+")
_CLAUSE_MARK = regex.compile(r"[,;(]")


def _prior_changes(F: str, lo: int, mentions: list[Mention]) -> list[tuple[int, int]]:
    """A change said of the period compared with, not of the figure ("dư nợ … giảm 6,98% so với cuối năm 2020,
    cùng kỳ năm 2020 giảm 3,41%"): last year's move belongs to no record of this one. Its words are an aside
    (from the mark before it to its end) that the figures around it attach across; the assembler makes it a
    record of the period it names."""
    asides = []
    for k, m in enumerate(mentions):
        if m.role == "change" and k > 0:
            floor = max(lo, mentions[k - 1].end)
            mark = None
            for mark in _CLAUSE_MARK.finditer(F, floor, m.lead):
                pass
            if mark is not None and _PRIOR_SUBJECT.fullmatch(F, mark.end(), m.lead):
                asides.append((mark.start(), m.end))
    return asides


_PRIOR_YEAR = regex.compile(r"(?<![\p{N}])(?:19|20)\d\d(?![\p{N}])")


def _prior_draft(F: str, cur: _Draft, m: Mention, aside: tuple[int, int]) -> _Draft:
    """The record of a change said of the period compared with: the measure before, that period's year."""
    s = aside[0] + 1
    while s < m.lead and F[s] in " \t":
        s += 1
    d = _Draft(cur.metric, s, [m], end=m.end)
    y = _PRIOR_YEAR.search(F, s, m.lead)
    d.prior = int(y.group()) if y else cur
    return d


def _without(F: str, s: int, e: int, asides: list[tuple[int, int]]) -> str:
    """``F[s:e]`` with the asides inside it left out."""
    if not asides:
        return F[s:e]
    parts, k = [], s
    for a, b in asides:
        if s <= a and b <= e:
            parts.append(F[k:a])
            k = b
    parts.append(F[k:e])
    return "".join(parts)


#: What a mistyped year's period mention ("năm 20214", ``periods.mentions``) starts with.
_TYPO_YEAR = regex.compile(r"năm[ \t]++(?:19|20)\d{3}")
_AFTER_CHANGE = regex.compile(r"[ \t]*+(?:(?:so[ \t]++với[ \t]++thực[ \t]++hiện|thực[ \t]++hiện|của|so)[ \t]++)?")
_DIGIT = regex.compile(r"\d")
_WHOLE_YEAR = regex.compile(r"cả[ \t]+năm")


def _may_hold_period(F: str, lo: int, hi: int) -> bool:
    """Whether a sentence can state a period at all: a digit, a quarter, a half, or months in words.

    (One plain look-up per kind, cheapest first, rather than one alternation tried at every position.)
    """
    return (_DIGIT.search(F, lo, hi, SERIAL) is not None or F.find("tháng", lo, hi) >= 0 or F.find("quý", lo, hi) >= 0
            or F.find("nửa", lo, hi) >= 0 or _WHOLE_YEAR.search(F, lo, hi, SERIAL) is not None)


def find_all_quantities(prepared) -> list[list]:
    """The quantities of every sentence of a prepared document (``text.prepare``)."""
    from .quantities import find_quantities

    F, T = prepared.norm.folded, prepared.norm.text
    out = []
    for sent in prepared.sentences:
        lo, hi, _ = sentence_bounds(F, sent)
        if not may_hold_figure(T, lo, hi):
            out.append([])
            continue
        out.append(find_quantities(F, T, prepared.convention, lo, hi, next_word=prepared.next_word))
    return out


@dataclass
class Reading:
    """A document's records, the date its periods were read against (and whose it is), and warnings."""

    records: list[Record]
    date: Date | None = None
    date_source: str | None = None  # "caller" | "text" | None
    warnings: list[str] = field(default_factory=list)


def read_document(prepared, date: Date | None = None) -> Reading:
    """Every record of a prepared document: quantities, roles, then assembly."""
    quantities = find_all_quantities(prepared)
    analyses = [analyse(prepared.norm, sent, qs) for sent, qs in zip(prepared.sentences, quantities)]
    return assemble(prepared.norm, prepared.sentences, analyses, date, prepared.word_at)


def assemble(norm: NormText, sentences: list[Sentence], analyses: list[SentenceAnalysis],
             date: Date | None = None, word_at=None) -> Reading:
    """All records of a document, in text order, read against the caller's date or the dateline.

    ``word_at(pos)`` gives the multi-syllable word underthesea finds at a
    position (``Prepared.word_at``); metric trimming does not cut through one.
    """
    spans = [(a.lo, a.hi) for a in analyses]
    paragraphs = [s.paragraph for s in sentences]
    lead = heading_and_lead(norm.folded, spans, paragraphs)
    source = "caller" if date is not None else None
    if date is None:
        date = read_dateline(norm.folded, spans, lead)
        source = "text" if date is not None else None
    warnings = []
    # (no mistyped year can be found in a sentence whose text holds none: its periods are not asked for)
    for a in (analyses if _TYPO_YEAR.search(norm.folded, 0, None, SERIAL) is not None else ()):
        if _TYPO_YEAR.search(norm.folded, a.lo, a.hi, SERIAL) is None:
            continue
        for p in a.periods:
            if p.role == "typo":
                s, e = norm.span(p.start, p.end)
                warnings.append(f"characters {s}-{e}: {norm.original[s:e]!r} is not a year; it dates no figure")
    frame = _Frame(folded=norm.folded)
    if lead:
        frame.heading = (min(spans[i][0] for i in lead), max(spans[i][1] for i in lead))
    drafts: list[_Draft] = []
    with segmented_words(word_at or (lambda pos: None)):
        for i, a in enumerate(analyses):
            if sentences[i].paragraph != frame.paragraph:
                frame.paragraph, frame.paragraph_start = sentences[i].paragraph, a.lo
            for d in _sentence(norm, a, frame):
                d.sentence = i
                drafts.append(d)
    _resolve(norm.text, norm.folded, spans, paragraphs, lead, analyses, drafts, date)
    for d in drafts:
        if d.prior is not None:  # "(…, cùng kỳ năm 2020 giảm 3,41%)": last year's move
            d.year = d.prior if isinstance(d.prior, int) else (d.prior.year - 1 if d.prior.year else None)
    records: list[Record] = []
    for d in drafts:
        try:
            records.extend(_records(norm, d, date))
        except ValidationError as error:
            if not _out_of_range(error):
                raise
            ostart, oend = norm.span(*_trim(norm.text, d.start, d.end))
            warnings.append(f"characters {ostart}-{oend}: a number of more than {NUMBER_DIGITS} digits is not a "
                            "statistic; no record")
    return Reading(_quote_changes(records), date, source, warnings)


#: What a buy/sell quote's two records add to its metric (RECORDS.md: "giá vàng SJC mua vào", "… bán ra").
_BUY, _SELL = " mua vào", " bán ra"


def _quote_changes(records: list[Record]) -> list[Record]:
    """Two changes of a buy/sell quote, one per quote, in order ("… 55,1 - 55,6 triệu đồng/lượng, giảm lần
    lượt 300.000 đồng và 150.000 đồng/lượng"): the buy quote takes the first, the sell quote the second,
    whether they were read on the quote or on a record of changes right after it."""
    out: list[Record] = []
    i = 0
    while i < len(records):
        r = records[i]
        nxt = records[i + 1] if i + 1 < len(records) else None
        base = r.metric[:-len(_BUY)] if r.metric.endswith(_BUY) else None
        if nxt is None or base is None or nxt.metric != base + _SELL:
            out.append(r)
            i += 1
            continue
        after = records[i + 2] if i + 2 < len(records) else None
        if len(r.changes) == 2 and r.changes == nxt.changes:
            changes, skip = r.changes, 2
        elif not r.changes and not nxt.changes and after is not None and after.metric == base \
                and after.value is None and len(after.changes) == 2:
            changes, skip = after.changes, 3
        else:
            out.append(r)
            i += 1
            continue
        first, second = changes
        if first.reference is None and second.reference is not None:  # "… và 250.000 đồng/lượng so với hôm qua"
            first = first.model_copy(update={"reference": second.reference, "reference_year": second.reference_year})
        out += [r.model_copy(update={"changes": [first]}), nxt.model_copy(update={"changes": [second]})]
        i += skip
    return out


def _out_of_range(e: ValidationError) -> bool:
    """True when every error is a number of more than ``NUMBER_DIGITS`` digits (too long to be a statistic)."""
    return all(err["type"] == "decimal_max_digits" for err in e.errors())


def _resolve(text: str, F: str, spans: list[tuple[int, int]], paragraphs: list[int], lead: set[int],
             analyses: list[SentenceAnalysis], drafts: list[_Draft], date: Date | None) -> None:
    """Year, months and place of every draft, from the resolvers (``vnextract.periods``, ``vnextract.places``)."""
    if not drafts:
        return
    flow = passages(F, spans, paragraphs, [a.bullet for a in analyses])
    figures = [Figure(d.sentence, d.first.q.num_start,
                      [(m.lead, e) for m in d.mentions if m.role != "change" for e in {m.q.end, m.end}], d.metric,
                      d.kind, changes=[m.end for m in d.mentions if m.role == "change"], unit=d.first.q.unit)
               for d in drafts]
    assign(F, spans, _Periods(analyses), figures, flow, lead, date)
    for d, f in zip(drafts, figures):
        d.year, d.months = f.year, f.months
    located = [Located(d.sentence, d.start, d.first.q.num_start, d.end) for d in drafts]
    assign_places(text, F, spans, lead, located)
    exporter = document_place(text, F, spans, lead) if any(d.partner for d in drafts) else None
    exporter = None if exporter is not None and is_foreign(exporter) else exporter
    for d, f in zip(drafts, located):
        d.place = f.place
        if d.partner:  # "…; tiếp đến là EU đạt 2,9 tỷ USD": the exporter's place (the last figure's before, else the
            # document's), never the partner's (decision 217)
            d.place = exporter
        elif d.place is not None and not is_foreign(d.place):
            exporter = d.place


@cache
def _foreign() -> frozenset[str]:
    return frozenset(p.name for p in gazetteer() if p.kind == "foreign")


def is_foreign(place: str) -> bool:
    """Whether a record's place is a foreign country (the gazetteer's kind)."""
    return place in _foreign()


class _Periods(Sequence):
    """The period mentions of each sentence, for the resolver: found as it asks for them (it reads the lead's
    and those up to the last figure's sentence, ``SentenceAnalysis.periods``)."""

    def __init__(self, analyses: list[SentenceAnalysis]):
        self._analyses = analyses

    def __len__(self) -> int:
        return len(self._analyses)

    def __getitem__(self, i):
        return self._analyses[i].periods


#: A bracket that opens on a move's starting level: "(từ 47,66% xuống còn 44,61%)" names nothing itself.
_BRACKET_LEAD = regex.compile(r"[ \t]*+(?:(?:tăng|giảm)[ \t]++)?từ[ \t]++")


def _item_price(metric: str, unit: str | None, F: str, end: int, hi: int) -> bool:
    """Whether a money figure is one item's price (decision 165): its metric is a price ("giá", "mức giá",
    "giá bán", "giá niêm yết" … ``[not_record] item_price``) and its unit has no measure ("8 triệu đồng",
    not "45.000 đồng/kg"; nor "6.000 đồng đến 9.000 đồng/kg", whose range ends in one), outside stock texts;
    a market's price keeps its word (``market_price``: "giá xăng", "giá vàng", "giá cổ phiếu", "giá vốn")."""
    if "/" in (unit or "") or not words("not_record", "item_price").after(fold(metric), 0):
        return False
    folded = fold(metric)
    if words("not_record", "market_price").search(folded, 0, len(folded)) or stock_text(F):
        return False
    return not _RANGE_PER.match(F, end, hi)


#: A range whose upper end carries the measure the lower end left out: "6.000 đồng đến 9.000 đồng/kg".
_RANGE_PER = regex.compile(r"[ \t]*+(?:-|–|đến|tới)[ \t]*+[\d.,]++[ \t]*+\p{L}*+[ \t]*+\p{L}*+/")


def _sentence(norm: NormText, a: SentenceAnalysis, frame: _Frame) -> list[_Draft]:
    T, F = norm.text, norm.folded
    lo, hi, mentions = a.lo, a.hi, a.mentions
    if not a.bullet and frame.list_kind is not None:
        frame.list_kind = None
    if not mentions:
        # No figure: the sentence can only open a list, or name the stock "mã này" points back to.
        if F[lo:hi].rstrip().endswith(":"):
            _open_list(F, lo, hi, frame)
        _note_ticker(T, F, lo, hi, frame)
        return []
    targets = _target_cues(F, lo, hi, mentions)
    head_estimate = _head_estimate(F, lo, mentions)
    # A sentence that opens with "Trong đó" breaks down the estimate before it.
    breakdown = frame.last_kind == "estimate" and _BREAKDOWN.match(F, lo, hi) is not None
    enumeration = a.bullet or ";" in F[lo:hi]

    drafts: list[_Draft] = []
    cur: _Draft | None = None
    last_end = a.head[2] if a.head else lo
    exchange_from = lo  # where the search for an exchange scope goes on from
    priced_out: int | None = None  # where a product's price the sentence dropped ends
    for m in mentions:
        aside = next((x for x in a.asides if x[0] < m.lead and m.end == x[1]), None) if cur is not None else None
        if aside is not None:
            drafts.append(_prior_draft(F, cur, m, aside))  # (the figure before goes on after it)
            continue
        gap = _without(F, last_end, m.lead, a.asides)
        if cur is not None and _signed_percent(F, m) and not gap.strip(" \t(") \
                and any(x.role == "change" for x in cur.mentions):
            # "VN-Index giảm 1,69 điểm xuống 698,66 điểm (-0,24%)": the move's percent, in brackets
            _signed_move(F, m)
        if cur is not None and m.role == "value" and not any(x.role == "value" for x in cur.mentions) \
                and _VALUE_GAP.fullmatch(gap):
            # "chiếm 76,3% với 29.342 tỷ đồng", "tăng 5%, đạt 500 triệu USD": the figure's own value
            cur.mentions.insert(0, m)
            cur.end = max(cur.end, m.end)
            last_end = m.end
            continue
        if cur is not None and m.joins_change:
            _merge_change(cur, m)
            cur.end = max(cur.end, m.end)
            last_end = m.end
            continue
        if priced_out is not None:
            if m.equivalent and m.q.category == "money" and _ATTACH_GAP.fullmatch(F, priced_out, m.lead):
                last_end = priced_out = m.end  # "có giá 458.000 INR, tương đương 155 triệu đồng": the same price
                continue
            priced_out = None
        # "tương đương 2,3 tỷ USD" restates the figure before; money beside a volume is its value, a figure of its own
        equivalent = m.equivalent and not (cur is not None and m.q.category == "money"
                                           and cur.first.q.category in ("count", "measure"))
        if cur is not None and (equivalent or (m.role != "value" and (_ATTACH_GAP.fullmatch(gap) or (
                m.role == "change" and _PERIOD_GAP.fullmatch(gap))))):
            if not equivalent:
                cur.mentions.append(m)
            cur.end = max(cur.end, m.end)
            last_end = m.end
            continue
        named = name_metric(T, F, last_end, m.lead, enumeration, bare=m.role == "value" and m.lead == m.q.num_start)
        if named is None and (b := F.rfind("(", last_end, m.lead)) > last_end and _BRACKET_LEAD.fullmatch(F, b + 1, m.lead):
            # "giảm tỷ trọng khu vực nông lâm thủy sản (từ 47,66% xuống còn 44,61%)": the words before the bracket
            named = name_metric(T, F, last_end, b, enumeration)
        if named is not None and " ".join(fold(named[0]).replace("-", " ").split()) in _not_alone():
            # "(mua - bán), giảm 300.000 đồng": the price before names it; with none before, the clause before does
            # ("Chi phí trả trước giảm mạnh (tại thời điểm 31/12/2019 là 39,8 tỷ đồng)")
            named = _clause_before(T, F, lo, named[1], enumeration, drafts, frame)
        if named is not None and _DEMONSTRATIVE.search(named[0], 0, None, SERIAL) and not (
                stock_text(F) and words("metric", "stock_anaphora").after(fold(named[0]), 0)):
            named = None  # "chỉ số này": the figure before names it ("mã này" is the ticker before: ticker_anaphor)
        post = m.post if m.post is not None else (_post_phrase(F, m, hi) if m.role == "value" else None)
        post_metric = _post_metric(T, F, post, m) if post is not None else None
        if post_metric is not None and (
            named is None
            or (m.q.category == "count" and post_metric[1] and not _names_a_count(F, named[1], m.lead))
            or (m.q.category == "count" and _after_object_verb(F, lo, m))
        ):
            named = (post_metric[0], _start_after_gap(F, last_end, m.lead))
        elif named is not None and post_metric is not None and not stock_text(F) and (
                m.q.category == "count" or (post_metric[1] and m.q.category in ("money", "measure")
                                            and fold(post_metric[0]).split(" ", 1)[0]
                                            not in words("metric", "purpose_openers").words)):
            # "giải thể 10 doanh nghiệp": "doanh nghiệp giải thể", what the count counts and the action (decision 290;
            # a noun that says more than the unit names the count by itself, above)
            acted = acted_named(named[0], post_metric[0])
            named = named if acted is None else (acted, named[1])
        if named is not None and m.q.category == "count" and m.q.unit and \
                fold(named[0]) in words("metric", "count_heads").words:
            named = (f"{named[0]} {m.q.unit}", named[1])  # "với tổng số khoảng 9.600 căn hộ": "tổng số căn hộ"
        if named is not None:
            named = _subject_named(T, F, named, m, post_metric, lo, last_end, frame.last_ticker)
            level = before_level(measure_of_thing(price_named(before_predicate(relative_holder(before_adjective(before_time(
                before_amount(before_list(_named_item(T, named[0], frame.paragraph_start, lo),
                                          _LISTED.search(F, named[1], m.lead, SERIAL) is not None)))))))))
            if level:
                level = good_priced(level, m.q.unit)  # "dầu diesel giảm 100 đồng/lít": "giá dầu diesel"
                sold = sales_named(level, m.q.unit)  # "Toyota Fortuner chỉ bán được 1.300 chiếc": its sales
                if sold is not level and T[named[1]:named[1] + 1].isupper() and fold(T[named[1]]) == fold(sold[9]) \
                        and _written_capitalised(T, T[named[1]] + sold[10:]):
                    # (a name as written, "Toyota Fortuner", not the sentence's lower-cased opening "toyota Fortuner")
                    sold = f"doanh số {T[named[1]]}{sold[10:]}"
                level = sold
            if level and m.q.category == "percent":
                level = holding_named(level) or level  # "SHB sở hữu 100% vốn": "tỷ lệ sở hữu của SHB"
            # "chiếm 5,8% thị phần, thấp hơn nhiều so với 39% của Amazon", "tăng mạnh so với mức 717 tỷ đồng":
            # the figure compared with is of the measure named before (taken below, as for a figure named by none)
            compared = bool(level) and frame.last_metric is not None and _COMPARED_BASE.search(level) is not None
            if level and (compared or _names_nothing(level)):
                level = None  # "… 1,8 - trên 2kg/con" ("8"), "22.545 đồng/USD - …" ("/USD"), "Tiếp theo là …"
            if not level and not compared:  # "…, lao xuống sát ngưỡng 1.200 điểm": the measure before, else the clause before
                level = (_clause_before(T, F, lo, named[1], enumeration, drafts, frame) or (None,))[0]
            if level:
                level = _purpose_named(T, F, level, m, hi)
            named = (level, named[1]) if level else None
        partner = partner_metric(T, F, lo, last_end, m.lead) if m.q.category == "money" else None
        if partner is not None:  # "Về thị trường xuất khẩu, …; tiếp đến là EU đạt 2,9 tỷ USD" (decision 217)
            named = partner
        if named is not None and partner is None:
            owned = owner_named_first(named[0], T) or owner_metric(named[0], T, lo, m.lead, frame.heading,
                                                                  frame.paragraph_start)
            if owned is not None and owned.endswith(tuple(f" của {w}" for w in anaphor_names())):
                named = (companies(T).shorten(owned, lo, m.lead, frame.heading, frame.paragraph_start), named[1])
            elif owned is not None:
                named = (owned, named[1])
            elif " của " in named[0]:  # "… của Công ty Cổ phần Vinhomes", "… của ngân hàng": as the text calls it
                named = (companies(T).shorten(named[0], lo, m.lead, frame.heading, frame.paragraph_start), named[1])
            else:  # "Dự án thép Dung Quất … với tổng vốn đầu tư": the project's (decision 215)
                named = (project_owned(named[0], T, lo, named[1]) or _counted_owner(T, F, named[0], named[1], drafts)
                         or named[0], named[1])
        # a name read after the figure ends the figure there: what follows attaches after it
        named_after = named is not None and post is not None and post_metric is not None and \
            named[0].startswith(post_metric[0])
        if named is not None and (drafts or frame.last_metric) and partner is None:
            named = (_from_neighbours(named[0], m, drafts, frame), named[1])
        if named is None and frame.last_metric and m.role in ("value", "change"):
            inherited = frame.last_metric
            if m.q.category == "money" and drafts and drafts[-1].first.q.category in ("count", "measure"):
                # "… đạt 817 triệu đơn vị, tương ứng 19.804 tỷ đồng": the money beside a volume is its value
                inherited = value_sibling(inherited) or inherited
            named = (inherited, _start_after_gap(F, last_end, m.lead))
        if named is None:
            last_end = m.end
            continue
        if stock_text(F):  # "Trên sàn HNX, khối ngoại mua vào …": the exchange the passage is on
            # (up to the figure's cues: "Sàn HNX có 74 mã tăng" names its measure after the figure)
            scope = exchange_scope(T, F, exchange_from, max(named[1], m.lead))
            frame.exchange = frame.exchange if scope is None else (scope or None)
            exchange_from = max(exchange_from, named[1], m.lead)
            breadth = breadth_scope(named[0], T, F, lo, max(named[1], m.lead))
            here = None if whole_market_after(F, m.end) else frame.exchange if breadth is None else breadth or None
            named = (exchange_scoped(named[0], here) or named[0], named[1])
        metric, start = named
        listed = _bracket_item(T, F, start, m, lo, drafts)
        if listed is not None:  # "… của các hồ chứa là: Hồ Hòa Bình (2.223 m3/s), …": the list's measure (decision 292)
            metric = " ".join(listed)
        if m.role == "value" and m.q.category == "money" and _item_price(metric, m.q.unit, F, m.end, hi):
            last_end = priced_out = m.end  # "Xiaomi Mi 11 Lite … với mức giá 8 triệu đồng": one product's price
            continue  # (decision 165), and its conversion after it
        cur = _Draft(metric, start, [m], end=m.end, partner=partner is not None, item_of=listed)
        cur.kind = _kind(F, lo, last_end, m, targets, head_estimate or breakdown, drafts, frame)
        if cur.kind == "estimate" and drafts and _BREAKDOWN.search(F, last_end, m.lead):
            breakdown = True
        drafts.append(cur)
        frame.last_metric = metric
        frame.last_of[m.q.category] = metric
        frame.last_kind = cur.kind
        last_end = m.end
        if named_after and _NAME_GAP.fullmatch(F, m.end, post[0]):
            last_end = cur.end = max(m.end, post[1])
    _note_ticker(T, F, lo, hi, frame)
    drafts = _move_to_level(F, drafts)
    _bracketed_sides(F, drafts)
    drafts = _respectively(T, F, _respective_changes(F, _distributive(T, F, drafts)), lo)
    for d in drafts:  # the items of a "lần lượt" list own their measures too: "ROA và ROE lần lượt đạt …"
        if d.metric:
            owned = owner_metric(d.metric, T, lo, d.first.lead, frame.heading, frame.paragraph_start)
            if owned is not None:
                d.metric = owned
    if enumeration:
        _share_reference(drafts)
    if a.head:
        _head_reference(F, a.head, drafts)
    return drafts


_FROM_BEFORE = regex.compile(r"(?<![\p{L}])từ(?![\p{L}])")
_TO_LEVEL_GAP = regex.compile(r"[ \t,]*+(?:lên|xuống|còn)(?:[ \t]++(?:mức|tới|đến|còn))?+(?![\p{L}])[ \t]*+")


def _move_to_level(F: str, drafts: list[_Draft]) -> list[_Draft]:
    """"tăng hơn 25 lần từ mức 378 MWp lên 9.583 MWp": the move is the level's it reaches (one record, RECORDS.md
    "tăng X% lên Y"); the level it started from stays a record of its own (decision 36)."""
    out: list[_Draft] = []
    k = 0
    while k < len(drafts):
        d = drafts[k]
        if k + 2 < len(drafts) and all(m.role == "change" for m in d.mentions):
            start, level = drafts[k + 1], drafts[k + 2]
            if start.first.role == "value" and level.first.role == "value" and len(level.mentions) == 1 \
                    and _FROM_BEFORE.search(F, d.mentions[-1].end, start.first.q.num_start) \
                    and _TO_LEVEL_GAP.fullmatch(F, start.first.end, level.first.lead):
                level.mentions += d.mentions
                level.start = min(level.start, d.start)
                start.metric = level.metric = d.metric  # the measure that moved names both levels
                out.append(start)
                out.append(level)
                k += 3
                continue
        out.append(d)
        k += 1
    return out


def _clause_before(T: str, F: str, lo: int, start: int, enumeration: bool, drafts: list[_Draft],
                   frame: _Frame) -> tuple[str, int] | None:
    """For a name that names nothing ("so với mức", "cán mốc"): None when a measure before will name the figure
    (its sentence's or the passage's), else the metric of the clause before ``start``."""
    if drafts or frame.last_metric or start <= lo:
        return None
    return name_metric(T, F, lo, start, enumeration)


#: "mẫu xe này", "mẫu này": a model named before in the paragraph ("mẫu xe Ford EcoSport"; a model's name is
#: capitalised, which a project's is not always: "dự án Khu đô thị …" is left alone).
_ITEM_ANAPHOR = regex.compile(r"(?<![\p{L}])(?i:(mẫu xe|mẫu))[ \t]++(?:này|đó)(?![\p{L}])")


def _named_item(T: str, metric: str, paragraph: int, lo: int) -> str:
    """"mẫu xe này bán ra" after "… mẫu xe Ford EcoSport …" in the paragraph → "mẫu xe Ford EcoSport bán ra"."""
    m = _ITEM_ANAPHOR.search(metric, 0, None, SERIAL)
    if m is None or paragraph >= lo:
        return metric
    found = None
    for found in _model_named(m.group(1).lower()).finditer(T, max(paragraph, lo - 800), lo):
        pass
    if found is None:
        return metric
    return f"{metric[:m.start()]}{m.group(1)} {found.group(1)}{metric[m.end():]}"


@cache
def _model_named(noun: str) -> regex.Pattern:
    """``noun`` followed by a capitalised name ("mẫu xe Ford EcoSport", "mẫu Vios 2020")."""
    return regex.compile(rf"(?<![\p{{L}}])(?i:{regex.escape(noun)})[ \t]++(\p{{Lu}}[\p{{L}}\p{{N}}\-]*+"
                         r"(?:[ \t]++(?:\p{Lu}[\p{L}\p{N}\-]*+|\d++))*+)")


_SIDE_AFTER = regex.compile(r"[ \t]*+\([ \t]*+(mua(?:[ \t]++vào)?|bán(?:[ \t]++ra)?)[ \t]*+\)")


def _bracketed_sides(F: str, drafts: list[_Draft]) -> None:
    """"… ở mức 55,15 triệu đồng/lượng (mua vào) - 55,55 triệu đồng/lượng (bán ra)": each price is its side's.

    The second price's name was read from the first's bracket ("mua vào"): it takes the first's measure.
    """
    base = None
    for d in drafts:
        side = _SIDE_AFTER.match(F, d.first.end) if d.first.role == "value" and d.first.q.category == "money" else None
        if side is None:
            base = None
            continue
        name = d.metric.removesuffix(_BUY).removesuffix(_SELL)
        if f" {fold(name)}" in (_BUY, _SELL, " mua", " bán"):
            name = base
        if name is None:
            continue
        base = name
        d.metric = name + (_BUY if side.group(1).startswith("mua") else _SELL)


def _note_ticker(T: str, F: str, lo: int, hi: int, frame: _Frame) -> None:
    """"… HAG giảm sàn. Mã này …": the last ticker of a market report's sentence is what "mã này" points to."""
    if stock_text(F):
        frame.last_ticker = next(reversed([t.group(1) for t in tickers(T, lo, hi)]), frame.last_ticker)


def _from_neighbours(metric: str, m: Mention, drafts: list[_Draft], frame: _Frame) -> str:
    """A name that is only part of a measure, completed from the figures before it.

    "giá trị" after a volume, "con số này trên HNX", "trên UPCoM" or a ticker
    alone after a measure on another exchange or stock, "cao nhất" after the
    lowest, a unit alone after a figure in that unit (``rules/subjects.py``).
    """
    previous = drafts[-1].metric if drafts else frame.last_metric
    # "con số này" points back to the last figure of its kind (a volume to a volume)
    alike = next((d.metric for d in reversed(drafts) if d.first.q.category == m.q.category),
                 frame.last_of.get(m.q.category, previous))
    sibling = sibling_metric(metric, previous) or anaphor_metric(metric, alike) \
        or name_sibling(metric, alike) or extreme_sibling(metric, alike)
    if sibling is not None:
        return sibling
    if previous and fold(metric) in words("metric", "bare_heads").words and not has_head(fold(previous)):
        head = "giá trị" if fold(metric) == "trị giá" else metric  # ("trị giá" is the verb form of "giá trị")
        return f"{head} {previous}"  # "xăng dầu đạt 510 triệu USD, giảm 23,6% (lượng giảm 32,7%)": "lượng xăng dầu"
    if drafts and m.q.unit and fold(metric) == fold(m.q.unit) and drafts[-1].first.q.unit == m.q.unit:
        return drafts[-1].metric  # "… đạt 28.431 chiếc, …; tháng 12 đạt 33.295 chiếc": the unit names nothing new
    return metric


_ITEM_SEP = regex.compile(r"[ \t]*+(?:,[ \t]*+(?:và[ \t]++)?|(?<![\p{L}])và[ \t]++)")


def _split(d: _Draft, mentions: list[Mention], metric: str) -> _Draft:
    part = _Draft(metric, d.start, mentions, kind=d.kind, year=d.year, months=d.months, end=mentions[-1].end)
    part.start = mentions[0].lead if mentions[0] is not d.first else d.start
    return part


#: "… giảm mạnh so với cùng kỳ như Khánh Hòa giảm 78,7%": a "như" that introduces the figure's list.
_LISTED = regex.compile(r"(?<![\p{L}])như(?![\p{L}])")


#: "301 dự án FDI với": the counted noun phrase right before an aggregate's "với".
_WITH_AGGREGATE = regex.compile(r"[ \t]*+,?[ \t]*+với[ \t]++\Z")


def _counted_owner(T: str, F: str, metric: str, start: int, drafts: list[_Draft]) -> str | None:
    """"301 dự án FDI với tổng vốn đăng ký 27 tỷ USD" → "tổng vốn đăng ký của dự án FDI": an aggregate measure
    (``[metric] aggregate_heads``) written with "với" right after a count is the counted things' (decision 291).

    The counted noun is the count's unit and the words after it up to "với", written as the text has them
    (cleaned as any metric: "trên địa bàn" goes), or the count's own metric when only the unit is between
    ("tổng dự án nước ngoài lên 301 dự án với …"); at most six words, no figure, and more than the unit.
    """
    if not drafts or " ".join(fold(metric).split()) not in words("metric", "aggregate_heads").words:
        return None
    count = drafts[-1].mentions[-1]
    if count.q.category != "count" or count.q.base_start < 0 or count.q.end > start:
        return None
    tie = _WITH_AGGREGATE.search(F, count.q.end, start)
    if tie is None or tie.end() != start:
        return None
    unit = fold(F[count.q.base_start:count.q.end].strip())
    noun = clean_phrase(T, F, count.q.base_start, tie.start())
    if fold(noun) == unit:  # "nâng tổng dự án nước ngoài lên 301 dự án với …": the count's own metric says it
        noun = _COUNT_HEAD.sub("", drafts[-1].metric)
        noun = noun if fold(noun).startswith(unit + " ") else ""
        owner = noun.rfind(" của ")
        if owner > 0 and actor_only(noun[owner + 5:]):
            noun = noun[:owner]  # ("tỉnh nâng tổng số dự án FDI lên …": the subject "tỉnh" is the scope, no owner)
    if not noun or fold(noun) == unit or len(noun.split()) > 6 or any(c.isdigit() for c in noun) or "," in noun:
        return None  # ("8 dự án với tổng số vốn …": the unit alone says no more than the measure)
    return f"{metric} của {_expand(noun)}"


_COUNT_HEAD = regex.compile(r"^(?:tổng[ \t]++số|tổng|số[ \t]++lượng|số)[ \t]++")


#: What ends the words before a list's first item: a colon, "là", "như", "gồm" (and a comma or "và" between items).
_ITEM_BEFORE = regex.compile(r"(?:[,:]|(?<![\p{L}])(?:là|như|gồm|và|bao[ \t]++gồm))[ \t]*+\Z")
#: The figure right inside the bracket after an item's name: "BIDV (13,47%)", "Vietcombank (chiếm 27,75% …)".
_ITEM_BRACKET = regex.compile(r"[ \t]*+\([ \t]*+(?:chiếm[ \t]++)?+\Z")
#: A list's group after its measure, which each item replaces: "… của các hồ chứa", "… tại một số ngân hàng như"
#: (with the verb that spreads the measure over the group: "tập trung tại …", ``[metric] list_verbs``).
@cache
def _item_group() -> regex.Pattern:
    verbs = "|".join(regex.escape(w).replace(r"\ ", r"[ \t]++")
                     for w in sorted(words("metric", "list_verbs").words, key=len, reverse=True))
    return regex.compile(rf"(?:[ \t]++(?:{verbs}))?+[ \t]++(?P<tie>của|tại|ở|trong)[ \t]++"
                         r"(?:các|những|một[ \t]++số|nhiều)[ \t]++[^,;:]{1,40}?\Z")


#: A measure that already has its owner: an item after it would be a second one ("… của Năm nhà của Kim Mã"); one
#: that ends in a name names an item of its own ("giá cổ phiếu SAB" before "BHN (+1,2%)").
_OWNED_MEASURE = regex.compile(r"(?<![\p{L}])(?:của|tại)[ \t]++\p{Lu}")


def _bracket_item(T: str, F: str, start: int, m: Mention, lo: int, drafts: list[_Draft]) -> tuple[str, str, str] | None:
    """"… của các hồ chứa là: Hồ Hòa Bình (2.223 m3/s), Hồ Thác Bà (424 m3/s)" → "lưu lượng xả trung bình của hồ
    Hòa Bình": a list item that is a name with its figure in brackets is named by the list's measure and the
    item (decision 292): the measure, the word that ties the item to it and the item as written; None when the
    figure is no such item.

    The measure is the one an item before it in the sentence took, else the figure's before the list whose unit
    is this one's ("đưa vào sử dụng 4.895 căn hộ … là TX.Thuận An (752 căn)"), else the measure the sentence
    names before its first item ("Lưu lượng xả … của các hồ chứa là:"), without the list's group ("của các
    hồ chứa"), whose word ties the item on ("tại", "của").
    """
    bracket = F.rfind("(", start, m.lead)
    if bracket < 0 or not _ITEM_BRACKET.fullmatch(F, bracket, m.lead):
        return None
    item = clean_phrase(T, F, start, bracket).strip(" ,")
    if not item or len(item.split()) > 5 or not any(c.isupper() for c in item) or any(c.isdigit() for c in item) \
            or has_head(fold(item)) or not _ITEM_BEFORE.search(F, max(lo, start - 12), start):
        return None
    for d in reversed(drafts):
        if d.item_of is not None:
            _share_as_before(m, d)
            return d.item_of[0], d.item_of[1], item
    unit = (m.q.unit or "").split(" ", 1)[0]
    tie, measure, counted, source = "của", None, False, None
    for d in reversed(drafts):
        if d.first.q.category == m.q.category and (d.first.q.unit or "").split(" ", 1)[0] == unit:
            measure, counted, source = d.metric, d.first.q.category == "count", d
            break
    if measure is None:
        named = name_metric(T, F, lo, _ITEM_BEFORE.search(F, max(lo, start - 12), start).start(), False)
        if named is None or named[1] >= start:
            return None
        measure = named[0]
    listed = _LISTED.search(measure)
    if listed is not None:  # "… tại một số ngân hàng như Vietcombank": the first item swallowed by the measure before
        measure = measure[:listed.end()]
    group = _item_group().search(measure)
    if group is not None:
        tie, measure = group.group("tie"), measure[:group.start()]
    if not measure or len(measure.split()) > 8 or not (counted or has_head(fold(measure))) \
            or _OWNED_MEASURE.search(measure) or any(c.isupper() for c in measure.rsplit(" ", 1)[-1]):
        return None  # (a count's metric is its counted noun: "căn hộ nhà ở xã hội")
    if source is not None:
        _share_as_before(m, source)
    return measure, tie, item


def _share_as_before(m: Mention, before: _Draft) -> None:
    """"Vietcombank (chiếm 27,75% tổng dư nợ …), BIDV (13,47%)": a bare percent of an item after one stated as a
    share is a share too (decision 292)."""
    if m.role == "value" and m.q.category == "percent" and m.q.high is None \
            and any(x.role == "share" for x in before.mentions):
        m.role, m.share = "share", m.q.value


def _names_nothing(metric: str) -> bool:
    """A metric left with no letter, a unit's tail ("/USD"), or a word that names no measure alone."""
    folded = " ".join(fold(metric).replace("-", " ").split())
    return metric.startswith("/") or not any(c.isalpha() for c in metric) or folded in _not_alone() or \
        folded in words("metric", "names_nothing").words


@cache
def _not_alone() -> frozenset[str]:
    return frozenset(" ".join(w.replace("-", " ").split()) for w in words("metric", "not_alone").words)


def _respective_changes(F: str, drafts: list[_Draft]) -> list[_Draft]:
    """"Doanh thu đạt X, lợi nhuận Y, tăng lần lượt 12% và 37%": the changes go to the figures before, in order."""
    for k, d in enumerate(drafts):
        changes = [m for m in d.mentions if m.role == "change"]
        if len(changes) < 2 or d.first.role != "value" or k + 1 < len(changes) \
                or not IN_TURN.search(F, d.first.end, changes[0].q.num_start):
            continue
        before = drafts[k - len(changes) + 1:k]
        if any(m.role == "change" for b in before for m in b.mentions):
            continue
        for b, c in zip(before, changes):
            d.mentions.remove(c)
            b.mentions.append(c)
        _shared_reference([c.change for c in changes])
    return drafts


def _shared_reference(changes: list[ChangeDraft]) -> None:
    """"… tăng lần lượt 12% và 37% so với năm 2015": the comparison at the end covers every change."""
    last = changes[-1]
    if last.reference is None:
        return
    for c in changes[:-1]:
        if c.reference is None:
            c.reference, c.ref_rule, c.ref_year = last.reference, last.ref_rule, last.ref_year


def _respectively(T: str, F: str, drafts: list[_Draft], lo: int = 0) -> list[_Draft]:
    """"A và B lần lượt đạt X và Y": one record per item, in order (RECORDS.md)."""
    out: list[_Draft] = []
    k = 0
    while k < len(drafts):
        d = drafts[k]
        if not IN_TURN.search(F, d.start, d.first.q.num_start, SERIAL):
            out.append(d)
            k += 1
            continue
        items = _term_items(T, F, d, lo) or _items(T, d)
        figures = [m for m in d.mentions if m.role == d.first.role]
        j = k + 1
        # the next figures: named as this one, or only listed after it ("1,63 và 1,05 điểm cho VN-Index")
        while len(figures) < len(items) and j < len(drafts) and (
                drafts[j].metric == d.metric
                or _FIGURE_LIST_GAP.fullmatch(F, figures[-1].end, drafts[j].first.q.num_start)):
            figures.append(drafts[j].first)
            j += 1
        if len(items) == 1 and len(figures) >= 2 and _years_in_turn(F, d.start, d.first.q.num_start) == len(figures):
            items = items * len(figures)  # "GDP năm 2020 và 2021 lần lượt tăng 2,9% và 2,6%": one measure, a year each
        if len(items) < 2 or len(figures) != len(items):
            out.append(d)
            k += 1
            continue
        rest = [m for m in d.mentions if m.role != d.first.role]
        for n, (item, fig) in enumerate(zip(items, figures)):
            out.append(_split(d, [fig] + (rest if n == 0 else []), item))
        if d.first.role == "change":
            _shared_reference([f.change for f in figures])
        k = j
    return out


#: A term listed after the first: "1 tuần", "3 tháng", "12 tháng".
_TERM_ITEM = regex.compile(r"\d{1,2}[ \t]++(?:ngày|tuần|tháng|năm)")
_TERM_HEAD = regex.compile(r"(?i)(?<![\p{L}])kỳ[ \t]++hạn[ \t]++")


def _term_items(T: str, F: str, d: _Draft, lo: int) -> list[str] | None:
    """"lãi suất … kỳ hạn qua đêm, 1 tuần và 2 tuần lần lượt là …": the terms after the first are listed bare
    (the clause start may have fallen after the first one's comma); each is the first's measure at that term."""
    turn = IN_TURN.search(F, d.start, d.first.q.num_start)
    listed = [x.strip() for x in _ITEM_SEP.split(T[d.start:turn.start()]) if x.strip()]
    if not listed:
        return None
    if all(_TERM_ITEM.fullmatch(x) for x in listed):
        comma = d.start
        while comma > lo and T[comma - 1] in " \t":
            comma -= 1
        head = name_metric(T, F, lo, comma - 1, False) if comma > lo and T[comma - 1] == "," else None
        if head is None:
            return None
        first, later, start = head[0], listed, head[1]
    elif len(listed) >= 2 and all(_TERM_ITEM.fullmatch(x) for x in listed[1:]):
        first, later, start = _ITEM_SEP.split(d.metric)[0].strip(), listed[1:], d.start
    else:
        return None
    term = _TERM_HEAD.search(first)
    if term is None:
        return None
    d.start = start
    return [first] + [first[:term.end()] + x for x in later]


#: A metric that is only the comparison before a base figure: "thấp hơn nhiều so", "tăng mạnh so", "giảm so".
_COMPARED_BASE = regex.compile(r"(?:^|[ \t])(?:cao|thấp|tăng|giảm|sụt[ \t]++giảm|nhiều|ít|lớn|nhỏ)"
                               r"(?:[ \t]++(?:hơn|nhiều|rất|mạnh|nhẹ|đáng[ \t]++kể|hơn[ \t]++nhiều)){0,3}+[ \t]++so\Z")


def _written_capitalised(T: str, name: str) -> bool:
    """Whether a name that opens a sentence is a proper name: another capital in it ("Toyota Fortuner",
    "EcoSport"), or its first word written capitalised inside a sentence elsewhere ("… của Tesla")."""
    if any(c.isupper() for c in name[1:]):
        return True
    first = name.split(" ", 1)[0]
    return regex.search(rf"\p{{Ll}}[ \t]++{regex.escape(first)}(?![\p{{L}}])", T) is not None


def _years_in_turn(F: str, s: int, e: int) -> int:
    """How many years "năm 2020 và 2021 lần lượt …" hands out in ``F[s:e]`` (the period resolver gives them)."""
    return max((len(p.years) for p in find_mentions(F, s, e) if p.years is not None), default=0)


#: Between two listed figures: "1,63 và 1,05 điểm", "12%, 8%".
_FIGURE_LIST_GAP = regex.compile(r"[ \t]*+(?:,|và|,[ \t]*+và)[ \t]*+")
#: A name in a list: capitalised words or a ticker ("VHM", "Hoa Kỳ", "EU").
_NAME_ITEM = regex.compile(r"(?:\p{Lu}[\p{L}\p{N}&.\-]*+)(?:[ \t]++\p{Lu}[\p{L}\p{N}&.\-]*+){0,3}")
_OWNER_TAIL = regex.compile(r"[ \t]++của[ \t]++\S.*\Z")


def _items(T: str, d: _Draft) -> list[str]:
    """The metrics of "A và B lần lượt …", one per item.

    Items are split at "và" and commas; a name list shares the words before the
    first name ("giá cổ phiếu VIC và VHM" → "giá cổ phiếu VHM"; "xuất khẩu sang
    Hoa Kỳ, EU" → "xuất khẩu sang EU"), an owner closing the list owns every
    item ("doanh thu và lợi nhuận của công ty" → "doanh thu của công ty"). A
    metric rewritten around the last of several tickers ("mức đóng góp của
    VHM …" from "VIC và VHM lần lượt đóng góp") is rewritten for each.
    """
    items = [x.strip() for x in _ITEM_SEP.split(d.metric) if x.strip()]
    if len(items) == 1:
        names = [t.group(1) for t in tickers(T, d.start, d.first.q.num_start)]
        if len(names) >= 2:
            last = regex.compile(rf"(?<![\p{{L}}]){regex.escape(names[-1])}(?![\p{{L}}])")
            if len(last.findall(d.metric)) == 1:
                return [last.sub(n, d.metric) for n in names]
        return items
    if all(_NAME_ITEM.fullmatch(x) for x in items[1:]):
        first = items[0]
        name = _NAME_ITEM.search(first, max(0, len(first) - 60))
        while name is not None and name.end() != len(first):
            name = _NAME_ITEM.search(first, name.end())
        if name is not None and name.start() > 0 and not first[:name.start()].strip()[:1].isupper():
            prefix = first[:name.start()]
            return [first] + [prefix + x for x in items[1:]]
        return items
    owner = _OWNER_TAIL.search(items[-1])
    if owner is not None and not any(" của " in f" {x} " for x in items[:-1]):
        return [x + owner.group() for x in items[:-1]] + [items[-1]]
    return items


def _distributive(T: str, F: str, drafts: list[_Draft]) -> list[_Draft]:
    """"tăng 2,2 lần về số dự án và 4,5 lần về vốn": each size goes to what it is about (RECORDS.md).

    After a volume and its value ("bán ra 1,05 triệu đơn vị, giá trị 14,5 tỷ đồng, tăng 55% về lượng và
    31% về giá trị") each change joins the figure it is about; a figure of the record stays its own.
    """
    out: list[_Draft] = []
    for d in drafts:
        abouts = [m for m in d.mentions if m.role == "change" and m.about is not None]
        if not abouts:
            out.append(d)
            continue
        kept = [m for m in d.mentions if m not in abouts]
        if kept:
            d.mentions = kept
            out.append(d)
        last = next((m.change for m in reversed(abouts) if m.change.reference is not None), None)
        for m in abouts:  # "… và 4,5 lần về vốn so với năm 2022": the comparison covers both
            c = m.change
            if c.reference is None and last is not None:
                c.reference, c.ref_rule, c.ref_year = last.reference, last.ref_rule, last.ref_year
            s, e = m.about
            target = _about_figure(F[s:e], out[-2:] if kept else out[-1:])
            if target is not None:
                target.mentions.append(m)
                target.end = max(target.end, m.end)
            else:
                out.append(_split(d, [m], _expand(" ".join(T[s:e].split()))))
    return out


def _about_figure(about: str, near: list[_Draft]) -> _Draft | None:
    """The figure before a change "về lượng" (a volume) or "về giá trị" (its value) is about, if any."""
    kinds = words("change", "about_volume"), words("change", "about_value")
    for categories, cue in zip((("count", "measure"), ("money",)), kinds):
        found = cue.search(about)
        if found is not None and found.span() == (0, len(about.rstrip())):
            return next((d for d in reversed(near) if d.first.role == "value" and d.first.q.category in categories
                         and not any(m.role == "change" for m in d.mentions)), None)
    return None


def _head_reference(F: str, head: tuple[int, int, int], drafts: list[_Draft]) -> None:
    """"So với năm 2022, A tăng 3,1%; B tăng 12,6%": every change without a comparison of its own gets it."""
    from .roles import reference_year

    s, e = head[0], head[1]
    rule, year = reference_year(F[s:e])
    for d in drafts:
        for m in d.mentions:
            if m.role == "change" and m.change.reference is None:
                m.change.reference, m.change.ref_rule, m.change.ref_year = (s, e), rule, year


def _merge_change(d: _Draft, m: Mention) -> None:
    """Fill the last change of ``d`` with what ``m`` restates of it (its percent, or its amount)."""
    for prev in reversed(d.mentions):
        if prev.role == "change":
            c, extra = prev.change, m.change
            for name in ("percent", "points", "amount"):
                if getattr(c, name) is None and getattr(extra, name) is not None:
                    setattr(c, name, getattr(extra, name))
                    if name == "amount":
                        c.unit = extra.unit
            if c.reference is None and extra.reference is not None:
                c.reference, c.ref_rule, c.ref_year = extra.reference, extra.ref_rule, extra.ref_year
            return


def _open_list(F: str, lo: int, hi: int, frame: _Frame) -> None:
    """A sentence ending in ':' heads a list: its kind and months frame the items."""
    targets = _target_cues(F, lo, hi, [])
    frame.list_kind = "target" if targets else ("estimate" if words("kind", "estimate").search(F, lo, hi) else None)


def _subject_named(T: str, F: str, named: tuple[str, int], m: Mention, post_metric, lo: int,
                   last_end: int, last_ticker: str | None = None) -> tuple[str, int]:
    """A name that is only a subject: a ticker and its verb, or a company with the measure after the figure.

    "HPG tăng 3,8%" → "giá cổ phiếu HPG"; "NT2 đạt 1.085 tỷ đồng lợi nhuận sau
    thuế" → "lợi nhuận sau thuế của NT2" (decision 35, ``rules/subjects.py``).
    ``lo``: the sentence's start; ``last_end``: the end of the figure before.
    """
    metric, start = named
    if stock_text(F):
        index = index_metric(metric, T, m.lead)
        if index is not None:
            return index, start
        if m.q.category == "count":
            counted = counted_metric(F, m.q.unit, m.q.end)
            if counted is not None:
                return counted, start
        has_value = m.role == "value" and not _signed_percent(F, m)
        stretch = F[start:m.lead]
        if m.role == "value" and m.q.category in ("count", "money"):
            exchange = exchange_metric(metric, F[max(lo, last_end):m.lead], F[m.q.base_start:m.q.end].strip(),
                                       m.q.category == "money")
            if exchange is not None:
                return exchange, start
        ticker = None if names_no_price(stretch) else \
            ticker_metric(metric, m.q.unit, m.q.category == "money", has_value)
        if ticker is None and not has_head(fold(metric)) and not business_verb(stretch):
            # "SHB là mã gây chú ý …, chốt phiên tăng 4,08%": the ticker is the clause's subject further back
            ticker = earlier_ticker_metric(T, lo, last_end, m.lead, F, m.q.unit, m.q.category == "money",
                                           has_value, m.q.end, metric)
            if ticker is None and last_ticker is not None:
                # "Mã này đã giảm về 7.250 đồng": the ticker of the sentence before
                ticker = ticker_anaphor(metric, last_ticker, m.q.unit, m.q.category == "money", has_value)
        if ticker is not None:
            _signed_move(F, m)
            return ticker, start
        # (a verb alone: the foreign investors the paragraph is about, "… khối này đã bán ròng 3,93 triệu đơn vị.
        # Tổng giá trị là mua ròng 4,93 tỷ đồng")
        flow = flow_metric(metric, m.q.category == "money", T[T.rfind("\n", 0, lo) + 1:start]) or \
            flow_metric(stretch, m.q.category == "money")
        if flow is not None:
            return flow, start
    if post_metric is None or not post_metric[1]:
        return named
    if _PROPER.fullmatch(metric):
        return f"{post_metric[0]} của {metric}", start
    if m.q.category in ("money", "measure") and has_head(fold(post_metric[0])) and not has_head(fold(metric)):
        # "tập đoàn còn có 370 tỷ đồng tiền gửi ngắn hạn": the measure is named after the figure
        subject = _PROPER.match(metric)
        return (f"{post_metric[0]} của {subject.group().strip()}" if subject else post_metric[0]), start
    return named


def _signed_percent(F: str, m: Mention) -> bool:
    """"VNM (-0,4%)", "SHB (+4,08%)": a signed percent value in brackets."""
    if m.role != "value" or m.q.category != "percent" or m.q.high is not None:
        return False
    sign = F[m.q.num_start - 1:m.q.num_start]
    return (m.q.value < 0 or sign == "+") and "(" in F[max(0, m.q.num_start - 3):m.q.num_start]


def _signed_move(F: str, m: Mention) -> None:
    """"VNM (-0,4%)", "SHB (+4,08%)": a stock's signed percent in brackets is its price move, a change."""
    if not _signed_percent(F, m):
        return
    m.role = "change"
    m.change = ChangeDraft("decrease" if m.q.value < 0 else "increase", percent=abs(m.q.value))


#: A name of capitalised words only ("NT2", "Hòa Phát", "CTCP FLC"): a subject, not a measure.
_PROPER = regex.compile(r"(?:\p{Lu}[\p{L}\p{N}&.\-]*+[ \t]*+){1,5}")

_NAME_GAP = regex.compile(r"[ \t]*+")
_DEMONSTRATIVE = regex.compile(r"(?<![\p{L}])(?:này|đó|trên)$")


_DESTINATION = regex.compile(r"(?:cho|vào|tới|đến|sang)(?![\p{L}])")


def _post_metric(T: str, F: str, post: tuple[int, int], m: Mention) -> tuple[str, bool] | None:
    """The noun phrase after a figure as a metric, and whether it says more than the unit."""
    from .metric import clean_phrase

    if _DESTINATION.match(F, post[0], post[1]):
        return None  # "1,7 điểm cho chỉ số chính", "đóng góp 20% vào tăng trưởng": where it goes, not what it is
    text = clean_phrase(T, F, post[0], post[1])
    if not text:
        return None
    unit = (m.q.unit or "").split("/")[0]
    first, _, rest = text.partition(" ")
    if rest and fold(first) == fold(unit) and fold(unit) in words("metric", "classifiers").words:
        text = rest  # "298 chiếc quạt điện": the unit keeps the classifier, the metric is the noun
    base = F[m.q.base_start:m.q.end].strip() if m.q.base_start >= 0 else ""
    says_more = text.lower() not in (unit.lower(), base) and len(text.split()) > len((base or unit).split())
    return _expand(text), says_more


def _after_object_verb(F: str, lo: int, m: Mention) -> bool:
    """"… đã thu hút xấp xỉ 1,2 triệu lượt truy cập": the count is named by its noun."""
    return words("metric", "object_verbs").before(F, m.lead, lo) is not None


def _names_a_count(F: str, s: int, e: int) -> bool:
    """Whether the words before a count name it ("tổng số dự án … lên 835 dự án")."""
    return words("metric", "count_heads").search(F, s, e) is not None


#: (words only, up to the clause's punctuation or the word before a number: "… để tăng sản lượng thành 2 triệu thùng")
_PURPOSE_PHRASE = regex.compile(
    r"[ \t]{1,3}+(\p{L}{1,6})[ \t]++((?:\p{L}[\p{L}\-]{0,19}+[ \t]?+){1,10})(?=[,.;:(\n)]|\p{L}{1,6}+[ \t]++\p{N})")


def _purpose_named(T: str, F: str, level: str, m: Mention, hi: int) -> str:
    """"ủng hộ 2 tỷ đồng cho quỹ khuyến học" → "ủng hộ cho quỹ khuyến học": a bare giving or spending verb
    (``[metric] purpose_verbs``) names its figure with what the figure goes to, the short phrase after it
    opened by ``[metric] purpose_openers`` up to the clause's end (decision 240)."""
    if " ".join(fold(level).split()) not in words("metric", "purpose_verbs").words:
        return level
    p = _PURPOSE_PHRASE.match(F, m.end, hi)
    if p is None or p.group(1) not in words("metric", "purpose_openers").words:
        return level
    # (its tail cleaned as any metric's: "… cho các hộ nghèo trên địa bàn" loses its scope phrase; a cleaning
    # that takes a word from its start, "nâng cấp" read as a change verb, is not taken)
    raw = T[p.start(2):p.end(2)].split()
    cleaned = (clean_phrase(T, F, p.start(2), p.end(2)) or "").split()
    phrase = [p.group(1), *(cleaned if cleaned and raw[:len(cleaned)] == cleaned else raw)]
    while len(phrase) > 2 and fold(phrase[-1]) in words("metric", "purpose_dangling").words:
        phrase.pop()
    return before_time(" ".join([level, *phrase]))


def _post_phrase(F: str, m: Mention, hi: int) -> tuple[int, int] | None:
    """The noun phrase right after a value's unit ("50% [doanh nghiệp ứng dụng TMĐT]"), inside its sentence
    (a heading without a full stop ends at its line: the lead's first words name nothing of it)."""
    from .roles import _count_phrase

    if m.q.category not in ("percent", "money", "measure"):
        return None
    s, e = _count_phrase(F, m.q, hi)
    s = m.q.end
    while s < e and F[s] in " \t":
        s += 1
    return (s, e) if e > s else None


def _share_reference(drafts: list[_Draft]) -> None:
    """A comparison stated once at the end of an enumeration covers the items that state none."""
    items = []
    for d in reversed(drafts):
        # Only a run of parallel items ("A tăng 12,3%; B tăng 13,5%") shares one comparison.
        if len(d.mentions) != 1 or d.first.role != "change":
            break
        items.append(d.first.change)
    if len(items) < 2 or items[0].reference is None:
        return
    last = items[0]
    for c in items[1:]:
        if c.reference is None:
            c.reference, c.ref_rule, c.ref_year = last.reference, last.ref_rule, last.ref_year


def _target_cues(F: str, lo: int, hi: int, mentions: list[Mention]) -> list[tuple[int, bool]]:
    spans = [(m.lead, m.end) for m in mentions if m.role == "plan"]
    spans += [c.span() for c in words("kind", "not_target").finditer(F, lo, hi)]
    out = []
    for c in words("kind", "target").finditer(F, lo, hi):
        if any(a <= c.start() < b for a, b in spans):
            continue
        # "vượt chỉ tiêu", "để đạt mục tiêu …": a weak cue, it sets only the figure of its own clause.
        weak = _PLAN_CONTEXT.search(F, max(lo, c.start() - 20), c.start()) is not None
        out.append((c.start(), weak))
    return out


def _head_estimate(F: str, lo: int, mentions: list[Mention]) -> bool:
    if not mentions:
        return False
    est = words("kind", "estimate").after(F, lo, mentions[0].lead)
    if not est:
        return False
    comma = F.find(",", est[1], mentions[0].lead)
    return comma >= 0


def _kind(F: str, lo: int, seg_start: int, m: Mention, targets: list[tuple[int, bool]], head_estimate: bool,
          drafts: list[_Draft], frame: _Frame) -> str:
    clause = clause_start(F, seg_start, m.lead)
    if frame.list_kind == "target" or any(
        t < m.q.num_start and (not weak or t >= clause) for t, weak in targets
    ):
        return "target"
    if _forecast_cue(F, lo, m.q.num_start):
        return "forecast"  # "IMF dự báo …", "… có thể đạt 5,5%": someone's expectation
    # "dự kiến" in a shareholders' meeting's report states the company's plan: its target (decision 34)
    planned = words("kind", "plan_estimate").search(F, lo, m.q.num_start) is not None and frame.plan_document
    if head_estimate or frame.list_kind == "estimate":
        return "target" if planned else "estimate"
    s = clause_start(F, seg_start, m.lead)
    if words("kind", "estimate").search(F, s, m.q.num_start):
        if planned:
            return "target"
        # "dự kiến năm tới đạt …": a preliminary figure of a period to come is a forecast
        return "forecast" if words("kind", "future").search(F, lo, m.end) else "estimate"
    if drafts and drafts[-1].kind == "estimate" and _BREAKDOWN.search(F, seg_start, m.lead):
        return "estimate"
    return "actual"


def _forecast_cue(F: str, lo: int, e: int) -> bool:
    """A forecast cue before ``e`` in its sentence, not one a contrast names ("trái ngược với dự đoán")."""
    masks = None
    for c in words("kind", "forecast").finditer(F, lo, e):
        if masks is None:
            masks = [x.span() for x in words("kind", "not_forecast").finditer(F, lo, e)]
        if not any(a <= c.start() < b for a, b in masks):
            return True
    return False


def _start_after_gap(F: str, s: int, e: int) -> int:
    s = clause_start(F, s, e)
    while s < e and not (F[s].isalnum()):
        s += 1
    return s


#: "66,2 - 66,85 triệu đồng/lượng (mua vào - bán ra)": a buy and a sell quote, not a range.
_BUY_SELL = regex.compile(r"[ \t]*+[(,]?[ \t]*+(?:chiều[ \t]++)?mua(?:[ \t]++vào)?[ \t]*+[-–/][ \t]*+bán(?:[ \t]++ra)?")


def _records(norm: NormText, d: _Draft, date: Date | None) -> list[Record]:
    """The record of a draft; a buy/sell quote gives two (RECORDS.md: "giá vàng SJC mua vào" and "bán ra")."""
    r = _record(norm, d, date)
    b = _BUY_SELL.match(norm.folded, d.end) if r.value_high is not None else None
    if b is None and not (r.value_high is not None and _quoted_both_ways(r)):
        return [r]
    ostart, oend = norm.span(*_trim(norm.text, d.start, b.end() if b is not None else d.end))
    ev = Evidence(start=ostart, end=oend, text=norm.original[ostart:oend])
    quote = {"value_high": None, "bound": "exact", "evidence": ev, "amount": amount_of(r.value, r.unit)}
    return [r.model_copy(update={**quote, "metric": r.metric + _BUY, "indicator": indicator_of(r.metric + _BUY, r.place)}),
            r.model_copy(update={**quote, "metric": r.metric + _SELL, "value": r.value_high,
                                 "amount": amount_of(r.value_high, r.unit),
                                 "indicator": indicator_of(r.metric + _SELL, r.place)})]


def _quoted_both_ways(r: Record) -> bool:
    """"giá vàng SJC ở mức 55,3 - 55,65 triệu đồng/lượng": gold is quoted buy - sell, never as a range."""
    unit = fold(r.unit or "")
    return "vàng" in fold(r.metric) and any(unit.endswith(u) for u in words("metric", "buy_sell_units").words)


def _record(norm: NormText, d: _Draft, date: Date | None) -> Record:
    T = norm.text
    year = d.year  # the period resolver already fell back on the document's date
    if d.kind == "estimate" and date is not None and year is not None and year > date.year:
        d.kind = "forecast"  # "dự kiến" for a year that has not begun
    value = unit = high = None
    bound = "exact"
    changes: list[Change] = []
    plan = share = contribution = None
    for m in d.mentions:
        if m.role == "value" and value is None:
            value, unit, bound, high = m.q.value, m.q.unit, m.bound, m.q.high
            if high is None and bound == "range":
                bound = "exact"
        elif m.role == "change":
            c = m.change
            ref = None
            if c.reference is not None:
                ref = " ".join(T[c.reference[0]:c.reference[1]].split())
            ref_year = c.ref_year if c.ref_rule == "year" else (year - 1 if c.ref_rule == "previous" and year else None)
            if isinstance(c.ref_rule, tuple):  # "quý IV/2015" for a fourth quarter's figure: its same period
                ref_year = c.ref_year if year is not None and d.months == c.ref_rule[1] else None
            cbound = "range" if c.high is not None else (c.bound if c.bound != "range" else "exact")
            changes.append(Change(direction=c.direction, percent=c.percent, points=c.points, ratio=c.ratio,
                                  amount=c.amount, unit=c.unit if c.amount is not None else None, bound=cbound,
                                  high=c.high, reference=ref, reference_year=ref_year))
            if value is None and bound == "exact" and cbound != "range":
                bound = m.bound
        elif m.role == "contribution" and contribution is None:
            contribution = m.contribution
        elif m.role == "plan" and plan is None:
            plan = m.plan
        elif m.role == "share" and share is None:
            share = m.share
            if value is None and bound == "exact":
                bound = m.bound
    start, end = _trim(T, d.start, d.end)
    ostart, oend = norm.span(start, end)
    return Record(
        metric=d.metric, indicator=indicator_of(d.metric, d.place), value=value, value_high=high,
        unit=unit if value is not None else None, bound=bound, kind=d.kind,
        changes=changes, plan_percent=plan, share_percent=share, contribution_points=contribution,
        year=year, months=d.months, place=d.place,
        evidence=Evidence(start=ostart, end=oend, text=norm.original[ostart:oend]),
        amount=amount_of(value, unit, high),
    )


def _trim(T: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (T[s].isspace() or T[s] in ",;:"):
        s += 1
    while e > s and (T[e - 1].isspace() or T[e - 1] in ",;:"):
        e -= 1
    return s, e
