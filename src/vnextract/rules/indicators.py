"""Canonical indicators of records: which headline statistic a metric reports.

A metric gets an id when, after shorthand and acronyms are expanded and the
qualifiers of ``lang/vi/indicators.toml`` dropped, it *is* one of the names
listed for that id. A breakdown ("xuất khẩu hàng dệt may", "xuất khẩu sang Hoa
Kỳ") is not the headline statistic, so matching is exact, never containment,
with three exceptions the data file declares:

- an ``open`` indicator (a company's revenue or profit, the gold price, a stock
  index) is any metric that *begins* with one of its names: "giá vàng thế giới",
  "lợi nhuận sau thuế ngân hàng mẹ";
- a company's figure ("doanh thu của PAN", "lãi ròng của Công ty …") is read
  from the words before the "của" that introduces the company, and only as a
  company indicator: a bank's own credit is no ``credit_outstanding``;
- a metric that still carries clause material around the name ("chốt phiên,
  VN-Index", "FLC đạt doanh thu thuần", "tỷ lệ lấp đầy … vẫn được duy trì") is
  read from the name after a comma or a verb of the ``[cuts]`` lead, and before
  a word of the ``[cuts]`` tail; a dropped tail holding a breakdown word ("cấp
  mới", "điều chỉnh") keeps the metric a breakdown.

Before names are compared, a syllable spelt two ways takes the spelling the names
use ("tỉ lệ" → "tỷ lệ", ``[spellings]``); a province or the country at the end of
the metric is dropped with the word that joins it ("kim ngạch xuất khẩu của tỉnh
Long An", "lượng khách quốc tế đến Đà Nẵng", ``[places]``; a foreign country may
be a partner and stays); and when the metric names nothing, an acronym that only
glosses the words before it is dropped ("tốc độ tăng trưởng kinh tế GRDP").

A figure of a whole country, Việt Nam or a foreign one, takes the national id of a
regional one (``tăng trưởng kinh tế`` of Việt Nam or of Brazil is ``gdp_growth``). New synonyms,
qualifiers and cut words are lines of the data file.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from ..lang.vi import metric_tokens, metric_words
from ..lang.vi.indicators import cuts, indicators, owner_words, place_words, qualifiers, shorthand, spellings
from ..lang.vi.places import gazetteer
from ..text.normalize import fold
from .words import trie_alternation

Words = tuple[str, ...]
Ids = frozenset[str] | None  # the ids a match may still give (None: any)
Token = tuple[str, str, int]  # folded word, as written, offset

_CLAUSE_MARKS = frozenset(",;:")
_REPEAT = 8  # the longest phrase, in words, whose repetition is collapsed
_CLAUSE = 32  # the longest metric, in words, searched for a name inside clause material


@dataclass(frozen=True)
class _Seqs:
    """Word sequences grouped by their first word, in their order: a look-up tries only those that can match."""

    by_first: dict[str, tuple[Words, ...]]


def _seqs(seqs: tuple[Words, ...]) -> _Seqs:
    index: dict[str, list[Words]] = {}
    for s in seqs:
        if s:
            index.setdefault(s[0], []).append(s)
    return _Seqs({k: tuple(v) for k, v in index.items()})


def _keyed(items: tuple, key) -> tuple[dict, tuple]:
    """``items`` (in order) by ``key(item)``, an item whose key is None under every key; and those alone,
    for a key no item has."""
    keys = {k for item in items if (k := key(item)) is not None}
    index = {k: tuple(item for item in items if key(item) in (k, None)) for k in keys}
    return index, tuple(item for item in items if key(item) is None)


@dataclass(frozen=True)
class _Tables:
    names: dict[Words, str]
    open: tuple[tuple[Words, str], ...]  # names of open indicators, longest first
    owned: tuple[tuple[Words, str], ...]  # beginnings that need a company owner
    before: tuple[tuple[Words, Ids], ...]
    after: tuple[tuple[Words, Ids], ...]
    national: dict[str, str]
    company: frozenset[str]  # ids a company's figure may take
    territorial: frozenset[str]  # ids that need a place: with none, the figure is a bank's own
    lead: _Seqs
    not_lead: _Seqs
    weak_lead: _Seqs  # lead words that only open ids may follow ("MB có lợi nhuận …")
    tail: _Seqs
    breakdown: _Seqs
    breakdown_lead: _Seqs
    parts: dict[str, _Seqs]  # words after an open or owned name that make it a part
    owners: _Seqs
    not_owners: _Seqs
    shorthand: dict[str, Words]  # and spelling variants ("tỉ" → "tỷ")
    places: dict[str, tuple[Words, ...]]  # a province's or the country's spellings, by their last word
    place_links: tuple[Words, ...]  # words that join a place to a name ("của", "trên địa bàn", "đến")
    place_admin: tuple[Words, ...]  # words that stand before a place's name ("tỉnh", "thành phố")
    # The same tables indexed by the word a match must start (or end) with, in table order:
    #: the open names by first word, and the open then the owned ones (an owned metric's)
    starting: dict[bool, dict[str, tuple[tuple[Words, str], ...]]]
    #: the qualifiers before a name by their first word, and the empty ones (which any key may start with)
    before_by_first: tuple[dict[str, tuple[tuple[Words, Ids], ...]], tuple[tuple[Words, Ids], ...]]
    #: the qualifiers after a name by their last word, and the empty ones
    after_by_last: tuple[dict[str, tuple[tuple[Words, Ids], ...]], tuple[tuple[Words, Ids], ...]]


def _longest_first(items):
    return tuple(sorted(items, key=lambda kv: len(kv[0]), reverse=True))


@cache
def _tables() -> _Tables:
    names: dict[Words, str] = {}
    open_, owned, before, after = [], [], {}, {}
    for w in qualifiers()[0]:
        before[metric_words(w)] = None
    for w in qualifiers()[1]:
        after[metric_words(w)] = None
    national, company, parts = {}, set(), {}
    for ind in indicators().values():
        for n in ind.names:
            key = metric_words(n)
            if names.setdefault(key, ind.id) != ind.id:
                raise ValueError(f"indicators.toml: {n!r} is listed under both {names[key]} and {ind.id}")
            if ind.open:
                open_.append((key, ind.id))
        owned += [(metric_words(n), ind.id) for n in ind.owned]
        for table, words in ((before, ind.before), (after, ind.after)):
            for w in words:
                key = metric_words(w)
                if table.get(key, frozenset()) is not None:  # a global qualifier already allows every id
                    table[key] = table.get(key, frozenset()) | {ind.id}
        if ind.national:
            national[ind.id] = ind.national
        if ind.company:
            company.add(ind.id)
        if ind.parts:
            parts[ind.id] = _seqs(tuple(metric_words(w) for w in ind.parts))
    c = cuts()
    words = lambda ws: _seqs(tuple(metric_words(w) for w in ws))  # noqa: E731
    owners = owner_words()
    places: dict[str, list[Words]] = {}
    for p in gazetteer():
        if p.kind in ("country", "province"):
            for sp in p.spellings:
                if key := metric_words(sp):
                    places.setdefault(key[-1], []).append(key)
    pw = place_words()
    short = {k.casefold(): metric_words(v) for k, v in (*spellings().items(), *shorthand().items())}
    longest = lambda ws: tuple(sorted((metric_words(w) for w in ws), key=len, reverse=True))  # noqa: E731
    open_, owned = _longest_first(open_), _longest_first(owned)
    before, after = _longest_first(before.items()), _longest_first(after.items())
    first = lambda item: item[0][0]  # noqa: E731  (names are never empty)
    starting = {False: _keyed(open_, first)[0], True: _keyed(open_ + owned, first)[0]}
    return _Tables(
        names, open_, owned, before, after, national, frozenset(company),
        frozenset(ind.id for ind in indicators().values() if ind.territorial), words(c["lead"]), words(c["not_lead"]),
        words(c["weak_lead"]),
        words(c["tail"]), words(c["breakdown"]), words(c["breakdown_lead"]), parts,
        words(owners["words"]), words(owners["not"]),
        short, {w: tuple(sorted(set(ks), key=len, reverse=True)) for w, ks in places.items()},
        longest(pw["link"]), longest(pw["admin"]),
        starting,
        _keyed(before, lambda qi: qi[0][0] if qi[0] else None),
        _keyed(after, lambda qi: qi[0][-1] if qi[0] else None),
    )


def _narrow(allowed: Ids, ids: Ids) -> Ids:
    if ids is None:
        return allowed
    return ids if allowed is None else allowed & ids


@lru_cache(maxsize=16384)
def _resolve(key: Words, allowed: Ids, owned: bool = False) -> str | None:
    """The id ``key`` names once qualifiers are dropped (each qualifier may narrow the ids left);
    ``owned``: the metric names the company whose figure it is."""
    if not key or allowed is not None and not allowed:
        return None
    t = _tables()
    hit = t.names.get(key)
    if hit is not None and (allowed is None or hit in allowed):
        return hit
    for name, ind in t.starting[owned].get(key[0], ()):
        if key[: len(name)] == name and (allowed is None or ind in allowed) \
                and not _contains(key[len(name):], t.parts.get(ind, _NO_SEQS)):
            return ind
    by_first, empty = t.before_by_first
    for q, ids in by_first.get(key[0], empty):
        if len(key) > len(q) and key[: len(q)] == q and \
                (hit := _resolve(key[len(q):], _narrow(allowed, ids), owned)):
            return hit
    by_last, empty = t.after_by_last
    for q, ids in by_last.get(key[-1], empty):
        if len(key) > len(q) and key[-len(q):] == q and \
                (hit := _resolve(key[: -len(q)], _narrow(allowed, ids), owned)):
            return hit
    for place in t.places.get(key[-1], ()):
        if len(key) > len(place) and key[-len(place):] == place:
            for rest in _unlinked(key[: -len(place)]):
                if hit := _resolve(rest, allowed, owned):
                    return hit
    return None


def _unlinked(key: Words) -> tuple[Words, ...]:
    """``key`` as it stands and without the words that joined a place to it, longest first
    ("kim ngạch xuất khẩu của tỉnh" → … "kim ngạch xuất khẩu"; "tổng sản phẩm trên địa bàn" keeps its own words)."""
    t = _tables()
    out = [key]
    for seqs in (t.place_admin, t.place_links):
        for s in seqs:
            if len(key) > len(s) and key[-len(s):] == s:
                key = key[: -len(s)]
                out.append(key)
                break
    return tuple(out)


_NO_SEQS = _Seqs({})


def _at(words: Words, i: int, seqs: _Seqs) -> int:
    """The length of the first of ``seqs`` that begins at ``words[i]`` (0: none)."""
    if i >= len(words):
        return 0
    for s in seqs.by_first.get(words[i], ()):
        if words[i: i + len(s)] == s:
            return len(s)
    return 0


def _contains(words: Words, seqs: _Seqs) -> bool:
    index = seqs.by_first
    return any(w in index and _at(words, i, seqs) for i, w in enumerate(words))


def _search(toks: tuple[Token, ...], text: str, allowed: Ids, owned: bool = False) -> str | None:
    """The name in the metric (``toks``, all or a head of it), clause material cut away if need be."""
    t = _tables()
    words = tuple(w for w, _, _ in toks)
    if hit := _resolve(words, allowed, owned):
        return hit
    if len(words) > _CLAUSE or not any(w in _first_words() for w in words):
        return None  # a metric that long is no name with clause material around it; and the search stays bounded
    starts: list[tuple[int, Ids, bool]] = []
    for i in range(1, len(toks)):
        if not _CLAUSE_MARKS.isdisjoint(text[toks[i - 1][2]:toks[i][2]]):
            starts.append((i, allowed, owned))  # a comma ends the clause material before the name
    open_ids = _open_ids()
    subject = _company_owner(toks, text, 0)  # "OGC đạt doanh thu thuần", "Công ty … hướng tới doanh thu"
    not_lead = t.not_lead.by_first
    not_lead_at = [_at(words, j, t.not_lead) if w in not_lead else 0 for j, w in enumerate(words)]
    lead, weak_lead = t.lead.by_first, t.weak_lead.by_first  # (a word no sequence starts with: no look-up)
    for i in range(len(words)):
        if any(not_lead_at[j] > i - j for j in range(max(0, i - 2), i + 1)):
            continue  # "dự báo" is no "báo"
        weak = False
        if not (n := words[i] in lead and _at(words, i, t.lead)):
            n = words[i] in weak_lead and _at(words, i, t.weak_lead)
            weak = n > 0
        if not n:
            continue
        ids, own = allowed, owned
        if subject:
            ids, own = _narrow(ids, t.company), True  # the subject's own figure
        elif _contains(words[:i], t.breakdown_lead):
            ids = _narrow(ids, t.company)  # "khu vực FDI đạt kim ngạch xuất khẩu" is no `exports`
        starts.append((i + n, _narrow(ids, open_ids) if weak else ids, own))
    # where a breakdown word is at or after each position, computed once from the end
    broken = [False] * (len(words) + 1)
    breakdown = t.breakdown.by_first
    for i in range(len(words) - 1, -1, -1):
        broken[i] = broken[i + 1] or (words[i] in breakdown and _at(words, i, t.breakdown) > 0)
    tail = t.tail.by_first
    ends = [len(words)] + [i for i in range(len(words) - 1, 0, -1)
                           if ((words[i] in tail and _at(words, i, t.tail)) or words[i].isdigit()) and not broken[i]]
    firsts = _first_words()
    for s, ids, own in [(0, allowed, owned), *sorted(starts, key=lambda si: si[0])]:
        if s >= len(words) or words[s] not in firsts:
            continue  # no name starts here (``_first_words``)
        for e in ends:
            if e > s and (hit := _resolve(words[s:e], ids, own)):
                return hit
    return None


@cache
def _open_ids() -> frozenset[str]:
    return frozenset(ind for _, ind in _tables().open)


@cache
def _place_start() -> regex.Pattern:
    """A place's spelling at a position, as a whole word (one pattern, not a scan of every spelling; a trie,
    ``trie_alternation``, the same matches as their alternation longest first)."""
    spellings = tuple({s for p in gazetteer() for s in p.spellings})
    return regex.compile("(?:" + trie_alternation(spellings, space=r"\ ") + r")(?![\p{L}\p{N}])")


def _company_owner(toks: tuple[Token, ...], text: str, i: int) -> bool:
    """Whether the words from ``i`` (after "của") name a company: a company word, or a name that is no place."""
    t = _tables()
    words = tuple(w for w, _, _ in toks)
    if i >= len(toks) or _at(words, i, t.not_owners) or fold(toks[i][1]) != toks[i][0]:
        return False  # an acronym ("GRDP", "FDI") names an indicator, not a company
    if _at(words, i, t.owners):
        return True
    if _place_start().match(text, toks[i][2]):
        return False
    return toks[i][1][:1].isupper()


def _tokens(metric: str) -> tuple[Token, ...]:
    """The metric's tokens, shorthand expanded; a phrase repeated right after itself counts once
    ("tổng thu NSNN ngân sách nhà nước", "tỷ lệ bao phủ BHYT bảo hiểm y tế")."""
    short = _tables().shorthand
    out: list[Token] = []
    ws: list[str] = []  # the words of ``out``, to compare slices of
    for w, raw, at in metric_tokens(metric):
        for x in short.get(w, (w,)):
            out.append((x, raw, at))
            ws.append(x)
            for n in range(2, min(len(ws) // 2, _REPEAT) + 1):
                if ws[-n] == ws[-2 * n] and ws[-n:] == ws[-2 * n: -n]:
                    del out[-n:], ws[-n:]
                    break
    return tuple(out)


@cache
def _first_words() -> frozenset[str]:
    """Every word a name or a qualifier before one can start with: a match starts at one of them.

    ``_resolve(key)`` hits only when ``key[0]`` starts a name, an open or owned name, or a
    qualifier (whose rest is resolved the same way); a metric with none of these words has no id.
    """
    t = _tables()
    seqs = [*t.names, *(n for n, _ in t.open), *(n for n, _ in t.owned), *(q for q, _ in t.before)]
    return frozenset(s[0] for s in seqs if s)


@cache
def _territories() -> _Seqs:
    """Words that say a figure is a territory's even when the record has no place: "toàn nền kinh tế",
    "các tỉnh Tây Nguyên" (a region is no place, decision 78), any place's spelling."""
    spellings_ = {metric_words(sp) for p in gazetteer() for sp in p.spellings}
    return _seqs(tuple(sorted({*spellings_, *(metric_words(w) for w in place_words()["territory"])} - {()}, key=len, reverse=True)))


