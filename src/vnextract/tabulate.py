"""From many articles' records to one statistical table: ``vnextract.table`` and ``vnextract table``.

A row is one *statement*: what (the indicator, else the metric), where
(``place``), when (``year``, ``months``), which ``kind`` (actual, estimate…),
the amount's base unit, and the amount itself (base value, high end, bound;
for a record without an amount, its value, changes, plan, share and
contribution). Records of several articles that make the same statement are
one row listing every source (``sources``) and where each said it
(``evidence``). Statements with the same key but different amounts are each a
row; when the key names an indicator they are flagged ``conflict`` and share a
``conflict_group`` number (a free-text metric such as "doanh thu" does not say
whose revenue, so two amounts for it are no contradiction; an indicator whose
metric says whose figure it is, a company's revenue or a dealer's gold price,
is keyed by its metric as well).

Inputs: ``extract`` output (JSON Lines of ``Extraction``), a ``batch`` output
folder (its ``records/part-*.jsonl``, ``.csv`` or ``.parquet``), ``Extraction``
objects or their dicts. Numbers are decimals: stated numbers
``decimal128(30, 15)`` (every 15-digit number fits exactly), amounts
``decimal128(38, 12)``.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from . import jsonlines
from .amounts import amount_of
from .schema import Extraction

__all__ = ["table", "read_records", "write", "COLUMNS", "SOURCE_COLUMNS", "NUMBER", "AMOUNT"]

#: Stated numbers have at most 15 digits (``schema.NUMBER_DIGITS``): 15 before and 15 after the point fit all.
NUMBER = (30, 15)
#: Base amounts: up to 10²⁶ with 12 decimals, exactly (an amount outside that is null in the table).
AMOUNT = (38, 12)

_NUMBERS = ("value", "value_high", "change_percent", "change_points", "change_ratio", "change_amount",
            "plan_percent", "share_percent", "contribution_points")
_AMOUNTS = ("amount_value", "amount_high")
_INTS = ("statistic_id", "year", "month_first", "month_last", "change_reference_year", "sources_count",
         "conflict_group")

#: Columns of the statistics table, in order.
COLUMNS = (
    "statistic_id", "indicator", "metric", "place", "year", "month_first", "month_last", "kind",
    "bound", "value", "value_high", "unit", "amount_value", "amount_high", "amount_unit", "dimension",
    "change_direction", "change_percent", "change_points", "change_ratio", "change_amount", "change_unit",
    "change_reference", "change_reference_year", "plan_percent", "share_percent", "contribution_points",
    "conflict", "conflict_group", "sources_count", "sources", "evidence",
)
#: Columns of the ``sources`` table (DuckDB): one row per record behind a statistic.
SOURCE_COLUMNS = ("statistic_id", "source", "metric", "evidence_start", "evidence_end", "evidence_text")


class TableInputError(ValueError):
    """An input that cannot be read: the message names the file (and line)."""


# -- reading ------------------------------------------------------------------

def _lines(path: Path) -> Iterator[tuple[int, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                yield n, line


def _jsonl(path: Path) -> Iterator[tuple[str | None, dict]]:
    for n, line in _lines(path):
        try:
            doc = jsonlines.loads(line, parse_float=Decimal)  # bounded: depth, big integers
        except jsonlines.LineError as e:
            raise TableInputError(f"{path}:{n}: {e}") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("records"), list) \
                or not all(isinstance(r, dict) and isinstance(r.get("metric"), str) for r in doc["records"]):
            raise TableInputError(f"{path}:{n}: not a vnextract output line (a `records` list of records)")
        for r in doc["records"]:
            yield doc.get("source"), r


def _rows_with_record(path: Path, rows: Iterable[dict]) -> Iterator[tuple[str | None, dict]]:
    for n, row in enumerate(rows, 1):
        try:
            r = json.loads(row["record"], parse_float=Decimal)
            if not isinstance(r, dict) or not isinstance(r.get("metric"), str):
                raise TypeError
        except (KeyError, TypeError, ValueError):
            raise TableInputError(f"{path}: row {n}: no `record` column holding a record as JSON") from None
        yield row.get("source"), r


def _part(path: Path) -> Iterator[tuple[str | None, dict]]:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq
        try:
            rows = pq.read_table(path, columns=["source", "record"]).to_pylist()
        except Exception as e:  # noqa: BLE001 - pyarrow raises many kinds
            raise TableInputError(f"{path}: not a vnextract Parquet part ({str(e).splitlines()[0]})") from None
        yield from _rows_with_record(path, rows)
    elif path.suffix == ".csv":
        import csv
        with open(path, encoding="utf-8", newline="") as f:
            yield from _rows_with_record(path, csv.DictReader(f))
    else:
        yield from _jsonl(path)


def _folder(path: Path) -> Iterator[tuple[str | None, dict]]:
    records = path / "records" if (path / "records").is_dir() else path
    parts = sorted(p for p in records.glob("part-*.*") if p.suffix in (".jsonl", ".csv", ".parquet"))
    if not parts:
        raise TableInputError(f"{path}: no batch parts (records/part-*.jsonl, .csv or .parquet) in this folder")
    for p in parts:
        yield from _part(p)


def read_records(inputs: Any) -> Iterator[tuple[str | None, dict]]:
    """``(source, record dict)`` of every record of the inputs, in order; numbers as ``Decimal`` or ``int``."""
    if isinstance(inputs, (str, Path, Extraction, dict)):
        inputs = [inputs]
    for x in inputs:
        if isinstance(x, Extraction):
            for r in x.model_dump()["records"]:
                yield x.source, r
        elif isinstance(x, dict):
            yield from ((x.get("source"), r) for r in Extraction.model_validate(x).model_dump()["records"])
        else:
            p = Path(x)
            if p.is_dir():
                yield from _folder(p)
            elif p.is_file():
                yield from _part(p)
            else:
                raise TableInputError(f"{p}: no such file or folder")


# -- merging ------------------------------------------------------------------

def _dec(x) -> Decimal | None:
    return None if x is None else x if isinstance(x, Decimal) else Decimal(str(x))


def _amount(r: dict) -> dict | None:
    a = r.get("amount")
    if a is None and "amount" not in r:  # a run written before records had amounts
        made = amount_of(_dec(r.get("value")), r.get("unit"), _dec(r.get("value_high")))
        return None if made is None else made.model_dump()
    return a


def _changes(r: dict) -> tuple:
    return tuple((c.get("direction"), _dec(c.get("percent")), _dec(c.get("points")), _dec(c.get("ratio")),
                  _dec(c.get("amount")), c.get("unit"), c.get("bound"), _dec(c.get("high")))
                 for c in r.get("changes") or [])


@dataclass
class _Statistic:
    first: dict
    amount: dict | None
    sources: list[str | None] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)


@cache
def _named_by_metric() -> frozenset[str]:
    """Indicators whose metric says whose figure it is (a company's revenue, a dealer's gold price, one index):
    the ``open`` and ``company`` ids of ``lang/vi/indicators.toml``. Their statements are keyed by the metric too,
    so two companies' revenues are two statistics, never a conflict."""
    from .lang.vi.indicators import indicators

    return frozenset(i.id for i in indicators().values() if i.open or i.company)


