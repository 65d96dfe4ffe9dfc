"""``vnextract review``: one self-contained HTML page to look at a run, a diff of two runs, or a run against gold.

- ``vnextract review RUN [TEXTS…] -o review.html``: every record highlighted in
  its text; texts from the run (HTML inputs) or from the input files given.
- ``vnextract review --diff OLD NEW [TEXTS…]``: added, removed and changed
  records, paired as ``vnextract diff`` and the snapshot tests pair them.
- ``vnextract review --gold CORPUS [RUN]``: matched, wrong, missed and spurious
  records as ``vnextract eval`` scores them (without RUN the extractor runs).
- ``vnextract review --snapshots CORPUS``: what the current rules changed
  against the accepted snapshots, before ``make snapshots`` accepts it.

A RUN is a JSON Lines file ``vnextract extract`` wrote, or a ``vnextract batch
--format jsonl`` output folder.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from .main import InputError, _reason, load_gold, read_run, run_corpus, run_rows


def _run_files(path: Path) -> list[Path]:
    """A run file, or the parts of a batch output folder (OUT or OUT/records)."""
    if path.is_dir():
        folder = path / "records" if (path / "records").is_dir() else path
        parts = sorted(folder.glob("part-*.jsonl"))
        if not parts:
            raise InputError(f"{path}: no records/part-*.jsonl here (a batch needs --format jsonl for a review)")
        return parts
    return [path]


def read_lines(path: Path) -> list[dict]:
    """Output lines of a run or batch folder: ``source``, ``records`` and ``text`` when the run carries it."""
    return [row for f in _run_files(path) for row in run_rows(f)]


def read_texts(paths: tuple[str, ...], text_field: str, id_field: str) -> dict[str, str]:
    """Texts of the input files, by source and by file stem, read as ``vnextract extract`` reads them."""
    from ..inputs import read_documents

    texts: dict[str, str] = {}
    for doc in read_documents(list(paths), text_field=text_field, id_field=id_field):
        if doc.error:
            raise InputError(doc.error)
        texts[doc.source] = doc.text
        texts.setdefault(Path(doc.source).stem, doc.text)
    return texts


def _align(old: dict[str, list], new: dict[str, list]) -> dict[str, list]:
    """Rename old sources to the new run's where they differ only by folder and suffix (a file stem)."""
    stems = {Path(k).stem: k for k in new if k not in old}
    return {(stems.get(Path(k).stem, k) if k not in new else k): v for k, v in old.items()}


def _load_gold(corpus: Path, texts: Path | None, part: str | None):
    gold = load_gold(corpus, texts)
    notes = []
    if any(gd.part for gd in gold):
        wanted = part or "dev"
        if wanted != "all":
            hidden = sum(gd.part != wanted for gd in gold)
            gold = [gd for gd in gold if gd.part == wanted]
            notes.append(f"{wanted} part only: {hidden} documents of the other part are not shown (--part)")
    return gold, notes


def _snapshot_records(corpus: Path, gold) -> dict[str, list]:
    """The accepted snapshot of each gold document (evidence text restored from the document when stripped)."""
    out = {}
    for gd in gold:
        path = corpus / "snapshots" / f"{gd.stem}.json"
        if not path.exists():
            continue
        try:
            records = json.loads(path.read_text(encoding="utf-8"))["records"]
        except (OSError, ValueError, KeyError) as e:
            raise InputError(f"{path}: not a snapshot ({_reason(e)})")
        for r in records:
            ev = r.get("evidence") or {}
            if "text" not in ev and isinstance(ev.get("start"), int):
                r["evidence"] = {**ev, "text": gd.text[ev["start"]:ev["end"]]}
        out[gd.key] = records
    return out


@click.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", default="review.html", show_default=True, type=click.Path(dir_okay=False),
              help="The HTML file to write.")
