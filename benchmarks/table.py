"""How long ``vnextract.table`` takes to build the statistical table of a run, and what the table holds.

Usage (a run is ``vnextract extract … -o RUN.jsonl`` or a ``vnextract batch … -o OUT/`` folder):

    vnextract batch ../shared/bench/news-5k.jsonl.gz -o out/
    python benchmarks/table.py out/
    python benchmarks/table.py run.jsonl --repeat 3

Prints the best of ``--repeat`` builds (reading and merging, not extraction), and the table's counts:
records, statistics, merged ones, conflicts, indicators, places. The news-5k run should build in well
under a minute (the issue's bound).
"""
from __future__ import annotations

import argparse
import time

import pyarrow.compute as pc

import vnextract


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("runs", nargs="+", help="extract JSONL files or batch output folders")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        t = vnextract.table(args.runs)
        best = min(best, time.perf_counter() - t0)
    records = pc.sum(pc.list_value_length(t.column("evidence"))).as_py()
    merged = pc.sum(pc.greater(t.column("sources_count"), 1)).as_py()
    conflicts = pc.sum(t.column("conflict")).as_py()
    indicators = pc.count_distinct(t.column("indicator")).as_py()
    places = pc.count_distinct(t.column("place")).as_py()
    print(f"built in {best:.2f} s (best of {args.repeat}): {records} records → {t.num_rows} statistics, "
          f"{merged} stated by several articles, {conflicts} in conflict; {indicators} indicators, {places} places")


if __name__ == "__main__":
    main()
