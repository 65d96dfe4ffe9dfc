"""Short cuts of the quantity reader and of the sentence driver agree with the patterns they stand for."""
from __future__ import annotations

from vnextract.rules.quantities import _may_read_unit, _unit_re
from vnextract.text.normalize import fold

TEXTS = [
    "Doanh thu đạt 5.200 tỷ đồng, tăng 12% so với năm 2022; lãi 3,5 triệu USD/tháng (bằng 1,2 lần).",
    "Giá 41.300 đồng/kg, VN-Index tăng 9,8 điểm, 15/10/2023, 120-180 nghìn đồng /  người,    5    tấn.",
    "46 nhà hàng, 2.000 ha lúa, 30 °C, 5 m², $12,5 triệu, 7 - 7,5 %, 0,5 điểm phần trăm; 3)",
]


def test_unit_reader_is_skipped_only_where_its_pattern_reads_nothing():
    """Where ``_may_read_unit`` says no, ``_unit_re`` matches nothing but spaces: no scale, unit or denominator."""
    skipped = read = 0
    for text in map(fold, TEXTS):
        for e in range(len(text) + 1):
            for end in (len(text), min(len(text), e + 4)):
                if _may_read_unit(text, e, end):
                    read += 1
                    continue
                u = _unit_re().match(text, e, end)
                assert not any(u.group(g) for g in ("scale", "points", "ratio", "pct", "unit", "den")), (text, e)
                skipped += 1
    assert skipped > 100 and read > 100


def test_sentence_bounds_skip_the_bullet_pattern_only_where_no_bullet_starts():
    """``sentence_bounds`` gives what ``_BULLET`` gives, at every start of these texts (bullets or not)."""
    from vnextract.rules.records import _BULLET, sentence_bounds
    from vnextract.text.sentences import Sentence

    texts = [fold(t) for t in TEXTS] + ["- Doanh thu 5 tỷ", "• 12%", "1) Xuất khẩu", "a) Nhập khẩu", "đ) Khác",
                                        "12. Vốn", "\t– Giá", "+ 5%", "* Lãi", "3 tỷ đồng", "b)", "-", "١) x"]
    bullets = 0
    for text in texts:
        for s in range(len(text) + 1):
            sent = Sentence(s, len(text), 0)
            b = _BULLET.match(text, s, len(text))
            assert sentence_bounds(text, sent) == ((b.end() if b else s), len(text), b is not None), (text, s)
            bullets += b is not None
    assert bullets >= 10