@click.option("--diff", "diff_mode", is_flag=True, help="PATHS are OLD NEW [TEXTS…]: show how two runs differ.")
@click.option("--gold", "gold_corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Score against this gold corpus (PATHS: an optional RUN; without it the extractor runs).")
@click.option("--snapshots", "snap_corpus", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Show what the current extractor changed against the snapshots of this corpus.")
@click.option("--texts", type=click.Path(dir_okay=False, path_type=Path), envvar="VNEXTRACT_BENCH",
              help="For a real-text corpus: the news-5k.jsonl.gz its articles come from (also $VNEXTRACT_BENCH).")
@click.option("--part", type=click.Choice(["dev", "test", "all"]), default=None,
              help="For a real-text corpus: the part to show (default: dev, as eval lists details).")
@click.option("--text-field", default="text", show_default=True, help="JSONL field holding the text (TEXTS).")
@click.option("--id-field", default="id", show_default=True, help="JSONL field holding the document id (TEXTS).")
@click.option("--per-page", type=click.IntRange(min=1), default=20, show_default=True, help="Documents per page.")
@click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Refuse to write a page larger than this (default: 100 MB).")
@click.option("--title", help="The page's title.")
def review(paths, output, diff_mode, gold_corpus, snap_corpus, texts, part, text_field, id_field, per_page, max_mb,
           title) -> None:
    """Write one HTML page (no network needed) to review extractions, highlighted in their texts.

    \b
      vnextract review RUN [TEXTS…] -o review.html
      vnextract review --diff OLD NEW [TEXTS…] -o diff.html
      vnextract review --gold CORPUS [RUN] -o gold.html
      vnextract review --snapshots CORPUS -o snapshots.html

    RUN, OLD and NEW are JSON Lines runs of vnextract extract (or batch output
    folders); TEXTS the input files they were made from, when the run does not
    carry its texts (it does for HTML inputs). Filters and the page number are
    in the URL fragment: review.html#indicator=exports&page=2.
    """
    from ..review.page import DEFAULT_MAX_MB, PageTooLarge, diff_docs, gold_docs, render_page, run_docs

    modes = sum(map(bool, (diff_mode, gold_corpus, snap_corpus)))
    if modes > 1:
        raise click.UsageError("--diff, --gold and --snapshots exclude each other")
    notes: list[str] = []
    if gold_corpus or snap_corpus:
        corpus = gold_corpus or snap_corpus
        if len(paths) > (1 if gold_corpus else 0):
            raise click.UsageError("--gold takes at most a RUN" if gold_corpus else "--snapshots takes no PATHS")
        gold, notes = _load_gold(corpus, texts, part)
        if gold_corpus:
            from ..eval import score

            predictions = read_run(Path(paths[0])) if paths else run_corpus(gold)
            docs = gold_docs(score(predictions, gold), gold)
            mode, default_title = "gold", f"vnextract review: {paths[0] if paths else 'the extractor'} against {corpus}"
        else:
            old = _snapshot_records(corpus, gold)
            docs = diff_docs(old, run_corpus(gold), {gd.key: gd.text for gd in gold})
            mode, default_title = "diff", f"vnextract review: the extractor against {corpus / 'snapshots'}"
    elif diff_mode:
        if len(paths) < 2:
            raise click.UsageError("--diff needs OLD and NEW runs")
        old_lines, new_lines = read_lines(Path(paths[0])), read_lines(Path(paths[1]))
        found = read_texts(paths[2:], text_field, id_field) if paths[2:] else {}
        for line in old_lines + new_lines:  # texts a run carries (HTML inputs)
            if isinstance(line.get("text"), str):
                found.setdefault(str(line["source"]), line["text"])
        new = {str(x["source"]): x["records"] for x in new_lines}
        old = _align({str(x["source"]): x["records"] for x in old_lines}, new)
        docs = diff_docs(old, new, found)
        mode, default_title = "diff", f"vnextract review: {paths[0]} → {paths[1]}"
    else:
        if not paths:
            raise click.UsageError("give a RUN (vnextract extract … -o RUN), or --diff, --gold or --snapshots")
        lines = read_lines(Path(paths[0]))
        docs = run_docs(lines, read_texts(paths[1:], text_field, id_field) if paths[1:] else {})
        mode, default_title = "run", f"vnextract review: {paths[0]}"
    try:
        page = render_page(docs, mode=mode, title=title or default_title, notes=notes, per_page=per_page,
                           max_mb=max_mb or DEFAULT_MAX_MB)
    except PageTooLarge as e:
        raise InputError(str(e))
    try:
        Path(output).write_text(page, encoding="utf-8")
    except OSError as e:
        raise InputError(f"cannot write {output}: {_reason(e)}")
    from collections import Counter

    statuses = Counter(e.status for d in docs for e in d.entries)
    moved = ", ".join(f"{n} {st}" for st, n in statuses.items() if st != "same")
    tally = "" if mode == "run" else f": {moved or 'no differences'}"
    click.echo(f"vnextract review: {output} ({len(docs)} documents, {statuses.total()} records{tally})", err=True)
