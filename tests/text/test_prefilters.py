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
