"""WordSet look-ups: the short cuts of ``before`` and ``scan`` find exactly what their plain regex finds."""
from __future__ import annotations

from functools import cache

import regex

from vnextract.lang.vi import lexicon
from vnextract.rules.words import WINDOW, WordSet
from vnextract.text.normalize import fold

TEXT = fold(
    "Tính đến ngày 30/9/2023, so với cùng kỳ năm 2022, doanh thu   ước đạt trên 90.260 tỷ đồng;\n"
    "(so với\tnăm trước) kim ngạch xuất khẩu sang Hoa Kỳ tăng hơn 5%, vượt kế hoạch năm,  bằng 96% cùng kỳ. "
    "Thu NSNN đạt gần 4.215 tỷ đồng, bằng 46,3% dự toán trở lên -- khoảng xấp xỉ chừng"
)


@cache
def _forward(ws: WordSet) -> regex.Pattern:
    """The cue list before a position as a plain forward search, tried at every start of the window."""
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])({ws._alt})[ \t]*+\Z")


def _plain(ws: WordSet, folded: str, pos: int, start: int = 0) -> tuple[int, int] | None:
    m = _forward(ws).search(folded, max(start, pos - WINDOW), pos)
    return m.span(1) if m else None


def test_before_agrees_with_its_regex_everywhere():
    from vnextract.lang.vi.periods import _data as periods_toml, period_cues
    from vnextract.lang.vi.places import _cues as places_toml, place_cues

    sets = [WordSet(words) for group in lexicon().cues.values() for words in group.values() if words]
    sets.append(WordSet(("so với", "cùng kỳ", "trên", "so")))
    for toml, cues in ((periods_toml(), period_cues), (places_toml(), place_cues)):  # their cue lists too
        sets += [WordSet(cues(g, n)) for g, group in toml.items() if isinstance(group, dict)
                 for n, ws in group.items() if isinstance(ws, list) and ws and all(isinstance(w, str) for w in ws)]
    found = 0
    for ws in sets:
        for pos in range(len(TEXT) + 1):
            got = ws.before(TEXT, pos)
            assert got == _plain(ws, TEXT, pos), (ws.words[:5], pos, TEXT[max(0, pos - 20):pos])
            found += got is not None
    assert found > 50  # the text does hold cues before many positions


def _before_agrees(ws: WordSet, text: str, step: int) -> int:
    """Assert ``before`` gives the plain search's span at every position and every ``step``-th window start;
    how many look-ups found a cue."""
    found = 0
    for pos in range(len(text) + 1):
        for start in range(0, pos + 1, step):
            got = ws.before(text, pos, start)
            assert got == _plain(ws, text, pos, start), (pos, start, text[start:pos])
            found += got is not None
    return found


def test_before_searched_backwards_finds_the_leftmost_cue():
    """``before`` searches backwards from the position; where cues end one another ("so với", "với"), with
    runs of spaces, tabs or a line break between words, signs before them and a window start cutting
    through them, it finds the span the forward search finds."""
    text = fold("tăng 5%  so   với\tvới, (so với)-với  cùng\nkỳ năm trước kỳ; xvới 3 so với cùng kỳ  ")
    ws = WordSet(("so với", "với", "cùng kỳ", "kỳ", "so với cùng kỳ", "với cùng", "trước kỳ", "(so với"))
    assert _before_agrees(ws, text, step=3) > 100


def test_before_compares_cues_whose_last_word_is_one_character():
    """``before`` compares cues right to left: a last word of one character after a tab or a run of spaces
    ("quý  2"), longer and shorter cues ending alike, a cue cut by the window's start, as the regex does."""
    text = fold("doanh thu quý\t2, quý  2 và quý 2;b 2 (2 x-2 năm 2 ab 2")
    ws = WordSet(("quý 2", "2", "và quý 2", "b 2", "x-2", "năm 2", "ab 2"))
    assert _before_agrees(ws, text, step=2) > 50


def test_before_finds_a_multi_word_cue_before_spaces():
    ws = WordSet(("so với", "cùng kỳ"))
    text = "tăng 5% so với   "
    assert ws.before(text, len(text)) == (8, 14)
    assert ws.before("tăng 5% xso", 11) is None


def test_period_anchors_agree_with_their_regex_on_every_stretch():
    """``mentions.anchors`` (str.find per word) finds just what the anchor regex finds, bounds included."""
    from vnextract.periods.mentions import _ANCHOR, anchors

    text = fold("Năm 2023, 6 tháng đầu năm xnăm, năm2023 -5/6 .12/3 tháng10 Tháng 9/2023 cả năm nửa đầu năm;"
                " hiện nay, tính đến 30/6, mười hai tháng, ba quý, bảy ngày, thời điểm hiện tại, tài khóa; 2016 là năm, cuối 2021, trong 2.021")
    found = 0
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 3):
            want = [m.start() for m in _ANCHOR.finditer(text, start, end)]
            assert anchors(text, start, end) == want, (start, end)
            found += len(want)
    assert found > 1000


