"""Reading documents from files, folders, JSON Lines (plain or gzipped), CSV, Parquet and standard input.

Everything streams: a file of a million lines is read a line (or a Parquet
batch) at a time. A document that cannot be read becomes a ``Document`` with
an ``error`` naming the file (and line or row), so one broken input never
stops a batch.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .text.decode import decode

TEXT_SUFFIXES = (".txt", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
TABLE_SUFFIXES = (".csv", ".parquet")
ALL_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + TABLE_SUFFIXES


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


def read_documents(paths: list[str], *, text_field: str = "text", id_field: str = "id",
                   date_field: str = "date", html: bool | None = None,
                   stdin_format: str = "auto") -> Iterator[Document]:
    """Every document named by ``paths`` (files, folders, or ``-`` for stdin), in order.

    ``html``: True reads every text as HTML, False never, None (default) for
    ``.html``/``.htm`` files only. ``stdin_format`` ("auto", "text", "jsonl"):
    how ``-`` is read (placeholder here: standard input is read as one text).
    """
    for doc in _read_all(paths, text_field, id_field, date_field):
        if doc.text is not None and (html or (html is None and doc.source.lower().endswith(HTML_SUFFIXES))):
            from .text.html import html_to_text

            doc.text, doc.from_html = html_to_text(doc.text), True
        yield doc


def _read_all(paths: list[str], text_field: str, id_field: str, date_field: str) -> Iterator[Document]:
    for p in paths:
        if p == "-":
            text, warns = decode(sys.stdin.buffer.read(), "<stdin>")
            yield Document("-", text, warnings=warns)
            continue
        path = Path(p)
        if path.is_dir():
            try:
                files = sorted(f for f in path.rglob("*") if f.is_file() and _suffix(f) in ALL_SUFFIXES)
            except OSError as e:
                yield Document(p, None, error=f"{p}: cannot read folder: {e.strerror or e}")
                continue
            if not files:
                yield Document(p, None, error=f"{p}: no .txt, .html, .jsonl, .csv or .parquet files in this folder")
            for f in files:
                yield from _read_file(f, text_field, id_field, date_field)
        elif path.exists():
            yield from _read_file(path, text_field, id_field, date_field)
        else:
            yield Document(p, None, error=f"{p}: no such file or folder")


def _read_file(path: Path, text_field: str, id_field: str, date_field: str) -> Iterator[Document]:
    name = str(path)
    kind = _suffix(path)
    try:
        if kind in JSONL_SUFFIXES:
            opener = gzip.open if kind == ".jsonl.gz" else open
            with opener(path, "rb") as f:
                yield from _read_jsonl(f, name, text_field, id_field, date_field)
            return
        if kind == ".csv":
            with open(path, "rb") as f:
                yield from _read_csv(f, name, text_field, id_field, date_field)
            return
        if kind == ".parquet":
            yield from _read_parquet(path, text_field, id_field, date_field)
            return
        data = path.read_bytes()
    except (OSError, EOFError) as e:
        yield Document(name, None, error=f"{name}: cannot read: {getattr(e, 'strerror', None) or e}")
        return
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield Document(name, None, error=f"{name}: looks like a binary file, not text")
        return
    text, warns = decode(data, name)
    yield Document(name, text, warnings=warns)


def _record(obj, where: str, text_field: str, id_field: str, date_field: str) -> Document:
    if not isinstance(obj, dict):
        return Document(where, None, error=f"{where}: expected a JSON object, got {type(obj).__name__}")
    source = str(obj.get(id_field) or where)
    body = obj.get(text_field)
    if not isinstance(body, str):
        return Document(source, None, error=f"{where}: field {text_field!r} is missing or not a string")
    date = obj.get(date_field)
    return Document(source, body, date=str(date) if date else None)


def _read_jsonl(f, name: str, text_field: str, id_field: str, date_field: str) -> Iterator[Document]:
    for lineno, raw in enumerate(f, 1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        line, warns = decode(raw, where)
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Document(where, None, error=f"{where}: not valid JSON ({e.msg} at column {e.colno})")
            continue
        doc = _record(obj, where, text_field, id_field, date_field)
        doc.warnings = warns + doc.warnings
        yield doc


def _read_csv(f, name: str, text_field: str, id_field: str, date_field: str) -> Iterator[Document]:
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.TextIOWrapper(f, encoding="utf-8-sig", errors="replace", newline=""))
    if reader.fieldnames is None or text_field not in reader.fieldnames:
        yield Document(name, None, error=f"{name}: no {text_field!r} column (columns: {reader.fieldnames})")
        return
    for row in reader:
        # line_num is the line where the row ends: quoted fields may span lines
        yield _record(row, f"{name}:{reader.line_num}", text_field, id_field, date_field)


def _read_parquet(path: Path, text_field: str, id_field: str, date_field: str) -> Iterator[Document]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Document(str(path), None, error=f"{path}: reading Parquet needs pyarrow: pip install 'vnextract[parquet]'")
        return
    pf = pq.ParquetFile(path)
    names = pf.schema_arrow.names
    if text_field not in names:
        yield Document(str(path), None, error=f"{path}: no {text_field!r} column (columns: {names})")
        return
    columns = [c for c in (text_field, id_field, date_field) if c in names]
    row = 0
    for batch in pf.iter_batches(batch_size=1000, columns=columns):
        for obj in batch.to_pylist():
            yield _record(obj, f"{path}:row {row}", text_field, id_field, date_field)
            row += 1
