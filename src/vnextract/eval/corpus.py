"""Gold corpora on disk: written documents with their gold, or gold on real articles kept elsewhere.

Two layouts, told apart by ``corpus.toml``:

- a **written corpus** (``corpus/``, ``corpus/heldout/``): ``docs/NAME.txt`` and
  ``gold/NAME.json``; a gold record carries a ``quote`` of its document;
- a **real corpus** (``corpus/real/``): ``corpus.toml`` says where the article
  texts are (the news-5k bench, never copied here); ``gold/NAME.json`` names its
  article by ``id`` and gives each record's evidence as offsets into it. Each
  article belongs to the development or the test part (``real.part_of``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import real


@dataclass
class GoldDoc:
    """One annotated document: ``key`` is what a run names it by (file stem or article id)."""

    stem: str
    path: Path
    text: str
    date: str | None
    records: list[dict]
    key: str = ""
    part: str | None = None  # "dev" or "test" for real articles

    def __post_init__(self) -> None:
        self.key = self.key or self.stem


def dump_gold(gold: dict) -> str:
    """A gold (or snapshot) file's JSON with one record a line, so that a review diff shows whole records."""
    head = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in gold.items() if k != "records"]
    records = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in gold["records"])
    return "\n".join(["{", *head, ' "records": [', *([records] if records else []), " ]", "}"]) + "\n"


def load_corpus(corpus: Path, texts: Path | str | None = None) -> list[GoldDoc]:
    """Every annotated document of ``corpus``, by file name.

    For a real corpus the article texts are read from ``texts``, else from
    $VNEXTRACT_BENCH, else from the path in its ``corpus.toml``; when they are
    not there, ``real.MissingTexts`` says where they were looked for.
    """
    corpus = Path(corpus)
    if real.is_real(corpus):
        return _load_real(corpus, texts)
    docs = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        doc_path = corpus / "docs" / (gold_path.stem + ".txt")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        docs.append(GoldDoc(gold_path.stem, doc_path, doc_path.read_text(encoding="utf-8"), gold.get("date"),
                            gold["records"]))
    return docs


def _load_real(corpus: Path, texts: Path | str | None) -> list[GoldDoc]:
    bench_path = real.texts_path(corpus, texts)
    bench = real.read_bench(bench_path)
    test_percent = real.manifest(corpus).get("test_percent", real.DEFAULT_TEST_PERCENT)
    docs = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = bench.get(gold["id"])
        if article is None:
            raise ValueError(f"{gold_path}: article {gold['id']!r} is not in {bench_path}")
        text = article["text"]
        records = []
        for r in gold["records"]:
            ev = r["evidence"]
            if not 0 <= ev["start"] < ev["end"] <= len(text):
                raise ValueError(f"{gold_path}: evidence {ev} is outside the article ({len(text)} characters)")
            # the evidence text is read from the bench, for reports; it is never written back
            records.append({**r, "evidence": {**ev, "text": text[ev["start"]:ev["end"]]}})
        docs.append(GoldDoc(gold_path.stem, gold_path, text, gold.get("date"), records, key=gold["id"],
                            part=real.part_of(gold["id"], test_percent)))
    return docs
