"""Unit checks of the metric namer's small helpers (rules/metric.py)."""
from vnextract.rules.metric import _sentence_case, before_adjective, relative_holder


def test_sentence_case_keeps_a_names_inner_capitals():
    assert _sentence_case("Doanh thu thuần") == "doanh thu thuần"
    assert _sentence_case("VinFast bán") == "VinFast bán"
    assert _sentence_case("EcoSport") == "EcoSport"
    assert _sentence_case("HPG") == "HPG"
    assert _sentence_case("Mẫu Vios đời 2019") == "mẫu Vios đời 2019"
    assert _sentence_case("Mazda3 sedan") == "Mazda3 sedan"
    assert _sentence_case("Giá HPG") == "giá HPG"


def test_level_adjective_leaves_only_after_a_head():
    assert before_adjective("khối lượng giao dịch thấp") == "khối lượng giao dịch"
    assert before_adjective("tỷ lệ này vẫn duy trì khá cao") == "tỷ lệ này"
    assert before_adjective("thép dây cuộn chất lượng cao") == "thép dây cuộn chất lượng cao"
    assert before_adjective("nguy cơ mắc bệnh cao") == "nguy cơ mắc bệnh cao"  # no head noun before it


def test_relative_holder_needs_a_name_and_a_head():
    assert relative_holder("lợi nhuận mà SMFG") == "lợi nhuận của SMFG"
    assert relative_holder("lợi nhuận mà SMFG đạt được") == "lợi nhuận của SMFG"
    assert relative_holder("áo dài mà Quốc Cơ từng mặc") == "áo dài mà Quốc Cơ từng mặc"
