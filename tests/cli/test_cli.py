"""The command line: what a shell user expects of inputs, outputs, errors and exit codes."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnextract.cli import main

ROOT = Path(__file__).parents[2]
SEED = ROOT / "samples" / "seed.txt"


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, [str(a) for a in args], input=input)

    return invoke


def lines(result):
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_extract_a_file(run):
    r = run("extract", SEED)
    assert r.exit_code == 0, r.output
    (row,) = lines(r)
    assert row["source"] == str(SEED)
    assert len(row["records"]) == 8 and row["warnings"] == []


def test_extract_a_folder_jsonl_and_stdin(run, tmp_path):
    (tmp_path / "a.txt").write_text("Năm 2023, doanh thu đạt 5 tỷ đồng.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Không có số liệu.", encoding="utf-8")
    jl = tmp_path / "news.jsonl"
    jl.write_text(
        json.dumps({"id": "n1", "text": "Tháng 10, xuất khẩu đạt 520 triệu USD.", "date": "2023-11-02"}, ensure_ascii=False)
        + "\n", encoding="utf-8")
    r = run("extract", tmp_path / "a.txt", tmp_path / "sub", jl, "-", input="Năm 2022, thu ngân sách đạt 9.000 tỷ đồng.")
    assert r.exit_code == 0, r.output
    rows = lines(r)
    assert [row["source"] for row in rows] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt"), "n1", "-"]
    assert rows[2]["records"][0]["year"] == 2023  # from the line's date
    assert rows[3]["records"][0]["value"] == 9000


def test_bad_inputs_are_reported_and_the_rest_is_processed(run, tmp_path):
    jl = tmp_path / "bad.jsonl"
    jl.write_text('{"id": "ok", "text": "Năm 2023, doanh thu đạt 5 tỷ đồng."}\n{not json\n{"id": "x"}\n', encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Năm 2023, doanh thu đạt 5 tỷ đồng.".encode("utf-8") + b"\xff\xfe")
    r = run("extract", jl, tmp_path / "missing.txt", binary, latin)
    assert r.exit_code == 1
    assert [row["source"] for row in lines(r)] == ["ok", str(latin)]
    err = r.stderr
    assert f"{jl}:2: not valid JSON" in err
    assert f"{jl}:3: field 'text' is missing" in err
    assert "missing.txt: no such file or folder" in err
    assert "blob.txt: looks like a binary file" in err
    assert "invalid UTF-8 at byte" in lines(r)[1]["warnings"][0]


def test_usage_errors(run):
    assert run("extract").exit_code == 2
    assert run("extract", "--no-such-option", SEED).exit_code == 2
    r = run("extract", "--date", "yesterday", SEED)
    assert r.exit_code == 2 and "is not a date" in r.output


def test_pretty_output_is_indented_json(run):
    r = run("extract", "--pretty", SEED)
    assert r.exit_code == 0
    assert r.stdout.startswith("{\n  ")
    assert json.loads(r.stdout)["records"][0]["metric"] == "giá trị sản xuất công nghiệp"


def test_schema_command_writes_the_checked_in_files(run, tmp_path):
    r = run("schema", tmp_path)
    assert r.exit_code == 0
    for p in tmp_path.iterdir():
        assert p.read_text(encoding="utf-8") == (ROOT / "schemas" / p.name).read_text(encoding="utf-8")


def test_eval_scores_the_corpus_and_a_run_file(run, tmp_path):
    r = run("eval", ROOT / "corpus", "--json")
    assert r.exit_code == 0
    scores = json.loads(r.stdout)
    assert scores["documents"] >= 60 and 0 < scores["f1"] <= 1
    out = tmp_path / "run.jsonl"
    run("extract", "-o", out, ROOT / "corpus" / "docs")
    r2 = run("eval", ROOT / "corpus", "--run", out, "--json")
    # the run has no document dates, so only the year field may differ
    assert json.loads(r2.stdout)["matched"] == scores["matched"]


def test_eval_of_the_real_corpus_scores_both_parts_and_lists_only_development_errors(run, real_docs):
    r = run("eval", ROOT / "corpus" / "real")
    assert r.exit_code == 0, r.output
    assert "== development part" in r.stdout and "== test part" in r.stdout
    assert "== details: development part" in r.stdout and "== details: test part" not in r.stdout
    test_stems = {d.stem for d in real_docs if d.part == "test"}
    details = r.stdout.split("== details: development part", 1)[1]
    assert not any(f"== {stem}\n" in details for stem in test_stems)
    parts = json.loads(run("eval", ROOT / "corpus" / "real", "--json", "--no-details").stdout)["parts"]
    assert parts["dev"]["documents"] + parts["test"]["documents"] == len(real_docs)


def test_eval_of_the_real_corpus_without_its_texts_says_where_it_looked(run, tmp_path):
    missing = tmp_path / "nowhere.jsonl.gz"
    r = run("eval", ROOT / "corpus" / "real", "--texts", missing)
    assert r.exit_code == 2  # an input it cannot use, like every command's
    assert str(missing) in r.output and "VNEXTRACT_BENCH" in r.output


def test_diff_exits_1_when_runs_differ(run, tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    run("extract", "-o", a, SEED)
    row = json.loads(a.read_text(encoding="utf-8"))
    assert run("diff", a, a).exit_code == 0
    row["records"][0]["kind"] = "actual"
    del row["records"][3]
    b.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run("diff", a, b)
    assert r.exit_code == 1
    assert "kind: estimate → actual" in r.stdout
    assert "- dự án đầu tư mới = 112 dự án" in r.stdout


def test_html_files_carry_the_text_their_offsets_refer_to(run, tmp_path):
    page = tmp_path / "tin.html"
    page.write_text("<html><body><nav>Menu 2023</nav><p>Năm 2023, doanh thu đạt 5 tỷ đồng, tăng 3%.</p></body></html>",
                    encoding="utf-8")
    (row,) = lines(run("extract", page))
    assert row["text"] == "Năm 2023, doanh thu đạt 5 tỷ đồng, tăng 3%."
    ev = row["records"][0]["evidence"]
    assert row["text"][ev["start"]:ev["end"]] == ev["text"]
    plain = tmp_path / "tin.txt"
    plain.write_text("<p>Năm 2023, doanh thu đạt 5 tỷ đồng.</p>", encoding="utf-8")
    assert "text" in lines(run("extract", "--html", plain))[0]
    assert "text" not in lines(run("extract", plain))[0]


def test_legacy_encoded_files_are_converted_and_said_so(run, tmp_path):
    from vnextract.text.decode import encode_cp1258

    old = tmp_path / "baocao.txt"
    old.write_bytes(encode_cp1258("Năm 2023, giá trị sản xuất công nghiệp đạt 90.260 tỷ đồng."))
    (row,) = lines(run("extract", old))
    assert row["records"][0]["metric"] == "giá trị sản xuất công nghiệp"
    assert "decoded as Windows-1258" in row["warnings"][0]


def test_empty_and_blank_files_give_empty_records(run, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\r\n\u00a0\n", encoding="utf-8")
    (tmp_path / "bom-only.txt").write_bytes(b"\xef\xbb\xbf")
    r = run("extract", tmp_path)
    assert r.exit_code == 0, r.output
    rows = lines(r)
    assert len(rows) == 3 and all(row["records"] == [] for row in rows)


# --- shell conventions: python -m, exit statuses, closed pipes, -q/-v, stdin JSON Lines ---------------------------

import os
import subprocess
import sys

import vnextract


def shell(*args, **kw):
    """``python -m vnextract ARGS`` in a fresh process, with this checkout's code."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path(vnextract.__file__).parents[1]),
                                                       os.environ.get("PYTHONPATH", "")]))
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "vnextract", *map(str, args)], stderr=subprocess.PIPE, env=env,
                          timeout=120, **kw)


