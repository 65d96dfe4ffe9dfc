"""Give each figure the province or country it is about (RECORDS.md "Places").

Place names come from the gazetteer (``lang/vi/places.tsv``: the provinces
before and after the 2025 mergers with the spellings the press uses, the
country, the foreign countries the press compares with). A figure's place is,
in order:

1. named in its own clause ("xuất khẩu của cả nước đạt …", "giá vàng SJC
   tại Hà Nội ở mức …");
2. named earlier in its sentence ("Tại TP.HCM, …"), else opening an earlier
   sentence of its paragraph as a frame ("Tại Nhật Bản, … Riêng Tokyo …"),
   until a figure's sentence names another place;
3. the document's subject: the first place of the heading, else of the
   lead named as its subject ("UBND tỉnh Long An …", "Bà Rịa - Vũng Tàu đã
   trao …", not the venue of "họp tại TP.HCM"), else a province written with
   its administrative word in one of the two sentences after the lead
   ("Trung tâm Kiểm soát bệnh tật tỉnh Bình Phước cho biết …"), else Việt Nam
   when the lead or one of those sentences cites a national body ("Theo Tổng
   cục Thống kê, …") before any provincial body without a name ("Sở
   NN&PTNT tổ chức …", "UBND tỉnh");
4. else none.

A city, district or landmark inside a province (kind ``inside``: "Đà Lạt",
"sân bay Tân Sơn Nhất", "Phú Quốc") names that province, and stays in the
metric; not when a number or a route's other end follows it ("Dung Quất 2",
"cao tốc Nha Trang - Cam Lâm": a project's or a road's name).

A region ("các tỉnh Tây Nguyên", "ĐBSCL"; kind ``region`` in the gazetteer)
is no place: a figure whose clause or sentence names one has place null, and
one named in the opening keeps a national body's figures from being Việt
Nam's. Regions stay in the metric (``find_places`` leaves them out unless asked).

A list of places ("Phú Thọ và Hưng Yên trên 92%", "các nước như Nhật Bản,
Hàn Quốc, Mỹ", a route "Hà Nội - Bắc Giang") names no one place: a figure
whose clause or sentence names one has place null, unless "lần lượt" /
"tương ứng" hands the list's places to the figures after it in turn. In the
heading or lead a list's first place is still the subject.

Never a place: a trading partner ("xuất khẩu sang Hoa Kỳ"), an exchange
("sàn Hà Nội"), a route's end, the country in a company's name ("Công ty
TNHH Starflex Việt Nam"), a nationality ("nhóm người Trung Quốc", "Tập đoàn
SMBC của Nhật Bản"), or a name inside a longer proper name ("Mỹ Đình"; but
"miền Đông Ukraine" is Ukraine's).
The country of a market is one ("thị trường chứng khoán Việt Nam").
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex

from ..lang.vi.places import districts, gazetteer, place_cues
from ..periods.document import is_subheading, past_caption
from ..rules.words import WordSet, anchored_at, clause_from, trie_alternation
from ..text.serial import SERIAL

#: Between a figure and a place that is its own: "ở mức 55,55 triệu đồng/lượng tại Hà Nội".
_POST_GAP = regex.compile(r"[ \t]*+(?:(?:tại|ở|của|trên[ \t]++địa[ \t]++bàn)[ \t]++)")


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: str
    kind: str  # country | province | foreign | region | inside (a city or landmark: ``place`` is its unit)
    #: Written with its administrative word: "tỉnh Long An", "TP Hà Nội", "UBND tỉnh …".
    prefixed: bool = False


@cache
def _pattern():
    names = {}
    for p in gazetteer():
        for s in p.spellings:
            names[s] = p
    # (a trie: each character compared once, where the alternation of some 300 spellings tried them one by
    # one; the same matches, ``trie_alternation``)
    alt = trie_alternation(tuple(names), space=r"[ \t]++")
    pat = regex.compile(
        r"(?<![\p{L}\p{N}])(?P<prefix>(?:UBND[ \t]++)?(?:[Tt]ỉnh|[Tt]hành[ \t]++phố|TP\.?|Tp\.?)[ \t]*+)?"
        rf"(?P<name>{alt})(?![\p{{L}}\p{{N}}])"
    )
    return pat, {" ".join(k.split()): v for k, v in names.items()}


#: The administrative words ``_pattern`` reads before a name, as they can start a match.
_PREFIX_STARTS = ("UBND", "Tỉnh", "tỉnh", "Thành", "thành", "TP", "Tp")


@cache
def _starts() -> tuple[frozenset[str], frozenset[str]]:
    """The first two characters a match of ``_pattern`` can start with, and the one character of those that
    are shorter or whose second character is a space (which the pattern reads as any run of spaces and tabs).

    A match starts with a spelling or an administrative word, case and all: where the text starts with
    neither, the pattern need not be tried (most capitalised words are no place).
    """
    starts = {s for p in gazetteer() for s in p.spellings} | set(_PREFIX_STARTS)
    one = {s[:1] for s in starts if len(s) < 2 or s[1] in " \t"}
    return frozenset(s[:2] for s in starts if s[:1] not in one), frozenset(one)


@cache
def _kinds() -> dict[str, str]:
    return {p.name: p.kind for p in gazetteer() if p.kind != "inside"}


@cache
def _cue(group: str, name: str) -> WordSet:
    return WordSet(place_cues(group, name))


#: Where a place name or its administrative word can start (a capitalised word, or "cả nước" …).
_ANCHOR = regex.compile(r"(?<![\p{L}\p{N}])(?:\p{Lu}|cả[ \t]|toàn[ \t]|nước[ \t]|tỉnh|thành[ \t]|miền[ \t]|phía[ \t]|đồng[ \t])")
_CONTINUES = regex.compile(r"[ \t]++\p{Lu}")
#: After a city or landmark, a number or a route's other end: "Dung Quất 2", "Nha Trang - Cam Lâm".
_INSIDE_NAMED = regex.compile(r"[ \t]++\d|[ \t]*+[-–][ \t]*+\p{Lu}")
_ROUTE_BEFORE = regex.compile(r"\p{Lu}[\p{L}\p{N}]*+[ \t]*+[-–][ \t]*+\Z")
_NAME_BEFORE = regex.compile(r"(?<![\p{L}])\p{Lu}\p{Ll}++[ \t]++\Z")


def find_places(text: str, folded: str, start: int = 0, end: int | None = None,
                regions: bool = False, inside: bool = False, known: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """Place names in ``text[start:end]`` that may be what a figure is about, in text order.

    ``regions``: also the regions ("Tây Nguyên", "ĐBSCL"), which are no place
    but keep a figure they name from taking the document's place. ``inside``: also the cities, districts and
    landmarks inside a unit ("Đà Lạt", "sân bay Tân Sơn Nhất"), which give its name as their place (a metric
    keeps them: the namer does not ask for them), and the districts of ``districts.tsv`` written with their
    administrative word ("huyện Lộc Hà"), or without it when they are in ``known`` (the text writes them
    with it elsewhere: ``named_districts``).
    """
    end = len(text) if end is None else end
    two, one = _starts()
    # tried only where a name or its administrative word starts
    starts = [a for t in _ANCHOR.finditer(text, start, end)
              if text[(a := t.start()):a + 2] in two or text[a:a + 1] in one]
    if not starts:
        return []  # (most metric stretches and many sentences name no place)
    pat, names = _pattern()
    out = []
    for m in anchored_at(starts, pat, text, start, end):
        s = m.start()
        place = names[" ".join(m.group("name").split())]
        if (place.kind == "region" and not regions) or (place.kind == "inside" and not inside):
            continue
        prefixed = m.group("prefix") is not None
        if not prefixed and _CONTINUES.match(text, m.end()) and place.kind != "country":
            continue  # "Mỹ Đình", "Hà Nam Group": part of a longer name
        market = _cue("not_place", "market").before(folded, s, max(start, s - 30)) is not None
        if not market and (_cue("not_place", "before").before(folded, s, max(start, s - 30))
                           or _listed_after_cue(text, folded, s)):
            continue  # a trading partner, an exchange, a route (or a later item of its list)
        if not market and _in_company(folded, s, start):
            continue
        if _held_at(folded, s, start):
            continue  # "hội nghị diễn ra sáng 12/3 ở Đắk Lắk, …": the venue of a meeting
        if place.kind == "foreign" and _nationality(folded, s, start):
            continue  # "nhóm người Trung Quốc", "Sumitomo Mitsui (Tập đoàn SMBC) của Nhật Bản": whose, not where
        if place.kind == "foreign" and _bracketed_not_place(text, folded, s, start):
            continue  # "Công ty TNHH Dệt Pacific Crystal (Trung Quốc)", "xuất xứ từ Hong Kong (Trung Quốc)"
        if not prefixed and _ends_a_name(text, folded, s, start):
            continue  # "Hoàng Anh Gia Lai", "Đá quý Sài Gòn": the end of a longer name
        if place.kind == "inside" and (_INSIDE_NAMED.match(text, m.end()) or _ROUTE_BEFORE.search(text, max(start, s - 20), s)):
            continue  # "Dung Quất 2", "cao tốc Nha Trang - Cam Lâm": a project's or a route's name
        out.append(PlaceMention(s, m.end(), place.name, place.kind, prefixed))
    if inside and (known or _DISTRICT_WORD.search(folded, start, end) is not None):
        out = _with_districts(text, folded, start, end, out, known)
    return out


#: The administrative word of a district or town (``districts.tsv``), which its name is matched after.
_DISTRICT_WORD = regex.compile(r"(?<![\p{L}])(?:huyện|quận|thị[ \t]++xã)[ \t]")


@cache
def _district_pattern() -> regex.Pattern:
    alt = trie_alternation(tuple(districts()), space=r"[ \t]++")
    return regex.compile(rf"(?<![\p{{L}}])(?:[Hh]uyện|[Qq]uận|[Tt]hị[ \t]++xã)[ \t]++(?P<name>{alt})(?![\p{{L}}\p{{N}}])")


def named_districts(text: str, folded: str) -> frozenset[str]:
    """The districts a text writes with their administrative word somewhere ("huyện Lộc Hà"): it may name them
    without it too ("Kinh tế hợp tác xã ở Lộc Hà")."""
    return frozenset(" ".join(text[p.start:p.end].split()) for p in _with_districts(text, folded, 0, len(text), [], frozenset()))


def _with_districts(text: str, folded: str, start: int, end: int, found: list[PlaceMention],
                    known: frozenset[str]) -> list[PlaceMention]:
    """``found`` with the districts written with their administrative word ("huyện Lộc Hà", "thị xã Kỳ Anh"), or
    ``known`` ones without it: each names its province, as a city inside it does (kind ``inside``); not a
    route's end ("từ huyện …"), a company's name ("Công ty Dịch vụ quận Phú Nhuận"), nor a name inside a
    longer one ("Trường THPT Lộc Hà")."""
    table, out = districts(), list(found)
    hits = [(m.start(), m.start("name"), m.end()) for m in _district_pattern().finditer(text, start, end)]
    for name in known:
        at = text.find(name, start, end)
        while at >= 0:
            if not any(a <= at < b for _, a, b in hits) and _BARE_DISTRICT.fullmatch(text, at + len(name), at + len(name) + 1) \
                    and not (at and (text[at - 1].isalnum() or _NAME_BEFORE.search(text, max(start, at - 12), at))):
                hits.append((at, at, at + len(name)))
            at = text.find(name, at + 1, end)
    for lead, s, e in hits:
        if _cue("not_place", "before").before(folded, lead, max(start, lead - 30)) or _held_at(folded, lead, start) \
                or _in_company(folded, lead, start):
            continue  # "từ huyện …", "Công ty Dịch vụ quận Phú Nhuận"
        if any(p.start < e and s < p.end for p in out):
            continue  # (already read, as a city of the gazetteer)
        out.append(PlaceMention(s, e, table[" ".join(text[s:e].split())], "inside"))
    return sorted(out, key=lambda p: p.start) if len(out) > len(found) else found


#: What may follow a district's bare name: not a letter, a digit or another capitalised word.
_BARE_DISTRICT = regex.compile(r"(?:[^\p{L}\p{N} \t]|[ \t](?!\p{Lu}))?")


#: "tại" / "ở" right before a place; a word before a position (what a venue's verb and its date are made of).
_AT_BEFORE = regex.compile(r"(?<![\p{L}])(?:tại|ở)[ \t]++\Z")
_WORD_BEFORE = regex.compile(r"(?<![\p{L}\d/])[\p{L}\d/]{1,12}+[ \t]++\Z")


def _held_at(folded: str, s: int, lo: int) -> bool:
    """Whether the place at ``s`` is a meeting's venue: "diễn ra sáng 12/3 ở Đắk Lắk", "tổ chức tại Hà Nội"
    (a verb of ``[not_place] held``, then at most three words, then "tại" / "ở")."""
    at = _AT_BEFORE.search(folded, max(lo, s - 6), s)
    if at is None:
        return False
    held, pos = _cue("not_place", "held"), at.start()
    for _ in range(4):
        if held.before(folded, pos, lo) is not None:
            return True
        w = _WORD_BEFORE.search(folded, max(lo, pos - 16), pos)
        if w is None:
            return False
        pos = w.start()
    return False


#: The names of a list before a place: "Hoa Kỳ, EU, " (capitalised words, a comma or "và" after each).
_LIST_BEFORE = regex.compile(r"(?<![\p{L}])(?:\p{Lu}[\p{L}.\-]*+(?:[ \t]++\p{Lu}[\p{L}.\-]*+){0,3}+"
                             r"[ \t]*+(?:,|và)[ \t]*+){1,6}+\Z")


def _listed_after_cue(text: str, folded: str, s: int) -> bool:
    """"xuất khẩu sang Hoa Kỳ, EU, Nhật Bản và Hàn Quốc": a later item of a list of names right after a
    partner's (or a route's) word is no place either."""
    # (the list may start before the span asked about: a metric is cleaned a chunk at a time)
    if not folded.endswith((", ", " và "), max(0, s - 5), s):
        return False
    names = _LIST_BEFORE.search(text, max(0, s - 120), s)
    return names is not None and _cue("not_place", "list_before").before(folded, names.start(),
                                                                         max(0, names.start() - 30)) is not None


def _ends_a_name(text: str, folded: str, s: int, lo: int) -> bool:
    """Whether the place name ends a longer proper name (a capitalised word before it), not an agency's."""
    m = _NAME_BEFORE.search(text, max(lo, s - 12), s)
    if m is None or folded[m.start():s].strip() in place_cues("not_place", "openers"):
        return False
    if _cue("not_place", "part_of").before(folded, s, max(lo, s - 20)):
        return False  # "miền Đông Ukraine": a part of the country
    if _cue("not_place", "subunits").before(folded, m.start(), max(lo, m.start() - 12)):
        return True  # "UBND huyện Chương Mỹ": a district's name, though an agency's word comes before
    return _cue("not_place", "agencies").search(folded, max(lo, s - 40), s) is None


