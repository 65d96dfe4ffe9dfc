"""``vnextract extract | batch | schema | eval | diff``.

Exit statuses, the same for every command: 0 when all went well, 1 when some
documents failed (``extract``, ``batch``) or the runs differ (``diff``, like
diff(1)), 2 for a usage error or an input or output the command cannot use
(``InputError``: a malformed run file, an unwritable ``-o``). A closed pipe
(``vnextract extract … | head``) ends the run quietly with 141, as the shell
reports for a tool stopped by SIGPIPE.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .. import __version__

#: What the shell shows for a process stopped by SIGPIPE (128 + 13).
EXIT_PIPE = 141


class InputError(click.ClickException):
    """An input or output the command cannot use: one line on stderr, exit status 2 (1 is a result)."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"vnextract: error: {self.format_message()}", err=True)


class RunError(InputError):
    """A run that started but could not finish (a worker died, the disk filled): one line, exit status 1."""

    exit_code = 1


def _reason(e: BaseException) -> str:
    return getattr(e, "strerror", None) or str(e) or type(e).__name__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vnextract")
def main() -> None:
    """Statistics from Vietnamese economic press releases, as structured records."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--pretty", is_flag=True, help="Indented JSON for people, one document after another.")
@click.option("--date", "default_date", metavar="YYYY-MM-DD", help="Date of documents that carry none (dates undated figures).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of standard output (- for it).")
@click.option("--text-field", default="text", show_default=True, help="JSONL field holding the text.")
@click.option("--id-field", default="id", show_default=True, help="JSONL field holding the document id.")
@click.option("--html/--no-html", default=None,
              help="Read inputs as HTML and extract the article text (default: only .html/.htm files).")
@click.option("--stdin-format", type=click.Choice(["auto", "text", "jsonl"]), default="auto", show_default=True,
              help="How to read - (standard input): one text, JSON Lines, or auto: JSON Lines when every "
                   "non-blank line is a JSON object.")
@click.option("--jsonl", "stdin_jsonl", is_flag=True, help="Standard input is JSON Lines (--stdin-format jsonl).")
@click.option("-q", "--quiet", is_flag=True, help="No line per failed document; only a count at the end, and the exit status.")
@click.option("-v", "--verbose", is_flag=True, help="Also each document's warnings on stderr, and a summary at the end.")
def extract(paths: tuple[str, ...], pretty: bool, default_date: str | None, output: str | None,
            text_field: str, id_field: str, html: bool | None, stdin_format: str, stdin_jsonl: bool,
            quiet: bool, verbose: bool) -> None:
    """Extract records from PATHS: .txt or .html files, folders of them, .jsonl files, or - for standard input.

    Writes JSON Lines (UTF-8), one line per document: {"source", "date",
    "date_source", "records", "warnings"} (see docs/output.md). A document that
    cannot be read is reported on stderr with its file and line, and the others
    are still written. Exit status: 0 all written, 1 some documents failed,
    2 usage error or an output that cannot be written.
    """
    from ..api import extract as run
    from ..inputs import read_documents

    if quiet and verbose:
        raise click.UsageError("-q/--quiet and -v/--verbose exclude each other")
    stdin_format = _stdin_format(stdin_format, stdin_jsonl)
    if default_date:
        _check_date(default_date)
    if output == "-":
        output = None
    name = output or "standard output"
    try:
        out = open(output, "wb") if output else sys.stdout.buffer
    except OSError as e:
        raise InputError(f"cannot write {output}: {_reason(e)}")
    except AttributeError:  # started with standard output closed (`>&-`)
        raise InputError("cannot write standard output: it is closed")
    done = failed = records = 0

    def fail(message: str) -> None:
        nonlocal failed
        failed += 1
        if not quiet:
            click.echo(f"vnextract: error: {message}", err=True)

    try:
        for doc in read_documents(list(paths), text_field=text_field, id_field=id_field, html=html,
                                  stdin_format=stdin_format):
            if doc.error:
                fail(doc.error)
                continue
            try:
                ex = run(doc.text, date=doc.date or default_date, source=doc.source)
            except Exception as e:  # one broken document never stops a batch
                fail(f"{doc.source}: extraction failed: {type(e).__name__}: {e}")
                continue
            row = ex.model_dump(mode="json")
            row["warnings"] = doc.warnings + row["warnings"]
            if doc.from_html:
                row["text"] = doc.text  # evidence offsets refer to this text, not to the markup
            if verbose:
                for w in row["warnings"]:
                    click.echo(f"vnextract: warning: {w if w.startswith(doc.source) else f'{doc.source}: {w}'}", err=True)
            _write(out, name, json.dumps(row, ensure_ascii=False, indent=2 if pretty else None) + "\n")
            done += 1
            records += len(row["records"])
    finally:
        if output:
            out.close()
    if verbose or (quiet and failed):
        click.echo(f"vnextract: {done} written ({records} records), {failed} failed", err=True)
    if failed:
        sys.exit(1)


def _stdin_format(stdin_format: str, jsonl: bool) -> str:
    """``--stdin-format``, with ``--jsonl`` as its shorthand."""
    if not jsonl:
        return stdin_format
    if stdin_format not in ("auto", "jsonl"):
        raise click.UsageError(f"--jsonl contradicts --stdin-format {stdin_format}")
    return "jsonl"


def _write(out, name: str, text: str) -> None:
    """Write and flush one output line; a closed pipe ends the run quietly, any other write error in one line."""
    try:
        out.write(text.encode("utf-8"))
        out.flush()
    except BrokenPipeError:
        # The reader has gone (`| head`): stop like a Unix tool, with no traceback, and keep
        # Python's final flush of the dead pipe from complaining.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        sys.exit(EXIT_PIPE)
    except OSError as e:
        raise InputError(f"cannot write {name}: {_reason(e)}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the output parts, the errors and the resume ledger.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True,
              help="jsonl: a line per document; csv/parquet: a row per record (columns: docs/output.md).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Processes (default: the CPU count).")
@click.option("--chunk-size", type=click.IntRange(min=1), default=50, show_default=True,
              help="Documents per output part (the unit of work and of resuming).")
@click.option("--resume", is_flag=True, help="Continue a batch that stopped: documents already committed are skipped.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: an existing cluster's scheduler (else a local one).")
@click.option("--text-field", default="text", show_default=True, help="Field or column holding the text.")
@click.option("--id-field", default="id", show_default=True, help="Field or column holding the document id.")
@click.option("--date-field", default="date", show_default=True, help="Field or column holding the document date.")
@click.option("--html/--no-html", default=None, help="Read inputs as HTML (default: only .html/.htm files).")
@click.option("--stdin-format", type=click.Choice(["auto", "text", "jsonl"]), default="auto", show_default=True,
              help="How to read - (standard input): one text, JSON Lines, or auto: JSON Lines when every "
                   "non-blank line is a JSON object.")
@click.option("--jsonl", "stdin_jsonl", is_flag=True, help="Standard input is JSON Lines (--stdin-format jsonl).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on standard error (default: when it is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@click.option("-v", "--verbose", is_flag=True, help="Print each error on standard error as it happens.")
def batch(paths, out, fmt, workers, chunk_size, resume, engine, scheduler, text_field, id_field, date_field, html,
          stdin_format, stdin_jsonl, progress, quiet, verbose) -> None:
    """Extract records from many documents in parallel, into a folder of committed parts.

    PATHS are folders, .txt/.html files, .jsonl or .jsonl.gz, .csv or .parquet
    files with a text column, or - for standard input. A document that fails
    (unreadable, broken line, extraction error, repeated id) goes to OUT/errors/
    and the batch goes on. Killed at any moment, the same command with --resume
    finishes the job with every document processed exactly once.

    Exit status: 0 when every document was processed, 1 when some failed
    (this run or the runs it resumed), 2 for usage errors and for an output
    folder that cannot be used.
    """
    from concurrent.futures.process import BrokenProcessPool

    from ..batch import run_batch
    from ..batch.sinks import FormatMismatch

    if scheduler and engine != "dask":
        raise click.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if quiet and verbose:
        raise click.UsageError("-q/--quiet and -v/--verbose exclude each other")
    stdin_format = _stdin_format(stdin_format, stdin_jsonl)
    show = False if quiet else sys.stderr.isatty() if progress is None else progress

    def on_error(row: dict) -> None:
        click.echo(f"vnextract: error: {row['error']}", err=True)

    try:
        summary = run_batch(list(paths), out, fmt=fmt, workers=workers, chunk_size=chunk_size, resume=resume,
                            engine=engine, scheduler=scheduler, progress=show, text_field=text_field,
                            id_field=id_field, date_field=date_field, html=html,
                            stdin_format=stdin_format, on_error=on_error if verbose else None)
    except (FileExistsError, FormatMismatch) as e:  # the run could not start
        raise InputError(str(e))
    except OSError as e:  # the output folder (or, without a file name, the disk or a cluster's address)
        if e.filename is None:
            raise RunError(f"{type(e).__name__}: {e}")
        raise InputError(f"cannot write to {e.filename}: {e.strerror or e}")
    except BrokenProcessPool:
        raise RunError("a worker process died (out of memory?); committed parts are kept: "
                       "run the same command with --resume")
    except RuntimeError as e:
        raise RunError(str(e))
    if not quiet:
        click.echo(f"vnextract batch: {summary.line()}", err=True)
        if summary.failed:
            click.echo(f"vnextract batch: see {out}/errors/", err=True)
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("directory", default="schemas", type=click.Path(file_okay=False))
def schema(directory: str) -> None:
    """Write the JSON Schema of the output models into DIRECTORY (default: schemas/)."""
    from ..schemas import write_schemas

    for path in write_schemas(Path(directory)):
        click.echo(path)


def _check_date(value: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2023-10-05", param_hint="--date")


def run_corpus(gold) -> dict[str, list[dict]]:
    """Extract every gold document (with its gold date) → records by document key."""
    from ..api import extract as run

    return {gd.key: run(gd.text, date=gd.date).model_dump(mode="json")["records"] for gd in gold}


def run_rows(path: Path):
    """Each output line of a JSON Lines run, as ``vnextract extract`` writes it (``source``, ``records``, …).

    Anything else (unreadable, not UTF-8, not JSON, not an output line) is an
    ``InputError`` naming the file and line: exit status 2, since 1 is a result
    for ``diff``.
    """
    lineno = 0
    try:
        with open(path, "rb") as f:
            for lineno, raw in enumerate(f, 1):
                line = raw.decode("utf-8")
                if not line.strip():
                    continue
                row = json.loads(line)
                if not isinstance(row, dict) or "source" not in row or not isinstance(row.get("records"), list):
                    raise ValueError('expected an object with "source" and a list of "records"')
                if not all(isinstance(r, dict) and isinstance(r.get("evidence", {}), dict) for r in row["records"]):
                    raise ValueError("a record is not an object with an evidence object")
                yield row
    except OSError as e:
        raise InputError(f"{path}: cannot read: {_reason(e)}")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}:{lineno}: not UTF-8 (invalid byte at column {e.start + 1})")
    except (ValueError, RecursionError) as e:
        raise InputError(f"{path}:{lineno}: not a vnextract output line ({e})")


def load_gold(corpus: Path, texts: Path | None):
    """The gold documents of CORPUS (real-text ones with their texts from ``texts``); an ``InputError`` if none."""
    from ..eval import load_corpus
    from ..eval.real import MissingTexts

    try:
        gold = load_corpus(corpus, texts)
    except (MissingTexts, ValueError, OSError) as e:
        raise InputError(str(e))
    if not gold:
        raise InputError(f"{corpus}: no gold files in {corpus / 'gold'}")
    return gold


def read_run(path: Path) -> dict[str, list[dict]]:
    """A JSON Lines run (as ``vnextract extract`` writes it) → records by source, and by file stem."""
    out: dict[str, list[dict]] = {}
    for row in run_rows(path):
        source, records = str(row["source"]), row["records"]
        out[source] = records
        out.setdefault(Path(source).stem, records)
    return out


@main.command("eval")
@click.argument("corpus", default="corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--run", "run_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score this JSON Lines output instead of running the extractor.")
@click.option("--texts", type=click.Path(dir_okay=False, path_type=Path), envvar="VNEXTRACT_BENCH",
              help="For a real-text corpus: the news-5k.jsonl.gz file its articles come from "
                   "(default: the path in its corpus.toml; also $VNEXTRACT_BENCH).")
@click.option("--part", type=click.Choice(["dev", "test", "all"]), default=None,
              help="For a real-text corpus: score one part. Details are listed for the development part only, "
                   "unless --part test asks for the test part's.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable scores, with every miss and spurious record.")
@click.option("--details/--no-details", default=True, show_default=True, help="List misses, spurious records and wrong fields.")
def eval_(corpus: Path, run_file: Path | None, texts: Path | None, part: str | None, as_json: bool,
          details: bool) -> None:
    """Score extraction against the gold records of CORPUS (default: corpus/).

    CORPUS is a written corpus (docs/ and gold/) or a real-text one (corpus.toml
    and gold/ with offsets into articles kept outside the repository): for the
    latter the development and test parts are scored apart. Tune rules on the
    development part; the test part is scored when a piece of work is done.
    Exit status 2 when the corpus, its texts or the --run file cannot be used.
    """
    from ..eval import score
    from ..eval.render import render_details, render_scores

    gold = load_gold(corpus, texts)
    if part in ("dev", "test"):
        gold = [gd for gd in gold if gd.part == part]
    predictions = read_run(run_file) if run_file else run_corpus(gold)
    report = score(predictions, gold)
    parts = sorted({gd.part for gd in gold if gd.part}, key=["dev", "test"].index)
    shown = {"dev"} if part is None else {"dev", "test"}  # test-part errors are listed only when asked for
    if as_json:
        out = report.to_json(details=details and not parts)
        if parts:
            out["parts"] = {p: report.subset(p).to_json(details=details and p in shown) for p in parts}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if not parts:
        lines = render_scores(report) + (render_details(report) if details else [])
    else:
        names = {"dev": "development part", "test": "test part"}
        lines = []
        for p in parts:
            lines += render_scores(report.subset(p), f"== {names[p]}") + [""]
        if len(parts) > 1:
            lines += render_scores(report, "== both parts")
        for p in parts:
            if details and p in shown:
                lines += ["", f"== details: {names[p]}"] + render_details(report.subset(p))
    click.echo("\n".join(lines))


@main.command()
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def diff(old: Path, new: Path) -> None:
    """Show how the records of two runs differ.

    Exit status, like diff(1): 0 the same, 1 they differ, 2 a file is not a
    vnextract run (unreadable, or a line that is not an output line).
    """
    from ..testing import diff_runs

    text = diff_runs(*({str(row["source"]): row["records"] for row in run_rows(p)} for p in (old, new)))
    if text:
        click.echo(text)
        sys.exit(1)


from .review import review as _review  # noqa: E402 - commands in their own modules, registered last
from .table import table as _table  # noqa: E402

main.add_command(_review)
main.add_command(_table)
