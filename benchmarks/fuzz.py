"""A fuzz campaign: many mutated and random inputs through ``extract``, every output checked strictly.

Inputs are windows of real articles (a JSONL or JSONL.gz file with a ``text``
field, e.g. the news-5k bench) mutated at random — pieces inserted, deleted
or swapped from characters that hurt number parsing, digit runs grown to
hundreds of digits, the window turned to NFD, bytes decoded as Latin-1 —
and random strings. For every input it checks that ``extract``:

- raises nothing;
- writes strict JSON (no NaN or Infinity, read back with a parser that
  refuses them, and ``json.dumps(..., allow_nan=False)`` of its dict);
- reads back as the same model (``Extraction.model_validate_json``);
- gives evidence that is exactly ``text[start:end]``.

Usage:

    python benchmarks/fuzz.py ../shared/bench/news-5k.jsonl.gz --inputs 100000
    python benchmarks/fuzz.py FILE --inputs 2000 --seed 7

Prints how many inputs failed each check (and the first few failures' seeds,
so a failure is reproduced with ``--seed S --inputs 1``); exits 1 on any.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
import traceback
import unicodedata
from collections import Counter
from pathlib import Path

NASTY = "0123456789.,;:%()-–/ \n\r\t\u00a0\u202f\u200b\ufeffĐđÐăâêôơưáàảãạ\u0301\u0300\u0323"
WORDS = ["tỷ đồng", "triệu USD", "%", "tăng", "giảm", "đạt", "so với cùng kỳ", "năm 2023", "tháng 6", "kế hoạch",
         "chiếm", "điểm %", "lần", "khoảng", "trên", "từ", "đến", "âm", "phẩy", "nghìn", "rưỡi"]


def texts(path: str) -> list[str]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(Path(path), "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def mutate(rng: random.Random, corpus: list[str]) -> str:
    if rng.random() < 0.1:  # a random string
        alphabet = NASTY + "abcdeghiklmnopqrstuvxy" + "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(20))
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400)))
    doc = rng.choice(corpus)
    start = rng.randrange(0, max(1, len(doc) - 800))
    text = doc[start:start + rng.randrange(50, 800)]
    for _ in range(rng.randrange(0, 8)):
        i = rng.randrange(0, len(text) + 1)
        op = rng.random()
        if op < 0.3:
            piece = "".join(rng.choice(NASTY) for _ in range(rng.randrange(1, 5)))
        elif op < 0.5:
            piece = " " + rng.choice(WORDS) + " "
        elif op < 0.6:
            piece = rng.choice("123456789") * rng.randrange(10, 400) + rng.choice(["", ",5", ".000", ",99999"])
        else:
            text = text[:i] + text[i + rng.randrange(1, 6):]
            continue
        text = text[:i] + piece + text[i:]
    r = rng.random()
    if r < 0.1:
        text = unicodedata.normalize("NFD", text)
    elif r < 0.15:
        text = text.encode("utf-8").decode("latin-1")
    return text


def _refuse(constant: str):
    raise ValueError(f"{constant} is not JSON")


def check(text: str) -> str | None:
    """The name of the first check ``text`` fails, or None."""
    from vnextract import Extraction, extract

    try:
        ex = extract(text)
    except Exception:
        return "exception: " + traceback.format_exc(limit=1).strip().splitlines()[-1][:120]
    wire = ex.model_dump_json()
    try:
        json.loads(wire, parse_constant=_refuse)
        json.dumps(ex.model_dump(mode="json"), allow_nan=False)
    except ValueError:
        return "JSON not strict"
    try:
        if Extraction.model_validate_json(wire) != ex:
            return "reads back different"
    except Exception:
        return "does not read back"
    if any(text[r.evidence.start:r.evidence.end] != r.evidence.text for r in ex.records):
        return "evidence is not text[start:end]"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", help="JSONL(.gz) file with a text field")
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0, help="seed of the first input; input i uses seed + i")
    args = ap.parse_args()
    corpus = texts(args.texts)
    failures: Counter[str] = Counter()
    first: dict[str, list[int]] = {}
    started = time.perf_counter()
    for i in range(args.inputs):
        seed = args.seed + i
        problem = check(mutate(random.Random(seed), corpus))
        if problem:
            failures[problem] += 1
            first.setdefault(problem, []).append(seed) if len(first.get(problem, [])) < 5 else None
    seconds = time.perf_counter() - started
    print(f"{args.inputs} inputs in {seconds:.0f} s: {sum(failures.values())} failed")
    for problem, n in failures.most_common():
        print(f"  {n:6d}  {problem}  (seeds {first[problem]})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
