"""Metrics named by their subject: a stock's ticker, or a company before its verb.

The text left of a figure often holds its subject and verb, not the name of
what is measured. Two shapes are read here (decision 35: a company stays in
the metric as "<measure> của <company>"):

- a ticker and a verb of the session: "HPG tăng 3,8%" is the share price of
  HPG ("giá cổ phiếu HPG"), "FLC khớp 43 triệu cổ phiếu" its matched volume
  (data: ``lang/vi/subjects.toml``);
- a subject, a verb and the measure's head noun: "Công ty X với tổng vốn đầu
  tư …" → "tổng vốn đầu tư của Công ty X", "NT2 đã đạt … lợi nhuận sau thuế"
  → "lợi nhuận sau thuế của NT2". The head nouns are data (``cues.toml``,
  ``[metric] heads``); the subject is found with underthesea's POS tags,
  asked for only on such metrics.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import regex

from ..lang.vi import lexicon
from ..places import find_places
from ..text.models import pos_tags
from ..text.normalize import fold, per_text
from ..text.serial import SERIAL
from .companies import companies
from .words import trie_alternation, words

__all__ = ["anaphor_metric", "business_verb", "counted_metric", "earlier_ticker_metric", "flow_metric", "has_head",
           "names_no_price", "owner_metric", "owner_named_first", "sibling_metric", "states_plan", "stock_text",
           "subject_first", "ticker_metric", "value_sibling", "whole_market_after"]

_TICKER = regex.compile(r"(?<![\p{L}\p{N}\-./])(\p{Lu}[\p{Lu}\d]{2})(?![\p{L}\p{N}\-])")
_MAX_REST = 6  # words after the ticker: more is a clause, not a verb
_MAX_PREFIX = 16  # words before a head noun: more is a clause, no subject and verb


@dataclass(frozen=True)
class _Predicate:
    words: tuple[str, ...]
    metric: str
    money: str | None
    inside: regex.Pattern  # one of the words, anywhere in the verb phrase
    after: regex.Pattern  # one of the words, right after a count ("… đơn vị được khớp")

    def named(self, ticker: str, money: bool) -> str:
        return (self.money if money and self.money else self.metric).format(ticker=ticker)


@cache
def _raw() -> dict:
    """``lang/vi/subjects.toml``, read once."""
    return tomllib.loads((files("vnextract.lang.vi") / "subjects.toml").read_text(encoding="utf-8"))


@cache
def _data():
    raw = _raw()
    lex = lexicon()
    not_tickers = {w.upper() for w in raw["not_tickers"]} | set(lex.acronyms) | set(lex.abbreviations)
    preds = []
    for p in raw["predicate"]:
        ws = tuple(fold(w) for w in p["words"])
        alt = "|".join(regex.escape(w) for w in sorted(ws, key=len, reverse=True))
        preds.append(_Predicate(ws, p["metric"], p.get("money"),
                                regex.compile(rf"(?<![\p{{L}}])(?:{alt})(?![\p{{L}}])"),
                                regex.compile(rf"[ \t]*+(?:được[ \t]++)?(?:{alt})(?![\p{{L}}])")))
    preds = tuple(preds)
    context = tuple(fold(w) for w in raw["context"])
    return not_tickers, preds, raw["price"], context


@cache
def _counted():
    raw = _raw()
    verbs = sorted({fold(v) for v in raw["counted"]["verbs"]}, key=len, reverse=True)
    after = regex.compile(r"[ \t]++(" + "|".join(regex.escape(v).replace(r"\ ", r"[ \t]++") for v in verbs)
                          + r")(?![\p{L}\p{N}])")
    siblings = [(fold(a), fold(b), regex.compile(rf"(?:tổng[ \t]+)?{regex.escape(fold(a))}(?=[ \t])"),
                 regex.compile(rf"(?:tổng[ \t]+)?{regex.escape(fold(b))}(?=[ \t])"))
                for a, b in raw["siblings"]["heads"]]
    return frozenset(fold(n) for n in raw["counted"]["nouns"]), after, siblings


def counted_metric(folded: str, unit: str | None, end: int) -> str | None:
    """"116 mã giảm" → "mã giảm": stocks counted by their move (``end``: where the count's noun ends)."""
    nouns, after, _ = _counted()
    if unit is None or fold(unit) not in nouns:
        return None
    m = after.match(folded, end, min(len(folded), end + 40))
    return f"{unit} {' '.join(m.group(1).split())}" if m else None


def sibling_metric(metric: str, previous: str | None) -> str | None:
    """"…khối lượng giao dịch đạt X, giá trị Y": a bare head after its sibling takes the sibling's words."""
    if previous is None:
        return None
    folded, prev = fold(metric).strip(), fold(previous)
    for a, b, a_re, b_re in _counted()[2]:
        for head, other in ((b, a_re), (a, b_re)):
            if folded != head:
                continue
            m = other.match(prev)
            if m:
                return f"{metric.strip()}{previous[m.end():]}"
    return None


@per_text  # (a document asks once per figure)
def stock_text(folded: str) -> bool:
    """Whether a (folded) text is about a stock market: it says "cổ phiếu", "VN-Index" …"""
    return any(w in folded for w in _data()[3])  # (plain look-ups: the words are no patterns)


def tickers(text: str, start: int = 0, end: int | None = None):
    """The tickers in ``text[start:end]``: three capitals that are no acronym or shorthand the package knows."""
    not_tickers = _data()[0]
    return (m for m in _TICKER.finditer(text, start, len(text) if end is None else end)
            if m.group(1) not in not_tickers)


def ticker_metric(metric: str, unit: str | None, money: bool, has_value: bool) -> str | None:
    """The metric of a figure whose name is a ticker and its verb ("HPG", "FLC khớp"), else None.

    ``metric`` is the name read left of the figure; the ticker is its first
    word or follows a clause that names no measure ("Tương tự, VIC cũng lấy
    lại được đà").
    """
    _, preds, price, _ = _data()
    found = None
    for found in tickers(metric):
        pass  # the last one
    if found is None:
        return None
    before, rest = metric[:found.start()], fold(metric[found.end():]).strip()
    if len(rest.split()) > _MAX_REST or has_head(fold(before)) or has_head(rest):
        return None
    if before.strip() and not before.rstrip().endswith(",") and len(before.split()) > 8:
        return None
    ticker = found.group(1)
    for p in preds:
        if p.inside.search(rest):
            return p.named(ticker, money)
    if names_no_price(rest):
        return None  # "XMC phấn đấu tăng trưởng 10%", "SHB muốn phát hành 20% vốn": not its share price
    if not has_value or (unit or "").lower() in price["units"]:
        return price["metric"].format(ticker=ticker)
    return None


@cache
def _business_verb() -> regex.Pattern:
    verbs = sorted({fold(v) for v in _data()[2]["not_verbs"]}, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(v) for v in verbs) + r")(?![\p{L}])")


