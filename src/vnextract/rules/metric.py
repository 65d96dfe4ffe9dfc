"""Naming what a figure measures.

The metric is the noun phrase before the figure's verb, from the start of its
clause: "…, năm 2018, [giá trị sản xuất CN] trên địa bàn tỉnh ước đạt trên
90.260 tỷ đồng" → "giá trị sản xuất công nghiệp". Verbs, bounds, scope and
period phrases are dropped and report shorthand is expanded (RECORDS.md).
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

import regex

from ..lang.vi import lexicon
from ..periods import find_mentions
from ..places import find_places
from ..text.normalize import fold
from ..text.serial import SERIAL
from .subjects import has_head, subject_first
from .words import alternation, inside_kept_word, kept_whole, trie_alternation, word_set, words

_WORD = regex.compile(r"[^\s,;:]+")
_PUNCT_EDGE = regex.compile(r"^[\p{P}\p{S}]+|[\p{P}\p{S}]+$")
_CLAUSE_BREAK = regex.compile(r"[;:\n\"“”]|\((?![^()]{0,200}\))")


@cache
def _res():
    lead = trie_alternation(words("metric", "lead").words)  # (tries: the same matches, sooner)
    tail_words = (
        words("metric", "verbs").words
        + words("metric", "dangling").words
        + words("bound", "over").words
        + words("bound", "under").words
        + words("bound", "about").words
        + words("kind", "estimate").words
    )
    tail = trie_alternation(tail_words)
    actors = alternation(("tỉnh", "thành phố", "huyện", "ngành", "sở", "địa phương", "toàn ngành", "đơn vị", "chúng ta", "chúng tôi"))
    abbrev = lexicon().abbreviations
    return {
        "lead": regex.compile(rf"^(?:{lead})(?![\p{{L}}\p{{N}}])"),
        "tail": regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{tail})$"),
        "tail_words": frozenset(w for w in tail_words if " " not in w),
        "tail_len": max(len(" ".join(w.split())) for w in tail_words),
        "tail_lasts": tuple({w.split(" ")[-1] for w in tail_words}),
        "actor_only": regex.compile(rf"^(?:(?:{actors})\s*)+$"),
        "abbrev": regex.compile(
            r"(?<![\p{L}\p{N}])(" + "|".join(regex.escape(a) for a in sorted(abbrev, key=len, reverse=True)) + r")(?![\p{L}\p{N}])"
        ),
        "abbrev_map": abbrev,
    }


def actor_only(phrase: str) -> bool:
    """Whether a phrase is only actors of the report's own ("tỉnh", "thành phố", "ngành"): a scope, no owner."""
    return _res()["actor_only"].match(phrase.lower(), 0, None, SERIAL) is not None


#: How to find the segmented word at a position of the document being assembled.
_WORD_AT: ContextVar = ContextVar("vnextract_word_at", default=lambda pos: None)


@contextmanager
def segmented_words(word_at):
    """Let metric trimming respect word boundaries: "chứng chỉ" is one word, not "chứng" + "chỉ".

    ``word_at(pos)`` gives the (start, end) of the multi-syllable word at
    ``pos``, or None (``Prepared.word_at``, which segments lazily).
    """
    token = _WORD_AT.set(word_at)
    try:
        yield
    finally:
        _WORD_AT.reset(token)


def _inside_word(text: str, pos: int, prev: int | None) -> bool:
    """Whether a segmented word joins the kept word starting at ``prev`` to the one at ``pos``.

    Words with capitals are not trusted: the segmenter glues acronyms to the
    next syllable ("XK ước").
    """
    if prev is None or any(c.isupper() for c in text[prev:pos]):
        return False  # (a word from ``prev`` over ``pos`` would hold the capital: no need to segment)
    word = _WORD_AT.get()(pos)
    return word is not None and word[0] == prev and text[word[0]:word[1]].islower()


def clause_start(folded: str, s: int, e: int) -> int:
    """Where the clause holding ``folded[s:e]``'s end starts: after the last ``;``, ``:``, bullet or open bracket."""
    last = before = s
    for m in _CLAUSE_BREAK.finditer(folded, s, e):
        before, last = last, m.end()
    if last > s and folded[last - 1] == "(" and not folded[last:e].strip(" \t+-−"):
        return before  # "VNM (-0,4%)": the figure's own bracket; what is before it names it
    return last