def test_python_dash_m_runs_the_command():
    r = shell("extract", "-", input="Năm 2023, doanh thu đạt 5 tỷ đồng.".encode())
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["records"][0]["value"] == 5
    assert shell("--version").stdout.decode().startswith("vnextract, version ")


def test_an_unwritable_output_is_one_line_naming_it(run, tmp_path):
    target = tmp_path / "missing" / "dir" / "x.jsonl"
    r = run("extract", "-o", target, SEED)
    assert r.exit_code == 2
    assert r.stderr.strip() == f"vnextract: error: cannot write {target}: No such file or directory"
    assert "Traceback" not in r.output


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_not_a_traceback():
    r = shell("extract", SEED, stdout=open("/dev/full", "wb"))
    assert r.returncode == 2
    assert r.stderr.decode().strip() == "vnextract: error: cannot write standard output: No space left on device"


def test_a_closed_standard_output_is_one_line(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(Path(vnextract.__file__).parents[1]))
    r = subprocess.run(["bash", "-c", f'"{sys.executable}" -m vnextract extract "{SEED}" >&-'], capture_output=True,
                       env=env, timeout=120)
    assert r.returncode == 2
    assert r.stderr.decode() == "vnextract: error: cannot write standard output: it is closed\n"


def test_dash_output_is_standard_output(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("extract", "-o", "-", SEED)
    assert r.exit_code == 0 and len(lines(r)[0]["records"]) == 8
    assert not (tmp_path / "-").exists()


def test_a_closed_pipe_ends_the_run_quietly(tmp_path):
    for i in range(60):  # more output than a pipe holds
        (tmp_path / f"{i:02}.txt").write_bytes(SEED.read_bytes())
    env = dict(os.environ, PYTHONPATH=str(Path(vnextract.__file__).parents[1]))
    p = subprocess.Popen([sys.executable, "-m", "vnextract", "extract", tmp_path], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env)
    first = p.stdout.readline()  # `| head -1`
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 141  # 128 + SIGPIPE, what the shell shows for `yes | head -1`
    assert json.loads(first)["records"] and err == ""


def _runs(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text('{"source": "a", "records": []}\n', encoding="utf-8")
    return good


@pytest.mark.parametrize("content, message", [
    (b'{"source": "a", "records": []}\n{not json\n', ":2: not a vnextract output line"),
    (b'{"source": "a", "records": []}\n\xff\xfe{}\n', ":2: not UTF-8"),
    (b'["a", []]\n', ':1: not a vnextract output line (expected an object with "source"'),
    (b'{"source": "a", "records": ["x"]}\n', ":1: not a vnextract output line (a record is not an object"),
    (b"[" * 100_000 + b"\n", ":1: not a vnextract output line"),
])
def test_diff_of_a_malformed_run_exits_2_not_1(run, tmp_path, content, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(content)
    for args in ((bad, _runs(tmp_path)), (_runs(tmp_path), bad)):
        r = run("diff", *args)
        assert r.exit_code == 2, r.output  # 1 means "the runs differ"
        (line,) = r.stderr.splitlines()
        assert line.startswith(f"vnextract: error: {bad}{message}")


def test_diff_of_an_unreadable_run_exits_2(run, tmp_path):
    r = run("diff", tmp_path / "nowhere.jsonl", _runs(tmp_path))
    assert r.exit_code == 2 and "nowhere.jsonl" in r.output


def test_eval_of_a_malformed_run_exits_2(run, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\x00\x01garbage\n")
    r = run("eval", ROOT / "corpus", "--run", bad)
    assert r.exit_code == 2
    assert r.stderr.strip().startswith(f"vnextract: error: {bad}:1: not a vnextract output line")


def test_quiet_reports_only_a_count_and_verbose_also_warnings(run, tmp_path):
    latin = tmp_path / "latin.txt"
    good = "Năm 2023, doanh thu đạt 5 tỷ đồng.".encode("utf-8")
    latin.write_bytes(good + b"\xff\xfe")
    missing = tmp_path / "missing.txt"
    default = run("extract", missing, latin, SEED)
    assert default.exit_code == 1 and default.stderr == f"vnextract: error: {missing}: no such file or folder\n"
    quiet = run("extract", "-q", missing, latin, SEED)
    assert quiet.exit_code == 1 and quiet.stdout == default.stdout
    assert quiet.stderr == "vnextract: 2 written (9 records), 1 failed\n"
    assert run("extract", "--quiet", SEED).stderr == ""
    verbose = run("extract", "-v", missing, latin, SEED)
    assert verbose.exit_code == 1 and verbose.stdout == default.stdout
    assert verbose.stderr.splitlines() == [
        f"vnextract: error: {missing}: no such file or folder",
        f"vnextract: warning: {latin}: invalid UTF-8 at byte {len(good)}; undecodable bytes replaced with U+FFFD",
        "vnextract: 2 written (9 records), 1 failed",
    ]
    assert run("extract", "-q", "-v", SEED).exit_code == 2


def test_stdin_format_options_are_usage_checked(run):
    assert run("extract", "--stdin-format", "xml", "-", input="").exit_code == 2
    r = run("extract", "--jsonl", "--stdin-format", "text", "-", input="")
    assert r.exit_code == 2 and "--jsonl" in r.output


def test_stdin_text_is_one_document(run):
    line = json.dumps({"id": "n1", "text": "Năm 2023, doanh thu đạt 5 tỷ đồng."}, ensure_ascii=False)
    (row,) = lines(run("extract", "--stdin-format", "text", "-", input=line + "\n"))
    assert row["source"] == "-"


@pytest.mark.parametrize("options", [["--jsonl"], ["--stdin-format", "jsonl"], []])
def test_stdin_json_lines_are_documents_with_offsets_into_their_text(run, options):
    docs = [{"id": "n1", "text": "Năm 2023, doanh thu đạt 5 tỷ đồng.", "date": "2024-01-05"},
            {"id": "n2", "text": "Tháng 10, xuất khẩu đạt 520 triệu USD."}]
    r = run("extract", *options, "-", input="".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
    assert r.exit_code == 0, r.output
    rows = lines(r)
    assert [row["source"] for row in rows] == ["n1", "n2"]
    for doc, row in zip(docs, rows):
        ev = row["records"][0]["evidence"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]
