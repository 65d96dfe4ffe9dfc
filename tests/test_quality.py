"""The quality ratchet: corpus scores may not fall below the figures in corpus/quality.json.

Raise a figure there (one line) when a change improves it.
"""
import json

import pytest

from vnextract.eval import score

from pathlib import Path

CORPUS = Path(__file__).parents[1] / "corpus"

FLOOR = json.loads((CORPUS / "quality.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(corpus_run, corpus_docs):
    return score(corpus_run, corpus_docs)


@pytest.mark.parametrize("name", ["precision", "recall", "f1"])
def test_record_scores_hold(report, name):
    assert round(getattr(report, name), 4) >= FLOOR[name], f"{name} fell below corpus/quality.json"


@pytest.mark.parametrize("name", sorted(FLOOR["fields"]))
def test_field_accuracy_holds(report, name):
    assert round(report.accuracy(name), 4) >= FLOOR["fields"][name], f"{name} accuracy fell below corpus/quality.json"
