"""Reading inputs: every hostile input is one error row naming its file and line, and reading goes on."""
from __future__ import annotations

import gzip
import io
import json
import os
import socket
import sys
import threading

import pytest

from vnextract import jsonlines
from vnextract.inputs import input_size, read_documents

TEXT = "Năm 2023, doanh thu đạt 5 tỷ đồng, tăng 12% so với năm trước."


def line(i, **extra) -> str:
    return json.dumps({"id": f"d{i}", "text": TEXT, **extra}, ensure_ascii=False) + "\n"


def read(*paths, **kw) -> list:
    return list(read_documents([str(p) for p in paths], **kw))


def errors(docs) -> list[str]:
    return [d.error for d in docs if d.error]


def good(docs) -> list[str]:
    return [d.source for d in docs if not d.error]


# -- JSON Lines ------------------------------------------------------------------

def test_a_huge_integer_is_read_and_a_deep_line_is_one_error(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(line(1) + '{"id": "d2", "n": ' + "9" * 5000 + ', "text": "' + TEXT + '"}\n'
                    + "[" * 100_000 + "\n" + '{"a": ' * 100_000 + "\n" + line(5), encoding="utf-8")
    docs = read(path)
    assert good(docs) == ["d1", "d2", "d5"]
    assert errors(docs) == [f"{path}:3: nested deeper than {jsonlines.MAX_DEPTH} levels",
                            f"{path}:4: nested deeper than {jsonlines.MAX_DEPTH} levels"]


def test_many_brackets_are_fine_when_shallow_and_brackets_in_strings_do_not_count():
    assert jsonlines.depth('[{"a": "[[[[{{{"}, [1, [2]]]') == 3
    wide = json.dumps({"id": "w", "text": TEXT, "tags": [[i] for i in range(5000)], "s": "[" * 5000})
    assert jsonlines.loads(wide)["id"] == "w"


def test_a_line_over_the_size_limit_is_skipped_and_the_next_line_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonlines, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "long.jsonl"
    path.write_text(line(1) + line(2, pad="x" * 5000) + line(3), encoding="utf-8")
    docs = read(path)
    assert good(docs) == ["d1", "d3"]
    assert errors(docs) == [f"{path}:2: line longer than 1,000 bytes: not read"]


def test_garbage_and_truncated_gzip_and_parquet_are_one_error_each_and_the_next_file_is_read(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    (tmp_path / "a-garbage.jsonl.gz").write_bytes(b"this is not gzip at all\n" * 10)
    whole = gzip.compress("".join(line(i) for i in range(200)).encode("utf-8"))
    (tmp_path / "b-truncated.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "c-garbage.parquet").write_bytes(b"PAR1 garbage " * 50)
    buf = io.BytesIO()
    pq.write_table(pa.table({"id": [f"p{i}" for i in range(100)], "text": [TEXT] * 100}), buf)
    (tmp_path / "d-truncated.parquet").write_bytes(buf.getvalue()[:-100])
    (tmp_path / "e-good.jsonl").write_text(line(999), encoding="utf-8")
    docs = read(tmp_path)
    errs = errors(docs)
    assert len(errs) == 4, errs
    assert errs[0].startswith(f"{tmp_path / 'a-garbage.jsonl.gz'}:1: cannot read: BadGzipFile")
    assert errs[1].startswith(f"{tmp_path / 'b-truncated.jsonl.gz'}:")
    assert errs[2].startswith(f"{tmp_path / 'c-garbage.parquet'}: not a readable Parquet file")
    assert errs[3].startswith(f"{tmp_path / 'd-truncated.parquet'}: not a readable Parquet file")
    assert "d0" in good(docs) and good(docs)[-1] == "d999"  # lines before the cut are kept


# -- CSV ---------------------------------------------------------------------------

ROW = "Doanh thu năm 2023 đạt 5 tỷ đồng"  # no comma: unquoted in the CSV rows below

def test_an_unterminated_csv_quote_is_reported_where_it_starts_and_the_rows_before_are_kept(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(f'id,text\nc1,{ROW}\nc2,"{ROW}\nc3,{ROW}\nc4,{ROW}\n', encoding="utf-8")
    docs = read(path)
    assert good(docs) == ["c1"]
    assert errors(docs) == [f"{path}:3: broken quoting in the row that starts here (unexpected end of data); "
                            f"lines 3-5 not read"]


def test_a_stray_csv_quote_and_a_ragged_row_are_reported_and_the_rows_after_are_read(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(f'id,text\nc1,"{ROW}\nc2,"x"y\nc3,{ROW}\nc4,{ROW},extra\nc5,"{ROW}\nđủ dòng"\n',
                    encoding="utf-8")
    docs = read(path)
    assert good(docs) == ["c3", "c5"]
    errs = errors(docs)
    assert errs[0].startswith(f"{path}:2: broken quoting in the row that starts here") and "lines 2-3" in errs[0]
    assert errs[1] == f"{path}:5: 3 fields where the header has 2 (a broken quote?); not read"


# -- folders and special files ----------------------------------------------------------

def test_links_that_loop_or_break_and_special_files_are_reported_once_each(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "sub" / "up").symlink_to(folder)  # a loop through a folder above
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a link to itself
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(folder / "pipe.jsonl")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "s.sock"))
    try:
        docs = _within(5, read, folder)
    finally:
        sock.close()
    assert good(docs) == [str(folder / "sub" / "a.txt")]
    assert sorted(errors(docs)) == sorted([
        f"{folder / 'gone.txt'}: broken symbolic link",
        f"{folder / 'pipe.jsonl'}: a named pipe (FIFO), not a regular file: not read",
        f"{folder / 's.sock'}: a socket, not a regular file: not read",
        f"{folder / 'self.txt'}: symbolic link loop",
        f"{folder / 'sub' / 'up'}: symbolic link loop (links back to a folder above it)",
    ])


def test_a_fifo_or_a_device_named_directly_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    docs = _within(5, read, tmp_path / "pipe.txt", "/dev/zero", tmp_path / "missing.txt")
    assert [d.error.split(": ", 1)[1] for d in docs] == [
        "a named pipe (FIFO), not a regular file: not read (use - for standard input)",
        "a device, not a regular file: not read (use - for standard input)",
        "no such file or folder"]


def test_an_unreadable_file_and_folder_are_reported(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "closed").mkdir()
    if os.geteuid() == 0:  # root reads whatever the permissions: refuse as the system would
        import pathlib

        denied = PermissionError(13, "Permission denied")
        real_read, real_scandir = pathlib.Path.read_bytes, os.scandir
        monkeypatch.setattr(pathlib.Path, "read_bytes",
                            lambda p: (_ for _ in ()).throw(denied) if p.name == "a.txt" else real_read(p))
        monkeypatch.setattr(os, "scandir",
                            lambda p: (_ for _ in ()).throw(denied) if str(p).endswith("closed") else real_scandir(p))
    else:
        (tmp_path / "a.txt").chmod(0)
        (tmp_path / "closed").chmod(0)
    try:
        errs = errors(read(tmp_path))
    finally:
        (tmp_path / "closed").chmod(0o755)
    assert f"{tmp_path / 'a.txt'}: cannot read: Permission denied" in errs
    assert f"{tmp_path / 'closed'}: cannot read folder: Permission denied" in errs


def test_an_exception_while_reading_a_file_is_its_error_and_the_next_file_is_read(tmp_path, monkeypatch):
    import vnextract.inputs as inputs

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    real = inputs.decode

    def flaky(data, name):
        if name.endswith("a.txt"):
            raise MemoryError("no room")
        return real(data, name)

    monkeypatch.setattr(inputs, "decode", flaky)
    docs = read(tmp_path)
    assert errors(docs) == [f"{tmp_path / 'a.txt'}: cannot read: MemoryError: no room"]
    assert good(docs) == [str(tmp_path / "b.txt")]


def test_the_size_of_standard_input_is_unknown():
    assert input_size(["-"]) is None


def test_input_size_is_the_bytes_of_the_input_files(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "skip.md").write_text("x" * 1000, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(line(1) + line(2), encoding="utf-8")
    assert input_size([str(tmp_path)]) == len(TEXT.encode()) + len((line(1) + line(2)).encode())
    assert sum(d.size for d in read(tmp_path)) == input_size([str(tmp_path)])


# -- standard input ------------------------------------------------------------------

@pytest.mark.parametrize("data, fmt, want", [
    (line(1) + "\n" + line(2), "auto", ["d1", "d2"]),
    (line(1) + "Năm 2023, xuất khẩu tăng.\n", "auto", ["-"]),
    (line(1) + line(2), "text", ["-"]),
    (TEXT, "auto", ["-"]),
    ('{"text": "' + TEXT + '"}\n', "auto", ["-:1"]),
])
def test_stdin_is_json_lines_when_told_or_when_every_line_is_an_object(monkeypatch, data, fmt, want):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    docs = read("-", stdin_format=fmt)
    assert [d.source for d in docs] == want and not errors(docs)
    if want != ["-"]:
        assert docs[0].text == TEXT


def test_stdin_told_jsonl_reports_a_bad_line_and_reads_the_rest(monkeypatch):
    data = line(1) + "{broken\n" + line(3)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8"))))
    docs = read("-", stdin_format="jsonl")
    assert good(docs) == ["d1", "d3"]
    assert errors(docs)[0].startswith("-:2: not valid JSON")
    with pytest.raises(ValueError, match="stdin_format"):
        read("-", stdin_format="yaml")


def _within(seconds: float, fn, *args):
    """``fn(*args)``, failing the test (instead of hanging it) when it takes longer than ``seconds``."""
    result = []
    t = threading.Thread(target=lambda: result.append(fn(*args)), daemon=True)
    t.start()
    t.join(seconds)
    assert result, f"reading did not finish within {seconds} s"
    return result[0]