@cache
def _connector_hint() -> regex.Pattern:
    """A cheap test before looking for clause connectors: one of their last words."""
    lasts = sorted({w.split()[-1] for w in words("metric", "connectors").words}, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(map(regex.escape, lasts)) + r")(?![\p{L}])")


_NEXT_WORD = regex.compile(r"\s{0,3}+([^\s,;:]++)")


def _kept_on(folded: str, pos: int) -> bool:
    """Whether the word ending at ``pos`` and the next make a word kept whole ("lợi nhuận để lại")."""
    before = folded[max(0, pos - 12):pos].split()
    after = _NEXT_WORD.match(folded, pos)
    return bool(before) and after is not None and kept_whole(before[-1], after.group(1))


def _bare_head(text: str, folded: str, s: int, e: int) -> bool:
    """Whether only a bare head ("kim ngạch", "lượng") names a figure in ``folded[s:e]``."""
    heads = words("metric", "bare_heads")
    if heads.search(folded, s, e) is None:
        return False  # (the cleaned words hold a head only if the stretch does: no cleaning asked)
    return " ".join(folded[a:b] for a, b in _clean(text, folded, s, e)) in heads.words


def name_metric(text: str, folded: str, s: int, e: int, enumeration: bool,
                bare: bool = False) -> tuple[str, int] | None:
    """The metric named in ``text[s:e]`` and where it starts, or None when the stretch names none.

    ``bare``: the figure follows with no verb or cue of its own, so a comma
    right before it means nothing before it names it ("…, 50% DN …").
    """
    begin, s = s, clause_start(folded, s, e)
    if not folded[s:e].strip() and s > begin and folded[s - 1] == ":":
        # "+ Lúa: 28.450 ha": the label before the colon names the figure after it
        e = s - 1
        s = clause_start(folded, begin, e)
    masked = [m.span() for m in words("kind", "not_target").finditer(folded, s, e)]
    cuts = [m.end() for m in words("metric", "cut_after").finditer(folded, s, e)
            if not any(a <= m.start() < b for a, b in masked)]
    if _connector_hint().search(folded, s, e, SERIAL):
        cuts = sorted(cuts + [m.end() for m in words("metric", "connectors").finditer(folded, s, e)
                              if not _bare_head(text, folded, m.end(), e) and not _kept_on(folded, m.end())])
    cleaned: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def clean(a: int, b: int) -> list[tuple[int, int]]:
        # (each stretch cleaned once: the stretch after the cut is often the last chunk too)
        if (a, b) not in cleaned:
            cleaned[a, b] = _clean(text, folded, a, b)
        return cleaned[a, b]

    reports = [m.end() for m in words("metric", "report").scan(folded, s, e)]  # (scan: the same, sooner here)
    if reports and (not cuts or reports[-1] >= cuts[-1]) and not clean(reports[-1], e):
        return None  # "kết quả khảo sát cho thấy chưa đến 35% DN …": the figure is named after it
    for cut in reversed(cuts):
        # A cue word ends the preamble only if a metric follows it.
        if clean(cut, e):
            s = cut
            break
    comma = folded.rfind(",", s, e)
    if bare and comma >= 0 and not folded[comma + 1:e].strip():
        return None  # "…, 50% DN …": nothing names the figure before it
    chunks = _chunks(folded, s, e)
    if not chunks:
        return None
    picked: list[list[tuple[int, int]]] = []
    whole = []  # for each picked chunk: did cleaning keep all of its words?
    partners = _partner_list(text, chunks)
    for cs, ce in reversed(chunks):
        ws = clean(cs, ce)
        if not ws:
            if picked:
                break
            continue
        kept_all = len(ws) == len(_WORD.findall(folded, cs, ce))
        if picked and not (
            (enumeration and _plain(folded, ws) and _PREPOSITION_HEAD.match(folded, ws[0][0]) is None)
            or _abbreviation_list(text, picked[0], ws)
            or partners is not None and cs >= partners
            or (kept_all and whole[0] and _noun_list(folded, picked[0], ws))
        ):
            break
        picked.insert(0, ws)
        whole.insert(0, kept_all or not picked[1:])
    if not picked:
        return None
    parts = [" ".join(text[a:b] for a, b in ws) for ws in picked]
    metric = ", ".join(parts)
    if len(parts) == 1:
        metric = subject_first(metric) or metric  # "Công ty X với tổng vốn …" → "tổng vốn … của Công ty X"
    if _res()["actor_only"].match(metric.lower(), 0, None, SERIAL):
        return None
    return _expand(_sentence_case(metric)), picked[0][0][0]


