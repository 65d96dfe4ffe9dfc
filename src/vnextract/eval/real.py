"""Gold on real articles whose text lives outside the repository (the news-5k bench).

A real corpus folder holds ``corpus.toml`` (where the texts are) and
``gold/*.json`` files that name their article by ``id`` and give each record's
evidence as character offsets. Articles are split once and for all into a
development part (tuned on) and a test part (scored only when a piece of work
is finished) by a hash of their id.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import tomllib
from functools import cache
from pathlib import Path

MANIFEST = "corpus.toml"
ENV = "VNEXTRACT_BENCH"
DEFAULT_TEST_PERCENT = 30


class MissingTexts(FileNotFoundError):
    """The article texts of a real corpus are not where its manifest says."""


def stem_of(article_id: str) -> str:
    """A file name for an article id: ``baomoi/21472076`` → ``baomoi-21472076``."""
    return article_id.replace("/", "-")


def part_of(article_id: str, test_percent: int = DEFAULT_TEST_PERCENT) -> str:
    """``"test"`` or ``"dev"``, fixed by the SHA-256 of the id (never by its content)."""
    h = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % 100 < test_percent else "dev"


def is_real(corpus: Path) -> bool:
    return (corpus / MANIFEST).is_file()


def manifest(corpus: Path) -> dict:
    return tomllib.loads((corpus / MANIFEST).read_text(encoding="utf-8"))


def texts_path(corpus: Path, override: Path | str | None = None) -> Path:
    """Where the article texts are: ``override``, else $VNEXTRACT_BENCH, else the manifest's path."""
    if override:
        return Path(override)
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    return (corpus / manifest(corpus)["texts"]).resolve()


@cache
def _read(path: Path) -> dict[str, dict]:
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                out[row["id"]] = row
    return out


def read_bench(path: Path | str) -> dict[str, dict]:
    """Article id → ``{"id", "category", "text"}`` from a JSON Lines (.gz) file, read once."""
    path = Path(path)
    if not path.is_file():
        raise MissingTexts(
            f"{path}: the article texts of the real-text gold are not there; "
            f"pass --texts PATH or set {ENV} to the news-5k.jsonl.gz file"
        )
    return _read(path.resolve())