def _key(r: dict, a: dict | None) -> tuple:
    months = tuple(r["months"]) if r.get("months") else None
    indicator = r.get("indicator")
    what = (indicator, " ".join((r.get("metric") or "").lower().split())) if indicator in _named_by_metric() \
        else indicator or r.get("metric")
    return (what, r.get("place"), r.get("year"), months, r.get("kind", "actual"), a["unit"] if a else r.get("unit"))


def _same(r: dict, a: dict | None) -> tuple:
    """What two statements of one key must share to be the same statement."""
    if a is not None:
        return (_dec(a["value"]), _dec(a.get("high")), r.get("bound", "exact"))
    return (_dec(r.get("value")), _dec(r.get("value_high")), r.get("bound", "exact"), _changes(r),
            _dec(r.get("plan_percent")), _dec(r.get("share_percent")), _dec(r.get("contribution_points")))


def _merge(records: Iterable[tuple[str | None, dict]]) -> tuple[list[_Statistic], dict[int, int]]:
    by_key: dict[tuple, dict[tuple, _Statistic]] = {}
    order: list[_Statistic] = []
    for source, r in records:
        a = _amount(r)
        group = by_key.setdefault(_key(r, a), {})
        same = _same(r, a)
        st = group.get(same)
        if st is None:
            st = group[same] = _Statistic(r, a)
            order.append(st)
        if source not in st.sources:
            st.sources.append(source)
        ev = r.get("evidence") or {}
        st.evidence.append({"source": source, "metric": r.get("metric"), "start": ev.get("start"),
                            "end": ev.get("end"), "text": ev.get("text")})
    conflict: dict[int, int] = {}
    # A free-text metric ("doanh thu") does not name one statistic (whose revenue?): only statements
    # keyed by an indicator can contradict each other.
    contested = (g for g in by_key.values() if len(g) > 1 and next(iter(g.values())).first.get("indicator"))
    for n, group in enumerate(contested, 1):
        for st in group.values():
            conflict[id(st)] = n
    return order, conflict