def _alt(ws) -> str:
    """A pattern alternation of folded cue phrases, longest first, any run of spaces between words (as a trie,
    ``words.trie_alternation``: the same matches, found sooner)."""
    return trie_alternation(tuple(fold(w) for w in ws), space=r"[ \t]++")


@cache
def _flows():
    raw = _raw()["flows"]
    pattern = regex.compile(rf"(?:^|.*?(?<![\p{{L}}]))(?:{_alt(raw['subjects'])})(?:[ \t]++\p{{L}}++){{0,3}}?"
                            rf"[ \t]++(?P<verb>{_alt(raw['verbs'])})"
                            # "… mua vào với khối lượng 1,53 triệu đơn vị": the measure said after the verb
                            r"(?:[ \t]++với(?:[ \t]++tổng)?[ \t]++(?:khối[ \t]++lượng|giá[ \t]++trị))?[ \t]*+$")
    bare = regex.compile(rf"(?:(?:đã|được|bị|tiếp[ \t]++tục)[ \t]++)?(?P<verb>{_alt(raw['verbs'])})[ \t]*+")
    subject = regex.compile(rf"(?<![\p{{L}}])(?:{_alt(raw['subjects'])})(?![\p{{L}}])")
    return pattern, raw["metric"], raw["money"], bare, subject


def flow_metric(metric: str, money: bool, before: str = "") -> str | None:
    """"khối ngoại mua vào", "khối này đã bán ròng" → "khối lượng mua vào của khối ngoại" (or its value).

    A verb alone is the flow of the foreign investors named ``before`` it in its sentence.
    """
    pattern, volume, value, bare, subject = _flows()
    m = pattern.match(fold(metric))
    if m is None and before:
        m = bare.fullmatch(fold(metric))
        if m is not None and subject.search(fold(before)) is None:
            m = None
    if m is None:
        return None
    verb = " ".join(m.group("verb").split())
    return (value if money else volume).format(verb=verb)


def business_verb(folded: str) -> bool:
    """Whether a verb phrase tells of the company's own business ("phát hành", "sở hữu"), not its share price."""
    return _business_verb().search(folded) is not None


def names_no_price(folded: str) -> bool:
    """Whether the words between a ticker and its figure tell of a plan or of the company's own business."""
    return states_plan(folded) or business_verb(folded)


def states_plan(folded: str) -> bool:
    """Whether a verb phrase states a plan or an expectation ("phấn đấu", "đặt mục tiêu", "dự kiến")."""
    return any(words("kind", k).search(folded) is not None for k in ("target", "forecast", "estimate"))


