"""The assembler's short cuts give what the plain computation gives."""
from __future__ import annotations

from dataclasses import replace

from vnextract.periods import compared_after, find_mentions
from vnextract.rules.records import _TYPO_YEAR, analyse, find_all_quantities
from vnextract.text.prepare import prepare

TEXT = ("Năm 2023, doanh thu đạt 5.200 tỷ đồng, tăng 12% so với năm 2022 và bằng 104% kế hoạch năm.\n"
        "So với cùng kỳ năm 2021, lợi nhuận tăng 7% năm 2015; tính đến 30/6/2024, dư nợ đạt 12 tỷ đồng.\n"
        "Dự án khởi công từ năm 20214, hoàn thành trong quý III/2025. Sáu tháng đầu năm, xuất khẩu tăng 3%.\n"
        "Cả năm, giá vàng ở mức 66,5 triệu đồng/lượng. Hội nghị diễn ra sáng nay.")


def test_periods_found_on_first_use_are_those_found_at_once():
    """A sentence's periods, found when first asked for, are what ``analyse`` found before it left them
    for later: its mentions, a period in a comparison or plan (a shadow) a "comparison" unless one follows."""
    p = prepare(TEXT)
    F = p.norm.folded
    analyses = [analyse(p.norm, s, qs) for s, qs in zip(p.sentences, find_all_quantities(p))]
    found = 0
    for a in analyses:
        eager = [q if not q.frames or not any(x <= q.start < y for x, y in a.shadows) or compared_after(F, q.end)
                 else replace(q, role="comparison") for q in find_mentions(F, a.lo, a.hi)]
        assert a.periods == eager
        found += len(eager)
    assert found >= 8 and any(q.role == "comparison" for a in analyses for q in a.periods)


def test_a_mistyped_year_is_found_where_its_prefilter_looks():
    """The typo warning asks only the sentences ``_TYPO_YEAR`` finds something in: every typo mention is there."""
    for text in ("năm 20214", "năm\t\t19990 tới", "trong năm 2000000, 5%", "năm 2023", "năm 202", "NĂM  20188"):
        p = prepare(text)
        F = p.norm.folded
        typos = [q for q in find_mentions(F) if q.role == "typo"]
        assert not typos or _TYPO_YEAR.search(F) is not None, text
        assert bool(typos) == (text not in ("năm 2023", "năm 202")), text