def _nationality(folded: str, s: int, lo: int) -> bool:
    """A foreign country named as a nationality: "người Trung Quốc", or a company's "(Tập đoàn X) của Nhật Bản"."""
    if _cue("not_place", "nationality").before(folded, s, max(lo, s - 30)):
        return True
    return folded.endswith("của ", max(lo, s - 4), s) and \
        _cue("not_place", "company").search(folded, max(lo, s - 50), s) is not None


#: A country in brackets right after a capitalised name: "Pacific Crystal (Trung Quốc)", "Hong Kong (Trung Quốc)".
_NAME_THEN_BRACKET = regex.compile(r"(?:\p{Lu}[\p{L}\p{N}&.-]*+[ \t]++)*\p{Lu}[\p{L}\p{N}&.-]*+[ \t]*+\([ \t]*+\Z")


def _bracketed_not_place(text: str, folded: str, s: int, lo: int) -> bool:
    """A foreign country in brackets after a name says whose the name is: no place when the name is a
    company's ("Công ty TNHH Dệt Pacific Crystal (Trung Quốc)") or follows a partner's or an origin's word
    ("xuất xứ từ Hong Kong (Trung Quốc)"); "tại Bắc Kinh (Trung Quốc)" stays China's."""
    m = _NAME_THEN_BRACKET.search(text, max(lo, s - 60), s)
    if m is None:
        return False
    name = m.start()
    return (_in_company(folded, name, lo) or _cue("not_place", "before").before(folded, name, max(lo, name - 30))
            is not None or _cue("not_place", "nationality").before(folded, name, max(lo, name - 20)) is not None)