#: A passive's agent left at the end once its verb ("dự báo", "đánh giá") went: "… được ADB", "… được IMF".
_PASSIVE_AGENT = regex.compile(r"[ \t]++(?:được)[ \t]++\p{Lu}[\p{L}\p{N}&.\-]*+(?:[ \t]++\p{Lu}[\p{L}\p{N}&.\-]*+){0,3}+\Z")


def before_predicate(metric: str) -> str:
    """The measure before a predicate word that no head noun follows: "giá cá hồi vẫn ổn định" → "giá cá hồi".

    A predicate word at the start is dropped ("sẽ tăng trưởng" → "tăng trưởng").
    """
    agent = _PASSIVE_AGENT.search(metric)
    if agent is not None and agent.start() > 0:  # "GDP nước này được ADB (dự báo)": who says it (decision 221)
        metric = metric[:agent.start()]
    folded = fold(metric)
    m = words("metric", "predicate").search(folded)
    if m is None:
        return _before_change_verb(metric, folded)
    if m.start() == 0:
        return metric[m.end():].strip(" ,") or metric
    heads = words("metric", "heads")
    if heads.search(folded, 0, m.start()) is None or heads.search(folded, m.end()) is not None:
        # "NT2 vẫn phát lên lưới …": a subject alone, the predicate says what is measured;
        # "… vẫn duy trì giá thuê": the measure after it is named by the subject rule or not at all
        return metric
    return metric[:m.start()].rstrip(" ,")


_HOLDER_TIE = regex.compile(r"(?:^|.*?(?<![\p{L}]))(?:do|mà|của)[ \t]++(?=\S)")


def holding_named(metric: str) -> str | None:
    """"SHB sở hữu" (before a percent) → "tỷ lệ sở hữu của SHB"; None when the metric ends in no holder's verb."""
    folded = fold(metric)
    verb = words("metric", "holding_verbs").ending(folded)
    if verb is None or words("metric", "holding_not_after").before(folded, verb[0]):
        return None
    holder = metric[:words("metric", "holding_adverbs").run_start(folded, verb[0])].strip(" ,")
    tie = _HOLDER_TIE.match(fold(holder))
    if tie is not None:  # "một công ty con do SMBC sở hữu": SMBC holds it
        holder = holder[tie.end():]
    head = words("metric", "holding").words[0]
    return f"{head} của {holder}" if holder else head


_HAS_MEASURE = regex.compile(r"^(?P<thing>\S+(?:[ \t]++\S+){0,2}?)[ \t]++(?:với|có)[ \t]++(?P<measure>\S.*)$")


def measure_of_thing(metric: str) -> str:
    """"dự án có tổng vốn đầu tư" → "tổng vốn đầu tư của dự án": a project or a work with its measure.

    Only the things of ``[metric] measured_things`` ("dự án", "công trình", "lô hàng" …, "này" after
    them allowed), and a measure after "với"/"có" that starts with a head noun; "khu vực/doanh
    nghiệp có vốn đầu tư nước ngoài" (the FDI sector) is no such thing.
    """
    m = _HAS_MEASURE.match(metric, 0, None, SERIAL)
    if m is None:
        return metric
    thing, measure = m.group("thing").strip(" ,"), m.group("measure").strip(" ,")
    if " ".join(fold(thing).split()).removesuffix(" này") not in words("metric", "measured_things").words:
        return metric
    if words("metric", "heads").after(fold(measure), 0) is None:
        return metric
    return f"{measure} của {thing}"


@cache
def _list_intro() -> regex.Pattern:
    q = alternation(words("metric", "list_quantifiers").words)
    sub = alternation(words("metric", "list_subsets").words)
    g = alternation(words("metric", "list_groups").words)
    tie = r"(?:[ \t]++(?:của|ở|tại|trong))?+[ \t]++"
    return regex.compile(rf"{tie}(?:(?:{q})[ \t]++(?:{g})(?:[ \t]++[^ \t]++){{0,8}}?[ \t]++như|(?:{sub})[ \t]++(?:{g}))$")


