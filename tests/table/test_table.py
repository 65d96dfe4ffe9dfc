"""``vnextract table``: the same statement from several articles is one row; different amounts are a conflict."""
import csv
import json
from decimal import Decimal

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import vnextract
from vnextract.cli import main
from vnextract.tabulate import COLUMNS, SOURCE_COLUMNS

#: Four short articles written for this test: a1 and a2 state the same exports (in triệu and in tỷ USD)
#: and the same GRDP growth; a3 gives other exports for the same province and year; a4 another province;
#: a3 and a5 give two amounts for a metric that is no indicator (not a conflict: whose contract?).
ARTICLES = {
    "a1": "Long An: Năm 2023, kim ngạch xuất khẩu của tỉnh đạt 8.250 triệu USD, tăng 12% so với năm 2022. "
          "Tổng sản phẩm trên địa bàn (GRDP) tăng 6,5%.",
    "a2": "Long An: Năm 2023, kim ngạch xuất khẩu của tỉnh đạt 8,25 tỷ USD. Tổng sản phẩm trên địa bàn (GRDP) tăng 6,5%.",
    "a3": "Long An: Năm 2023, kim ngạch xuất khẩu của tỉnh đạt 8.300 triệu USD. Giá trị hợp đồng đạt 500 tỷ đồng.",
    "a4": "Tây Ninh: Năm 2023, kim ngạch xuất khẩu của tỉnh đạt 5.100 triệu USD.",
    "a5": "Long An: Năm 2023, giá trị hợp đồng đạt 600 tỷ đồng.",
}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The articles' extract output, as ``vnextract extract`` writes it."""
    path = tmp_path_factory.mktemp("run") / "run.jsonl"
    docs = [vnextract.extract(text, source=sid) for sid, text in ARTICLES.items()]
    path.write_text("".join(d.model_dump_json() + "\n" for d in docs), encoding="utf-8")
    return path, docs


def _rows(t):
    return [(r["indicator"], r["place"], r["year"], r["amount_value"], r["change_percent"], r["sources"],
             r["conflict"], r["conflict_group"]) for r in t.to_pylist()]


EXPECTED = [
    ("exports", "Long An", 2023, Decimal("8250000000"), Decimal(12), ["a1", "a2"], True, 1),
    ("grdp", "Long An", 2023, None, Decimal("6.5"), ["a1", "a2"], False, None),
    ("exports", "Long An", 2023, Decimal("8300000000"), None, ["a3"], True, 1),
    (None, "Long An", 2023, Decimal("500000000000"), None, ["a3"], False, None),
    ("exports", "Tây Ninh", 2023, Decimal("5100000000"), None, ["a4"], False, None),
    (None, "Long An", 2023, Decimal("600000000000"), None, ["a5"], False, None),
]


def test_merge_and_conflict(run):
    path, docs = run
    t = vnextract.table(path)
    assert t.column_names == list(COLUMNS)
    assert _rows(t) == EXPECTED
    first = t.to_pylist()[0]
    assert [(e["source"], e["text"]) for e in first["evidence"]] == [
        ("a1", "kim ngạch xuất khẩu của tỉnh đạt 8.250 triệu USD, tăng 12% so với năm 2022"),
        ("a2", "kim ngạch xuất khẩu của tỉnh đạt 8,25 tỷ USD")]
    assert _rows(vnextract.table(docs)) == EXPECTED  # Extraction objects give the same table


def test_a_run_without_amount_keys_gets_them_computed(run, tmp_path):
    path, _ = run
    old = tmp_path / "old.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for doc in lines:
        for r in doc["records"]:
            del r["amount"]
    old.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines), encoding="utf-8")
    assert _rows(vnextract.table(old)) == EXPECTED


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])
def test_batch_folders_of_every_format(tmp_path, fmt):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n" for k, v in ARTICLES.items()),
                   encoding="utf-8")
    res = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "out"), "--format", fmt,
                                    "--workers", "1", "--no-progress"])
    assert res.exit_code == 0, res.output
    assert _rows(vnextract.table(tmp_path / "out")) == EXPECTED


