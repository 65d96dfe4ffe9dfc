"""The short cuts of the figure prefilters agree with the patterns they stand for."""
from __future__ import annotations

import sys

import regex

from vnextract.numbers.parse import _holds_multiplier, _lexicon, _multiplier_lower
from vnextract.text.sentences import MAY_HOLD_FIGURE, NUMBER_WORDS, may_hold_figure

TEXTS = ["Doanh thu đạt HAI TRIỆU đồng", "Tỷ lệ hộ nghèo giảm", "Mười năm qua", "không có số nào", "İstanbul triệu",
         "İstanbul không", "Kim ngạch MƯƠI", "nghin ngàn", "Rưỡi", "ſố", "TRĂM", "tỉ", "", "năm 2023", "٣ tháng"]


def test_may_hold_figure_agrees_with_its_pattern():
    for text in TEXTS:
        for s in range(len(text) + 1):
            assert may_hold_figure(text, s, len(text)) == (MAY_HOLD_FIGURE.search(text, s, len(text)) is not None), (text, s)
    assert sum(may_hold_figure(t, 0, len(t)) for t in TEXTS) >= 8


def test_number_word_letters_match_case_insensitively_just_as_they_lower_case():
    """``may_hold_figure`` looks for the number words in the lower-cased text: exact when every character whose
    lower case is one character matches a letter of them case-insensitively just where it lower-cases to it."""
    every = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if len(c.lower()) == 1 and not 0xD800 <= ord(c) < 0xE000)
    for letter in sorted(set("".join(NUMBER_WORDS))):
        matched = {m.group() for m in regex.finditer(f"(?i:{regex.escape(letter)})", every)}
        assert matched == {c for c in every if c.lower() == letter}, letter
        assert len(matched) >= 2  # its upper case too


def test_multiplier_prefilter_agrees_in_lower_case():
    ci = _lexicon().multiplier_re
    for text in TEXTS:
        low = text.lower()
        if len(low) == len(text):
            assert (_multiplier_lower().search(low) is None) == (ci.search(text) is None), text
            assert _holds_multiplier(low, _lexicon()) == (ci.search(text) is not None), text


def test_spelled_number_words_are_found_in_lower_case_as_case_insensitively():
    """``_scan_all`` searches the lower-cased text with ``words_re`` made case-sensitive: the same matches when
    every letter of its words matches case-insensitively just the characters that lower-case to it, and
    lower-casing keeps whether a character is a letter, mark or digit (the look-arounds) or a space."""
    from vnextract.numbers.parse import _FOLDS_APART, _scan_all, _words_lower

    lx = _lexicon()
    every = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if len(c.lower()) == 1 and not 0xD800 <= ord(c) < 0xE000)
    letters = set(regex.sub(r"\\p\{\w+\}|\\.|[^\p{L}\p{M}]", "", lx.words_re.pattern))
    assert {"m", "ư", "ờ", "ỷ"} <= letters
    for letter in sorted(letters):
        matched = {m.group() for m in regex.finditer(f"(?i:{regex.escape(letter)})", every)}
        assert matched - set(_FOLDS_APART) == {c for c in every if c.lower() == letter}, letter
    glue = regex.compile(r"[\p{L}\p{M}\p{N}]")
    space = regex.compile(r"[^\S\r\n]")
    assert [c for c in every if (glue.match(c) is None) != (glue.match(c.lower()) is None)
            or (space.match(c) is None) != (space.match(c.lower()) is None)] == []
    for text in TEXTS + ["Hai Trăm Năm mươi tỷ đồng, MỘT NGHÌN", "ba mươi lăm nghìn, hai chục tá", "tỷ", "ſáu trăm"]:
        low = text.lower()
        if len(low) == len(text) and _FOLDS_APART not in text:
            assert [m.span() for m in _words_lower().finditer(low)] == [m.span() for m in lx.words_re.finditer(text)]
        if len(low) == len(text):
            assert _scan_all(text, True, lx, low) == _scan_all(text, True, lx), text
    assert len(_scan_all("Hai Trăm Năm mươi tỷ đồng", False, lx, "hai trăm năm mươi tỷ đồng")) == 1
    assert _scan_all("ſáu trăm", False, lx, "ſáu trăm") == _scan_all("ſáu trăm", False, lx)


def test_figure_hints_ask_the_unit_pattern_only_where_a_unit_can_follow():
    """``figure_hints`` with its character checks gives what its three patterns alone give, on every stretch."""
    from vnextract.text.normalize import fold
    from vnextract.text.prepare import _NUMBER, _hint_parts, figure_hints

    unit_after, word_after, verb_before, _ = _hint_parts()

    def plain(folded, s, e):
        return [m.start() for m in _NUMBER.finditer(folded, s, e)
                if unit_after.match(folded, m.end(), e)
                or (word_after.match(folded, m.end(), e) and verb_before.search(folded, max(s, m.start() - 40), m.start()))]

    texts = [fold(t) for t in ("Năm 2023, doanh thu đạt 5.200 tỷ đồng, tăng 12% ; đón 58 homestay, có 46 nhà hàng",
                               "Giá 41.300 đồng/kg,  3   tấn, 7 %, 2022: thu hút được 120 dự án và 15 lao động.",
                               "Tuyển dụng 300 người, 1.2 triệu USD, 5\u00a0ha, 10\tnghìn tỷ, 9 tháng, trồng 20 ha")]
    hits = 0
    for text in texts:
        for s in range(0, len(text), 3):
            for e in (len(text), min(len(text), s + 25)):
                assert figure_hints(text, s, e) == plain(text, s, e), (text, s, e)
        hits += len(figure_hints(text, 0, len(text)))
    assert hits >= 12
