"""The paragraph this project grew from gives exactly the eight records of issue 2, every field checked."""
from decimal import Decimal
from pathlib import Path

from vnextract import extract

SEED = Path(__file__).parents[1] / "samples" / "seed.txt"

# metric, value, unit, bound, kind, (direction, percent, reference, reference_year) | None, plan, year
EXPECTED = [
    ("giá trị sản xuất công nghiệp", "90260", "tỷ đồng", "over", "estimate", ("increase", "14.8", "năm 2017", 2017), "100.8", 2018),
    ("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "22300", "tỷ đồng", "over", "estimate", ("increase", "15.2", "năm 2017", 2017), None, 2018),
    ("tổng giá trị hàng hóa xuất khẩu", "2312", "triệu USD", "exact", "estimate", None, "111.7", 2018),
    ("dự án đầu tư mới", "112", "dự án", "exact", "actual", None, None, 2018),
    ("tổng số dự án đang đầu tư", "835", "dự án", "exact", "actual", None, None, 2018),
    ("giá trị sản xuất công nghiệp", None, None, "exact", "target", ("increase", "12.3", "năm 2018", 2018), None, 2019),
    ("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", None, None, "exact", "target", ("increase", "13.5", "năm 2018", 2018), None, 2019),
    ("kim ngạch xuất khẩu", None, None, "exact", "target", ("increase", "8.1", "năm 2018", 2018), None, 2019),
]


def test_seed_gives_exactly_the_eight_records():
    text = SEED.read_text(encoding="utf-8")
    records = extract(text).records
    got = [
        (
            r.metric,
            None if r.value is None else str(r.value),
            r.unit,
            r.bound,
            r.kind,
            None if not r.changes else (r.changes[0].direction, str(r.changes[0].percent), r.changes[0].reference, r.changes[0].reference_year),
            None if r.plan_percent is None else str(r.plan_percent),
            r.year,
        )
        for r in records
    ]
    assert got == EXPECTED
    for r in records:
        assert len(r.changes) <= 1
        assert r.share_percent is None and r.months is None
        assert r.changes == [] or (r.changes[0].points, r.changes[0].ratio, r.changes[0].amount) == (None, None, None)
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text
    assert records[0].value == Decimal("90260")
    # contract version 2: the canonical indicator where INDICATORS.md has one; no place (Hà Nam is named only
    # inside the name of a fair), no range, no contribution
    assert [r.indicator for r in records] == [
        "industrial_output_value", "retail_sales", "exports", None, None,
        "industrial_output_value", "retail_sales", "exports",
    ]
    # the seed is a Hà Nam release: the lead names the province only in its fair's name, the one province it names
    assert all(r.place == "Hà Nam" and r.value_high is None and r.contribution_points is None for r in records)
    assert all(c.bound == "exact" and c.high is None for r in records for c in r.changes)


def test_the_output_says_which_date_periods_were_read_against():
    text = SEED.read_text(encoding="utf-8")
    assert (extract(text).date, extract(text).date_source) == (None, None)
    dated = extract(text, date="2018-12-28")
    assert (str(dated.date), dated.date_source) == ("2018-12-28", "caller")
    assert dated.model_dump(mode="json")["date"] == "2018-12-28"


def test_seed_is_the_spec_seed():
    spec = Path(__file__).parents[2] / "shared" / "spec" / "seed.txt"
    if spec.exists():  # beside a checkout in CI and in development
        assert spec.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")
