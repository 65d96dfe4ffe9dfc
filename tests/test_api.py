"""The library API: extract_many (ids, dates, worker processes, laziness) and to_frame."""
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import vnextract
from vnextract import Extraction, Record, extract, extract_many, to_frame
from vnextract.batch.sinks import COLUMNS
from vnextract.frame import INT_COLUMNS, NUMBER_COLUMNS

SRC = Path(__file__).parents[1] / "src"
TEXTS = [
    "Năm 2023, doanh thu đạt 5 tỷ đồng, tăng 12% so với năm trước.",
    "Tháng 10, kim ngạch xuất khẩu ước đạt 4.309,73 triệu USD, giảm 1,5% so với cùng kỳ.",
    "Không có con số nào ở đây.",
    "Doanh thu đạt 123456789012345 đồng, tăng 12,50% so với năm trước.",
    "Lợi nhuận trước thuế đạt 250 tỷ đồng, bằng 105% kế hoạch năm.",
]


def _counted(texts, pulled):
    for t in texts:
        pulled.append(t)
        yield t


# -- extract_many -------------------------------------------------------------

def test_extract_many_keeps_str_and_pair_items():
    got = list(extract_many([TEXTS[0], (TEXTS[1], "2023-11-01")]))
    assert got == [extract(TEXTS[0]), extract(TEXTS[1], date="2023-11-01")]
    assert got[1].records[0].year == 2023 and got[1].date_source == "caller"


def test_ids_become_sources_and_dates_apply_per_text_or_to_all():
    got = list(extract_many(TEXTS[:2], ids=["a", 7], dates=[None, date(2023, 11, 1)]))
    assert [e.source for e in got] == ["a", "7"]
    assert got[0] == extract(TEXTS[0], source="a")
    assert got[1] == extract(TEXTS[1], date="2023-11-01", source="7")
    common = list(extract_many(TEXTS[:2], dates="2022-06-30"))
    assert [e.date for e in common] == [date(2022, 6, 30)] * 2


@pytest.mark.parametrize("kwargs, error, match", [
    ({"ids": ["a"]}, ValueError, "fewer ids"),
    ({"ids": ["a", "b", "c"]}, ValueError, "more ids"),
    ({"ids": "ab"}, TypeError, "single string"),
    ({"dates": ["2023-01-01"]}, ValueError, "fewer dates"),
    ({"n_process": 0}, ValueError, "n_process"),
    ({"chunk_size": 0}, ValueError, "chunk_size"),
])
def test_mismatched_arguments_are_clear_errors(kwargs, error, match):
    with pytest.raises(error, match=match):
        list(extract_many(TEXTS[:2], **kwargs))


def test_bad_items_name_their_position():
    with pytest.raises(TypeError, match="text 1 is a int"):
        list(extract_many([TEXTS[0], 5]))
    with pytest.raises(ValueError, match="text 0 is a .* pair and dates= is given"):
        list(extract_many([(TEXTS[0], None)], dates="2023-01-01"))


def test_extract_many_is_lazy():
    pulled = []
    first = next(extract_many(_counted(itertools.cycle(TEXTS), pulled)))
    assert first == extract(TEXTS[0]) and len(pulled) == 1


def test_worker_processes_give_the_same_output_in_order_reading_the_input_as_it_goes():
    """n_process=2 on an endless input: in order, equal to extract, and only a bounded part of the input read."""
    pulled = []
    stream = extract_many(_counted(itertools.cycle(TEXTS), pulled), ids=(f"doc{i}" for i in itertools.count()),
                          n_process=2, chunk_size=2)
    got = list(itertools.islice(stream, 7))
    stream.close()
    assert got == [extract(TEXTS[i % len(TEXTS)], source=f"doc{i}") for i in range(7)]
    assert str(got[3].records[0].changes[0].percent) == "12.50"  # exact across the process boundary
    assert len(pulled) <= 7 + 2 * 2 * 2 + 2  # yielded, at most two chunks per worker in flight, one being read


def test_an_error_in_a_worker_is_raised_at_its_place():
    stream = extract_many([TEXTS[0], TEXTS[1], (123, None), TEXTS[2]], n_process=2, chunk_size=4)
    assert next(stream) == extract(TEXTS[0])
    assert next(stream) == extract(TEXTS[1])
    with pytest.raises(TypeError, match="takes a str"):
        next(stream)


# -- to_frame -----------------------------------------------------------------

def _frame_records(frame):
    return sum(len(e.records) for e in frame)