def _in_company(folded: str, s: int, lo: int) -> bool:
    return _cue("not_place", "company").search(folded, clause_from(folded, max(lo, s - 50), s), s) is not None


#: A national body cited this many sentences after the lead still makes Việt Nam the subject
#: (business news often names its source in the second or third sentence).
NATIONAL_AFTER_LEAD = 2


@dataclass
class Located:
    """What the resolver needs of a record draft."""

    sentence: int
    start: int  # start of its metric
    anchor: int  # start of its first number
    end: int  # end of its last mention
    place: str | None = None


def document_place(text: str, folded: str, sentences: list[tuple[int, int]], lead: set[int],
                   places_in=None, regions_in=None) -> str | None:
    """The place the heading or lead names as the text's subject, else a "tỉnh X" of the next two sentences, else
    Việt Nam for a national body's figures.

    ``places_in(i)`` gives the place mentions of sentence ``i`` (``find_places`` over it by default);
    ``regions_in(i)`` its regions: one named in the opening keeps a national body from making it Việt Nam's.
    """
    places_in = places_in or (lambda i: find_places(text, folded, *sentences[i], inside=True))
    order = sorted(lead)
    for k, i in enumerate(order):
        lo, hi = sentences[i]
        heading = k == 0 and len(order) > 1
        venue_end = None  # the end of a venue's place: a list it opens is the venue's too
        for p in places_in(i):
            if venue_end is not None and p.kind == "list" and _LIST_GAP.fullmatch(folded, venue_end, p.start):
                venue_end = p.end  # "Giám đốc của Mastercard tại Việt Nam, Campuchia và Lào": all venues
                continue
            if heading or p.prefixed or not text[lo:p.start].strip() or not _cue("not_place", "venue").before(folded, p.start, lo):
                if p.kind == "foreign" and _cue("not_place", "owners").before(folded, p.start, max(lo, p.start - 20)):
                    # "Doanh nghiệp Trung Quốc xả thải … ở Hải Dương bị phạt": the owners' country yields to
                    # the province the sentence names; alone ("nhiều doanh nghiệp Mỹ …") it is the subject
                    later = [q for q in places_in(i) if q.start > p.end and q.kind in ("province", "inside")]
                    if later:
                        return later[0].place
                return p.place
            venue_end = p.end if p.kind == "list" else None
    if not order:
        return None
    opening = order + list(range(order[-1] + 1, min(len(sentences), order[-1] + 1 + NATIONAL_AFTER_LEAD)))
    if regions_in is not None and any(regions_in(i) for i in opening):
        return None  # "… cho các dự án tại Tây Nguyên": a national body's figures about a region
    for i in opening:
        lo, hi = sentences[i]
        named = [p for p in places_in(i) if p.prefixed and p.kind == "province"] if i not in lead else []
        if named:
            return named[0].place  # the lead names none: "Trung tâm Kiểm soát bệnh tật tỉnh Bình Phước cho biết …"
        if _cue("national", "provincial").search(folded, lo, hi):
            return None  # "Sở NN&PTNT tổ chức …", "UBND tỉnh": a province the text does not name
        if any(not _cue("national", "not_body").before(folded, m.start(), lo)
               for m in _cue("national", "bodies").finditer(folded, lo, hi)):
            return "Việt Nam"
    return None