def earlier_ticker_metric(text: str, lo: int, last_end: int, lead: int, folded: str, unit: str | None, money: bool,
                          has_value: bool, end: int, metric: str = "") -> str | None:
    """The ticker further back in the sentence names a price move or a volume whose own name is no measure.

    "SHB là mã gây chú ý …, chốt phiên tăng 4,08%, lên 5.200 đồng với hơn 6
    triệu đơn vị được khớp": the price move's ticker is the last one since the
    figure before (``last_end``); a volume ("được khớp", "khớp lệnh" after the
    count) takes the last ticker of the sentence.
    """
    _, preds, price, _ = _data()

    def last(a: int) -> str | None:
        found = [m.group(1) for m in tickers(text, a, lead)]
        return found[-1] if found else None

    after = fold(folded[end:min(len(folded), end + 25)])
    for p in preds:
        if p.words and (p.after.match(after) or p.inside.search(fold(metric))):
            ticker = last(lo)
            return p.named(ticker, money) if ticker else None
    if has_value and (unit or "").lower() not in price["units"]:
        return None
    if names_no_price(fold(text[last_end:lead])):
        return None
    ticker = last(last_end)
    return price["metric"].format(ticker=ticker) if ticker else None


#: An index's name as the press writes it: "VN-Index", "HNX30-Index", "VN30-Index".
#: An index's name: "VN-Index", "HNX30-Index", "VNX-Allshare".
_INDEX_NAME = r"[A-Z][A-Za-z0-9]*+-Index|VNX?-All[Ss]hare"
_INDEX = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_INDEX_NAME})(?![\p{{L}}\p{{N}}])")


_BARE_INDEX_FIRST = regex.compile(r"(chỉ[ \t]++số(?:[ \t]++này)?)(?![\p{L}])")
#: A sentence opening on an exchange right before a bare index word: "Trên HNX, chỉ số tăng …".
_EXCHANGE_OPENING = regex.compile(r"(?:^|[.\n]|(?<=\n))[ \t]*+[Tt]rên[ \t]++(?:sàn[ \t]++)?(HNX|HOSE|HSX|UPCoM|UPCOM),?[ \t]*+"
                                  r"(?:[Cc]hỉ[ \t]++số(?:[ \t]++này)?)?[ \t]*+\Z")
_INDEX_FIRST = regex.compile(rf"(?:[Cc]hỉ[ \t]++số[ \t]++)?({_INDEX_NAME})(?![\p{{L}}\p{{N}}])")


def index_metric(metric: str, text: str, lead: int) -> str | None:
    """"chỉ số chính" → "VN-Index"; a bare "chỉ số" → the last index named before ``lead``, else None.

    An index name first, with only its verbs after ("chỉ số HNX-Index", "UPCoM-Index dừng lại vùng tham
    chiếu", "VN-Index chỉnh mạnh"), is the index.
    """
    raw = _raw()["index"]
    f = fold(metric).strip()
    if f in raw["main_words"]:
        return raw["main"]
    named = _INDEX_FIRST.match(metric)
    if named is not None and not has_head(rest := fold(metric[named.end():])) and " của " not in f" {rest} ":
        return named.group(1)
    bare = _BARE_INDEX_FIRST.match(f)
    if bare is not None and (bare.end() == len(f) or not has_head(f[bare.end():])) and " của " not in f" {f} ":
        f = bare.group(1)  # "chỉ số này đóng cửa ở 280 điểm": the index with its verb
    if f in raw["bare_words"]:
        exchange = _EXCHANGE_OPENING.search(text, max(0, lead - 200), lead)
        if exchange is not None:
            return _exchange_indices().get(fold(exchange.group(1)))
        found = None
        for found in _INDEX.finditer(text, max(0, lead - 600), lead):
            pass
        return found.group() if found else None
    return None


@cache
def _exchange_indices() -> dict[str, str]:
    """An exchange's (folded) name → its index: "hnx" → "HNX-Index" (``[index] by_exchange``)."""
    return {fold(a): b for a, b in _raw()["index"]["by_exchange"]}


def ticker_anaphor(metric: str, ticker: str, unit: str | None, money: bool, has_value: bool) -> str | None:
    """"Mã này đã giảm về 7.250 đồng" after a sentence on HAG → "giá cổ phiếu HAG" (``ticker_metric`` on it)."""
    a = words("metric", "stock_anaphora").after(fold(metric), 0)
    if a is None or a[0] != 0:
        return None
    return ticker_metric(f"{ticker} {metric[a[1]:].strip()}".strip(), unit, money, has_value)


def value_sibling(previous: str) -> str | None:
    """"khối lượng giao dịch trên HSX" → "giá trị giao dịch trên HSX": the money beside a volume."""
    prev = fold(previous)
    for _, b, a_re, _ in _counted()[2]:
        m = a_re.match(prev)
        if m and b == "giá trị":
            return f"{b}{previous[m.end():]}"
    return None


