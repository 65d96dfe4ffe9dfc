"""vnextract batch: formats, errors, the Dask engine, and a real kill -9 followed by --resume."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vnextract import extract
from vnextract.batch import run_batch
from vnextract.batch.sinks import COLUMNS, read_errors, read_output

ROOT = Path(__file__).parents[2]
DOCS = sorted((ROOT / "corpus" / "docs").glob("*.txt"))


def make_input(path: Path, copies: int = 1, broken: bool = False) -> dict[str, str]:
    texts = {}
    with open(path, "w", encoding="utf-8") as f:
        for i in range(copies):
            for p in DOCS:
                texts[f"{p.stem}#{i}"] = p.read_text(encoding="utf-8")
                f.write(json.dumps({"id": f"{p.stem}#{i}", "text": texts[f"{p.stem}#{i}"]}, ensure_ascii=False) + "\n")
        if broken:
            f.write("{not json\n")
    return texts


def expected(texts: dict[str, str]) -> dict[str, list]:
    return {k: extract(v).model_dump(mode="json")["records"] for k, v in texts.items()}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    texts = make_input(folder / "news.jsonl", broken=True)
    return folder / "news.jsonl", texts, expected(texts)


def test_local_pool_output_equals_extract(small, tmp_path):
    path, texts, want = small
    summary = run_batch([str(path)], tmp_path / "out", workers=2, chunk_size=7, progress=False)
    got = read_output(tmp_path / "out")
    assert {k: v["records"] for k, v in got.items()} == want
    assert summary.documents == len(texts) + 1 and summary.errors == 1
    (err,) = read_errors(tmp_path / "out")
    assert err["error"].startswith(f"{path}:{len(texts) + 1}: not valid JSON")


def test_csv_and_parquet_have_a_row_per_record(small, tmp_path):
    import pyarrow.parquet as pq

    path, texts, want = small
    n = sum(len(v) for v in want.values())
    run_batch([str(path)], tmp_path / "csv", fmt="csv", workers=1, chunk_size=20, progress=False)
    rows = [r for p in sorted((tmp_path / "csv" / "records").glob("part-*.csv")) for r in csv.DictReader(open(p, encoding="utf-8"))]
    assert len(rows) == n and tuple(rows[0]) == COLUMNS
    first = want[rows[0]["source"]][0]
    assert json.loads(rows[0]["record"]) == first and rows[0]["metric"] == first["metric"]
    run_batch([str(path)], tmp_path / "pq", fmt="parquet", workers=1, chunk_size=20, progress=False)
    table = pq.read_table(tmp_path / "pq" / "records", columns=["source", "value", "year", "record"])
    assert table.num_rows == n


def test_a_failing_document_goes_to_the_errors_and_the_batch_goes_on(small, tmp_path, monkeypatch):
    import vnextract.api

    path, texts, want = small
    real = vnextract.api.extract
    victim = next(iter(texts))

    def flaky(text, **kw):
        if kw.get("source") == victim:
            raise RuntimeError("rule exploded")
        return real(text, **kw)

    monkeypatch.setattr(vnextract.api, "extract", flaky)
    summary = run_batch([str(path)], tmp_path / "out", workers=1, chunk_size=10, progress=False)
    assert summary.errors == 2  # the broken JSON line and the victim
    errors = read_errors(tmp_path / "out")
    assert any(e["source"] == victim and "RuntimeError: rule exploded" in e["error"] for e in errors)
    assert len(read_output(tmp_path / "out")) == len(texts) - 1


def test_refuses_a_used_folder_without_resume(small, tmp_path):
    path, _, _ = small
    run_batch([str(path)], tmp_path / "out", workers=1, chunk_size=50, progress=False)
    with pytest.raises(FileExistsError, match="--resume"):
        run_batch([str(path)], tmp_path / "out", workers=1, progress=False)
    again = run_batch([str(path)], tmp_path / "out", workers=1, resume=True, progress=False)
    assert again.documents == 0 and again.skipped == len(DOCS) + 1


def test_kill_9_then_resume_processes_every_document_exactly_once(tmp_path):
    texts = make_input(tmp_path / "news.jsonl", copies=5)
    first = list(texts)[:3]
    with open(tmp_path / "news.jsonl", "a", encoding="utf-8") as f:  # repeated ids, read after the kill
        f.writelines(json.dumps({"id": k, "text": texts[k]}, ensure_ascii=False) + "\n" for k in first)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "vnextract.cli", "batch", str(tmp_path / "news.jsonl"), "-o", str(out),
           "--workers", "2", "--chunk-size", "4", "--no-progress"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if len(list((out / "_done").glob("*.json"))) >= 5:
            break  # a few parts are committed: kill it midway
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    committed = len(list((out / "_done").glob("*.json")))
    assert 0 < committed < len(texts) / 4, "the batch should have been killed midway"
    done = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr  # the repeated ids failed
    got = read_output(out)  # raises if a document appears twice
    assert sorted(e["source"] for e in read_errors(out)) == sorted(first)  # each repeat reported once
    assert set(got) == set(texts)
    want = expected({k: texts[k] for k in list(texts)[:: len(texts) // 20]})
    assert all(got[k]["records"] == v for k, v in want.items())
    assert not list(out.rglob(".*"))  # no half-written file left


def test_dask_local_cluster_gives_the_local_engine_output(small, tmp_path):
    pytest.importorskip("distributed")
    path, texts, want = small
    summary = run_batch([str(path)], tmp_path / "dask", engine="dask", workers=2, chunk_size=9, progress=False)
    assert summary.documents == len(texts) + 1
    got = read_output(tmp_path / "dask")
    assert {k: v["records"] for k, v in got.items()} == want