def before_list(metric: str, listed: bool) -> str:
    """"chỉ số sản xuất công nghiệp của một số địa phương … như" → "chỉ số sản xuất công nghiệp": a list's
    introduction is no part of the measure its items state (RECORDS.md).

    ``listed``: a "như" before the figure introduces its items ("… giảm mạnh như Khánh Hòa giảm 78,7%"); only
    then does "của một số địa phương" without its own "như" introduce them.
    """
    folded = fold(metric)
    if not folded.endswith(("như", *words("metric", "list_groups").words)):
        return metric  # (cheap refusal: the pattern can end only so)
    m = _list_intro().search(folded)
    if m is not None and not listed and not folded.endswith("như"):
        return metric  # "tỷ lệ của một số nước là 70%": no list follows
    if m is None or m.start() == 0 or words("metric", "heads").search(folded, 0, m.start()) is None:
        return metric
    kept = metric[:m.start()].rstrip(" ,")
    tail = _res()["tail"].search(fold(kept))  # "… so với cùng kỳ của một số địa phương như": the comparison too
    return kept[:tail.start()].rstrip(" ,") if tail is not None and tail.start() > 0 else kept


def before_time(metric: str) -> str:
    """"số dư tín dụng tại thời điểm" → "số dư tín dụng", "doanh thu so với cùng kỳ" → "doanh thu": when or
    against what is no part of the measure (``[metric] time_tails``); a run of them goes ("… hiện nay")."""
    tails = words("metric", "time_tails")
    folded = fold(metric)
    end = start = len(folded.rstrip())
    while (span := tails.before(folded, start)) is not None and not inside_kept_word(folded, span[0]):
        start = span[0]  # (not "phát hiện", "xuất hiện": words kept whole)
    return (metric[:start].rstrip(" ,") or metric) if start < end else metric


def before_amount(metric: str) -> str:
    """"chi không đúng nhiệm vụ chi của dự phòng ngân sách với số tiền" → without "với số tiền": the word for an
    amount after what it measures (``[metric] amount_tails``, an audit report's habit). Kept when fewer than two
    words would be left ("tổng số tiền") or a verb would end the metric (``amount_verbs``: "… thu về số tiền")."""
    folded = fold(metric)
    span = words("metric", "amount_tails").before(folded, len(folded.rstrip()))
    if span is None or inside_kept_word(folded, span[0]):
        return metric
    rest = metric[:span[0]].rstrip(" ,")
    if len(rest.split()) < 2 or words("metric", "amount_verbs").ending(fold(rest)) is not None:
        return metric  # "… thu về số tiền": the amount a verb moves is no better named by the verb alone
    return rest


def before_adjective(metric: str) -> str:
    """"khối lượng giao dịch thấp" → "khối lượng giao dịch": a level adjective after a measure is no part of it.

    Only where a head noun is before it, and not where the adjective makes a word ("thép chất lượng cao").
    """
    folded = fold(metric)
    adjective = words("metric", "level_adjectives").ending(folded)
    if adjective is None or words("metric", "adjective_compounds").ending(folded) is not None:
        return metric
    start = words("metric", "adjective_leads").run_start(folded, adjective[0])
    if words("metric", "heads").search(folded, 0, start) is None:
        return metric
    return metric[:start].rstrip(" ,") or metric


#: "lợi nhuận cả năm mà SMFG đạt được" → the measure, its holder after "mà", and a short verb after that.
_RELATIVE = regex.compile(r"^(?P<measure>\S.{0,80}?)[ \t]++mà[ \t]++(?P<holder>\p{Lu}[\p{L}\p{N}&.\-]*+"
                          r"(?:[ \t]++\p{Lu}[\p{L}\p{N}&.\-]*+){0,4})(?P<rest>(?:[ \t]++\p{Ll}++){0,3})$")


def relative_holder(metric: str) -> str:
    """"lợi nhuận mà SMFG (đạt được)" → "lợi nhuận của SMFG": the name a relative "mà" clause gives is the holder."""
    m = _RELATIVE.match(metric, 0, None, SERIAL)
    if m is None or words("metric", "heads").search(fold(m["measure"])) is None:
        return metric
    return f"{m['measure']} của {m['holder']}"


def before_level(metric: str) -> str:
    """"VN-Index thử thách trên ngưỡng" → "VN-Index": a level's noun and the move to it are no measure.

    "" when nothing else is left ("cán mốc"): the figure takes the measure before it.
    """
    folded = fold(metric)
    level = words("metric", "level_nouns").ending(folded)
    if level is None:
        return metric
    return metric[:words("metric", "level_moves").run_start(folded, level[0])].rstrip(" ,")


