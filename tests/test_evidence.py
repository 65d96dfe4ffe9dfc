"""Every record's evidence is exactly input[start:end], in every Unicode form and line ending."""
import unicodedata
from pathlib import Path

import pytest

from vnextract import extract

SEED = (Path(__file__).parents[1] / "samples" / "seed.txt").read_text(encoding="utf-8")
FORMS = {
    "nfc": lambda t: t,
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "nbsp": lambda t: t.replace(" tỷ", "\u00a0tỷ").replace(" triệu", "\u202ftriệu"),
    "zero-width": lambda t: t.replace("90.260", "90.\u200b260").replace("dự án", "dự\u200b án"),
}


def _fields(ex):
    return [r.model_dump(exclude={"evidence"}) for r in ex.records]


@pytest.mark.parametrize("form", FORMS)
def test_evidence_is_the_input_slice(form):
    text = FORMS[form](SEED)
    ex = extract(text)
    assert len(ex.records) == 8
    for r in ex.records:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text
        assert r.evidence.text.strip() == r.evidence.text


@pytest.mark.parametrize("form", FORMS)
def test_records_do_not_depend_on_the_form(form):
    assert _fields(extract(FORMS[form](SEED))) == _fields(extract(SEED))


def test_corpus_nfd_documents_equal_their_nfc_form():
    corpus = Path(__file__).parents[1] / "corpus" / "docs"
    nfd = [p for p in sorted(corpus.glob("*.txt")) if not unicodedata.is_normalized("NFC", p.read_text(encoding="utf-8"))]
    assert nfd, "the corpus should hold NFD documents"
    for p in nfd:
        text = p.read_text(encoding="utf-8")
        got = extract(text)
        assert _fields(got) == _fields(extract(unicodedata.normalize("NFC", text)))
        assert all(text[r.evidence.start:r.evidence.end] == r.evidence.text for r in got.records)
