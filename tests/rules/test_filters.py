"""The not-a-record filters (rules/filters.py): every class has examples both ways in rules/examples.toml,
one whose figures the filter removes (without the filters the text gives more records) and one that stays
a record."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import vnextract
from vnextract.rules import filters

EXAMPLES = Path(vnextract.__file__).parent / "rules" / "examples.toml"


def _examples() -> dict[str, list[dict]]:
    """The record examples of each filter class, by the class name their name starts with ("rule: …")."""
    out: dict[str, list[dict]] = {}
    for ex in tomllib.loads(EXAMPLES.read_text(encoding="utf-8"))["record"]:
        head = ex.get("name", "").split(":")[0]
        if head in filters.FILTERS:
            out.setdefault(head, []).append(ex)
    return out


@pytest.fixture(scope="module")
def unfiltered():
    """How many records each example text gives with no filter at all."""
    texts = {ex["text"] for exs in _examples().values() for ex in exs}
    kept = dict(filters.FILTERS)
    filters.FILTERS.clear()
    try:
        return {t: len(vnextract.extract(t).records) for t in texts}
    finally:
        filters.FILTERS.update(kept)


@pytest.mark.parametrize("name", sorted(filters.FILTERS))
def test_every_filter_has_examples_both_ways(name, unfiltered):
    examples = _examples().get(name, [])
    assert any(len(ex["records"]) < unfiltered[ex["text"]] for ex in examples), \
        f"{name}: no example whose figures the filters remove"
    assert any(ex["records"] for ex in examples), f"{name}: no example of a text that stays a record"
