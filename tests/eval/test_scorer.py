"""The scorer follows RECORDS.md "Scoring against gold"."""
from vnextract.eval.render import render_scores
from vnextract.eval.scorer import field_right, match, matches_amount, metric_overlap, score, split_unit


def rec(metric, value=None, unit=None, changes=(), **kw):
    r = {"metric": metric, "value": value, "unit": unit, "bound": "exact", "kind": "actual",
         "changes": list(changes), "plan_percent": None, "share_percent": None, "year": None, "months": None}
    r.update(kw)
    return r


def ch(direction="increase", percent=None, **kw):
    c = {"direction": direction, "percent": percent, "points": None, "ratio": None, "amount": None,
         "unit": None, "reference": None, "reference_year": None}
    c.update(kw)
    return c


def test_scales_make_equal_amounts():
    assert split_unit("nghìn tỷ đồng") == (12, "đồng")
    assert split_unit("ngàn tỉ đồng") == (12, "đồng")
    assert matches_amount(rec("vốn", 60.2, "nghìn tỷ đồng"), rec("vốn", 60200, "tỷ đồng"))
    assert not matches_amount(rec("vốn", 60.2, "nghìn tỷ đồng"), rec("vốn", 60.2, "tỷ đồng"))
    assert not matches_amount(rec("vốn", 5, "triệu USD"), rec("vốn", 5, "triệu đồng"))
    # a currency's name and its code are one unit ("tỷ yên" as written, "tỷ JPY" as the lexicon gives it)
    assert matches_amount(rec("lợi nhuận", 163.8, "tỷ JPY"), rec("lợi nhuận", 163.8, "tỷ yên"))
    assert matches_amount(rec("vốn", 350, "tỷ KRW"), rec("vốn", 350, "tỷ won"))
    assert matches_amount(rec("viện trợ", 200, "triệu EUR"), rec("viện trợ", 200, "triệu euro"))
    assert not matches_amount(rec("vốn", 2, "tỷ CNY"), rec("vốn", 2, "tỷ JPY"))


def test_percentages_compare_to_a_hundredth():
    assert matches_amount(rec("tỷ lệ", 2.501, "%"), rec("tỷ lệ", 2.5, "%"))
    assert not matches_amount(rec("tỷ lệ", 2.52, "%"), rec("tỷ lệ", 2.5, "%"))


def test_value_less_gold_matches_on_its_first_change():
    gold = rec("kim ngạch xuất khẩu", changes=[ch(percent=8.1)])
    assert matches_amount(rec("kim ngạch xuất khẩu", 500, "triệu USD", [ch(percent=8.1)]), gold)
    assert not matches_amount(rec("kim ngạch xuất khẩu", changes=[ch("decrease", 8.1)]), gold)
    assert matches_amount(rec("thu ngân sách", plan_percent=85), rec("thu ngân sách", plan_percent=85.0))


def test_metric_shares_half_the_gold_syllables_with_abbreviations_expanded():
    assert metric_overlap("giá trị sản xuất CN", "giá trị sản xuất công nghiệp") == 1.0
    assert metric_overlap("GRDP", "tổng sản phẩm trên địa bàn") == 1.0
    assert metric_overlap("Hoà Bình", "hòa bình") == 1.0
    assert metric_overlap("dự án", "dự án đầu tư") == 0.5
    assert metric_overlap("vốn", "dự án đầu tư mới") == 0.0


def test_matching_is_one_to_one():
    gold = [rec("doanh thu", 5, "tỷ đồng"), rec("doanh thu", 5, "tỷ đồng")]
    pred = [rec("doanh thu", 5, "tỷ đồng")]
    assert len(match(pred, gold)) == 1
    report = score({"d": pred}, [type("G", (), {"stem": "d", "records": gold})()])
    assert (report.precision, report.recall) == (1.0, 0.5)


def test_fields_are_exact():
    g = rec("x", 5, "tỷ đồng", [ch(percent=14.8, reference="năm 2017", reference_year=2017)], year=2018)
    p = rec("x", 5000, "triệu đồng", [ch(percent=14.8, reference="Năm  2017", reference_year=2017)], year=2018)
    assert field_right("changes", p, g)
    assert field_right("unit", p, g)
    assert field_right("year", p, g)
    assert not field_right("changes", rec("x", 5, "tỷ đồng", [ch(percent=14.8)]), g)
    assert not field_right("months", rec("x", months=[1, 9]), rec("x", months=[1, 6]))


def test_an_amount_only_change_matches_on_its_amount():
    gold = rec("lợi nhuận", changes=[ch("decrease", amount=120, unit="tỷ đồng")])
    assert matches_amount(rec("lợi nhuận", changes=[ch("decrease", amount=120000, unit="triệu đồng")]), gold)
    assert not matches_amount(rec("lợi nhuận", changes=[ch("decrease", amount=2150, unit="tỷ đồng")]), gold)
    assert not matches_amount(rec("lợi nhuận", changes=[ch("decrease", percent=3)]), gold)


