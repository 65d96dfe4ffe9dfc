"""Normalised amounts: the scale word multiplied out exactly, the dimension from the data files."""
from decimal import Decimal

import pytest

from vnextract import extract
from vnextract.amounts import amount_of, dimension_of
from vnextract.lang.vi import _rows, lexicon
from vnextract.schema import Extraction


@pytest.mark.parametrize("value, unit, base, amount, dimension", [
    ("90260", "tỷ đồng", "đồng", "90260000000000", "money"),
    ("2312", "triệu USD", "USD", "2312000000", "money"),
    ("1.2", "triệu lượt khách", "lượt khách", "1200000", "count"),
    ("1.2", "nghìn tỷ USD", "USD", "1200000000000", "money"),
    ("14.8", "%", "%", "14.8", "percent"),
    ("3", "nghìn tấn", "tấn", "3000", "mass"),
    ("1250.5", "điểm", "điểm", "1250.5", "points"),
    ("45", "nghìn đồng/kg", "đồng/kg", "45000", "money/mass"),
    ("60", "tạ/ha", "tạ/ha", "60", "mass/area"),
    ("7", "%/năm", "%/năm", "7", "percent/time"),
    ("2", "triệu kWh", "kWh", "2000000", "energy"),
    ("46", "nhà hàng", "nhà hàng", "46", "count"),  # a counted noun no list knows
])
def test_amount_of(value, unit, base, amount, dimension):
    a = amount_of(Decimal(value), unit)
    assert (a.value, a.unit, a.dimension) == (Decimal(amount), base, dimension)


def test_unknown_unit_parts_give_no_amount():
    assert amount_of(Decimal(5), "tỷ đồng/m2x") is None
    assert amount_of(Decimal(5), None) is None and amount_of(None, "tỷ đồng") is None
    assert dimension_of("USD/tấn") == "money/mass"


def test_every_measure_unit_has_a_dimension():
    """A measure unit added to units.tsv without a line in dimensions.tsv would silently become a count."""
    dims = {r[0] for r in _rows("dimensions.tsv")}
    assert {u.unit for u in lexicon().units.values() if u.category == "measure"} <= dims


def test_records_carry_their_amount_and_it_round_trips_exactly():
    text = ("Năm 2023, kim ngạch xuất khẩu của tỉnh Long An đạt 8.250 triệu USD, tăng 12% so với năm 2022. "
            "Tổng vốn đầu tư đạt 12.345 triệu tỷ đồng.")
    e = extract(text)
    amounts = [(r.amount.value, r.amount.unit) for r in e.records]
    assert amounts == [(Decimal("8250000000"), "USD"), (Decimal("12345000000000000000"), "đồng")]
    back = Extraction.model_validate_json(e.model_dump_json())
    assert back == e and back.records[1].amount.value == Decimal("1.2345e19")
    assert '"value":12345000000000000000' in e.model_dump_json()  # a JSON number, every digit written


def test_a_range_has_its_high_end_in_the_base_unit():
    e = extract("Giá lợn hơi dao động 50-55 nghìn đồng/kg.")
    a = e.records[0].amount
    assert (a.value, a.high, a.unit) == (Decimal(50000), Decimal(55000), "đồng/kg")


def test_batch_parquet_stores_amounts_as_decimals():
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from vnextract.batch.sinks import _parquet_bytes, flatten

    rec = extract("Năm 2023, kim ngạch xuất khẩu đạt 8.250,5 triệu USD.").model_dump(mode="json")["records"][0]
    t = pq.read_table(io.BytesIO(_parquet_bytes([flatten("a", rec)])))
    assert pa.types.is_decimal(t.schema.field("amount_value").type)
    assert t.column("amount_value").to_pylist() == [Decimal("8250500000")]
    assert t.column("amount_unit").to_pylist() == ["USD"] and t.column("amount_dimension").to_pylist() == ["money"]
