"""Reading documents from files, folders, JSON Lines (plain or gzipped), CSV, Parquet and standard input.

Everything streams: a file of a million lines is read a line (or a Parquet
batch) at a time. Whatever goes wrong while reading — a line that is not
JSON or too long or too deep, a broken CSV quote, a truncated gzip or
Parquet file, a broken or looping symbolic link, a FIFO, a file that cannot
be opened — becomes a ``Document`` with an ``error`` naming the file (and
line or row), and reading goes on with the next line or file. So one broken
input never stops a batch, and the same input gives the same error rows
every time (which is what lets ``--resume`` pass them).
"""
from __future__ import annotations

import codecs
import csv
import errno
import gzip
import io
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import jsonlines
from .text.decode import decode

TEXT_SUFFIXES = (".txt", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
TABLE_SUFFIXES = (".csv", ".parquet")
ALL_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + TABLE_SUFFIXES
#: How standard input (``-``) is read: ``auto`` takes it as JSON Lines when every
#: non-blank line is a JSON object, else as one text.
STDIN_FORMATS = ("auto", "text", "jsonl")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else path.suffix.lower()


@dataclass
class Document:
    source: str
    text: str | None
    date: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: True when ``text`` was taken out of HTML (the output then carries it).
    from_html: bool = False
    #: Where it was read: ``FILE``, ``FILE:LINE`` or ``FILE:row N`` (``source`` may be an id instead).
    where: str = ""
    #: Bytes of input it took (for a progress bar whose total is ``input_size``).
    size: int = 0


@dataclass(frozen=True)
class _Fields:
    text: str
    id: str
    date: str


def read_documents(paths: list[str], *, text_field: str = "text", id_field: str = "id",
                   date_field: str = "date", html: bool | None = None,
                   stdin_format: str = "auto") -> Iterator[Document]:
    """Every document named by ``paths`` (files, folders, or ``-`` for stdin), in order.

    ``html``: True reads every text as HTML, False never, None (default) for
    ``.html``/``.htm`` files only. ``stdin_format``: one of ``STDIN_FORMATS``.
    Never raises for bad input: it yields a ``Document`` with an ``error``.
    """
    if stdin_format not in STDIN_FORMATS:
        raise ValueError(f"stdin_format must be one of {STDIN_FORMATS}, got {stdin_format!r}")
    fields = _Fields(text_field, id_field, date_field)
    for doc in _read_all(paths, fields, stdin_format):
        if doc.text is not None and (html or (html is None and doc.source.lower().endswith(HTML_SUFFIXES))):
            from .text.html import html_to_text

            try:
                doc.text, doc.from_html = html_to_text(doc.text), True
            except Exception as e:  # one broken page never stops a batch
                where = doc.where or doc.source
                doc = Document(doc.source, None, error=f"{where}: cannot read the HTML: {_why(e)}", where=where,
                               size=doc.size)
        yield doc


def input_size(paths: list[str]) -> int | None:
    """Bytes of the input files ``paths`` name (folders walked as ``read_documents`` does); None with stdin."""
    if "-" in paths:
        return None
    total = 0
    for p in paths:
        for item in _expand(p):
            if isinstance(item, Path):
                try:
                    total += item.stat().st_size
                except OSError:
                    pass
    return total


# -- files and folders ----------------------------------------------------------

def _read_all(paths: list[str], fields: _Fields, stdin_format: str) -> Iterator[Document]:
    for p in paths:
        if p == "-":
            yield from _guarded("-", 0, _read_stdin(stdin_format, fields))
            continue
        for item in _expand(p):
            if isinstance(item, Document):
                yield item
                continue
            try:
                size = item.stat().st_size
            except OSError:
                size = 0
            yield from _guarded(str(item), size, _read_file(item, fields))


def _guarded(name: str, size: int, docs: Iterator[Document]) -> Iterator[Document]:
    """The documents of one file; an exception ends that file with one error row, not the whole reading."""
    consumed = 0
    try:
        for doc in docs:
            consumed += doc.size
            yield doc
    except Exception as e:  # any failure of one file is that file's error row
        yield _error(name, f"cannot read: {_why(e)}", size=max(0, size - consumed))


def _error(where: str, why: str, size: int = 0) -> Document:
    return Document(where, None, error=f"{where}: {why}", where=where, size=size)


def _why(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return f"{type(e).__name__}: {e}" if str(e) else type(e).__name__


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _stat_error(name: str, e: OSError, is_link: bool, missing: str) -> Document:
    """The error row of a path that cannot be stat'ed: a broken or looping link, a missing or unreadable path."""
    if isinstance(e, FileNotFoundError):
        return _error(name, "broken symbolic link" if is_link else missing)
    return _error(name, "symbolic link loop" if e.errno == errno.ELOOP else f"cannot read: {_why(e)}")


def _expand(p: str) -> Iterator[Path | Document]:
    """The regular files ``p`` names (itself, or a folder's input files), and an error row for anything else."""
    try:
        st = os.stat(p)
    except OSError as e:
        yield _stat_error(p, e, os.path.islink(p), "no such file or folder")
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _walk(Path(p), st)
    elif stat.S_ISREG(st.st_mode):
        yield Path(p)
    else:  # opening a FIFO would wait for a writer forever
        yield _error(p, f"{_special(st.st_mode)}, not a regular file: not read (use - for standard input)")


def _walk(root: Path, top: os.stat_result) -> Iterator[Path | Document]:
    """The input files under ``root`` in path order, with an error row for each link that is broken or loops,
    each special file and each folder that cannot be read. Linked folders are followed, once per path
    of links, and never back into a folder that contains them."""
    found: list[tuple[tuple[str, ...], Path | Document]] = []
    stack = [(root, frozenset({(top.st_dev, top.st_ino)}))]
    readable = False
    while stack:
        folder, ancestors = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as e:
            found.append((folder.parts, _error(str(folder), f"cannot read folder: {_why(e)}")))
            continue
        for entry in entries:
            path = Path(entry.path)
            name = str(path)
            try:
                st = entry.stat()  # follows links
            except OSError as e:
                found.append((path.parts, _stat_error(name, e, entry.is_symlink(), "vanished while the folder was read")))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    found.append((path.parts, _error(name, "symbolic link loop (links back to a folder above it)")))
                else:
                    stack.append((path, ancestors | {key}))
            elif stat.S_ISREG(st.st_mode):
                if _suffix(path) in ALL_SUFFIXES:
                    found.append((path.parts, path))
                    readable = True
            else:
                found.append((path.parts, _error(name, f"{_special(st.st_mode)}, not a regular file: not read")))
    if not readable:
        yield _error(str(root), "no .txt, .html, .jsonl, .csv or .parquet files in this folder")
    for _, item in sorted(found, key=lambda t: t[0]):
        yield item


def _read_file(path: Path, fields: _Fields) -> Iterator[Document]:
    name = str(path)
    kind = _suffix(path)
    if kind == ".jsonl.gz":
        with gzip.open(path, "rb") as f:
            yield from _read_jsonl(f, name, fields, f.fileobj.tell)  # compressed bytes, to match the file size
        return
    if kind == ".jsonl":
        with open(path, "rb") as f:
            yield from _read_jsonl(f, name, fields, f.tell)
        return
    if kind == ".csv":
        with open(path, "rb") as f:
            yield from _read_csv(f, name, fields)
        return
    if kind == ".parquet":
        yield from _read_parquet(path, fields)
        return
    data = path.read_bytes()
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield _error(name, "looks like a binary file, not text", size=len(data))
        return
    text, warns = decode(data, name)
    yield Document(name, text, warnings=warns, where=name, size=len(data))


def _record(obj, where: str, fields: _Fields) -> Document:
    if not isinstance(obj, dict):
        return _error(where, f"expected a JSON object, got {type(obj).__name__}")
    source = str(obj.get(fields.id) or where)
    body = obj.get(fields.text)
    if not isinstance(body, str):
        return Document(source, None, error=f"{where}: field {fields.text!r} is missing or not a string", where=where)
    date = obj.get(fields.date)
    return Document(source, body, date=str(date) if date else None, where=where)


# -- JSON Lines -------------------------------------------------------------------

def _read_jsonl(f, name: str, fields: _Fields, tell: Callable[[], int]) -> Iterator[Document]:
    """One document per non-blank line; a bad line is its error row, a stream that breaks ends with one."""
    lines = jsonlines.read_lines(f)
    last = tell()
    lineno = 0
    while True:
        lineno += 1
        where = f"{name}:{lineno}"
        try:
            raw = next(lines, b"")
            pos = tell()
        except Exception as e:  # truncated or garbage gzip, a disk error: the file ends here
            yield _error(where, f"cannot read: {_why(e)}")
            return
        size, last = pos - last, pos
        if raw is None:
            yield _error(where, f"line longer than {jsonlines.MAX_LINE_BYTES:,} bytes: not read", size=size)
        elif not raw:
            return
        elif raw.strip():
            doc = _jsonl_document(raw, where, fields)
            doc.size = size
            yield doc


def _jsonl_document(raw: bytes, where: str, fields: _Fields) -> Document:
    try:
        line, warns = decode(raw, where)
        obj = jsonlines.loads(line)
        doc = _record(obj, where, fields)
    except jsonlines.LineError as e:
        return _error(where, str(e))
    except Exception as e:  # whatever one line does, it is that line's error
        return _error(where, f"cannot read: {_why(e)}")
    doc.warnings = warns + doc.warnings
    return doc


def _read_stdin(stdin_format: str, fields: _Fields) -> Iterator[Document]:
    stream = sys.stdin.buffer
    if stdin_format == "jsonl":
        yield from _read_jsonl(stream, "-", fields, lambda: 0)
        return
    data = stream.read()
    if stdin_format == "auto" and _is_jsonl(data):
        yield from _read_jsonl(io.BytesIO(data), "-", fields, lambda: 0)
        return
    text, warns = decode(data, "<stdin>")
    yield Document("-", text, warnings=warns, where="-", size=len(data))


def _is_jsonl(data: bytes) -> bool:
    """True when every non-blank line of ``data`` is a JSON object (and there is one at least)."""
    lines = [line.strip() for line in data.removeprefix(codecs.BOM_UTF8).splitlines() if line.strip()]
    if not lines or not all(line[:1] == b"{" and line[-1:] == b"}" for line in lines):
        return False
    try:
        return all(isinstance(jsonlines.loads(line.decode("utf-8")), dict) for line in lines)
    except (jsonlines.LineError, UnicodeDecodeError):
        return False


# -- tables -------------------------------------------------------------------------

def _read_csv(f, name: str, fields: _Fields) -> Iterator[Document]:
    """Rows of a CSV file with a header. Strict quoting: a quote left open is reported at the line where it
    opens (with the lines it swallowed) instead of silently eating the rows after it; so is a row whose
    number of fields is not the header's."""
    csv.field_size_limit(jsonlines.MAX_LINE_BYTES)
    reader = csv.reader(io.TextIOWrapper(f, encoding="utf-8-sig", errors="replace", newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as e:
        yield _error(f"{name}:1", f"broken header ({e})")
        return
    if header is None or fields.text not in header:
        yield _error(name, f"no {fields.text!r} column (columns: {header})")
        return
    last = f.tell()
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader, None)
            bad = None
        except csv.Error as e:
            row, bad = [], f"{e}"
        pos = f.tell()
        size, last = pos - last, pos
        end = reader.line_num
        if bad:
            span = f"line {start}" if end <= start else f"lines {start}-{end}"
            yield _error(f"{name}:{start}", f"broken quoting in the row that starts here ({bad}); {span} not read",
                         size=size)
        elif row is None:
            return
        elif len(row) != len(header):
            if row:  # a blank line is no row
                yield _error(f"{name}:{start}", f"{len(row)} fields where the header has {len(header)} "
                             f"(a broken quote?); not read", size=size)
        else:
            # the line where the row ends: quoted fields may span lines
            doc = _record(dict(zip(header, row)), f"{name}:{end}", fields)
            doc.size = size
            yield doc


def _read_parquet(path: Path, fields: _Fields) -> Iterator[Document]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield _error(str(path), "reading Parquet needs pyarrow: pip install '.[parquet]' in a vnextract checkout")
        return
    try:
        pf = pq.ParquetFile(path)
        names = pf.schema_arrow.names
        rows = pf.metadata.num_rows
    except Exception as e:  # truncated, garbage, not Parquet at all
        yield _error(str(path), f"not a readable Parquet file ({_why(e)})", size=path.stat().st_size)
        return
    if fields.text not in names:
        yield _error(str(path), f"no {fields.text!r} column (columns: {names})")
        return
    per_row = path.stat().st_size // max(rows, 1)
    columns = [c for c in (fields.text, fields.id, fields.date) if c in names]
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=1000, columns=columns):
            for obj in batch.to_pylist():
                doc = _record(obj, f"{path}:row {row}", fields)
                doc.size = per_row
                yield doc
                row += 1
    except Exception as e:  # a damaged row group: the rows before it are kept
        where = f"{path}:row {row}"
        yield _error(where, f"cannot read from this row on ({_why(e)})", size=max(0, (rows - row) * per_row))
