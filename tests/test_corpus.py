"""The gold corpora are well formed: every quote or evidence is in its document, every record is a valid record."""
import unicodedata
from pathlib import Path

import regex

from vnextract import Evidence, Record

REQUIRED = {"metric", "indicator", "value", "value_high", "unit", "bound", "kind", "changes", "plan_percent", "share_percent",
            "contribution_points", "year", "months", "place"}


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
    from vnextract.eval import load_corpus

    docs = load_corpus(Path(__file__).parents[1] / "corpus" / "heldout")
    assert len(docs) >= 12
    for d in docs:
        text = unicodedata.normalize("NFC", d.text)
        for r in d.records:
            assert unicodedata.normalize("NFC", r["quote"]) in text, (d.stem, r["quote"])
            Record(**{k: r[k] for k in REQUIRED}, evidence=Evidence(start=0, end=0, text=""))


# -- the real-text gold (corpus/real): offsets into articles of the news-5k bench --------

REAL = Path(__file__).parents[1] / "corpus" / "real"
_FIGURE = regex.compile(r"\d|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|ngàn|triệu|tỷ|tỉ|đôi|nửa")


def test_real_gold_size_and_parts(real_docs):
    assert len(real_docs) >= 160
    assert sum(len(d.records) for d in real_docs) >= 1500
    parts = [d.part for d in real_docs]
    assert set(parts) == {"dev", "test"}
    assert 0.2 <= parts.count("test") / len(parts) <= 0.4


def test_real_gold_records_are_valid(real_docs):
    for d in real_docs:
        for r in d.records:
            ev = r["evidence"]
            assert REQUIRED <= set(r), (d.stem, r)
            Record(**{k: r[k] for k in REQUIRED}, evidence=Evidence(**ev))
            assert ev["text"] == d.text[ev["start"]:ev["end"]]
            assert _FIGURE.search(ev["text"].lower()), (d.stem, ev)


def test_real_gold_holds_offsets_not_article_text(real_docs):
    """Gold files give evidence as offsets; an annotator's note never copies a passage of the article."""
    import json

    texts = {d.key: unicodedata.normalize("NFC", d.text) for d in real_docs}
    for path in sorted((REAL / "gold").glob("*.json")) + sorted((REAL / "blind").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert set(gold) == {"id", "date", "records"}, path
        text = texts[gold["id"]]
        for r in gold["records"]:
            assert "quote" not in r and set(r["evidence"]) == {"start", "end"}, (path, r)
            assert len(r["metric"]) < 200, (path, r["metric"])
            note = unicodedata.normalize("NFC", r.get("note") or "")
            assert not any(note[i:i + 60] in text for i in range(len(note) - 59)), (path, note)


def test_the_blind_second_annotation_agrees_with_the_gold_as_reported(real_docs):
    """corpus/real/blind holds the blind pass (45 articles); corpus/real/README.md reports its agreement."""
    import json

    from vnextract.eval import score

    by_id = {d.key: d for d in real_docs}
    blind = {}
    for path in sorted((REAL / "blind").glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        blind[g["id"]] = g["records"]
    assert len(blind) >= 40
    report = score(blind, [by_id[i] for i in blind])
    assert round(report.f1, 3) >= 0.95 and report.accuracy("year") >= 0.97 and report.accuracy("place") >= 0.99


def test_the_split_is_fixed_by_the_id():
    from vnextract.eval.real import manifest, part_of

    assert manifest(REAL)["test_percent"] == 30
    assert [part_of(i) for i in ("baomoi/21472076", "unc-dantri/news_business_002")] == \
        [part_of(i) for i in ("baomoi/21472076", "unc-dantri/news_business_002")]
    ids = [f"baomoi/{n}" for n in range(1000)]
    assert 0.25 < sum(part_of(i) == "test" for i in ids) / len(ids) < 0.35
