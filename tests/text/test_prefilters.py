"""The short cuts of the figure prefilters agree with the patterns they stand for."""
from __future__ import annotations

from vnextract.numbers.parse import _lexicon, _multiplier_lower
from vnextract.text.sentences import MAY_HOLD_FIGURE, may_hold_figure

TEXTS = ["Doanh thu đạt HAI TRIỆU đồng", "Tỷ lệ hộ nghèo giảm", "Mười năm qua", "không có số nào", "İstanbul triệu",
         "İstanbul không", "Kim ngạch MƯƠI", "nghin ngàn", "Rưỡi", "ſố", "TRĂM", "tỉ", "", "năm 2023", "٣ tháng"]


def test_may_hold_figure_agrees_with_its_pattern():
    for text in TEXTS:
        for s in range(len(text) + 1):
            assert may_hold_figure(text, s, len(text)) == (MAY_HOLD_FIGURE.search(text, s, len(text)) is not None), (text, s)
    assert sum(may_hold_figure(t, 0, len(t)) for t in TEXTS) >= 8


def test_multiplier_prefilter_agrees_in_lower_case():
    ci = _lexicon().multiplier_re
    for text in TEXTS:
        low = text.lower()
        if len(low) == len(text):
            assert (_multiplier_lower().search(low) is None) == (ci.search(text) is None), text
