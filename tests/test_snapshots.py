"""Snapshot tests: the extraction of every corpus document is checked in, for review.

When extraction changes, the failure shows which records appeared (+),
disappeared (−) and which fields moved (~), with their evidence. Accept the
change with `make snapshots` (pytest tests/test_snapshots.py --update-snapshots)
and review it in `git diff corpus/snapshots corpus/real/snapshots`.

Snapshots of real articles hold records only: their evidence keeps its offsets
and drops its text, so that no article text enters the repository.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnextract.eval.corpus import dump_gold
from vnextract.testing import diff_records

CORPUS = Path(__file__).parents[1] / "corpus"
REAL = CORPUS / "real"


def _without_text(records: list[dict]) -> list[dict]:
    return [{**r, "evidence": {k: v for k, v in r["evidence"].items() if k != "text"}} for r in records]


def _check(docs, run, folder, request, strip_text: bool) -> None:
    update = request.config.getoption("--update-snapshots")
    changed, hidden = [], 0
    for d in docs:
        records = _without_text(run[d.key]) if strip_text else run[d.key]
        path = folder / f"{d.stem}.json"
        text = dump_gold({"source": d.key, "records": records})
        if update:
            folder.mkdir(exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            continue
        if not path.exists():
            changed.append(f"=== {d.stem}: no snapshot yet")
            continue
        old = json.loads(path.read_text(encoding="utf-8"))["records"]
        if strip_text:  # show the evidence of both sides from the article, for the reader of the diff
            old = [{**r, "evidence": {**r["evidence"], "text": d.text[r["evidence"]["start"]:r["evidence"]["end"]]}}
                   for r in old]
        diff = diff_records(old, run[d.key])
        if diff and d.part == "test":
            hidden += 1  # test-part errors are not shown while rules change (corpus/real/README.md)
        elif diff:
            changed.append(f"=== {d.stem}\n{diff}")
    if update:
        for stale in {p.stem for p in folder.glob("*.json")} - {d.stem for d in docs}:
            (folder / f"{stale}.json").unlink()
        return
    if hidden:
        changed.append(f"=== and {hidden} documents of the test part (their differences are not shown)")
    if changed:
        pytest.fail(
            f"extraction changed on the documents of {folder.parent.relative_to(CORPUS.parent)}; if this is "
            "intended, run `make snapshots` and review `git diff corpus`\n\n" + "\n".join(changed),
            pytrace=False,
        )


def test_snapshots(corpus_docs, corpus_run, request):
    _check(corpus_docs, corpus_run, CORPUS / "snapshots", request, strip_text=False)


def test_real_snapshots(real_docs, real_run, request):
    _check(real_docs, real_run, REAL / "snapshots", request, strip_text=True)