def test_scan_finds_what_finditer_finds_on_every_stretch():
    """``scan`` (the pattern tried only at words a cue starts with) gives ``finditer``'s matches, bounds included."""
    from vnextract.rules.filters import _all_cues

    sets = [_all_cues()[0], WordSet(("so với", "cùng kỳ", "trên", "so", "vn-index", "5%")),
            *(WordSet(words) for group in lexicon().cues.values() for words in group.values() if words)]
    found = 0
    for ws in sets:
        for s in range(0, len(TEXT) + 1, 7):
            for e in (len(TEXT), s + 40, s + 3):
                e = min(e, len(TEXT))
                got = [m.span() for m in ws.scan(TEXT, s, e)]
                assert got == [m.span() for m in ws.finditer(TEXT, s, e)], (ws.words[:5], s, e)
                found += len(got)
    assert found > 100
    assert WordSet(("(so với",))._first is None  # a cue that starts with a sign: no short cut, the regex itself


def test_place_pattern_is_tried_wherever_a_place_can_start():
    """``find_places`` tries its pattern only where the text starts with the first characters of a spelling or
    an administrative word: every spelling, bare and after each administrative word, starts there."""
    from vnextract.lang.vi.places import gazetteer
    from vnextract.places.resolve import _ANCHOR, _pattern, _starts

    pat, _ = _pattern()
    two, one = _starts()
    tried = 0
    for spelling in {s for p in gazetteer() for s in p.spellings}:
        for before in ("", "tỉnh ", "Tỉnh ", "thành phố ", "Thành\tphố ", "TP ", "TP.", "Tp. ", "UBND tỉnh ", "UBND  Tỉnh "):
            text = f"Năm nay, {before}{spelling} có"
            a = len("Năm nay, ")
            assert pat.match(text, a) is not None, text
            if _ANCHOR.match(text, a):
                assert text[a:a + 2] in two or text[a:a + 1] in one, text
                tried += 1
    assert tried > 1000
    assert "Th" in two and not {"Nă", "Cô", "Bộ", "Do"} & (two | one)  # "Năm nay", "Công ty" … are never tried


def test_place_pattern_as_a_trie_matches_what_the_alternation_of_spellings_matches():
    """The gazetteer's spellings are written as a trie (``trie_alternation``, spaces as ``[ \\t]++``): at every
    position, with a near end or none, the same match and the same prefix and name as their alternation,
    longest first, gives; for spellings that are prefixes of others, after administrative words, odd spaces."""
    from vnextract.lang.vi.places import gazetteer
    from vnextract.places.resolve import _pattern

    spellings = {s for p in gazetteer() for s in p.spellings}
    alt = "|".join(regex.escape(s).replace(r"\ ", r"[ \t]++") for s in sorted(spellings, key=len, reverse=True))
    plain = regex.compile(r"(?<![\p{L}\p{N}])(?P<prefix>(?:UBND[ \t]++)?(?:[Tt]ỉnh|[Tt]hành[ \t]++phố|TP\.?|Tp\.?)"
                          rf"[ \t]*+)?(?P<name>{alt})(?![\p{{L}}\p{{N}}])")
    trie, _ = _pattern()
    text = ("Tại TP.HCM và Hà Nội, UBND tỉnh Long  An cùng Tp. Hồ Chí Minh, thành phố Cần\tThơ, Hà Nam Group, "
            "Hà Nộii, Bà Rịa - Vũng Tàu, tỉnh Bà Rịa-Vũng Tàu, Đà Lạt (Lâm Đồng), Trung Quốc, Hoa Kỳ; tỉnhHà Giang, "
            "Thành phố Hà, UBND TP Đà Nẵng và TP Huế, Mỹ Tho, Mỹ. ") + " ".join(sorted(spellings))
    found = 0
    for pos in range(len(text)):
        for end in (len(text), min(len(text), pos + 9)):
            want, got = plain.match(text, pos, end), trie.match(text, pos, end)
            assert (got and (got.span(), got.span("prefix"), got.span("name"))) == \
                (want and (want.span(), want.span("prefix"), want.span("name"))), (pos, end, text[pos:pos + 30])
            found += want is not None
    assert found > len(spellings)