def anaphor_metric(metric: str, previous: str | None) -> str | None:
    """"con số này trên HNX" after "khối lượng giao dịch trên HSX" → "khối lượng giao dịch trên HNX"."""
    if previous is None:
        return None
    a = words("metric", "anaphora").after(fold(metric), 0)
    if a is None or a[0] != 0:
        return None
    rest = metric[a[1]:].strip()
    prev = fold(previous)
    if rest:
        tie = words("metric", "scope_ties").search(prev, 1)
        if tie is not None and tie.start() > 0:
            previous = previous[:tie.start()].rstrip()
    return f"{previous} {rest}".strip()


#: A list item that is only a name, maybe after its tie: "UPCoM", "trên UPCoM", "sang EU", "STB", "Hoa Kỳ".
_BARE_NAME = regex.compile(r"(?:(?P<tie>trên|tại|ở|từ|sang|của|sàn)[ \t]++)?"
                           r"(?P<name>\p{Lu}[\p{L}\p{N}&.\-]*+(?:[ \t]++\p{Lu}[\p{L}\p{N}&.\-]*+){0,3})")
#: The name closing a metric, after its tie or a lower-case word: "… trên HNX", "… cổ phiếu FLC".
_CLOSING_NAME = regex.compile(r"(?<=(?<![\p{L}])(?:trên|tại|ở|từ|sang|của|sàn|phiếu|mã)[ \t]++)"
                              r"\p{Lu}[\p{L}\p{N}&.\-]*+(?:[ \t]++\p{Lu}[\p{L}\p{N}&.\-]*+){0,3}\Z")
#: A name that is a measure itself: an index ("HNX-Index", "VN30-Index").
_INDEX_NAME = regex.compile(r"(?i)index\Z")


def extreme_sibling(metric: str, previous: str | None) -> str | None:
    """"… thấp nhất là 500 triệu đồng, cao nhất là 1,3 tỷ đồng": a bare superlative takes the measure before."""
    if previous is None:
        return None
    sup = words("metric", "superlatives")
    f = fold(metric).strip()
    if f not in sup.words:
        return None
    prev = fold(previous)
    end = sup.before(prev, len(prev))
    base = previous[:end[0]].rstrip() if end is not None and end[1] == len(prev.rstrip()) else previous
    return f"{base} {metric.strip()}" if base else None


def name_sibling(metric: str, previous: str | None) -> str | None:
    """A list item named only by its name takes the measure of the item before it.

    "Trên HNX, khối lượng giao dịch đạt …; UPCoM 25 triệu đơn vị" → "khối lượng
    giao dịch trên UPCoM"; "… nhập khẩu từ Trung Quốc 12 tỷ USD, EU 3 tỷ USD" →
    "nhập khẩu từ EU". The item before must close with a name of its own.
    """
    if previous is None:
        return None
    m = _BARE_NAME.fullmatch(metric.strip())
    if m is None or _INDEX_NAME.search(m.group("name")) or fold(m.group("name")) in _known_shorthand():
        return None  # "HNX-Index", "EPS", "GDP" name a measure of their own
    close = _CLOSING_NAME.search(previous)
    if close is None or fold(close.group()) == fold(m.group("name")):
        return None
    return previous[:close.start()] + m.group("name")


@cache
def _exchanges():
    raw = _raw()["exchanges"]
    name = rf"(?P<x>(?:sàn[ \t]++)?(?:{_alt(raw['names'])}))"
    subject = regex.compile(rf"(?:^|.*[,;][ \t]*+){name}(?:[ \t]++(?:{_alt(raw['verbs'])}))?[ \t]*+\Z")
    scoped = regex.compile(rf"(?:tổng[ \t]++)?cổ[ \t]++phiếu(?:[ \t]++giao[ \t]++dịch)?[ \t]++trên[ \t]++{name}[ \t]*+\Z")
    return subject, scoped, raw["metric"], raw["money"], frozenset(raw["volume_units"])


def exchange_metric(metric: str, stretch: str, unit: str | None, money: bool) -> str | None:
    """The volume or value traded on an exchange named as the figure's subject, else None.

    "HNX có 48,3 triệu cổ phiếu giao dịch" → "khối lượng giao dịch trên HNX";
    ``stretch`` is the folded text between the figure before and this one's
    lead, ``metric`` the name read for it, ``unit`` the figure's base unit.
    """
    subject, scoped, volume, value, volume_units = _exchanges()
    if not money and (unit or "").lower() not in volume_units:
        return None
    m = subject.match(stretch.rstrip()) or scoped.match(fold(metric))
    if m is None:
        return None
    s, e = m.span("x")
    name = (stretch if m.re is subject else metric)[s:e]
    return (value if money else volume).format(exchange=_as_written(name))