def _fit(x, digits: tuple[int, int]) -> Decimal | None:
    """``x`` as a decimal of the column's type, or None when it does not fit exactly."""
    d = _dec(x)
    if d is None:
        return None
    q = d.quantize(Decimal(1).scaleb(-digits[1]))
    return q if q == d and len(q.as_tuple().digits) <= digits[0] else None


def _row(i: int, st: _Statistic, group: int | None) -> dict[str, Any]:
    r, a = st.first, st.amount or {}
    c = (r.get("changes") or [{}])[0]
    months = r.get("months") or (None, None)
    row = {
        "statistic_id": i, "indicator": r.get("indicator"), "metric": r.get("metric"), "place": r.get("place"),
        "year": r.get("year"), "month_first": months[0], "month_last": months[1], "kind": r.get("kind", "actual"),
        "bound": r.get("bound", "exact"), "value": r.get("value"), "value_high": r.get("value_high"),
        "unit": r.get("unit"), "amount_value": a.get("value"), "amount_high": a.get("high"),
        "amount_unit": a.get("unit"), "dimension": a.get("dimension"),
        "change_direction": c.get("direction"), "change_percent": c.get("percent"),
        "change_points": c.get("points"), "change_ratio": c.get("ratio"), "change_amount": c.get("amount"),
        "change_unit": c.get("unit"), "change_reference": c.get("reference"),
        "change_reference_year": c.get("reference_year"), "plan_percent": r.get("plan_percent"),
        "share_percent": r.get("share_percent"), "contribution_points": r.get("contribution_points"),
        "conflict": group is not None, "conflict_group": group, "sources_count": len(st.sources),
        "sources": st.sources, "evidence": st.evidence,
    }
    for k in _NUMBERS:
        row[k] = _fit(row[k], NUMBER)
    for k in _AMOUNTS:
        row[k] = _fit(row[k], AMOUNT)
    return row


def _schema():
    import pyarrow as pa

    evidence = pa.struct([("source", pa.string()), ("metric", pa.string()), ("start", pa.int64()),
                          ("end", pa.int64()), ("text", pa.string())])

    def typ(c: str):
        if c in _NUMBERS:
            return pa.decimal128(*NUMBER)
        if c in _AMOUNTS:
            return pa.decimal128(*AMOUNT)
        if c in _INTS:
            return pa.int64()
        return {"conflict": pa.bool_(), "sources": pa.list_(pa.string()), "evidence": pa.list_(evidence)}.get(c, pa.string())

    return pa.schema([(c, typ(c)) for c in COLUMNS])


