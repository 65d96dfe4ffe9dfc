"""Snapshot tests: the extraction of every corpus document is checked in under corpus/snapshots/.

When extraction changes, the failure shows which records appeared (+),
disappeared (−) and which fields moved (~), with their evidence. Accept the
change with `make snapshots` (pytest tests/test_snapshots.py --update-snapshots)
and review it in `git diff corpus/snapshots`.
"""
from __future__ import annotations

import json

import pytest

from vnextract.testing import diff_records

from pathlib import Path

CORPUS = Path(__file__).parents[1] / "corpus"

SNAPSHOTS = CORPUS / "snapshots"


def _dump(records) -> str:
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def test_snapshots(corpus_run, request):
    update = request.config.getoption("--update-snapshots")
    changed = []
    for stem, records in sorted(corpus_run.items()):
        path = SNAPSHOTS / f"{stem}.json"
        if update:
            SNAPSHOTS.mkdir(exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != _dump(records):
                path.write_text(_dump(records), encoding="utf-8")
            continue
        if not path.exists():
            changed.append(f"=== {stem}: no snapshot yet")
            continue
        diff = diff_records(json.loads(path.read_text(encoding="utf-8")), records)
        if diff:
            changed.append(f"=== {stem}\n{diff}")
    if update:
        stale = {p.stem for p in SNAPSHOTS.glob("*.json")} - set(corpus_run)
        for stem in stale:
            (SNAPSHOTS / f"{stem}.json").unlink()
        return
    if changed:
        pytest.fail(
            "extraction changed on the corpus; if this is intended, run `make snapshots` and review `git diff corpus/snapshots`\n\n"
            + "\n".join(changed),
            pytrace=False,
        )
