"""``to_frame``: records as a pandas DataFrame, one flat row per record.

The columns are the batch CSV/Parquet columns (``batch.sinks.COLUMNS``, built
by the same ``flatten``), with the document's ``date`` and ``date_source``
after ``source``. pandas is optional: ``pip install pandas``.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .schema import Extraction

if TYPE_CHECKING:
    import pandas

#: Columns holding a stated number (``schema.Number``): float64, or exact Decimals with ``decimals=True``.
NUMBER_COLUMNS = ("value", "value_high", "change_percent", "change_points", "change_ratio", "change_amount",
                  "change_high", "plan_percent", "share_percent", "contribution_points", "amount_value", "amount_high")
#: Integer columns, as pandas' nullable ``Int64`` (a missing year stays missing, not NaN).
INT_COLUMNS = ("change_reference_year", "changes_count", "year", "month_first", "month_last",
               "evidence_start", "evidence_end")
#: The fields of an output line ``to_frame`` reads; others (``text`` of an HTML batch) are ignored.
_LINE_FIELDS = ("source", "date", "date_source", "records", "warnings")


def to_frame(extractions: Iterable[Extraction | dict[str, Any]], *, decimals: bool = False) -> "pandas.DataFrame":
    """One row per record of ``extractions`` (``Extraction`` models or output lines as dicts).

    Columns: ``source``, ``date``, ``date_source``, then the batch CSV/Parquet
    columns (the first change and the plan flattened; the whole record as JSON
    in ``record``). Numbers are float64 columns, convenient for analysis; with
    ``decimals=True`` they are the records' exact ``Decimal`` values (object
    columns). A document without records has no row; an error line
    (``{"source", "error"}``) is skipped.
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError("vnextract.to_frame needs pandas: pip install pandas "
                          "(or pip install '.[pandas]' in a vnextract checkout)") from e
    from .batch.sinks import COLUMNS, flatten

    rows = []
    for i, item in enumerate(extractions):
        ex = _extraction(item, i)
        if ex is None:
            continue
        for rec in ex.records:
            row = {"source": ex.source, "date": ex.date, "date_source": ex.date_source}
            row.update(flatten(ex.source, rec.model_dump(mode="json")))
            if decimals:
                row.update(_exact(rec))
            rows.append(row)
    columns = ["source", "date", "date_source", *(c for c in COLUMNS if c != "source")]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    for c in INT_COLUMNS:
        frame[c] = frame[c].astype("Int64")
    if not decimals:
        for c in NUMBER_COLUMNS:
            frame[c] = frame[c].astype("float64")
    return frame


def _extraction(item: Extraction | dict[str, Any], i: int) -> Extraction | None:
    if isinstance(item, Extraction):
        return item
    if not isinstance(item, dict):
        raise TypeError(f"to_frame: item {i} is a {type(item).__name__}, expected an Extraction or a dict")
    if "error" in item:
        return None
    try:
        return Extraction.model_validate({k: item[k] for k in _LINE_FIELDS if k in item})
    except ValueError as e:
        first = str(e).splitlines()
        raise ValueError(f"to_frame: item {i} (source {item.get('source')!r}) is not an output line: "
                         f"{' '.join(first[:3])}") from e


def _exact(rec) -> dict[str, Decimal | None]:
    """The number columns of ``rec`` as its own Decimals (``flatten`` read them from the JSON form)."""
    c = rec.changes[0] if rec.changes else None
    return {
        "value": rec.value, "value_high": rec.value_high, "plan_percent": rec.plan_percent,
        "share_percent": rec.share_percent, "contribution_points": rec.contribution_points,
        **{f"change_{f}": getattr(c, f) if c else None for f in ("percent", "points", "ratio", "amount", "high")},
        "amount_value": rec.amount.value if rec.amount else None, "amount_high": rec.amount.high if rec.amount else None,
    }