@cache
def _change_predicate() -> regex.Pattern:
    verbs = alternation(words("metric", "change_predicate").words)
    kept = alternation(words("metric", "change_kept").words)
    return regex.compile(rf"(?<![\p{{L}}])(?:{verbs})[ \t]++(?!(?:{kept})(?![\p{{L}}]))\S")


def _before_change_verb(metric: str, folded: str) -> str:
    """"giá vốn hàng bán tăng với tốc độ nhanh" → "giá vốn hàng bán": a change verb with words after it ends
    the measure before it, when a head noun is before it and none after it."""
    m = _change_predicate().search(folded, 0, None, SERIAL)
    if m is None or m.start() == 0 or words("metric", "change_noun_before").before(folded, m.start()) is not None:
        return metric
    heads = words("metric", "heads")
    if heads.search(folded, 0, m.start()) is None or heads.search(folded, m.start()) is not None:
        return metric
    kept = metric[:m.start()].rstrip(" ,").split(" ")
    while len(kept) > 1 and (fold(kept[-1]) in _res()["tail_words"] or fold(kept[-1]) == "bị"):
        kept.pop()  # "… của PECC 2 đã tăng rất nhanh": "đã" went with the verb, "bị" with "bị sụt"
    return " ".join(kept)


def price_named(metric: str) -> str:
    """"căn hộ này có giá" → "giá căn hộ này"; "hợp đồng trị giá" → "giá trị hợp đồng"; a price ends before
    its verb of quoting ("giá vàng giao ngay giao dịch" → "giá vàng giao ngay"; cues.toml)."""
    folded = fold(metric)
    if folded.startswith("giá ") and not folded.startswith("giá trị"):
        verb = words("metric", "quote_verbs").ending(folded)
        if verb is not None and verb[0] > 4 and not inside_kept_word(folded, verb[0]):
            return metric[:verb[0]].rstrip(" ,")  # "giá vàng giao ngay giao dịch" → "giá vàng giao ngay"
    for group, head in (("price_of", "giá"), ("value_of", "giá trị")):
        cue = words("metric", group).ending(folded)
        if cue is not None and cue[0] > 0:
            thing = metric[:cue[0]].strip(" ,")
            verb = words("metric", "quote_verbs").before(folded, cue[0]) if head == "giá" else None
            if verb is not None and verb[0] > 0 and not inside_kept_word(folded, verb[0]):
                thing = metric[:verb[0]].strip(" ,")  # "hành ở Vĩnh Châu phải bán với giá" → "giá hành ở Vĩnh Châu"
            if thing and not has_head(fold(thing)):
                return f"{head} {thing}"
    if folded.endswith(" giá") and len(folded) > 4:
        # "200 con heo quay giá gần 2 triệu đồng/con" → "giá heo quay": a bare "giá" after the thing priced,
        # not a word made with it ("mức giá", "đơn giá", "tỷ giá")
        thing = metric[:-4].rstrip(" ,")
        last = fold(thing).rsplit(" ", 1)[-1]
        made = f"{last} giá"
        if thing and not has_head(fold(thing)) and made not in words("metric", "heads").words \
                and made not in words("metric", "head_compounds").words and last not in word_set("metric", "before_bare_price"):
            return f"giá {thing}"
    return metric


def good_priced(metric: str, unit: str | None) -> str:
    """"dầu diesel" quoted in "đồng/lít" → "giá dầu diesel": a good named alone before a price per unit of it
    names its price (``[metric] priced_goods``, ``price_units``); a metric with a head noun is left alone."""
    if not unit or "/" not in unit:
        return metric
    money, per = unit.rsplit("/", 1)
    folded = fold(metric)
    if fold(per.strip()) not in word_set("metric", "price_units") or not _MONEY_UNIT.search(money) \
            or words("metric", "priced_goods").after(folded, 0) is None or has_head(folded):
        return metric
    return f"giá {metric}"


