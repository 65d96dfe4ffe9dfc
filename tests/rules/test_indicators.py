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
