"""vnextract batch under hostile input: every bad input is one error row and the batch goes on; resuming
passes bad lines, keeps duplicate reports and refuses another format; exit statuses; orphaned workers."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnextract.batch import run_batch
from vnextract.batch.sinks import FormatMismatch, read_errors, read_output
from vnextract.cli import main

from .test_batch import make_input

TEXT = "Năm 2023, doanh thu đạt 5 tỷ đồng, tăng 12% so với năm trước."


def line(i, **extra) -> str:
    return json.dumps({"id": f"d{i}", "text": TEXT, **extra}, ensure_ascii=False) + "\n"


@pytest.fixture
def hostile(tmp_path) -> tuple[Path, set[str], int]:
    """A folder of good documents among every kind of bad input: (folder, good ids, error rows)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        line(1) + '{"id": "d2", "n": ' + "9" * 5000 + ', "text": "' + TEXT + '"}\n' + line(3)
        + "[" * 100_000 + "\n" + line(5) + '{"a": ' * 100_000 + "\n" + line(7) + line(3), encoding="utf-8")
    (folder / "b.jsonl.gz").write_bytes(b"garbage, not gzip\n" * 20)
    (folder / "c.parquet").write_bytes(b"PAR1" + b"\x00garbage" * 100)
    (folder / "d.csv").write_text('id,text\nc1,"Doanh thu đạt 5 tỷ đồng."\nc2,"Năm 2023 xuất khẩu\nc3,x\n',
                                  encoding="utf-8")
    (folder / "e.txt").symlink_to(folder / "nowhere.txt")
    os.mkfifo(folder / "f.txt")
    (folder / "g.jsonl").write_text(line(8), encoding="utf-8")
    # errors: 2 deep lines, a duplicate d3, the gzip, the parquet, the CSV quote, the link, the FIFO
    return folder, {"d1", "d2", "d3", "d5", "d7", "d8", "c1"}, 8


def test_every_bad_input_is_one_error_row_and_resume_passes_them(hostile, tmp_path):
    folder, want, n_errors = hostile
    out = tmp_path / "out"
    summary = run_batch([str(folder)], out, workers=2, chunk_size=2, progress=False)
    assert set(read_output(out)) == want
    errors = read_errors(out)
    assert summary.errors == len(errors) == n_errors, errors
    assert {e["error"].split(": ")[0] for e in errors} == {
        f"{folder / 'a.jsonl'}:4", f"{folder / 'a.jsonl'}:6", f"{folder / 'a.jsonl'}:8",
        f"{folder / 'b.jsonl.gz'}:1", str(folder / "c.parquet"), f"{folder / 'd.csv'}:3", str(folder / "e.txt"),
        str(folder / "f.txt")}
    again = run_batch([str(folder)], out, workers=2, chunk_size=2, resume=True, progress=False)
    assert again.documents == 0 and again.skipped == len(want) + n_errors
    assert again.earlier_errors == n_errors and again.failed


def test_a_duplicate_ids_error_row_survives_a_resume(tmp_path):
    src = tmp_path / "news.jsonl"
    src.write_text("".join(line(i) for i in range(10)) + line(2) + line(4), encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(src)], out, workers=1, chunk_size=3, progress=False)
    (out / "_done" / "00003.json").unlink()  # killed just before the part with the duplicates was committed
    run_batch([str(src)], out, workers=1, chunk_size=3, resume=True, progress=False)
    dupes = [e["error"] for e in read_errors(out)]
    assert dupes == [f"{src}:11: duplicate document id 'd2'; processed once",
                     f"{src}:12: duplicate document id 'd4'; processed once"]
    again = run_batch([str(src)], out, workers=1, chunk_size=3, resume=True, progress=False)
    assert again.documents == 0 and len(read_errors(out)) == 2 and len(read_output(out)) == 10


