"""Instructions per document of ``extract``, counted by callgrind: a speed figure that does not move with the machine's load.

Wall time on a shared machine can be 20 % off either way; the number of
instructions the interpreter executes hardly moves from run to run. This
runs a fixed, evenly spaced sample of the documents twice under
``valgrind --tool=callgrind``: once up to the end of a warm-up (start-up:
imports, data files, underthesea's models; with ``--warm-up N`` also
``extract`` on N other documents, so that patterns compiled and caches
filled on first use are not counted as the sample's) and once on through
the whole sample. The difference, divided by the sample size, is the cost
of one document, start-up excluded. Usage:

    python benchmarks/instructions.py ../shared/bench/news-5k.jsonl.gz   # 200 documents, no warm-up
    python benchmarks/instructions.py FILE --sample 200 --src /tmp/other-checkout/src   # another version's code
    python benchmarks/instructions.py FILE --warm-up 20         # steady state: first-use costs left out
    python benchmarks/instructions.py FILE --keep build/cg      # keep the callgrind files for callgrind_annotate

Needs valgrind. The two runs go in parallel; 200 news articles take a few
minutes (more on a busy machine). The count includes work done once on
first use (a pattern compiled, a table built) that falls in the sample; on
the whole of news-5k it weighs less, and ``--warm-up`` leaves it out.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from regex import search

WARM_UP = "Năm 2023, doanh thu đạt 5 tỷ đồng, tăng 3%."


def sample(path: str, size: int, warm_up: int = 0) -> tuple[list[str], list[str]]:
    """``size`` texts of the .jsonl(.gz) file, evenly spaced from the first, and ``warm_up`` others
    (each the text after a sampled one, spread over the file)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    step = max(1, len(texts) // size)
    picked = list(range(0, len(texts), step))[:size]
    others = [i + 1 for i in picked[::max(1, len(picked) // max(1, warm_up))] if step > 1 and i + 1 < len(texts)][:warm_up]
    return [texts[i] for i in picked], [texts[i] for i in others]


def child(path: str, size: int, warm_up: int, full: bool) -> None:
    texts, others = sample(path, size, warm_up)
    from vnextract import extract
    from vnextract.text import models

    extract(WARM_UP)
    for load, text in (("segment_words", "khởi động"), ("pos_tags", "khởi động"), ("split_sentences", "Khởi động.")):
        getattr(models, load, lambda _: None)(text)  # underthesea's models load on first use: start-up too
    for text in others:
        extract(text)
    if full:
        for text in texts:
            extract(text)


def count(args: argparse.Namespace, full: bool, out: Path) -> subprocess.Popen:
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, __file__, args.path,
           "--sample", str(args.sample), "--warm-up", str(args.warm_up), "--child", "full" if full else "start"]
    env = dict(os.environ, PYTHONHASHSEED="0")
    if args.src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(args.src).resolve()), env.get("PYTHONPATH")]))
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def total(out: Path) -> int:
    """The ``summary:`` (or ``totals:``) instruction count of a callgrind output file."""
    with open(out, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = search(r"^(?:summary|totals): (\d{1,20})", line)
            if m:
                return int(m.group(1))
    raise SystemExit(f"instructions.py: error: no instruction total in {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help=".jsonl / .jsonl.gz with a text field")
    ap.add_argument("--sample", type=int, default=200, help="documents, evenly spaced through the file")
    ap.add_argument("--warm-up", type=int, default=0, help="other documents read before counting starts")
    ap.add_argument("--src", help="a src folder to import vnextract from (another checkout)")
    ap.add_argument("--keep", help="a folder to keep the two callgrind output files in")
    ap.add_argument("--child", choices=["start", "full"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.path, args.sample, args.warm_up, args.child == "full")
        return
    if not shutil.which("valgrind"):
        raise SystemExit("instructions.py: error: valgrind is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        outs = {full: folder / f"callgrind.{'full' if full else 'start'}" for full in (False, True)}
        runs = {full: count(args, full, out) for full, out in outs.items()}
        for full, run in runs.items():
            if run.wait():
                raise SystemExit(f"instructions.py: error: the {'full' if full else 'start'} run failed: "
                                 f"{run.stderr.read().strip().splitlines()[-1:]}")
        start, end = total(outs[False]), total(outs[True])
    n = len(sample(args.path, args.sample)[0])
    where = args.src or Path(importlib.util.find_spec("vnextract").origin).parent
    print(f"# {args.path}: {n} documents after {args.warm_up} for warm-up; vnextract from {where}")
    print(f"start-up {start / 1e6:,.1f} M instructions; {(end - start) / 1e6:,.1f} M for the documents")
    print(f"instructions per document: {(end - start) / n / 1e6:.2f} M")


if __name__ == "__main__":
    main()
