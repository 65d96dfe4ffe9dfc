"""Tools for the real-text gold set in ``corpus/real/`` (articles of the news-5k bench).

The article texts stay in the bench file; nothing here copies them into the
repository. Subcommands:

    select              the ids chosen for annotation, and why (statistic-dense / ordinary)
    show ID             print an article with character offsets, for an annotator
    check DRAFT...      validate annotators' drafts (quotes found, fields per contract v2)
    build DRAFT... -o corpus/real/gold
                        turn drafts (records with quotes) into gold files (offsets only)
    agree FIRST SECOND  score the drafts or gold files of folder SECOND against those of FIRST (same
                        articles): inter-annotator agreement, per field, with vnextract's own scorer;
                        e.g. agree corpus/real/gold corpus/real/blind

A draft is JSON: {"id": ARTICLE_ID, "records": [{"quote": exact clause, "occurrence": n?,
…every record field…}]}. ``quote`` is located in the article text (NFC-insensitively),
``occurrence`` picks the n-th match (1-based) when the quote is not unique.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vnextract.eval.corpus import dump_gold  # noqa: E402
from vnextract.schema import Change, Evidence, Record  # noqa: E402
from vnextract.eval.real import part_of, read_bench, stem_of, texts_path  # noqa: E402

REAL = ROOT / "corpus" / "real"

#: Statistic cues whose count makes an article "statistic-dense" (six or more hits).
DENSE_CUES = ("so với cùng kỳ", "kế hoạch", "kim ngạch", "tỷ đồng", "dự toán")
DENSE_MIN = 6
#: Ordinary articles: business and unlabeled news with a few figures.
ORDINARY_CATEGORIES = ("kinh-doanh", "unlabeled")
ORDINARY_PER_CATEGORY = 28
_FIGURE = regex.compile(r"\d[\d.,]*+\s*+(?:%|tỷ|tỉ|triệu|nghìn|ngàn|đồng|USD|tấn|ha\b)")


def cue_count(text: str) -> int:
    t = unicodedata.normalize("NFC", text).lower().replace("tỉ", "tỷ")
    return sum(t.count(c) for c in DENSE_CUES)


def _hash(article_id: str) -> str:
    return hashlib.sha256(article_id.encode("utf-8")).hexdigest()


def select(bench: Path) -> list[tuple[str, str]]:
    """``(id, group)`` of every article to annotate: all dense ones, then ordinary ones by id hash."""
    rows = list(read_bench(bench).values())
    dense = [(r["id"], "dense") for r in rows if cue_count(r["text"]) >= DENSE_MIN]
    ordinary = []
    for cat in ORDINARY_CATEGORIES:
        pool = [r for r in rows if r["category"] == cat and 1 <= cue_count(r["text"]) < DENSE_MIN
                and len(_FIGURE.findall(r["text"])) >= 2]
        pool.sort(key=lambda r: _hash(r["id"]))
        ordinary += [(r["id"], "ordinary") for r in pool[:ORDINARY_PER_CATEGORY]]
    return dense + ordinary


# -- locating quotes --------------------------------------------------------

def _nfc_map(text: str) -> tuple[str, list[int]]:
    """The NFC form of ``text`` and, for each of its characters, the raw offset it starts at."""
    out, starts = [], []
    i = 0
    for m in regex.finditer(r"\X", text):  # grapheme clusters normalise independently
        piece = unicodedata.normalize("NFC", m.group())
        out.append(piece)
        starts.extend([m.start()] * len(piece))
        i = m.end()
    return "".join(out), starts


def locate(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int] | str:
    """Raw ``(start, end)`` of ``quote`` in ``text``, or an error message."""
    nfc, starts = _nfc_map(text)
    q = unicodedata.normalize("NFC", quote)
    if not q.strip():
        return "empty quote"
    hits, at = [], nfc.find(q)
    while at >= 0:
        hits.append(at)
        at = nfc.find(q, at + 1)
    if not hits:
        return "quote not found in the article"
    if occurrence is None and len(hits) > 1:
        return f"quote found {len(hits)} times: give \"occurrence\""
    n = (occurrence or 1) - 1
    if not 0 <= n < len(hits):
        return f"occurrence {occurrence} but the quote is found {len(hits)} times"
    a = hits[n]
    b = a + len(q)
    start = starts[a]
    end = starts[b] if b < len(starts) else len(text)
    return start, end


#: Every field a gold record states: those of the output models, but its evidence.
FIELDS = tuple(name for name in Record.model_fields if name not in ("evidence", "amount"))  # (amount is derived)
CHANGE_FIELDS = tuple(Change.model_fields)


def check_draft(draft: dict, text: str) -> tuple[list[dict], list[str]]:
    """Gold records of a draft (evidence as offsets) and the problems found."""
    problems, out = [], []
    for n, r in enumerate(draft.get("records", []), 1):
        where = f"record {n} ({r.get('metric')!r} {r.get('value')})"
        missing = [k for k in FIELDS if k not in r]
        if "quote" not in r:
            missing.append("quote")
        for c in r.get("changes") or []:
            missing += [f"changes.{k}" for k in CHANGE_FIELDS if k not in c]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        span = locate(text, r["quote"], r.get("occurrence"))
        if isinstance(span, str):
            problems.append(f"{where}: {span}: {r['quote'][:80]!r}")
            continue
        start, end = span
        try:
            Record(**{k: r[k] for k in FIELDS}, evidence=Evidence(start=start, end=end, text=text[start:end]))
        except Exception as e:  # pydantic says what is wrong
            problems.append(f"{where}: {e}".replace("\n", " "))
            continue
        gold = {k: r[k] for k in FIELDS}
        gold["evidence"] = {"start": start, "end": end}
        if r.get("note"):
            gold["note"] = r["note"]
        out.append(gold)
    return out, problems


def _records(bench: dict, path: Path) -> tuple[str, list[dict]]:
    """The records of a draft (quotes) or of a gold file (offsets), with their evidence text."""
    draft = json.loads(path.read_text(encoding="utf-8"))
    text = bench[draft["id"]]["text"]
    if all("evidence" in r for r in draft["records"]):
        records = [{**r, "evidence": dict(r["evidence"])} for r in draft["records"]]
    else:
        records, problems = check_draft(draft, text)
        if problems:
            raise SystemExit(f"{path}: {len(problems)} problems; run check first")
    for r in records:
        r["evidence"]["text"] = text[r["evidence"]["start"]:r["evidence"]["end"]]
    return draft["id"], records


def agree(bench: dict, first: Path, second: Path, details: bool) -> int:
    """Agreement of two annotations of the same articles: SECOND scored as predictions against FIRST."""
    from vnextract.eval.corpus import GoldDoc
    from vnextract.eval.render import render_details, render_scores
    from vnextract.eval.scorer import score

    gold, pred = [], {}
    for path in sorted(second.glob("*.json")):
        article_id, records = _records(bench, path)
        pred[article_id] = records
        first_path = first / path.name
        if not first_path.exists():
            raise SystemExit(f"{first_path}: no first annotation of {article_id}")
        _, gold_records = _records(bench, first_path)
        gold.append(GoldDoc(path.stem, first_path, bench[article_id]["text"], None, gold_records, key=article_id,
                            part=part_of(article_id)))
    report = score(pred, gold)
    lines = render_scores(report, f"agreement of {second} with {first} ({len(gold)} articles)")
    print("\n".join(lines + (render_details(report) if details else [])))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=None,
                    help="the news-5k.jsonl.gz file (default: as corpus/real/corpus.toml or $VNEXTRACT_BENCH say)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("select")
    s = sub.add_parser("show")
    s.add_argument("ids", nargs="+")
    s.add_argument("--offsets", action="store_true", help="prefix each line with its character offset")
    c = sub.add_parser("check")
    c.add_argument("drafts", nargs="+", type=Path)
    b = sub.add_parser("build")
    b.add_argument("drafts", nargs="+", type=Path)
    b.add_argument("-o", "--out", type=Path, required=True)
    g = sub.add_parser("agree")
    g.add_argument("first", type=Path)
    g.add_argument("second", type=Path)
    g.add_argument("--details", action="store_true", help="list every disagreement")
    a = ap.parse_args(argv)
    a.bench = texts_path(REAL, a.bench)

    if a.cmd == "select":
        for article_id, group in select(a.bench):
            print(f"{article_id}\t{group}\t{part_of(article_id)}")
        return 0
    bench = read_bench(a.bench)
    if a.cmd == "show":
        for article_id in a.ids:
            row = bench.get(article_id)
            if row is None:
                print(f"{article_id}: no such article", file=sys.stderr)
                return 1
            print(f"=== {article_id} ({row['category']}, {len(row['text'])} characters)")
            text, at = row["text"], 0
            for line in text.split("\n"):
                print(f"[{at}] {line}" if a.offsets else line)
                at += len(line) + 1
        return 0
    if a.cmd == "agree":
        return agree(bench, a.first, a.second, a.details)
    bad = 0
    for path in a.drafts:
        draft = json.loads(path.read_text(encoding="utf-8"))
        row = bench.get(draft.get("id"))
        if row is None:
            print(f"{path}: unknown article id {draft.get('id')!r}")
            bad += 1
            continue
        records, problems = check_draft(draft, row["text"])
        for p in problems:
            print(f"{path}: {p}")
        bad += bool(problems)
        if a.cmd == "check":
            print(f"{path}: {len(records)} records ok, {len(problems)} problems")
        elif not problems:
            a.out.mkdir(parents=True, exist_ok=True)
            gold = {"id": draft["id"], "date": None, "records": records}
            (a.out / f"{stem_of(draft['id'])}.json").write_text(dump_gold(gold), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
