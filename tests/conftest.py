"""Shared fixtures: the corpora and one extraction run over each per test session.

The real-text corpus (corpus/real) reads its article texts from the news-5k
bench beside the checkout (or $VNEXTRACT_BENCH); its tests are skipped, saying
so, where the bench is not there.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "corpus"
REAL = CORPUS / "real"


def pytest_addoption(parser):
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="accept the current extraction of every corpus document as its snapshot (review with git diff)",
    )


def _run(docs) -> dict[str, list[dict]]:
    from vnextract import extract

    return {d.key: extract(d.text, date=d.date).model_dump(mode="json")["records"] for d in docs}


@pytest.fixture(scope="session")
def corpus_docs():
    from vnextract.eval import load_corpus

    return load_corpus(CORPUS)


@pytest.fixture(scope="session")
def corpus_run(corpus_docs):
    """document key → records (as JSON dicts) of the current extractor."""
    return _run(corpus_docs)


@pytest.fixture(scope="session")
def real_docs():
    from vnextract.eval import load_corpus
    from vnextract.eval.real import MissingTexts

    try:
        return load_corpus(REAL)
    except MissingTexts as e:
        pytest.skip(f"real-text gold not scored: {e}")


@pytest.fixture(scope="session")
def real_run(real_docs):
    return _run(real_docs)
