"""Canonical indicators: the data file is consistent, and the search around a name stays bounded.

The behaviour on metrics is in rules/examples.toml ([[indicator]]); these are the properties examples cannot show.
"""
import time

import pytest

from vnextract.lang.vi import metric_words
from vnextract.lang.vi.indicators import indicator_ids, indicators
from vnextract.rules.indicators import _tables, indicator_of


def test_every_national_id_and_qualifier_names_a_listed_indicator():
    ids = set(indicator_ids())
    for ind in indicators().values():
        assert ind.national is None or ind.national in ids, ind.id
    t = _tables()
    for _, allowed in (*t.before, *t.after):
        assert allowed is None or allowed <= ids


def test_an_owned_beginning_needs_its_company():
    """"doanh thu" alone says nobody's revenue; "doanh thu của Công ty ABC" is a company's (decision 35)."""
    owned = [ind for ind in indicators().values() if ind.owned]
    assert owned
    for ind in owned:
        assert ind.company, ind.id
        for begin in ind.owned:
            assert indicator_of(begin) != ind.id, begin
            assert indicator_of(f"{begin} của Công ty ABC") == ind.id, begin
            assert indicator_of(f"{begin} của tỉnh Long An") != ind.id, begin


@pytest.mark.parametrize("metric", [
    " ".join(["đạt tăng đã năm có, trong giảm của Công ty"] * 200),
    " ".join(["của Công ty"] * 2000) + " doanh thu của PAN",
    " ".join(["tổng"] * 3000) + " xuất khẩu" + " toàn tỉnh" * 2000,
])
def test_long_metrics_stay_fast(metric):
    indicator_of.cache_clear()
    start = time.perf_counter()
    indicator_of(metric)
    assert time.perf_counter() - start < 2.0


def test_qualifiers_still_stack_on_a_long_metric():
    assert indicator_of(" ".join(["tổng"] * 300) + " xuất khẩu" + " toàn tỉnh" * 200) == "exports"
    assert metric_words("KNXK") == ("kim", "ngạch", "xuất", "khẩu")  # report shorthand is expanded (abbreviations.tsv)
    assert indicator_of("KNXK") == "exports"
    assert metric_words("DTT") == ("dtt",)  # indicator shorthand is the indicator's, not the metric's
    assert indicator_of("DTT của VNM") == indicator_of("doanh thu thuần của VNM")


def test_a_spelling_variant_leads_to_the_spelling_the_names_use():
    """[spellings]: the variant is in no name and the spelling it becomes is, so the table only ever adds matches."""
    from vnextract.lang.vi.indicators import spellings

    words = {w for ind in indicators().values() for n in ind.names for w in metric_words(n)}
    assert spellings()
    for variant, standard in spellings().items():
        assert variant not in words and metric_words(standard)[0] in words, variant


@pytest.mark.parametrize("kind", ["country", "province", "foreign"])
def test_only_a_province_or_the_country_after_a_name_is_its_place(kind):
    """Every province or the country after "của" keeps the name's id; a foreign country may be a partner
    ("vốn FDI của Hàn Quốc" is Korea's investment, a breakdown) and leaves the metric without one."""
    from vnextract.lang.vi.places import gazetteer

    places = [p for p in gazetteer() if p.kind == kind]
    assert places
    for p in places:
        got = {indicator_of(f"vốn FDI của {s}") for s in p.spellings}
        assert got == ({None} if kind == "foreign" else {"fdi_registered_capital"}), (p.name, got)


def test_a_territorial_figure_needs_a_place_or_a_territory_in_its_metric():
    """Credit, deposits and bad debt with no place are a bank's own books (decision 35); with a
    province, or a territory named in the metric ("toàn nền kinh tế"), they are the economy's."""
    territorial = [ind for ind in indicators().values() if ind.territorial]
    assert {i.id for i in territorial} >= {"credit_outstanding", "deposits_mobilized", "bad_debt_ratio"}
    for ind in territorial:
        for n in ind.names:
            assert indicator_of(n, "Nghệ An") == ind.id, n
            assert indicator_of(n) == (ind.id if "nền kinh tế" in n else None), n
            assert indicator_of(f"{n} trên địa bàn các tỉnh Tây Nguyên") == ind.id, n