def sales_named(metric: str, unit: str | None) -> str:
    """"Toyota Fortuner chỉ bán" counting "chiếc" → "doanh số Toyota Fortuner": a name before the verb of its
    sales names them (``[metric] sale_verbs``, ``sold_units``); a metric with a head noun is left alone."""
    if not unit or fold(unit) not in word_set("metric", "sold_units"):
        return metric
    folded = fold(metric)
    verb = words("metric", "sale_verbs").ending(folded)
    if verb is None or verb[0] == 0:
        return metric
    name = metric[:verb[0]].rstrip(" ,")
    if not name or len(name.split()) > 5 or has_head(fold(name)) \
            or fold(name.rsplit(" ", 1)[-1]) in word_set("metric", "not_sellers"):
        return metric
    return f"doanh số {name}"


#: The money part of a price unit: "đồng", "triệu đồng", "USD", "nhân dân tệ" …
_MONEY_UNIT = regex.compile(r"(?i)(?:đồng|usd|đ\b|vnd|vnđ|euro?|yên|tệ|\$)")


def clean_phrase(text: str, folded: str, s: int, e: int) -> str:
    """``text[s:e]`` without scope and period phrases or trailing cue words, spaces collapsed."""
    ws = _clean(text, folded, s, e)
    return " ".join(text[a:b] for a, b in ws)


def _chunks(folded: str, s: int, e: int) -> list[tuple[int, int]]:
    out, pos = [], s
    for i in range(s, e):
        if folded[i] == ",":
            out.append((pos, i))
            pos = i + 1
    out.append((pos, e))
    return [(a, b) for a, b in out if folded[a:b].strip()]


#: A word that ties a place to the metric before it: "xuất khẩu của (tỉnh) Long An", "thu ngân sách trên địa bàn TP.HCM".
_PLACE_TIE = regex.compile(r"(?:(?:tại|ở|trên)[ \t]++thị[ \t]++trường|của|tại|ở|trên[ \t]++địa[ \t]++bàn)[ \t]++\Z")


def _places(text: str, folded: str, s: int, e: int) -> list[tuple[int, int]]:
    """The place names in a metric span (with the word that ties them on): the record's ``place`` says them.

    A trading partner ("xuất khẩu sang Hoa Kỳ") or a name inside a company's is
    no place (``find_places``), so it stays in the metric.
    """
    out = []
    for p in find_places(text, folded, s, e):
        if folded[p.start - 1:p.start] == "(" and folded[p.end:p.end + 1] == ")":
            continue  # "thị trường Đài Loan (Trung Quốc)": a bracketed gloss belongs to the name before it
        tie = _PLACE_TIE.search(folded, max(s, p.start - 16), p.start)
        out.append((tie.start() if tie else p.start, p.end))
    return out


#: A bare year in a metric says when, not what ("doanh thu 2020 của Hòa Phát", "so với 2019"), unless it belongs
#: to a name or a model ("Glenfiddich 1973", "Vios đời 2015"). The period rules read years with their word.
_BARE_YEAR = regex.compile(r"(?<![\p{L}\p{N}/.,\-])(?:19[5-9]\d|20[0-4]\d)(?![\p{L}\p{N}/\-]|[.,]\d)")
_NAMED_YEAR = regex.compile(r"(?:\p{Lu}[\p{L}\p{N}]*+|đời)[ \t]++\Z")
_DIGIT_IN = regex.compile(r"\d")


#: A bracketed acronym right after a lower-case word: the expansion before it names the measure
#: ("chi phí huy động vốn (COF)", "chỉ số sản xuất công nghiệp (IIP)"); not a name's ("An Bình (ABBANK)").
_GLOSS_ACRONYM = regex.compile(r"(?<=(?<![\p{L}])\p{Ll}++[ \t]*+)\([ \t]*+(\p{Lu}{2,6}+)[ \t]*+\)")


def _glossed(text: str, s: int, m: regex.Match) -> bool:
    """Whether a bracketed acronym only glosses the lower-case words before it: not a standard acronym or
    report shorthand (GRDP, DN: the scorer and the namer read those, and a scope cut may leave one the only
    name), nor an organisation's short name ("Tổng công ty Đầu tư và Kinh doanh vốn nhà nước (SCIC)": a
    capitalised word before it, past the phrase's first)."""
    acronym, lex = m.group(1), lexicon()
    if acronym in lex.acronyms or acronym in lex.abbreviations:
        return False
    return _CAPITALISED.search(text, max(s + 1, m.start() - 60), m.start()) is None


#: A capitalised word (not the phrase's first): the bracket may name the organisation it ends.
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}")