@cache
def _exchange_scope():
    raw = _raw()["exchanges"]
    # ("Trên sàn HNX, …", "Độ rộng của sàn HSX …", "Sàn HNX có …": the exchange the passage is on)
    scope = regex.compile(rf"(?<![\p{{L}}])(?:(?:trên[ \t]++|(?P<bare>(?<=của[ \t]++|^[ \t\"“]*+|[.:;][ \t]*+)))"
                          rf"(?:sàn[ \t]++)(?:{_alt(raw['names'])})|trên[ \t]++(?:{_alt(raw['names'])})"
                          rf"|(?P<whole>{_alt(raw['whole'])}))(?![\p{{L}}])")
    measure = regex.compile(rf"(?:{_alt((*raw['measures'], *raw['breadth']))})(?![\p{{L}}])")
    named = regex.compile(rf"(?<![\p{{L}}])(?:{_alt(raw['names'] + raw['whole'])})(?![\p{{L}}])")
    return scope, measure, named


def exchange_scope(text: str, folded: str, lo: int, start: int) -> str | None:
    """The last exchange scope in ``text[lo:start]`` ("trên sàn HNX"), as written but lower-cased first;
    "" for the whole market ("trên toàn thị trường"), None when none is named."""
    found = None
    for found in _exchange_scope()[0].finditer(folded, lo, start):
        pass
    if found is None:
        return None
    if found.group("whole"):
        return ""
    if found.group("bare") is not None:
        return f"trên {text[found.start():found.end()].lower()[:4]}{text[found.start() + 4:found.end()]}"
    return f"{folded[found.start()]}{text[found.start() + 1:found.end()]}"  # "Trên" → "trên"


_SCOPE_AFTER = regex.compile(r"[ \t]*+(?:trên[ \t]++)?")


def whole_market_after(folded: str, pos: int) -> bool:
    """Whether "(trên) toàn thị trường" follows a figure ("bán ròng 554 tỷ đồng trên toàn thị trường"):
    the figure is the whole market's, whatever exchange its passage is on."""
    m = _exchange_scope()[0].match(folded, _SCOPE_AFTER.match(folded, pos, None, SERIAL).end(), None, SERIAL)
    return m is not None and m.group("whole") is not None


@cache
def _breadth():
    raw = _raw()["exchanges"]
    scopes = {fold(name): scope for name, scope in raw["index_scopes"]}
    index = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<index>{_alt(scopes)})(?![\p{{L}}\p{{N}}\-])")
    breadth = regex.compile(rf"(?:{_alt(raw['breadth'])})")
    return index, scopes, breadth


def breadth_scope(metric: str, text: str, folded: str, lo: int, lead: int) -> str | None:
    """"Rổ VN30 có 13 mã tăng", "Sàn HNX có 74 mã tăng": the market's breadth is the basket's or exchange's
    its own sentence names last before it; "" when the sentence names none (an exchange named sentences
    before scopes no breadth: "Thị trường … với 507 mã giảm giá"); None for no breadth measure."""
    index, scopes, breadth = _breadth()
    if breadth.fullmatch(fold(metric)) is None:
        return None
    basket = None
    for basket in index.finditer(folded, lo, lead):
        pass
    exchange = exchange_scope(text, folded, basket.end() if basket is not None else lo, lead)
    if exchange is not None:
        return exchange
    return scopes[basket.group("index")] if basket is not None else ""


@cache
def _partners():
    from ..lang.vi.places import gazetteer

    raw = _raw()["partners"]
    names = [w for p in gazetteer() if p.kind == "foreign" for w in p.spellings] + raw["blocs"]
    name = _alt(set(names))
    cue = regex.compile(rf"(?<![\p{{L}}])(?:(?P<export>{_alt(raw['export'])})|(?P<import>{_alt(raw['import'])}))"
                        r"(?![\p{L}])")
    opener = _alt(raw["openers"])
    verbs = _alt(raw["verbs"])
    # "; tiếp đến là EU đạt", ", Hoa Kỳ là thị trường xuất khẩu lớn nhất … với kim ngạch đạt"
    item = regex.compile(rf"(?:\G|[;,:])[ \t]*+(?:(?:{opener})[ \t]++)?(?P<name>{name})(?![\p{{L}}])"
                         rf"(?:[ \t]++là[ \t]++thị[ \t]++trường[^;,.]{{0,100}}?)?"
                         rf"(?:[ \t]++(?:{verbs}))?+[ \t]*+\Z")
    return cue, item, raw["export_metric"], raw["import_metric"]


_SENTENCE_END = regex.compile(r"[.!?][ \t]++\p{Lu}|[.!?][ \t]*+\n")


def partner_metric(text: str, folded: str, lo: int, start: int, lead: int) -> tuple[str, int] | None:
    """A trading partner listed in a sentence on export or import markets names its flow: "Về thị trường
    hàng hóa xuất khẩu, …; tiếp đến là EU đạt 2,9 tỷ USD" → ("xuất khẩu sang EU", where "EU" starts).

    ``text[start:lead]`` is what stands between the figure before (or the sentence start) and this one.
    """
    cue, item, export, import_ = _partners()
    m = item.search(folded, start, lead)
    if m is None:
        return None
    last = None  # (the sentence's cue; a list split at "; " is still one sentence)
    for last in cue.finditer(folded, max(folded.rfind("\n", 0, lo) + 1, lo - 600), m.start("name")):
        pass
    if last is None or _SENTENCE_END.search(text, last.end(), m.start("name")):
        return None
    partner = " ".join(text[m.start("name"):m.end("name")].split())
    return (export if last.group("export") else import_).format(partner=partner), m.start("name")