def _repeats(words: Words, group: Words) -> bool:
    """Whether ``group`` is written, word for word, in ``words``."""
    n = len(group)
    return any(words[i: i + n] == group for i in range(len(words) - n + 1))


def _without_glosses(toks: tuple[Token, ...], text: str) -> tuple[Token, ...]:
    """``toks`` without the acronyms that gloss the words before them: "tốc độ tăng trưởng kinh tế GRDP",
    "vốn đầu tư trực tiếp nước ngoài vào Việt Nam FDI".

    An acronym (its expansion, of two words or more) glosses when it follows the words it stands
    beside with a space or a bracket, not a slash ("xuất khẩu/GDP" is a ratio), and either repeats
    words written before it or names an indicator on its own.
    """
    out: list[Token] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j][2] == toks[i][2]:
            j += 1
        _, raw, at = toks[i]
        group = tuple(w for w, _, _ in toks[i:j])
        if j - i >= 2 and out and fold(raw) != raw \
                and not text[out[-1][2] + len(out[-1][1]): at].strip(" (") \
                and (_repeats(tuple(w for w, _, _ in out), group) or _resolve(group, None)):
            i = j  # a gloss: the words before say it
            continue
        out.extend(toks[i:j])
        i = j
    return tuple(out)


@lru_cache(maxsize=4096)
def indicator_of(metric: str | None, place: str | None = None) -> str | None:
    """The canonical id a metric reports for ``place``, or None when it names no headline statistic.

    ``place`` None is a figure with no place: a ``territorial`` id (credit, deposits, bad debt)
    is then a bank's own figure, whose name the metric so often leaves out, and gets no id,
    unless the metric itself names a territory ("tín dụng toàn nền kinh tế").
    """
    if not metric:
        return None
    t = _tables()
    text = unicodedata.normalize("NFC", metric)
    toks = _tokens(metric)
    firsts = _first_words()
    if not any(w in firsts for w, _, _ in toks):
        return None  # no name can start anywhere in it
    hit = _named(toks, text)
    if hit is None and (bare := _without_glosses(toks, text)) != toks:
        hit = _named(bare, text)
    if hit in t.territorial and place is None and not _contains(tuple(w for w, _, _ in toks), _territories()):
        return None
    if hit is not None and place in _countries():
        hit = t.national.get(hit, hit)
    return hit


@cache
def _countries() -> frozenset[str]:
    """Places that are countries (Việt Nam and the foreign ones): a country's economy is its GDP's."""
    return frozenset(p.name for p in gazetteer() if p.kind in ("country", "foreign"))


def _named(toks: tuple[Token, ...], text: str) -> str | None:
    """The id the metric's tokens name: the whole or a name inside clause material, else a company's figure."""
    t = _tables()
    hit = _search(toks, text, None)
    if hit is None:
        for k in range(len(toks) - 1, max(0, len(toks) - _CLAUSE), -1):  # "doanh thu thuần của CTCP Tập đoàn FLC"
            if toks[k][0] == "của" and _company_owner(toks, text, k + 1):
                hit = _search(toks[:k], text, t.company, owned=True)
                if hit and _contains(tuple(w for w, _, _ in toks[k + 1:]), t.parts.get(hit, _NO_SEQS)):
                    hit = None  # "lợi nhuận trước thuế của ngân hàng riêng lẻ": a segment of the company
                if hit:
                    break
    return hit