def assign(text: str, folded: str, sentences: list[tuple[int, int]], lead: set[int], figures: list[Located]) -> None:
    """Set ``place`` on every figure (own clause, sentence, document subject)."""
    if not figures:
        return
    lead = past_caption(folded, sentences, lead)  # a photo's caption first is not the lead
    found: dict[int, list[PlaceMention]] = {}
    known = named_districts(text, folded) if _DISTRICT_WORD.search(folded) is not None else frozenset()

    def places_in(i: int) -> list[PlaceMention]:
        if i not in found:
            found[i] = _lists(folded, find_places(text, folded, *sentences[i], regions=True, inside=True, known=known))
        return found[i]

    def subjects_in(i: int) -> list[PlaceMention]:
        # a list in the heading or lead still names the first as the subject ("Hà Nội và TP.HCM 'chạy đua' …")
        return [p for p in places_in(i) if p.kind != "region"]

    def regions_in(i: int) -> list[PlaceMention]:
        return [p for p in places_in(i) if p.kind == "region"]

    doc = document_place(text, folded, sentences, lead, subjects_in, regions_in)
    doc_abroad = doc is not None and _kinds().get(doc) == "foreign"
    turns: dict[tuple[int, int], int] = {}  # (sentence, list start) → figures that took a place of the list
    framed: tuple[int, PlaceMention] | None = None  # the last "Tại Hà Nội, …" of the paragraph: (sentence, place)
    seen = 0  # sentences before this one were read for a frame
    section, read_to = doc, (max(lead) + 1 if lead else 0)  # the subject of the body's section so far
    for f in figures:
        for i in range(read_to, f.sentence):
            # "Phó Chủ tịch … dự đại hội khuyến học tỉnh Sóc Trăng" (a line of its own): a section about another
            # province, as when a site runs two reports into one text
            section = _heading_place(folded, sentences, i, subjects_in) or section
        read_to = max(read_to, f.sentence)
        here = places_in(f.sentence)
        # a sentence without a figure frames too: "Tại TP Cần Thơ, giá cát tăng mạnh. Cụ thể, cát xây 280.000 đồng/m3"
        for i in range(max(seen, f.sentence - _FRAME_REACH), f.sentence):
            framed = _read_frame(folded, sentences, i, places_in, framed)
        seen = max(seen, f.sentence + 1)
        if framed is not None and framed[0] != f.sentence and _new_paragraph(folded, sentences, framed[0], f.sentence):
            framed = None  # a new paragraph
        opening = _opening_frame(folded, sentences[f.sentence][0], here)
        if opening is not None:
            framed = (f.sentence, opening)
        elif framed is not None and framed[0] != f.sentence and _another_place(framed, here):
            framed = None  # "Còn Đà Nẵng thu hút …": the paragraph goes on to another place
        run = _respective(folded, f, here)
        if run is not None:
            # "Hà Nội, TP.HCM, Bình Dương … với số nợ lần lượt là 2.170; 1.945; 423 tỷ đồng": in turn
            k = turns.get((f.sentence, run[0].start), 0)
            turns[(f.sentence, run[0].start)] = k + 1
            f.place = run[k].place if k < len(run) else None
            continue
        own = _own(folded, f, here)
        if own is None and not doc_abroad:
            own = _country_later(folded, f, here)  # (abroad, "toàn quốc" is that country's)
        if own is None and _world(folded, f.start, f.anchor):
            f.place = None  # "giá dầu Brent", "giá vàng thế giới", "nguồn cung toàn cầu": the world's, no one place
            continue
        named = own or _before(f, here)
        if named is None and framed is not None and 0 < f.sentence - framed[0] <= _FRAME_SPAN and not here:
            named = framed[1]  # "Tại Nhật Bản, dịch bệnh … Riêng Tokyo ghi nhận 1.027 ca": the paragraph's place
        # a region ("các tỉnh Tây Nguyên") or a list of places is no place, and the figure is not the document's
        f.place = section if named is None else (None if named.kind in NO_PLACE else named.place)