def exchange_scoped(metric: str, scope: str | None) -> str | None:
    """A market measure with the exchange its passage is on: "Trên sàn HNX, khối ngoại mua vào …".

    The metric must be a market measure that names no exchange, no market as a
    whole and no ticker of its own.
    """
    if scope is None:
        return None
    _, measure, named = _exchange_scope()
    f = fold(metric)
    if not measure.match(f) or named.search(f) or next(tickers(metric), None) is not None:
        return None
    return f"{metric} {scope}"


def _as_written(name: str) -> str:
    """An exchange name with its capitals back ("upcom" → "UPCoM")."""
    for w in _raw()["exchanges"]["names"]:
        name = regex.sub(rf"(?<![\p{{L}}]){regex.escape(fold(w))}(?![\p{{L}}])", w, name)
    return name


@cache
def _known_shorthand() -> frozenset[str]:
    """Acronyms and shorthand that name a measure (GDP, CPI, EPS, ROE …), folded."""
    lex = lexicon()
    return frozenset(fold(w) for w in (*lex.abbreviations, *lex.acronyms, *_raw()["owned"]["heads"]))


@cache
def _owned():
    raw = _raw()["owned"]
    head = regex.compile(rf"(?:{_alt(raw['heads'])})(?![\p{{L}}\p{{N}}])")
    lead = "|".join(regex.escape(w).replace(r"\ ", r"[ \t]++") for w in raw["company_words"])
    # a name: up to six words after the company word, ending at its last capitalised one; a verb or a
    # preposition ends it ("Công ty Coteccons diễn ra tại TP.HCM" is "Công ty Coteccons")
    stop = "|".join(regex.escape(w) for w in raw["name_stops"])
    company = regex.compile(rf"(?<![\p{{L}}])(?:{lead})(?:[ \t]++(?!(?:{stop})(?![\p{{L}}]))[\p{{L}}\d&.\-]++){{0,5}}"
                            r"[ \t]++\p{Lu}[\p{L}\d&.\-]*+(?:[ \t]++\p{Lu}[\p{L}\d&.\-]*+)*+")
    never = regex.compile("|".join(regex.escape(fold(w)) for w in raw["not_heads"]))
    first = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_alt((*raw['heads'], *raw['named_first_heads']))})(?![\p{{L}}\p{{N}}])")
    return head, company, never, first


@cache
def _head_lasts() -> tuple[str, ...]:
    """The last words of the heads ``owner_named_first`` looks for (folded, as its pattern has them)."""
    raw = _raw()["owned"]
    return tuple({fold(w).split()[-1] for w in (*raw["heads"], *raw["named_first_heads"])})


def owner_metric(metric: str, text: str, lo: int, lead: int, heading: tuple[int, int],
                 paragraph: int | None = None) -> str | None:
    """"lãi ròng 257 tỷ đồng" in a text on PAN → "lãi ròng của PAN": a company's measure takes its owner.

    The owner is the last company the sentence names before the figure, else the
    last one the paragraph named before the sentence (``paragraph``: where it starts),
    else the first one the heading names, by the short name the text calls it
    (``companies``). A metric with an owner already (a "của", a capitalised name) is
    left alone.
    """
    folded = fold(metric)
    m = _owned()[0].match(folded, 0, None, SERIAL)
    if m is None or _owned()[2].match(folded) or " của " in f" {folded} " \
            or any(c.isupper() for c in metric[max(1, m.end()):]):
        return None  # (the capitals of the head itself name no owner: "EPS", "ROE")
    owner = companies(text).owner(lo, lead, heading, paragraph)
    return f"{metric} của {owner}" if owner else None