def test_to_frame_has_one_flat_row_per_record():
    exs = list(extract_many(TEXTS, ids=[f"d{i}" for i in range(len(TEXTS))], dates="2023-12-31"))
    df = to_frame(exs)
    assert list(df.columns) == ["source", "date", "date_source", *COLUMNS[1:]]
    assert len(df) == _frame_records(exs) > 0
    assert "d2" not in set(df["source"])  # a document without records has no row
    first = df.iloc[0]
    assert first["source"] == "d0" and first["date"].year == 2023 and first["date_source"] == "caller"
    assert first["metric"] == "doanh thu" and first["value"] == 5.0 and first["unit"] == "tỷ đồng"
    assert first["change_direction"] == "increase" and first["change_percent"] == 12.0
    assert df["value"].dtype == "float64" and df["year"].dtype == "Int64"
    assert json.loads(first["record"]) == exs[0].records[0].model_dump(mode="json")


def test_to_frame_decimals_are_exact():
    df = to_frame([extract(TEXTS[3])], decimals=True)
    assert df.loc[0, "value"] == Decimal("123456789012345")
    assert str(df.loc[0, "change_percent"]) == "12.50"
    assert to_frame([extract(TEXTS[3])]).loc[0, "change_percent"] == 12.5


def test_to_frame_reads_output_lines_as_the_models():
    exs = list(extract_many(TEXTS, ids=[f"d{i}" for i in range(len(TEXTS))]))
    lines = [json.loads(e.model_dump_json()) for e in exs]
    lines[0]["text"] = TEXTS[0]  # an HTML batch line carries its text
    lines.append({"source": "bad.txt", "error": "bad.txt: not UTF-8"})  # an error line has no rows
    assert to_frame(lines).equals(to_frame(exs))


def test_every_number_column_is_flattened_the_same_with_decimals():
    rec = Record(metric="doanh thu", value=Decimal("1.5"), value_high=Decimal("2.5"), unit="tỷ đồng", bound="range",
                 changes=[{"direction": "increase", "percent": "3.5", "points": "0.25", "ratio": "1.1",
                           "amount": "7", "unit": "tỷ đồng", "bound": "range", "high": "4.5"}],
                 plan_percent="101", share_percent="12.5", contribution_points="0.75",
                 evidence={"start": 0, "end": 1, "text": "x"},
                 amount={"value": "1.5e9", "high": "2.5e9", "unit": "đồng", "dimension": "money"})
    exact = to_frame([Extraction(records=[rec])], decimals=True).iloc[0]
    floats = to_frame([Extraction(records=[rec])]).iloc[0]
    assert set(NUMBER_COLUMNS) | set(INT_COLUMNS) <= set(COLUMNS)
    for c in NUMBER_COLUMNS:
        assert isinstance(exact[c], Decimal) and float(exact[c]) == floats[c], c


def test_to_frame_of_nothing_has_the_columns():
    df = to_frame([])
    assert len(df) == 0 and list(df.columns)[:3] == ["source", "date", "date_source"]


def test_to_frame_bad_items():
    with pytest.raises(TypeError, match="item 0 is a str"):
        to_frame(["not an extraction"])
    with pytest.raises(ValueError, match="item 1 .*'x'.* is not an output line"):
        to_frame([extract(TEXTS[0]), {"source": "x", "records": [{"metric": ""}]}])


def test_to_frame_without_pandas_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install pandas .*\[pandas\]"):
        to_frame([])


def test_to_frame_is_exported():
    assert vnextract.to_frame is to_frame and "to_frame" in vnextract.__all__


def test_workers_end_when_their_parent_is_killed(tmp_path):
    """kill -9 of the caller's process alone: its extract_many workers do not live on."""
    script = (
        "import itertools, multiprocessing, sys, time, vnextract\n"
        "if __name__ == '__main__':\n"
        "    s = vnextract.extract_many(itertools.repeat('Doanh thu đạt 5 tỷ đồng.'), n_process=2, chunk_size=1)\n"
        "    next(s)\n"
        "    print(' '.join(str(p.pid) for p in multiprocessing.active_children()), flush=True)\n"
        "    time.sleep(120)\n"
    )
    (tmp_path / "caller.py").write_text(script, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, str(tmp_path / "caller.py")], stdout=subprocess.PIPE, text=True, env=env)
    try:
        workers = [int(p) for p in proc.stdout.readline().split()]
        assert len(workers) == 2
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 15
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(map(_alive, workers))
    finally:
        proc.kill()
        for pid in workers if "workers" in locals() else []:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False