def _heading_place(folded: str, sentences: list[tuple[int, int]], i: int, subjects_in) -> str | None:
    """The one place a sub-heading of the body names with its administrative word ("… tỉnh Sóc Trăng"), if
    sentence ``i`` is a sub-heading (a short line of its own without a final stop) that names one."""
    lo, hi = sentences[i]
    if not is_subheading(folded, lo, hi):
        return None
    named = {p.place for p in subjects_in(i) if p.prefixed and p.kind == "province"}
    return named.pop() if len(named) == 1 else None


#: How many sentences after its own a paragraph's opening place frames: a frame covers its passage, and a
#: long block (headings run into the text without a line break) goes on to other things.
_FRAME_SPAN = 3
#: How many sentences without a figure before a figure's are read for a frame (a paragraph is seldom longer).
_FRAME_REACH = 8


def _new_paragraph(folded: str, sentences: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether a line break stands between sentence ``a`` and a later sentence ``b``: a new paragraph."""
    return folded.find("\n", sentences[a][1], sentences[b][0]) >= 0


def _read_frame(folded: str, sentences: list[tuple[int, int]], i: int, places_in,
                framed: tuple[int, PlaceMention] | None) -> tuple[int, PlaceMention] | None:
    """The paragraph's frame after sentence ``i``, which holds no figure: it opens a frame ("Tại Cần Thơ, …"),
    ends one (a new paragraph, or another place named: "Còn Đà Nẵng …"), or leaves it as it was."""
    lo = sentences[i][0]
    if framed is not None and _new_paragraph(folded, sentences, framed[0], i):
        framed = None
    if _MAY_FRAME.match(folded, lo) is not None:
        opening = _opening_frame(folded, lo, places_in(i))
        if opening is not None:
            return (i, opening)
    if framed is not None and _another_place(framed, places_in(i)):
        return None
    return framed


def _another_place(framed: tuple[int, PlaceMention], named: list[PlaceMention]) -> bool:
    """Whether a later sentence names a place other than the frame's: the paragraph goes on to it, and the
    frame ends there (whether that sentence holds a figure or not)."""
    return any(p.place != framed[1].place for p in named)


#: Kinds of mention that name no one place: a region, a member of a list ("Hà Nội, TP.HCM và Đà Nẵng").
NO_PLACE = ("region", "list")
#: Between the members of a list of places: "An Giang, Kiên Giang và Cần Thơ", "Hà Nội - Bắc Giang".
_LIST_GAP = regex.compile(r"[ \t]*+(?:,|và|hoặc|cùng|-|–)[ \t]*+")


def _lists(folded: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions with those of a list of two or more places (or a route) marked ``list``: no one place."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind != "region" and b.kind != "region" and a.place != b.place \
                and _LIST_GAP.fullmatch(folded, a.end, b.start):
            out[i], out[i + 1] = replace(a, kind="list"), replace(b, kind="list")
    return out


def _respective(folded: str, f: Located, found: list[PlaceMention]) -> list[PlaceMention] | None:
    """The list of places before the figure that "lần lượt" / "tương ứng" hands out in turn, if any."""
    runs: list[list[PlaceMention]] = []
    for p in found:
        if p.kind != "list" or p.end > f.anchor:
            continue
        if runs and _LIST_GAP.fullmatch(folded, runs[-1][-1].end, p.start):
            runs[-1].append(p)
        else:
            runs.append([p])
    if not runs or _cue("list", "respective").search(folded, runs[-1][-1].end, f.anchor) is None:
        return None
    return runs[-1]


#: The head of a sentence that opens with its place: "Tại …", "Còn ở …".
_FRAME_HEAD = r"[ \t\"“(\-–•*]*+(?:(?:còn|riêng)[ \t]++)?(?:tại|ở)[ \t]++"
#: A sentence that may open with its place: the cheap test before its places are looked up.
_MAY_FRAME = regex.compile(_FRAME_HEAD)
#: A sentence that opens with its place, as a frame: "Tại Nhật Bản, …", "Ở TP.HCM, …".
_OPENING_FRAME = regex.compile(_FRAME_HEAD +
                               r"(?:[^,.;:()\n\d]{1,30}+\([ \t]*+(?:tỉnh[ \t]++|thành[ \t]++phố[ \t]++|tp\.?[ \t]*+)?)?+\Z")
#: After a bracketed place that frames ("Còn tại Lý Sơn (Quảng Ngãi), …"): its closing bracket, then the comma.
_FRAME_CLOSE = regex.compile(r"[ \t]*+\)?[ \t]*+,")


def _opening_frame(folded: str, lo: int, found: list[PlaceMention]) -> PlaceMention | None:
    """The place a sentence opens with as its frame ("Tại Hà Nội, ghi nhận 3 trường hợp …", "Còn tại Lý Sơn
    (Quảng Ngãi), …"): one place after "Tại" / "Ở" at its head (or in the brackets after the district or
    island it names), a comma right after it; it frames the rest of the paragraph."""
    if not found or found[0].kind in NO_PLACE or found[0].start - lo > 48:
        return None
    p = found[0]
    if _OPENING_FRAME.fullmatch(folded, lo, p.start) is None:
        return None
    end = p.end
    if len(found) > 1 and found[1].place == p.place and folded[p.end:found[1].start].strip() == "(":
        end = found[1].end  # "Lý Sơn (Quảng Ngãi)": the district and its province, bracketed
    close = _FRAME_CLOSE.match(folded, end)
    if close is None or (")" in folded[end:close.end()]) != ("(" in folded[lo:end]):
        return None  # the comma right after the place, or after the brackets that hold it
    return p


def _own(folded: str, f: Located, found: list[PlaceMention]) -> PlaceMention | None:
    inside = [p for p in found if f.start <= p.start < f.anchor]
    if inside:
        return inside[-1]
    g = _POST_GAP.match(folded, f.end, None, SERIAL)
    if g:
        for p in found:
            if p.start == g.end():
                return p
    return None


def _country_later(folded: str, f: Located, found: list[PlaceMention]) -> PlaceMention | None:
    """The country later in the figure's clause: "cho 333.000 người nghèo trên cả nước", "phủ 95% dân số
    Việt Nam"; not a standing ("đứng đầu cả nước", "thứ 3 toàn quốc") nor a currency ("1 tỷ đồng Việt Nam")."""
    for p in found:
        if p.kind == "country" and f.anchor < p.start and _SAME_CLAUSE.fullmatch(folded, f.anchor, p.start) \
                and _cue("world", "ranking").before(folded, p.start, max(f.anchor, p.start - 20)) is None \
                and _cue("not_place", "currency").before(folded, p.start, max(f.anchor, p.start - 12)) is None:
            return p
    return None


#: Between a figure and the country later in its clause: a few words, no stop, number or bracket.
_SAME_CLAUSE = regex.compile(r"[\d.,]*+[^,;:.\d\n()]{0,40}+")


def _world(folded: str, lo: int, hi: int) -> bool:
    """Whether a figure's name says it is the world market's ("giá dầu Brent", "thị phần toàn cầu"), not a
    ranking ("Viện Công nghệ số 1 thế giới", "lớn nhất thế giới")."""
    for m in _cue("world", "words").finditer(folded, lo, hi):
        if _cue("world", "ranking").before(folded, m.start(), max(lo, m.start() - 20)) is None:
            return True
    return False


def _before(f: Located, found: list[PlaceMention]) -> PlaceMention | None:
    earlier = [p for p in found if p.end <= f.start]
    return earlier[-1] if earlier else None