def owner_named_first(metric: str, text: str | None = None) -> str | None:
    """"Công ty CP Thép Hòa Bình lãi", "HAGL đã lỗ" → "lãi của Công ty CP Thép Hòa Bình", "lỗ của HAGL".

    Only a company name or a ticker before a company measure (``[owned] heads``, ``named_first_heads``)
    that ends the metric, with at most an adverb or a linking "với"/"có" between (``[owned] adverbs``):
    "Công ty CP phát triển nhà tỉnh BR-VT với tổng vốn đầu tư" → "tổng vốn đầu tư của Công ty …".
    """
    folded = fold(metric)
    if not folded.endswith(_head_lasts()):
        return None  # (no head ends the metric: the search below would find none that does)
    head = _owned()[3].search(folded, 0, None, SERIAL)
    while head is not None and head.end() != len(folded):
        head = _owned()[3].search(folded, head.end())
    if head is None or head.start() == 0 or _owned()[2].match(folded, head.start()):
        return None
    name = metric[:head.start()].rstrip()
    words_ = name.split()
    while words_ and fold(words_[-1]) in _owned_adverbs():
        words_.pop()
    name = " ".join(words_)
    name = name[:1].upper() + name[1:]  # (a metric opening its sentence was lower-cased: "công ty CP …")
    if fold(name) in anaphor_names():
        # "ngân hàng lãi trước thuế 1.368 tỷ đồng": the bank the passage is about (records.py resolves
        # "của ngân hàng" with companies().shorten)
        return f"{metric[head.start():]} của {fold(name)}"
    company = _owned()[1].fullmatch(name)
    ticker = _TICKER.fullmatch(name)
    if company is None and (ticker is None or ticker.group(1) in _data()[0]):
        return None
    return f"{metric[head.start():]} của {companies(text).short(name) if text is not None else name}"


@cache
def anaphor_names() -> frozenset[str]:
    """"ngân hàng", "công ty này" …: a company the text named before (``[companies] anaphors``)."""
    return frozenset(fold(w) for w in _raw()["companies"]["anaphors"])


@cache
def _owned_adverbs() -> frozenset[str]:
    return frozenset(fold(w) for w in _raw()["owned"]["adverbs"])


def has_head(folded: str) -> bool:
    """Whether a folded phrase holds a measure's head noun ("giá trị", "vốn" …)."""
    return words("metric", "heads").search(folded) is not None


#: POS tags of the words a subject is made of: nouns, proper nouns, classifiers, acronyms, numbers.
_SUBJECT_TAGS = frozenset({"N", "Np", "Nc", "Ny", "Nu", "Nb", "M"})
#: POS tags of a verb phrase between the subject and the measure: verbs, adverbs, prepositions.
_VERB_TAGS = frozenset({"V", "R", "E", "C", "A"})


@cache
def _plan_verb() -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}])(?:{_alt(_raw()['plan_verbs']['words'])})(?![\p{{L}}])")


def subject_first(metric: str) -> str | None:
    """"Công ty X với tổng vốn đầu tư" → "tổng vốn đầu tư của Công ty X"; None when the metric is not so built.

    The metric must hold a head noun after a verb phrase; the words before the
    verb phrase are the subject when they are a noun phrase. With no subject
    ("tăng vốn điều lệ") the metric starts at the head.
    """
    folded = fold(metric)
    head = words("metric", "heads").search(folded)
    if head is None or head.start() == 0:
        return None
    planned = _plan_verb().search(folded, 0, head.start())
    if planned is not None and planned.end() == len(folded[:head.start()].rstrip()) and planned.start() > 0:
        subject = metric[:planned.start()].strip(" ,")
        if subject[:1].isupper() and len(subject.split()) <= 6:  # a name: "HPG", "Công ty Minh Phát"
            return f"{metric[head.start():].strip()} của {subject}"
    # cheap refusals before the tagger: a head inside a word ("trị giá"), a prefix too long to be a subject and verb
    compound = words("metric", "head_compounds").before(folded, head.end())
    if (compound is not None and compound[0] < head.start()) or folded.count(" ", 0, head.start()) > _MAX_PREFIX:
        return None
    # Only the words up to the head are tagged: what follows it is the measure's own modifiers.
    tags = pos_tags(metric[:head.end()])
    starts, pos = [], 0
    for w, _ in tags:  # where each tagged word starts in ``metric``
        pos = metric.find(w, pos)
        if pos < 0:
            return None
        starts.append(pos)
        pos += len(w)
    # a head is whole words: not inside a longer word ("đánh giá", "tài khoản", "thu hút")
    if head.start() not in starts or pos != head.end():
        return None
    k = starts.index(head.start())
    # the subject: nouns from the start, "của" inside it ("trang trại của anh Hưng")
    # a speaker's pronoun ("chúng tôi có tăng trưởng tín dụng …") is a subject that names no owner
    speaker = k > 1 and tags[0][1] == "P" and fold(tags[0][0]) in _folded("speakers")
    n = 1 if speaker else 0
    while n < k and (tags[n][1] in _SUBJECT_TAGS or (fold(tags[n][0]) == "của" and 0 < n < k - 1
                                                     and tags[n + 1][1] in _SUBJECT_TAGS)):
        n += 1
    verb = tags[n:k]
    if not verb and not speaker and " của " not in folded[head.start():] and _is_name(metric[:head.start()].strip(" ,")):
        # "VinCommerce lãi 16 tỷ đồng", "Hòa Phát doanh thu đạt …": a name right before the head owns it
        return f"{metric[head.start():].strip()} của {metric[:head.start()].strip(' ,')}"
    if not verb or any(t not in _VERB_TAGS and t != "CH" for _, t in verb) or all(t == "CH" for _, t in verb):
        if k >= 3 and tags[k - 1][1] == "V" and fold(tags[k - 1][0]) not in _folded("clause_verbs_not") \
                and fold(tags[k - 1][0]) not in _folded("nominal_verbs") and " " in head.group() \
                and folded.count(" ", 0, head.start()) >= 4 and fold(tags[k - 2][0]) != "của":
            # (after "của" a verb is a noun's: "… của dự phòng ngân sách")
            # "… làm thủ tục báo cáo các đơn vị liên quan điều chỉnh tổng mức đầu tư …": a clause (four words or
            # more) whose verb takes a measure of two syllables or more as its object; no subject owns it (decision 219)
            return metric[head.start():].strip()
        return None  # no verb phrase between: the words before modify the head
    if [fold(w) for w, t in verb if t != "CH"] == ["có"] and not speaker \
            and not any(t in ("Np", "Ny") for _, t in tags[:n]):
        return None  # "khu vực có vốn đầu tư nước ngoài": a relative "having"; "DOJI có vốn điều lệ …" owns it
    measure = metric[head.start():].strip()
    if fold(tags[k - 1][0]) in _folded("nominal_verbs"):
        measure = metric[starts[k - 1]:].strip()  # "Ngân hàng huy động vốn …": "huy động vốn" is the measure
    if n == 0 or speaker:
        return measure
    subject = metric[:starts[n]].strip(" ,")
    if fold(subject) in _folded("not_owners"):
        return measure  # "Nguyên nhân tăng tổng mức đầu tư …": what the sentence is about, no owner
    return f"{measure} của {subject}"


