"""The gold corpus is well formed: every quote is in its document, every record is a valid record."""
import unicodedata

from vnextract import Evidence, Record

REQUIRED = {"metric", "value", "unit", "bound", "kind", "changes", "plan_percent", "share_percent", "year", "months"}


def test_corpus_size(corpus_docs):
    assert len(corpus_docs) >= 60
    assert sum(len(d.records) for d in corpus_docs) >= 600


def test_gold_records_are_valid(corpus_docs):
    for d in corpus_docs:
        text = unicodedata.normalize("NFC", d.text)
        for r in d.records:
            assert REQUIRED <= set(r), (d.stem, r)
            assert unicodedata.normalize("NFC", r["quote"]) in text, (d.stem, r["quote"])
            fields = {k: r[k] for k in REQUIRED}
            Record(**fields, evidence=Evidence(start=0, end=0, text=""))


def test_corpus_has_nfd_and_typos(corpus_docs):
    assert sum(not unicodedata.is_normalized("NFC", d.text) for d in corpus_docs) >= 2
    assert any("dich vụ" in d.text or "đia bàn" in d.text for d in corpus_docs)


def test_heldout_gold_is_valid_too():
    from pathlib import Path

    from vnextract.eval import load_corpus

    docs = load_corpus(Path(__file__).parents[1] / "corpus" / "heldout")
    assert len(docs) >= 12
    for d in docs:
        text = unicodedata.normalize("NFC", d.text)
        for r in d.records:
            assert unicodedata.normalize("NFC", r["quote"]) in text, (d.stem, r["quote"])
            Record(**{k: r[k] for k in REQUIRED}, evidence=Evidence(start=0, end=0, text=""))
