"""The companies a document names, and the short name it calls each by.

A company measure takes its owner ("lãi ròng của PAN", decision 35). An
article names a company in full once ("Ngân hàng TMCP An Bình (ABBANK)",
"Công ty CP Hùng Vương"), then by its short name ("ABBANK", "Hùng Vương"),
a ticker, or a brand that is never introduced ("VPBank", "Sacombank"). An
analyst writes the owner the way the article calls it (decision 141):

- a name in brackets after the full name is its short name ("(ABBANK)",
  "(Habeco)"; a ticker after "mã"/"HoSE:" only when no other is given);
- else the name without its company words and legal form ("Công ty CP Hùng
  Vương" → "Hùng Vương"), when the article also writes it so;
- else the full name as written.

Mentions are the full names, every later use of one of those short names,
tickers, brands with inner capitals ("VPBank", "PVcomBank"), "…bank" names
("Sacombank") and the brands of ``[companies] brands``. Data:
``lang/vi/subjects.toml`` ``[companies]`` and ``[owned] company_words``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex

from ..lang.vi import lexicon
from ..text.normalize import fold, per_text
from ..text.serial import SERIAL
from .words import trie_alternation

__all__ = ["Companies", "companies"]

_WORD = r"[\p{L}\d&\-]++(?:\.[\p{L}\d&\-]++)*+"  # a word of a name: "TP.HCM" yes, a full stop no
_ROMAN = regex.compile(r"[IVXLC]++")
_TWO_CAPITALS = regex.compile(r"\p{Lu}{2}")
_LITERAL_SPACE = r"\ "  # (the names' spaces as written: one plain space)
#: What may not stand right before or after a name the text writes ("Vương" of "Hùng Vương" is no "Vương").
_NAME_CHAR = regex.compile(r"[\p{L}\d]")


@dataclass(frozen=True)
class _Company:
    name: str  # the short name the article calls it by
    full: str  # as first written


_NOBODY = _Company("", "")
#: What follows a company word that names no company: "Ngân hàng trên địa bàn tỉnh …", "các ngân hàng".
_NOT_NAMES = ("trên ", "tại ", "ở ", "của ", "các ", "thuộc ", "trong ", "và ")


@cache
def _patterns():
    from .subjects import _raw  # (the data lives with the owners' data)

    raw, owned = _raw()["companies"], _raw()["owned"]
    lead = "|".join(regex.escape(w).replace(r"\ ", r"[ \t]++") for w in owned["company_words"])
    # (tries, ``words.trie_alternation``: the same matches as the alternations, found sooner; "lead" keeps
    # the order of the data)
    stop = trie_alternation(owned["name_stops"], space=_LITERAL_SPACE)
    inside = trie_alternation(raw["not_inside"], space=_LITERAL_SPACE)
    # a full name: the company word, up to five words, ending at its last capitalised word; up to three
    # lower-case words more when a bracket follows ("Ngân hàng TMCP Quân đội (MB)")
    full = regex.compile(
        rf"(?<![\p{{L}}])(?:{lead})(?:[ \t]++(?!(?:{stop}|{inside})(?![\p{{L}}])){_WORD}){{0,5}}"
        rf"[ \t]++(?=\p{{Lu}}){_WORD}(?:(?:[ \t]++(?!(?:{stop}|{inside})(?![\p{{L}}]))\p{{Ll}}++){{0,2}}[ \t]++(?=\p{{Lu}}){_WORD})*+"
        rf"(?:(?:[ \t]++(?!(?:{stop})(?![\p{{L}}]))\p{{Ll}}++){{1,3}}(?=[ \t]*+\())?+"
        r"(?:[ \t]*+\(([^()\n]{1,80}+)\))?+")
    forms = sorted((fold(w) for w in (*owned["company_words"], *raw["legal_forms"])), key=len, reverse=True)
    form = regex.compile(rf"(?:{'|'.join(regex.escape(w) for w in forms)})(?![\p{{L}}])[ \t]*+")
    code = regex.compile(rf"(?:{'|'.join(regex.escape(fold(w)) for w in raw['bracket_codes'])})[ \t:.]*+", regex.I)
    # a capitalised word with another capital or ending in "bank" ("VPBank", "PVcomBank", "Sacombank"), tested in
    # _brand; the look-ahead at its start asks ``_brand``'s second test of the word first, so the capitalised
    # words of the text's sentences ("Theo", "Công") are no matches to be tested one by one (the same brands)
    brand = regex.compile(r"(?<![\p{L}\d\-./])\p{Lu}(?=\p{Lu}|[\p{L}\d]*?\p{Lu}\p{Lu}|[\p{L}\d]*?[bB]ank(?![\p{L}\d]))"
                          r"[\p{L}\d]{2,20}+(?![\p{L}\d\-])")
    known = regex.compile(
        rf"(?<![\p{{L}}\d\-])(?:{trie_alternation(raw['brands'], space=_LITERAL_SPACE)})"
        rf"(?![\p{{L}}\d\-])")
    lex = lexicon()
    never = frozenset(fold(w) for w in (*raw["not_companies"], *lex.acronyms, *lex.abbreviations))
    bodies = [w for w in raw["not_companies"] if any(w.startswith(c) for c in owned["company_words"])]
    not_company = regex.compile(
        rf"(?<![\p{{L}}])(?:{trie_alternation(bodies, space=_LITERAL_SPACE)})(?![\p{{L}}])")
    return full, form, code, brand, known, never, not_company


def _brand(word: str) -> bool:
    """"VPBank", "PVcomBank", "Sacombank": two capitals together in a word with small letters, or a "…bank".

    (Not any inner capital: "DiCaprio", "McAvoy", "YouTube" are no company of the text's figures.)"""
    return any(c.islower() for c in word) and (
        _TWO_CAPITALS.search(word, 0, None, SERIAL) is not None or (len(word) > 4 and word.endswith(("bank", "Bank"))))


@cache
def _anaphors() -> frozenset[str]:
    """"ngân hàng", "công ty này" …: an owner that points back to the company of the passage, folded."""
    from .subjects import _raw

    return frozenset(fold(w) for w in _raw()["companies"]["anaphors"])


def _written(name: str, text: str):
    """Where ``text`` writes ``name`` as a whole name, in order: what ``(?<![\\p{L}\\d])name(?![\\p{L}\\d])``
    finds with ``finditer``, found with ``str.find`` (a pattern per name would be compiled per document)."""
    n = len(name)
    at = text.find(name)
    while at >= 0:
        if (at == 0 or _NAME_CHAR.match(text, at - 1) is None) and _NAME_CHAR.match(text, at + n) is None:
            yield at
            at = text.find(name, at + n)
        else:
            at = text.find(name, at + 1)


def _bare(short: str, written: str, text: str, inside: list[tuple[int, int]]) -> str | None:
    """``short`` or the run of capitalised words that ends it, the shorter first, when the text also writes it
    on its own, outside a full name (``inside``: their spans) ("Công ty CP Xây dựng Coteccons" … "Coteccons" →
    "Coteccons")."""
    words_ = short.split()
    tail = len(words_)
    while tail > 0 and words_[tail - 1][:1].isupper():
        tail -= 1
    run = words_[tail:]  # (one word only when it is no Vietnamese syllable: "Coteccons", not "Đuống" of "sông Đuống")
    run = " ".join(run) if len(run) > 1 or (run and run[0].isascii()) else ""
    names = [n for n in (run, short) if n and n != written and not _is_place(n)]
    if not names:
        return None
    for name in sorted(set(names), key=len):
        for at in _written(name, text):
            before = text[max(0, at - 30):at].split()
            if not any(a <= at < b for a, b in inside) and not (before and before[-1][:1].isupper()):
                return name  # (on its own: not the end of a longer name, "Vương" of "Hùng Vương")
    return None


def _is_place(name: str) -> bool:
    """Whether ``name`` is a place's name and nothing more ("Quảng Ninh", "TP.HCM"): "Ngân hàng Quảng Ninh" is
    the province's banks, but "Công ty Hòa Bình" a company."""
    from ..places import find_places

    found = find_places(name, fold(name), regions=True, inside=True)
    return bool(found) and found[0].start == 0 and found[0].end >= len(name.rstrip())


def _short(full: str) -> str:
    """The name without its company words and legal form: "Công ty CP Hùng Vương" → "Hùng Vương"."""
    form = _patterns()[1]
    f, at = fold(full), 0
    while (m := form.match(f, at)) is not None and m.end() > at:
        at = m.end()
    return full[at:].strip()


def _aliases(bracket: str) -> tuple[str | None, str | None]:
    """(short name, ticker) given in brackets after a full name: "(ABBANK)", "(HoSE: VHM)", "(Habeco, mã BHN)"."""
    from .subjects import tickers

    code, name, ticker = _patterns()[2], None, None
    for item in regex.split(r"[,;]|[ \t]++[-–][ \t]++", bracket):
        item = item.strip()
        coded = code.match(item)
        if coded is not None and coded.end() > 0:
            rest = item[coded.end():].strip()
            if ticker is None and regex.fullmatch(r"\p{Lu}[\p{Lu}\d]{2}", rest):
                ticker = rest
            continue
        if name is None and item[:1].isupper() and len(item.split()) <= 4 and not regex.search(r"\d{4}", item):
            name = item
    if name is not None and next(tickers(name), None) is not None and len(name) == 3:
        name, ticker = None, ticker or name
    return name, ticker


class Companies:
    """The companies of one text, in order of mention."""

    def __init__(self, text: str):
        from .subjects import tickers

        full, _, _, brand, known, never, not_company = _patterns()
        mentions: list[tuple[int, _Company]] = []
        by_alias: dict[str, _Company] = {}
        names = list(full.finditer(text))
        inside = [(m.start(), m.end()) for m in names]
        for m in names:
            written = m.group()[: m.start(1) - m.start()].rstrip(" \t(") if m.group(1) else m.group()
            if not_company.match(text, m.start()) or fold(_short(written)) in never:
                continue
            short = _short(written)
            if fold(short).startswith(_NOT_NAMES) or (fold(written).startswith("ngân hàng") and _is_place(short)):
                mentions.append((m.start(), _NOBODY))  # "Ngân hàng trên địa bàn tỉnh Nam Định", "Ngân hàng
                continue  # Quảng Ninh": a province's banks, no company, own what follows
            name, ticker = _aliases(m.group(1)) if m.group(1) else (None, None)
            company = by_alias.get(name or "") or by_alias.get(short) or by_alias.get(written)
            if company is None:
                company = _Company(name or _bare(short, written, text, inside) or ticker or written, written)
            # (a metric keeps the bracket's words without the brackets: "Ngân hàng TMCP Quân đội MB có tổng tài sản")
            joined = f"{written} {m.group(1).strip()}" if m.group(1) else None
            for alias in (written, name, ticker, company.name, joined):
                if alias:
                    by_alias.setdefault(alias, company)
            mentions.append((m.start(), company))
        spans = [(s, _c.full) for s, _c in mentions]
        taken = [(s, s + len(w)) for s, w in spans]
        for alias, company in list(by_alias.items()):
            if alias == company.full:
                continue
            for at in _written(alias, text):
                if not any(a <= at < b for a, b in taken):
                    mentions.append((at, company))
        found = [(m.start(), m.group()) for m in brand.finditer(text) if _brand(m.group())]
        found += [(m.start(), m.group()) for m in known.finditer(text)]
        found += [(m.start(1), m.group(1)) for m in tickers(text) if not _ROMAN.fullmatch(m.group(1))]
        for at, word in found:
            if any(a <= at < b for a, b in taken) or fold(word) in never:
                continue
            company = by_alias.get(word)
            if company is None:
                company = by_alias[word] = _Company(word, word)
            mentions.append((at, company))
        # a regulator or a government's lender named ("Theo Ngân hàng Nhà nước, tín dụng tăng 5%") owns the
        # measures after it: none of the companies before
        mentions += [(m.start(), _NOBODY) for m in not_company.finditer(text)]
        mentions.sort(key=lambda p: p[0])
        self._starts = [s for s, _c in mentions]
        self._mentions = mentions
        self._by_alias = by_alias

    def last(self, start: int, end: int) -> str | None:
        """The short name of the last company named in ``[start, end)`` ("" when a body that is none was named last)."""
        i = bisect.bisect_left(self._starts, end) - 1
        return self._mentions[i][1].name if i >= 0 and self._starts[i] >= start else None

    def first(self, start: int, end: int) -> str | None:
        """The short name of the first company named in ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        return self._mentions[i][1].name if i < len(self._starts) and self._starts[i] < end else None

    def owner(self, lo: int, lead: int, heading: tuple[int, int], paragraph: int | None = None) -> str | None:
        """Who owns a company measure read at ``lead`` in the sentence from ``lo``: the last company the
        sentence names before it, else the last one its paragraph (from ``paragraph``) named before the
        sentence, else the first one the heading and lead name; None for none, or after a regulator."""
        owner = self.last(lo, lead)
        if owner is None and paragraph is not None and paragraph < lo:
            owner = self.last(paragraph, lo)
        if owner is None:
            owner = self.first(*heading)
        return owner or None

    def shorten(self, metric: str, lo: int, lead: int, heading: tuple[int, int],
                paragraph: int | None = None) -> str:
        """A metric's owner as the text calls it: "… của Công ty Cổ phần Vinhomes" → "… của Vinhomes", and
        "… của ngân hàng (này)", "… của doanh nghiệp này" → the company the passage is about."""
        cut = metric.rfind(" của ")
        if cut < 0:
            return metric
        tail = metric[cut + 5:]
        company = self._by_alias.get(tail)
        if company is not None:
            return metric if company.name == tail else f"{metric[:cut]} của {company.name}"
        if fold(tail) in _anaphors():
            owner = self.owner(lo, lead, heading, paragraph)
            if owner:
                return f"{metric[:cut]} của {owner}"
        return metric

    def short(self, written: str) -> str:
        """The article's short name for a company written in full ("Công ty Cổ phần Vinhomes" → "Vinhomes")."""
        company = self._by_alias.get(written)
        return company.name if company is not None else written


@per_text
def companies(text: str) -> Companies:
    """The companies ``text`` names (computed once per text)."""
    return Companies(text)
