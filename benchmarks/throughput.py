"""Throughput and memory of vnextract on one body of text, three ways.

(a) the naive baseline: underthesea ``sent_tokenize`` per line and
    ``word_tokenize`` on every sentence of the text;
(b) vnextract end to end (``extract``) in one process, after the one warm-up
    call (a) makes too (underthesea's segmenter loaded; ``--cold``: without it);
(c) ``vnextract batch`` with two worker processes.

Each runs in a fresh subprocess, so its peak RSS is its own. Usage:

    python benchmarks/throughput.py ../shared/bench/news-5k.jsonl.gz
    python benchmarks/throughput.py corpus/docs
    python benchmarks/throughput.py FILE --limit 1000 --only b
    python benchmarks/throughput.py FILE --repeat 3      # best of 3 interleaved runs of each

Prints MB/s, documents/s, records/s, the ratio b/a and peak RSS. On a shared
machine one run can be 20 % off either way: ``--repeat`` runs a, b, c in
turn N times and keeps each one's fastest run, as timeit does.
"""
from __future__ import annotations

import argparse
import gzip
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def load(path: str, limit: int | None) -> list[str]:
    p = Path(path)
    if p.is_dir():
        texts = [f.read_text(encoding="utf-8") for f in sorted(p.glob("*.txt"))]
    else:
        opener = gzip.open if p.name.endswith(".gz") else open
        with opener(p, "rt", encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f if line.strip()]
    return texts[:limit] if limit else texts


def peak_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def run_a(texts: list[str]) -> dict:
    from underthesea import sent_tokenize, word_tokenize

    word_tokenize("khởi động")
    t = time.perf_counter()
    for text in texts:
        for line in text.splitlines():
            if line.strip():
                for sentence in sent_tokenize(line):
                    word_tokenize(sentence)
    return {"seconds": time.perf_counter() - t, "records": 0, "rss_mb": peak_mb()}


def run_b(texts: list[str], warm: bool = True) -> dict:
    from vnextract import extract
    from vnextract.text.models import segment_words

    extract("Năm 2023, doanh thu đạt 5 tỷ đồng.")
    if warm:  # the one warm-up call (a) makes: underthesea and its segmenter's model loaded (decision 170)
        segment_words("khởi động")
    t = time.perf_counter()
    records = sum(len(extract(text).records) for text in texts)
    return {"seconds": time.perf_counter() - t, "records": records, "rss_mb": peak_mb()}


def run_c(texts: list[str], workers: int = 2) -> dict:
    from vnextract.batch import run_batch

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for i, text in enumerate(texts):
                f.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
        t = time.perf_counter()
        summary = run_batch([str(src)], Path(tmp) / "out", workers=workers, progress=False)
        seconds = time.perf_counter() - t
    return {"seconds": seconds, "records": summary.records, "rss_mb": max(peak_mb(), peak_mb(children=True))}


def child(mode: str, path: str, limit: int | None, cold: bool = False) -> None:
    texts = load(path, limit)
    result = run_b(texts, warm=False) if mode == "b" and cold else {"a": run_a, "b": run_b, "c": run_c}[mode](texts)
    result.update(documents=len(texts), mb=sum(len(t.encode("utf-8")) for t in texts) / 1e6)
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help=".jsonl / .jsonl.gz with a text field, or a folder of .txt")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--only", choices=["a", "b", "c"], action="append", help="run only these measurements")
    ap.add_argument("--repeat", type=int, default=1, help="interleaved runs of each measurement; the fastest counts")
    ap.add_argument("--cold", action="store_true",
                    help="(b) without its warm-up call: underthesea loaded inside its clock, as before decision 170")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.path, args.limit, args.cold)
        return
    names = {"a": "a  baseline: underthesea per sentence", "b": "b  vnextract, one process",
             "c": "c  vnextract batch, 2 workers"}
    print(f"# {args.path}  ({platform.processor() or platform.machine()}, {platform.python_version()}, "
          f"{__import__('os').cpu_count()} cores)")
    results: dict[str, dict] = {}
    modes = args.only or ["a", "b", "c"]
    for _ in range(max(1, args.repeat)):
        for mode in modes:
            cmd = [sys.executable, __file__, args.path, "--child", mode] + (["--limit", str(args.limit)] if args.limit else []) \
                + (["--cold"] if args.cold else [])
            r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
            if mode not in results or r["seconds"] < results[mode]["seconds"]:
                results[mode] = r
    if args.repeat > 1:
        print(f"# best of {args.repeat} interleaved runs")
    for mode in modes:
        r = results[mode]
        s = r["seconds"]
        print(f"{names[mode]:<40} {r['documents']:>6} docs {r['mb']:7.2f} MB {s:8.1f} s  "
              f"{r['mb'] / s:6.3f} MB/s {r['documents'] / s:8.1f} docs/s {r['records'] / s:8.1f} records/s  "
              f"peak RSS {r['rss_mb']:6.0f} MB")
    if "a" in results and "b" in results:
        print(f"b/a (end-to-end vs baseline): {results['a']['seconds'] / results['b']['seconds']:.2f}x")
    if "b" in results and "c" in results:
        print(f"c/b (2 workers vs one process): {results['b']['seconds'] / results['c']['seconds']:.2f}x")


if __name__ == "__main__":
    main()