def test_a_contribution_alone_matches_on_itself():
    gold = rec("khu vực dịch vụ", contribution_points=3.2)
    assert matches_amount(rec("khu vực dịch vụ", contribution_points=3.2), gold)
    assert not matches_amount(rec("khu vực dịch vụ", contribution_points=2.3), gold)


def test_a_field_is_scored_only_where_the_gold_states_it():
    old_gold = rec("doanh thu", 5, "tỷ đồng")  # written before `place` and `indicator` existed
    new_gold = rec("doanh thu", 7, "tỷ đồng", place="Long An", indicator=None)
    pred = [rec("doanh thu", 5, "tỷ đồng", place="Long An"), rec("doanh thu", 7, "tỷ đồng", place="long an")]
    gd = type("G", (), {"stem": "d", "records": [old_gold, new_gold]})()
    report = score({"d": pred}, [gd])
    assert report.field_counts["place"] == 1 and report.accuracy("place") == 1.0
    assert report.field_counts["indicator"] == 1 and report.field_counts["unit"] == 2
    assert report.accuracy("contribution_points") is None


def test_indicator_is_also_scored_apart_where_the_gold_names_one_and_where_it_is_null():
    """Issue #9's figure: right ids over gold that names one; beside it, nulls kept null."""
    gold = [rec("xuất khẩu", 5, "tỷ USD", indicator="exports"), rec("nhập khẩu", 3, "tỷ USD", indicator="imports"),
            rec("xuất khẩu gạo", 2, "tỷ USD", indicator=None), rec("giá lúa", 7, "đồng/kg", indicator=None),
            rec("giá ngô", 6, "đồng/kg", indicator=None), rec("doanh thu", 9, "tỷ đồng")]  # the last states none
    pred = [rec("xuất khẩu", 5, "tỷ USD", indicator="exports"), rec("nhập khẩu", 3, "tỷ USD", indicator=None),
            rec("xuất khẩu gạo", 2, "tỷ USD", indicator="exports"), rec("giá lúa", 7, "đồng/kg", indicator=None),
            rec("giá ngô", 6, "đồng/kg", indicator=None), rec("doanh thu", 9, "tỷ đồng", indicator="company_revenue")]
    report = score({"d": pred}, [type("G", (), {"stem": "d", "records": gold})()])
    assert report.indicator_named_hits == (1, 2) and report.indicator_named == 0.5
    assert report.indicator_null_hits == (2, 3) and abs(report.indicator_null - 2 / 3) < 1e-9
    assert report.accuracy("indicator") == 3 / 5  # the field's accuracy over both is unchanged
    split = report.summary()["indicator_split"]
    assert split == {"named": 0.5, "named_count": 2, "null": 0.6667, "null_count": 3}
    assert report.subset("dev").indicator_named is None  # no record: no figure, not a zero
    lines = render_scores(report)
    assert any(line.split()[:3] == ["gold", "names", "one"] and line.split()[3:] == ["0.500", "of", "2"] for line in lines)
    assert any(line.split() == ["gold", "null", "0.667", "of", "3"] for line in lines)


def test_strict_metric_and_syllable_similarity():
    g = rec("chỉ số sản xuất công nghiệp", changes=[ch(percent=8.5)])
    assert field_right("metric", rec("IIP"), g)
    assert field_right("metric", rec("Chỉ số sản xuất công nghiệp (IIP)"), g)
    assert not field_right("metric", rec("chỉ số sản xuất"), g)
    pred = rec("chỉ số sản xuất", changes=[ch(percent=8.5)])
    report = score({"d": [pred]}, [type("G", (), {"stem": "d", "records": [g]})()])
    assert abs(report.metric_similarity - 2 * 4 / (4 + 6)) < 1e-9  # 4 of 6 syllables


def test_ranges_and_bounded_changes():
    g = rec("giá lúa", 6800, "đồng/kg", bound="range", value_high=7500)
    assert field_right("value_high", rec("giá lúa", 6.8, "nghìn đồng/kg", value_high=7.5), g)
    assert not field_right("value_high", rec("giá lúa", 6800, "đồng/kg"), g)
    gc = rec("tai nạn", changes=[ch("decrease", 5, bound="range", high=10)])
    assert field_right("changes", rec("tai nạn", changes=[ch("decrease", 5, bound="range", high=10)]), gc)
    assert not field_right("changes", rec("tai nạn", changes=[ch("decrease", 5)]), gc)


def test_a_share_and_a_level_in_percent_match_each_other():
    share = rec("thị phần của công ty", share_percent=41.2)
    level = rec("thị phần của công ty", 41.2, "%")
    assert matches_amount(level, share) and matches_amount(share, level)
    assert not field_right("share_percent", level, share) and not field_right("unit", share, level)
    assert not matches_amount(rec("thị phần của công ty", 41.2, "tỷ đồng"), share)