def table(records_or_paths: Any):
    """The statistical table of the inputs, as a ``pyarrow.Table`` with ``COLUMNS`` (``.to_pandas()`` for pandas).

    ``records_or_paths``: a path (an ``extract`` JSONL file, a ``batch`` output folder or one of its parts),
    an ``Extraction`` (or its dict), or a list of these. Rows come in the order their statements first appear.
    """
    try:
        import pyarrow as pa
    except ImportError as e:
        raise RuntimeError("vnextract.table needs pyarrow: pip install '.[table]' in a vnextract checkout") from e
    order, conflict = _merge(read_records(records_or_paths))
    rows = [_row(i, st, conflict.get(id(st))) for i, st in enumerate(order, 1)]
    return pa.Table.from_pylist(rows, schema=_schema())


# -- writing ------------------------------------------------------------------

FORMATS = {".parquet": "parquet", ".csv": "csv", ".duckdb": "duckdb", ".db": "duckdb"}


def sources_table(stats):
    """The ``sources`` table: one row per record behind each statistic (``SOURCE_COLUMNS``)."""
    import pyarrow as pa

    rows = [{"statistic_id": sid, "source": e["source"], "metric": e["metric"], "evidence_start": e["start"],
             "evidence_end": e["end"], "evidence_text": e["text"]}
            for sid, evs in zip(stats.column("statistic_id").to_pylist(), stats.column("evidence").to_pylist())
            for e in evs]
    schema = pa.schema([(c, pa.int64() if c in ("statistic_id", "evidence_start", "evidence_end") else pa.string())
                        for c in SOURCE_COLUMNS])
    return pa.Table.from_pylist(rows, schema=schema)


def write(stats, path: Path, fmt: str | None = None) -> str:
    """Write the table to ``path`` as Parquet, CSV or DuckDB (``fmt``, else from the suffix); returns the format."""
    fmt = fmt or FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise TableInputError(f"{path}: cannot tell the format from the suffix: use .parquet, .csv, .duckdb "
                              "or .db, or --format")
    if fmt == "parquet":
        import pyarrow.parquet as pq
        pq.write_table(stats, path)
    elif fmt == "csv":
        import pyarrow as pa
        import pyarrow.csv as pcsv
        flat = stats.drop_columns(["sources", "evidence"])
        for c in _NUMBERS + _AMOUNTS:  # 40, not 40.000000000000000
            i = flat.schema.get_field_index(c)
            flat = flat.set_column(i, c, pa.array([_plain(d) for d in flat.column(c).to_pylist()], pa.string()))
        flat = flat.append_column(
            "sources", pa.array([json.dumps(s, ensure_ascii=False) for s in stats.column("sources").to_pylist()]))
        pcsv.write_csv(flat, path)
    elif fmt == "duckdb":
        _write_duckdb(stats, path)
    else:
        raise TableInputError(f"unknown format {fmt!r}: parquet, csv or duckdb")
    return fmt


def _plain(d: Decimal | None) -> str | None:
    """A decimal written without exponent or trailing zeros: ``90260000000000``, ``14.8``."""
    return None if d is None else format(d.normalize(), "f")


def _write_duckdb(stats, path: Path) -> None:
    try:
        import duckdb
    except ImportError as e:
        raise RuntimeError("DuckDB output needs duckdb: pip install '.[table]' in a vnextract checkout") from e
    if path.exists():
        path.unlink()  # a fresh database, as the other formats overwrite their file
    con = duckdb.connect(str(path))
    try:
        con.register("new_statistics", stats.drop_columns(["evidence"]))
        con.register("new_sources", sources_table(stats))
        con.execute("CREATE TABLE statistics AS SELECT * FROM new_statistics")
        con.execute("CREATE TABLE sources AS SELECT * FROM new_sources")
    finally:
        con.close()
