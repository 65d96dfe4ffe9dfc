"""Property-based tests: extract never raises, always validates, and evidence is always the input slice.

They run over arbitrary text and over corpus text mutated at random, a fixed
number of examples each (derandomized, so CI is repeatable).
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnextract import Extraction, extract

ROOT = Path(__file__).parents[1]
SCHEMA = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8"))
CORPUS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "docs").glob("*.txt"))]
PROFILE = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

# Characters that hurt: digits and separators, Vietnamese letters and marks, odd spaces, line ends.
NASTY = "0123456789.,;:%()-–/ \n\r\t\u00a0\u202f\u200b\ufeffĐđÐăâêôơưáàảãạ\u0301\u0300\u0323tỷđồngtriệunghìn"


def _strict(constant: str):
    raise ValueError(f"{constant} is not JSON")


def _check(text: str) -> None:
    ex = extract(text)
    wire = ex.model_dump_json()
    jsonschema.validate(json.loads(wire, parse_constant=_strict), SCHEMA)  # no NaN or Infinity
    json.dumps(ex.model_dump(mode="json"), allow_nan=False)  # the CLI's way of writing it is strict too
    assert Extraction.model_validate_json(wire) == ex  # every output reads back as the same model
    for r in ex.records:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text


@PROFILE
@given(st.text(max_size=300))
def test_any_text(text):
    _check(text)


@PROFILE
@given(st.text(alphabet=NASTY, max_size=400))
def test_text_made_of_the_characters_that_hurt(text):
    _check(text)


@PROFILE
@given(st.integers(1, 400), st.integers(0, 40), st.sampled_from(["tỷ đồng", "%", "USD", "tấn", ""]))
def test_figures_of_any_number_of_digits(digits, decimals, unit):
    number = "9" * digits + ("," + "5" * decimals if decimals else "")
    _check(f"Năm 2023, doanh thu đạt {number} {unit}, tăng {number}% so với năm 2022.")


@st.composite
def mutated(draw):
    doc = draw(st.sampled_from(CORPUS))
    start = draw(st.integers(0, max(0, len(doc) - 600)))
    text = doc[start:start + 600]
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "swap"]))
        piece = draw(st.text(alphabet=NASTY, min_size=1, max_size=4))
        if op == "insert":
            text = text[:i] + piece + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + len(piece):]
        else:
            text = text[:i] + piece + text[i + len(piece):]
    return text


@PROFILE
@given(mutated())
def test_mutated_corpus_text(text):
    _check(text)


@PROFILE
@given(mutated())
def test_records_of_a_text_equal_those_of_its_nfd_form(text):
    text = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    a = [r.model_dump(exclude={"evidence"}) for r in extract(text).records]
    b = [r.model_dump(exclude={"evidence"}) for r in extract(nfd).records]
    assert a == b
    for r in extract(nfd).records:
        assert nfd[r.evidence.start:r.evidence.end] == r.evidence.text