def _clean(text: str, folded: str, s: int, e: int) -> list[tuple[int, int]]:
    holes = [(p.start, p.end) for p in find_mentions(folded, s, e, classify=False) if (p.role != "range" or p.years is not None) and p.shape != "now"]
    holes += [m.span() for m in words("metric", "scope").scan(folded, s, e)]  # (scan: the same, sooner here)
    holes += _places(text, folded, s, e)
    if "(" in text[s:e]:  # "tỷ lệ cho vay so với huy động (LDR)": an acronym beside its expansion counts once
        holes += [m.span() for m in _GLOSS_ACRONYM.finditer(text, s, e) if _glossed(text, s, m)]
    if _DIGIT_IN.search(folded, s, e, SERIAL):
        holes += [m.span() for m in _BARE_YEAR.finditer(folded, s, e) if not _NAMED_YEAR.search(text, max(s, m.start() - 30), m.start())]
    ws = []
    for m in _WORD.finditer(folded, s, e):
        a, b = m.span()
        w = m.group()  # folded[a:b]
        if not w[0].isalnum() and not _PUNCT_EDGE.sub("", w):
            continue  # only punctuation (a word that starts with a letter or digit never is)
        a, b = a + len(w) - len(w.lstrip("([\"'“‘-–")), b - len(w) + len(w.rstrip(")]\"'”’.-–"))
        if holes and any(h0 <= a and b <= h1 for h0, h1 in holes):
            continue  # (tested without the word's punctuation: "năm 2020." is the period "năm 2020")
        ws.append((a, b))
    ws = [w for w in ws if w[0] < w[1]]
    r = _res()
    changed = True
    while ws and changed:
        changed = False
        joined = " ".join(folded[a:b] for a, b in ws)
        m = r["lead"].match(joined, 0, None, SERIAL)
        if m:
            n = len(m.group().split())
            ws = ws[n:]
            changed = True
            continue
        # The tail ends the phrase: the phrase must end with a cue's last word, and the cue starts
        # no further back than the longest one (``joined`` has single spaces). The same match as
        # a search from 0, found sooner.
        m = r["tail"].search(joined, max(0, len(joined) - r["tail_len"]), None, SERIAL) \
            if joined.endswith(r["tail_lasts"]) else None
        if m:
            n = len(m.group().split())
            # never cut through a segmented word: "chứng chỉ đạt" loses "đạt", not "chỉ đạt"
            # A phrase starting with a cue of its own ("ước đạt") is stripped whatever the segmenter glued.
            while n and ((folded[ws[-n][0]:ws[-n][1]] not in r["tail_words"] and
                          _inside_word(text, ws[-n][0], ws[-n - 1][0] if len(ws) > n else None))
                         or (len(ws) > n and _keeps(folded, ws[-n - 1], ws[-n]))):
                n -= 1
            if n:
                ws = ws[:-n]
                changed = True
    return ws


def _keeps(folded: str, before: tuple[int, int], word: tuple[int, int]) -> bool:
    """Whether a cue word is the second syllable of a word kept whole ("chứng chỉ", "còn lại"): no cut there."""
    return kept_whole(folded[before[0]:before[1]], folded[word[0]:word[1]])


def _abbreviation_list(text: str, right: list[tuple[int, int]], left: list[tuple[int, int]]) -> bool:
    """"Tổng số thu BHXH, BHYT, BHTN": a comma list of acronyms is one metric."""
    def acronym(span):
        w = text[span[0]:span[1]]
        return len(w) >= 2 and w.isupper()

    return len(right) == 1 and acronym(right[0]) and acronym(left[-1])


#: A list item that is a proper name: "EU", "Nhật Bản", "Hàn Quốc".
_PROPER = regex.compile(r"\p{Lu}[\p{L}\p{N}.&\-]*+(?:[ \t]++\p{Lu}[\p{L}\p{N}.&\-]*+){0,3}")


def _partner_list(text: str, chunks: list[tuple[int, int]]) -> int | None:
    """"xuất khẩu sang Hoa Kỳ, EU, Nhật Bản, Hàn Quốc": where the first item of a list of partners' names that
    ends the stretch starts (its names are no places, ``find_places``), None when it ends in no such list."""
    if len(chunks) < 2:
        return None
    for k in range(len(chunks) - 1, max(-1, len(chunks) - 8), -1):
        item = text[chunks[k][0]:chunks[k][1]].strip()
        if _PARTNER_FIRST.search(item) is not None:
            return chunks[k][0] if k < len(chunks) - 1 else None
        if _PROPER_ITEMS.fullmatch(item) is None:
            return None
    return None