def test_resume_refuses_another_format_even_in_a_folder_from_before_the_manifest(tmp_path):
    src = tmp_path / "news.jsonl"
    src.write_text(line(1) + line(2), encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(src)], out, workers=1, progress=False)
    with pytest.raises(FormatMismatch, match="--format jsonl run"):
        run_batch([str(src)], out, fmt="parquet", workers=1, resume=True, progress=False)
    (out / "_run.json").unlink()  # as a batch of an earlier version left it
    with pytest.raises(FormatMismatch, match="--format jsonl run"):
        run_batch([str(src)], out, fmt="csv", workers=1, resume=True, progress=False)
    r = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--format", "csv", "--resume", "--workers", "1"])
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "holds a --format jsonl run" in r.stderr
    assert run_batch([str(src)], out, workers=1, resume=True, progress=False).skipped == 2
    assert json.loads((out / "_run.json").read_text()) == {"format": "jsonl"}


# -- the command: exit status, -q, -v, progress -------------------------------------------

def batch(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args), "--workers", "1"])


def test_exit_status_is_0_when_all_went_well_1_when_some_document_failed_2_when_unusable(tmp_path):
    ok = tmp_path / "ok.jsonl"
    ok.write_text(line(1) + line(2), encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line(1) + "{not json\n", encoding="utf-8")
    r = batch(ok, "-o", tmp_path / "o1")
    assert r.exit_code == 0, r.output
    assert r.stderr.startswith("vnextract batch: 2 documents, ")
    r = batch(bad, "-o", tmp_path / "o2")
    assert r.exit_code == 1 and "1 errors" in r.stderr and "see " in r.stderr
    r = batch(bad, "-o", tmp_path / "o2", "--resume")
    assert r.exit_code == 1 and "0 documents" in r.stderr  # the failure is still in the output
    r = batch(ok, "-o", ok / "out")  # a folder inside a file
    assert r.exit_code == 2 and r.stderr.startswith("vnextract: error: cannot write to ") and r.stderr.count("\n") == 1
    assert "Traceback" not in r.output
    assert batch(ok, "-o", tmp_path / "o3", "--no-such-option").exit_code == 2


def test_quiet_verbose_and_a_progress_bar_only_on_a_terminal(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line(1) + "{not json\n" + line(3), encoding="utf-8")
    r = batch(bad, "-o", tmp_path / "q", "-q")
    assert r.exit_code == 1 and r.stderr == ""
    r = batch(bad, "-o", tmp_path / "v", "-v")
    assert r.stderr.startswith(f"vnextract: error: {bad}:2: not valid JSON")
    r = batch(bad, "-o", tmp_path / "plain")  # standard error is no terminal here
    assert "\r" not in r.stderr and r.stderr.startswith("vnextract batch: ")
    r = batch(bad, "-o", tmp_path / "bar", "--progress")
    assert "100%" in r.stderr and f"{bad.stat().st_size}/{bad.stat().st_size}" in r.stderr.replace("B", "")


@pytest.mark.parametrize("options, sources", [(["--jsonl"], {"d1", "d2"}), (["--stdin-format", "auto"], {"d1", "d2"}),
                                              (["--stdin-format", "text"], {"-"})])
def test_batch_reads_standard_input_as_extract_does(tmp_path, options, sources):
    r = CliRunner().invoke(main, ["batch", "-", "-o", str(tmp_path / "out"), "--workers", "1", *options],
                           input=line(1) + line(2))
    assert r.exit_code == 0, r.output
    assert set(read_output(tmp_path / "out")) == sources


def test_jsonl_and_another_stdin_format_is_a_usage_error(tmp_path):
    r = CliRunner().invoke(main, ["batch", "-", "-o", str(tmp_path / "out"), "--jsonl", "--stdin-format", "text"])
    assert r.exit_code == 2 and "--jsonl contradicts" in r.output


# -- orphaned workers ----------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_pool_workers_exit_when_the_main_process_is_killed(tmp_path):
    make_input(tmp_path / "news.jsonl", copies=5)
    cmd = [sys.executable, "-m", "vnextract.cli", "batch", str(tmp_path / "news.jsonl"), "-o", str(tmp_path / "out"),
           "--workers", "2", "--chunk-size", "2", "--no-progress"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        workers = []
        while len(workers) < 2 and time.time() < deadline and proc.poll() is None:
            time.sleep(0.05)
            workers = _children(proc.pid)
        assert len(workers) == 2, "the batch should have started two workers"
        os.kill(proc.pid, signal.SIGKILL)  # the main process alone
        proc.wait()
        deadline = time.time() + 10
        while any(map(_alive, workers)) and time.time() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, workers)), "workers outlived their batch"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
