"""``vnextract table RUN… -o FILE``: the statistical table of extract or batch runs (``vnextract.tabulate``)."""
from __future__ import annotations

from pathlib import Path

import click

from .main import InputError, _reason


@click.command("table")
@click.argument("runs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The table file: .parquet, .csv, or .duckdb/.db (tables `statistics` and `sources`).")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "duckdb"]), default=None,
              help="Output format (default: from the suffix of -o).")
def table(runs: tuple[str, ...], output: Path, fmt: str | None) -> None:
    """Merge the records of extract outputs (JSONL) or batch folders into one row per statement.

    The same statement in several articles is one row listing every source; the same indicator, place,
    period and kind with different amounts is flagged `conflict`.
    """
    from ..tabulate import FORMATS, TableInputError, table as build, write

    if fmt is None and output.suffix.lower() not in FORMATS:
        raise InputError(f"{output}: cannot tell the format from the suffix: use .parquet, .csv, .duckdb or .db, "
                         "or --format")
    if not output.parent.is_dir():
        raise InputError(f"cannot write {output}: no folder {output.parent}")
    try:
        stats = build(list(runs))
    except TableInputError as e:
        raise InputError(str(e)) from None
    except RuntimeError as e:
        raise InputError(str(e)) from None
    try:
        written = write(stats, output, fmt)
    except RuntimeError as e:
        raise InputError(str(e)) from None
    except OSError as e:
        raise InputError(f"cannot write {output}: {_reason(e)}") from None
    conflicts = sum(stats.column("conflict").to_pylist())
    click.echo(f"{stats.num_rows} statistics ({conflicts} in conflict) written to {output} ({written})", err=True)
