"""Shared fixtures: the corpus and one extraction run over it per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "corpus"


def pytest_addoption(parser):
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="accept the current extraction of every corpus document as its snapshot (review with git diff)",
    )


@pytest.fixture(scope="session")
def corpus_docs():
    from vnextract.eval import load_corpus

    return load_corpus(CORPUS)


@pytest.fixture(scope="session")
def corpus_run(corpus_docs):
    """stem → records (as JSON dicts) of the current extractor."""
    from vnextract import extract

    return {d.stem: extract(d.text, date=d.date).model_dump(mode="json")["records"] for d in corpus_docs}