def test_cli_writes_parquet_csv_and_duckdb(run, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    path, _ = run
    for name in ("t.parquet", "t.csv", "t.duckdb"):
        res = CliRunner().invoke(main, ["table", str(path), "-o", str(tmp_path / name)])
        assert res.exit_code == 0, res.output
        assert "6 statistics (2 in conflict)" in res.output
    assert _rows(pq.read_table(tmp_path / "t.parquet")) == EXPECTED
    with open(tmp_path / "t.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["amount_value"], r["sources"], r["conflict"]) for r in rows] == [
        ("8250000000", '["a1", "a2"]', "true"), ("", '["a1", "a2"]', "false"),
        ("8300000000", '["a3"]', "true"), ("500000000000", '["a3"]', "false"),
        ("5100000000", '["a4"]', "false"), ("600000000000", '["a5"]', "false")]
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    got = con.execute("""
        SELECT s.place, s.amount_value, count(*) AS records, bool_or(s.conflict)
        FROM statistics s JOIN sources USING (statistic_id)
        WHERE s.indicator = 'exports' GROUP BY ALL ORDER BY s.place, s.amount_value""").fetchall()
    assert got == [("Long An", Decimal("8250000000"), 2, True), ("Long An", Decimal("8300000000"), 1, True),
                   ("Tây Ninh", Decimal("5100000000"), 1, False)]
    assert [c[0] for c in con.execute("DESCRIBE sources").fetchall()] == list(SOURCE_COLUMNS)
    con.close()


def test_bad_inputs_are_one_line_errors(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"records": []}\n{not json\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["table", str(bad), "-o", str(tmp_path / "t.parquet")])
    assert res.exit_code == 2 and f"{bad}:2: not valid JSON" in res.output
    res = CliRunner().invoke(main, ["table", str(bad), "-o", str(tmp_path / "t.xlsx")])
    assert res.exit_code == 2 and "cannot tell the format" in res.output
    res = CliRunner().invoke(main, ["table", str(tmp_path), "-o", str(tmp_path / "t.csv")])
    assert res.exit_code == 2 and "no batch parts" in res.output
    bad.write_text('{"records": [{"metric": "a"}]}\n{"records": [3]}\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["table", str(bad), "-o", str(tmp_path / "t.parquet")])
    assert res.exit_code == 2 and f"{bad}:2: not a vnextract output line" in res.output
    assert len(res.output.strip().splitlines()) == 1
    res = CliRunner().invoke(main, ["table", str(bad), "-o", str(tmp_path / "missing" / "t.duckdb")])
    assert res.exit_code == 2 and "no folder" in res.output
    bad.write_text('{"records": []}\n' + "[" * 100_000 + "\n", encoding="utf-8")  # json.loads alone recurses
    res = CliRunner().invoke(main, ["table", str(bad), "-o", str(tmp_path / "t.csv")])
    assert res.exit_code == 2 and res.output.strip() == f"vnextract: error: {bad}:2: nested deeper than 512 levels"


def test_two_companies_revenues_are_no_conflict():
    """An open or company indicator is keyed by its metric too: two companies' revenues for one year are two
    statistics; the same company's two different revenues are a conflict."""
    texts = {
        "c1": "Năm 2023, doanh thu thuần của Công ty CP Hòa Bình Xanh đạt 2.150 tỷ đồng.",
        "c2": "Năm 2023, doanh thu thuần của Công ty CP Minh Phát đạt 980 tỷ đồng.",
        "c3": "Năm 2023, doanh thu thuần của Công ty CP Hòa Bình Xanh đạt 2.200 tỷ đồng.",
    }
    docs = [vnextract.extract(t, source=s) for s, t in texts.items()]
    assert {r.indicator for d in docs for r in d.records} == {"company_revenue"}
    rows = [(r["sources"], r["conflict"]) for r in vnextract.table(docs).to_pylist()]
    assert rows == [(["c1"], True), (["c2"], False), (["c3"], True)]