def test_short_lists_looked_for_word_by_word_find_what_their_pattern_finds():
    """``search`` and ``finditer`` of a list with few leading words look for those words first (``str.find``):
    the same answers as the pattern alone on every stretch, bounds included, and no pattern where none is."""
    sets = [WordSet(("so với", "cùng kỳ", "trên", "so", "5%")), WordSet(("ước đạt", "ước")), WordSet(("(so với",)),
            *(WordSet(words) for group in lexicon().cues.values() for words in group.values() if words)]
    assert sets[0]._probes == ("5", "cùng", "so", "trên") and sets[2]._probes is None
    found = 0
    for ws in sets:
        for s in range(0, len(TEXT) + 1, 7):
            for e in (len(TEXT), s + 40, s + 3):
                e = min(e, len(TEXT))
                want = [m.span() for m in ws._any.finditer(TEXT, s, e)]
                assert [m.span() for m in ws.finditer(TEXT, s, e)] == want, (ws.words[:5], s, e)
                hit = ws.search(TEXT, s, e)
                assert (hit.span() if hit else None) == (want[0] if want else None), (ws.words[:5], s, e)
                found += len(want)
    assert found > 100
    assert WordSet(("ước đạt", "ước")).search(TEXT, 0, 60) is None and WordSet(("ước đạt",)).search(TEXT).span() == (62, 69)


def test_ending_and_run_start():
    """``ending`` is the cue that ends a phrase (none in mid-phrase); ``run_start`` goes back over a run of cues."""
    moves = WordSet(("vượt", "vượt qua", "đã", "sắp", "chạm"))
    levels = WordSet(("ngưỡng", "mốc"))
    phrase = fold("tài sản của tỷ phú đã sắp chạm mốc  ")
    assert levels.ending(phrase) == (phrase.index("mốc"), phrase.index("mốc") + 3)
    assert levels.ending(fold("mốc tài sản")) is None
    start = moves.run_start(phrase, levels.ending(phrase)[0])
    assert phrase[:start].rstrip() == fold("tài sản của tỷ phú")
    assert moves.run_start(phrase, 3) == 3  # no cue ends there


def test_trie_alternation_matches_what_the_alternation_matches():
    """``trie_alternation`` (the forward look-ups' form) matches what ``alternation`` matches at every
    position, with a word end after it or not, for every cue list; lists it cannot write as a trie fall back."""
    from vnextract.rules.filters import _all_cues
    from vnextract.rules.words import alternation, trie_alternation

    text = TEXT + fold(" so  với cùng kỳ, so với\tcùng kỳ năm, sovới, so vớii; (so với 3")
    lists = [_all_cues()[0].words, ("so với", "so", "so với cùng kỳ", "với", "cùng kỳ", "(so với", "5%", "so vớ"),
             *(words for group in lexicon().cues.values() for words in group.values() if words)]
    found = 0
    for ws in lists:
        for tail in (r"(?![\p{L}\p{N}])", "", r"[ \t]++\d"):
            plain = regex.compile(rf"(?:{alternation(ws)}){tail}")
            trie = regex.compile(rf"(?:{trie_alternation(ws)}){tail}")
            for pos in range(len(text)):
                want, got = plain.match(text, pos), trie.match(text, pos)
                assert (got and got.span()) == (want and want.span()), (ws[:5], pos, tail)
                found += want is not None
        plain = regex.compile(rf"(?r)(?<![\p{{L}}\p{{N}}])(?:{alternation(ws)})[ \t]*+\Z")
        trie = regex.compile(rf"(?r)(?<![\p{{L}}\p{{N}}])(?:{trie_alternation(ws, reverse=True)})[ \t]*+\Z")
        for pos in range(len(text) + 1):  # right to left, as ``before`` searches
            want, got = plain.search(text, max(0, pos - 60), pos), trie.search(text, max(0, pos - 60), pos)
            assert (got and got.span()) == (want and want.span()), (ws[:5], pos)
    assert found > 300
    assert trie_alternation(("so với", "so")) == r"so(?:\s+với)?"
    assert trie_alternation(("so với", "với"), reverse=True) == r"(?:so\s+)?với"
    assert trie_alternation(("so\tvới", "so")) == alternation(("so\tvới", "so"))  # a tab: no trie


def test_after_finds_what_its_pattern_matches_on_every_stretch():
    """``after`` (the cues that start with the word there compared one by one) gives its pattern's span:
    after spaces, across runs of whitespace, with an end that cuts a word, a cue that starts with a sign."""
    text = TEXT + fold(" so  với cùng\tkỳ, so với\ncùng kỳ năm, sovới, so vớii; (so với 3 vn-index 5% ")
    sets = [WordSet(("so với", "so", "so với cùng kỳ", "cùng kỳ", "vn-index", "5%", "với")), WordSet(("(so với", "so")),
            *(WordSet(words) for group in lexicon().cues.values() for words in group.values() if words)]
    found = 0
    for ws in sets:
        for pos in range(len(text)):
            for end in (len(text), pos + 6):
                end = min(end, len(text))
                m = ws._after.match(text, pos, end)
                assert ws.after(text, pos, end) == (m.span(1) if m else None), (ws.words[:5], pos, end)
                found += m is not None
    assert found > 300
    assert [text[slice(*sets[0].after(text, p))] for p in (len(TEXT), text.index("so vớii"))] == [
        "so  với cùng kỳ", "so"]  # ("so vớii": "so")