_PROPER_ITEMS = regex.compile(rf"{_PROPER.pattern}(?:[ \t]++và[ \t]++{_PROPER.pattern})?+")
#: The first item of a partners' list: "xuất khẩu sang Hoa Kỳ", "nhập khẩu từ Trung Quốc", "thị trường Nhật Bản".
_PARTNER_FIRST = regex.compile(r"(?<![\p{L}])(?:sang|từ|thị[ \t]++trường)[ \t]++\p{Lu}[\p{L}\p{N}.&\-]*+"
                               r"(?:[ \t]++\p{Lu}[\p{L}\p{N}.&\-]*+){0,3}\Z")


_PREPOSITION_HEAD = regex.compile(
    r"(?:tại|trên|trong|theo|với|về|sau|trước|để|do|nhờ|khi|nếu|từ|qua|bên|ngoài|như|nhìn|tính|so|đối|riêng|đặc|ông|bà|anh|chị|mặc|dù|tuy|vì|bởi|nhằm|giúp|cùng)(?![\p{L}])"
)


def _noun_list(folded: str, right: list[tuple[int, int]], left: list[tuple[int, int]]) -> bool:
    """"doanh thu của các TTTM, siêu thị": a short item after a comma extends the noun phrase before it.

    A longer item (four to six syllables: "… các công ty nông, lâm nghiệp đang quản lý", "bảo hiểm y tế, bảo
    hiểm thất nghiệp là") does too, unless it opens a clause of its own with a verb or is the next part of an
    address (``[metric] item_not_first``: "…, gây lãng phí nguồn ngân sách", "…, xã Phù Linh") or the words
    before it open with a source or a link or with such a verb (``clause_leads``: "Cũng theo Tổng cục Hải quan,
    …", "vượt kế hoạch, gồm …") (decision 310).
    """
    if len(right) > _LONG_ITEM or len(left) < 2 or len(left) > 14 or not _plain(folded, left):
        return False
    if len(right) > 3 and (words("metric", "item_not_first").after(folded, right[0][0]) is not None
                           or words("metric", "clause_leads").after(folded, left[0][0]) is not None
                           or words("metric", "item_not_first").after(folded, left[0][0]) is not None
                           or any(folded[a:b] == "với" for a, b in right)):
        return False  # ("Mazda, Kia với mức tăng trưởng …": names, then the measure they share)
    head = words("metric", "heads").after(folded, right[0][0])
    if head is not None and head[0] == right[0][0]:
        return False  # "…, tổng kinh phí", "…, số dư quỹ": a measure of its own, not an item of a list
    return _PREPOSITION_HEAD.match(folded, left[0][0]) is None


#: The most words an item after a comma may have and still extend the noun phrase before it.
_LONG_ITEM = 6


def _plain(folded: str, ws: list[tuple[int, int]]) -> bool:
    return not any(any(c.isdigit() for c in folded[a:b]) for a, b in ws)


def _sentence_case(metric: str) -> str:
    """A capital that only starts the sentence goes; a name's inner capitals or digits keep it ("EcoSport",
    "Mazda3"). (A second capitalised word proves nothing: "Mẫu Vios", "Giá HPG".)"""
    first = metric.split(" ", 1)[0]
    name = any(c.isupper() or c.isdigit() for c in first[1:])
    if len(metric) > 1 and metric[0].isupper() and metric[1].islower() and not name:
        return metric[0].lower() + metric[1:]
    return metric


def _expand(metric: str) -> str:
    """Report shorthand written out; shorthand right after its own words goes ("lợi nhuận trước thuế (LNTT)")."""
    r = _res()
    out, pos = [], 0
    for m in r["abbrev"].finditer(metric):
        long_ = r["abbrev_map"][m.group(1)]
        before = metric[pos:m.start()]
        bare = before.rstrip(" \t(")
        if bare.lower().endswith(long_.lower()):
            out.append(bare)
            pos = m.end() + (1 if metric[m.end():m.end() + 1] == ")" and bare != before.rstrip(" \t") else 0)
            continue
        out.append(before + long_)
        pos = m.end()
    out.append(metric[pos:])
    return "".join(out)
