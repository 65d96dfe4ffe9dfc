"""Reading documents from files, folders, JSON Lines and standard input.

A document that cannot be read becomes a ``Document`` with an ``error``
naming the file (and line), so one broken input never stops a batch.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .text.decode import decode

TEXT_SUFFIXES = (".txt", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)


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
                   date_field: str = "date", html: bool | None = None) -> Iterator[Document]:
    """Every document named by ``paths`` (files, folders, or ``-`` for stdin), in order.

    ``html``: True reads every text as HTML, False never, None (default) for
    ``.html``/``.htm`` files only.
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
                files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES)
            except OSError as e:
                yield Document(p, None, error=f"{p}: cannot read folder: {e.strerror or e}")
                continue
            if not files:
                yield Document(p, None, error=f"{p}: no .txt, .html or .jsonl files in this folder")
            for f in files:
                yield from _read_file(f, text_field, id_field, date_field)
        elif path.exists():
            yield from _read_file(path, text_field, id_field, date_field)
        else:
            yield Document(p, None, error=f"{p}: no such file or folder")


def _read_file(path: Path, text_field: str, id_field: str, date_field: str) -> Iterator[Document]:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        yield Document(name, None, error=f"{name}: cannot read: {e.strerror or e}")
        return
    if path.suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(data, name, text_field, id_field, date_field)
        return
    if b"\x00" in data[:8192]:
        yield Document(name, None, error=f"{name}: looks like a binary file, not text")
        return
    text, warns = decode(data, name)
    yield Document(name, text, warnings=warns)


def _read_jsonl(data: bytes, name: str, text_field: str, id_field: str, date_field: str) -> Iterator[Document]:
    text, warns = decode(data, name)
    for w in warns:
        print(f"vnextract: warning: {w}", file=sys.stderr)
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Document(where, None, error=f"{where}: not valid JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(obj, dict):
            yield Document(where, None, error=f"{where}: expected a JSON object, got {type(obj).__name__}")
            continue
        source = str(obj.get(id_field, where))
        body = obj.get(text_field)
        if not isinstance(body, str):
            yield Document(source, None, error=f"{where}: field {text_field!r} is missing or not a string")
            continue
        date = obj.get(date_field)
        yield Document(source, body, date=str(date) if date else None)