def _is_name(words: str) -> bool:
    """Whether words are a name by their capitals: every syllable capitalised, and one syllable alone only with
    a capital inside ("Hòa Phát", "VinCommerce", "HPG"; not a sentence's first word "Doanh")."""
    parts = words.split()
    if not parts or len(parts) > 4 or not all(p[:1].isupper() and "." not in p for p in parts):
        return False  # ("H.Dịu": a photo credit)
    if len(parts) == 1 and (len(parts[0]) < 3 or not any(c.isupper() for c in parts[0][1:])):
        return False  # ("TT" heads a table)
    return not find_places(words, fold(words), regions=True, inside=True)  # "Hà Nội Khối lượng giao dịch


@cache
def _folded(table: str) -> frozenset[str]:
    """A ``subjects.toml`` table's ``words``, folded, as a set ("nominal_verbs", "speakers", "not_owners")."""
    return frozenset(fold(w) for w in _raw()[table]["words"])


#: POS tags of the action that ends a count's clause: verbs, and an adjective after a verb ("đóng mới").
_ACTION_TAGS = frozenset({"V", "A"})


def acted_named(metric: str, noun: str) -> str | None:
    """"tỉnh đã giải thể" before "10 doanh nghiệp" → "doanh nghiệp giải thể": a count whose clause names only
    an action is named by what it counts and the action (decision 290); None when the metric is not so built.

    The action is the run of verbs that ends the metric (an adjective after a verb goes with it: "đóng mới"),
    the whole metric or after an adverb ("đã", "sẽ"); the subject and the adverb go ("tỉnh đã"). A verb right
    after a noun may be the noun's own ("bằng khen", "chỉ tiêu tuyển sinh"), and a sale is read by
    ``sales_named``. Not a metric with a head noun ("số doanh nghiệp …" names
    the count itself), nor an action of ``[metric] acted_not`` (linking and moving verbs: "có", "khiến", "nâng").
    """
    folded = fold(metric)
    if not noun or has_head(folded) or has_head(fold(noun)) or len(folded.split()) > 8:
        return None
    tags = pos_tags(metric)
    k = len(tags)
    while k > 0 and tags[k - 1][1] in _ACTION_TAGS:
        k -= 1
    chain = tags[k:]
    if not chain or chain[0][1] != "V" or (k > 0 and tags[k - 1][1] != "R"):
        return None  # (a verb right after a noun may be the noun's own: "bằng khen", "chỉ tiêu tuyển sinh")
    if len(chain) > 3 or (k > 0 and fold(tags[k - 1][0]) in words("metric", "acted_not_after").words):
        return None  # ("nó có thể bắn 40 viên đạn": what a thing can do is its specification)
    head = fold(noun).split(" ", 1)[0]
    if len(noun.split()) > 4 or head in words("metric", "acted_nouns_not").words:
        return None  # "con", "chiếc", "năm": a classifier or a span names nothing acted on
    action = " ".join(w for w, _ in chain)
    folded_action = fold(action)
    not_acted = words("metric", "acted_not").words
    if folded_action in not_acted or any(fold(w) in not_acted for w, _ in chain) \
            or folded_action in words("metric", "object_verbs").words \
            or words("metric", "sale_verbs").ending(folded) is not None:
        return None
    if fold(noun).endswith(folded_action):
        return None
    return f"{noun} {action}"
