"""Re-read a blind judge's sample against the current rules.

A judged sample (``corpus/judged/*.tsv``) lists records the extractor once emitted from news-5k
articles — article id, evidence offsets, value, the metric it had — with a judge's verdict:
``statistic`` (Y/N and the not-a-record class), ``metric_ok`` (Y/N and a better metric), the
fields the judge found wrong. The texts stay in the bench; only offsets and verdicts are kept here.

    python scripts/judged.py corpus/judged/kinh-doanh-2026-12.tsv [--bench PATH] [--details]

For each judged record it finds today's record of the same article whose evidence overlaps the
judged span with the same value, and prints what became of it: judged not a statistic and now
gone (fixed) or still there; judged a statistic and now gone (lost); its metric then and now. The
figures it prints are no new judgement: a changed metric may be better or worse, and a fresh sample
judged blind is what a note should report; this tells what the rules did to the old one.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import vnextract  # noqa: E402
from vnextract.eval.real import read_bench, texts_path  # noqa: E402


def _value(cell: str) -> Decimal | None:
    return Decimal(cell) if cell not in ("", "None", "null", "-") else None  # judges write a missing value several ways


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sample", type=Path)
    ap.add_argument("--bench", type=Path, default=None, help="news-5k.jsonl.gz (default: corpus/real's)")
    ap.add_argument("--details", action="store_true", help="list every judged record and what it became")
    a = ap.parse_args(argv)
    rows = list(csv.DictReader(a.sample.open(encoding="utf-8"), delimiter="\t"))
    bench = read_bench(texts_path(ROOT / "corpus" / "real", a.bench))
    now = {}
    for article in sorted({r["id"] for r in rows}):
        now[article] = vnextract.extract(bench[article]["text"]).records
    tally: Counter[str] = Counter()
    for r in rows:
        if not r["statistic"]:
            tally["not yet judged"] += 1  # a sample drawn for the next judge
            continue
        start, end, value = int(r["start"]), int(r["end"]), _value(r["value"])
        same = [x for x in now[r["id"]] if x.evidence.start < end and start < x.evidence.end and x.value == value]
        # (a buy and a sell quote may share a span: the one with the judged metric first)
        rec = next((x for x in same if x.metric == r["metric_then"]), same[0] if same else None)
        if r["statistic"] == "N":
            outcome = "no statistic, now gone" if rec is None else "no statistic, still emitted"
        elif rec is None:
            outcome = "statistic, now lost"
        elif rec.metric == r["metric_then"]:
            outcome = f"statistic, metric {'ok' if r['metric_ok'] == 'Y' else 'not ok'} and unchanged"
        else:
            outcome = f"statistic, metric {'ok' if r['metric_ok'] == 'Y' else 'not ok'} then, changed"
        tally[outcome] += 1
        if a.details:
            print(f"{r['n']} {r['id']}:{start} [{outcome}] {r['metric_then']!r} -> {rec.metric if rec else None!r}"
                  + (f"  (judge: {r['better_metric']})" if r["metric_ok"] == "N" else ""))
    print(f"{len(rows)} judged records ({a.sample.name}):")
    for outcome, n in sorted(tally.items()):
        print(f"  {n:4d}  {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
