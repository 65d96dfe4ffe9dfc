"""Output parts written atomically, and the ledger that makes a batch resumable.

A batch writes its output as numbered parts: ``records/part-NNNNN.<format>``
and ``errors/part-NNNNN.jsonl`` (so ``records/`` reads as one dataset, e.g.
``pyarrow.parquet.read_table("out/records")``). A part is written to a hidden
temporary name and renamed into place only when complete, then a ledger entry
``_done/NNNNN.json`` lists the documents it holds: the entry is the commit. A run killed at any moment leaves whole parts with entries, and
perhaps files without one, which ``--resume`` deletes before redoing their
documents. So every document ends up in exactly one committed part.

Formats:

- ``jsonl``: one line per document, as ``vnextract extract`` writes it.
- ``csv`` and ``parquet``: one row per record, with the columns ``COLUMNS``
  (the first change and the plan flattened, the whole record as JSON in
  ``record``). Documents without records have no rows; the ledger still
  counts them as done.

Errors go to ``errors/part-NNNNN.jsonl``: ``{"source", "error"}`` per line.
``_run.json`` records the format, so a resume cannot mix formats.
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

FORMATS = ("jsonl", "csv", "parquet")
DONE = "_done"
#: The run's settings that a resumed run must share (its format).
RUN = "_run.json"


class FormatMismatch(ValueError):
    """``--resume`` of a folder written in another format."""

#: Columns of the csv and parquet outputs, one row per record.
COLUMNS = (
    "source", "metric", "indicator", "value", "value_high", "unit", "bound", "kind",
    "change_direction", "change_percent", "change_points", "change_ratio", "change_amount", "change_unit",
    "change_bound", "change_high", "change_reference", "change_reference_year", "changes_count",
    "plan_percent", "share_percent", "contribution_points", "year", "month_first", "month_last", "place",
    "evidence_start", "evidence_end", "evidence_text",
    "amount_value", "amount_high", "amount_unit", "amount_dimension", "record",
)

#: Parquet type of the amount columns: decimals, exact up to 10²⁶ with 12 decimals (``tabulate.AMOUNT``).
AMOUNT_DIGITS = (38, 12)


def flatten(source: str, r: dict) -> dict[str, Any]:
    """One csv/parquet row for record ``r`` of document ``source``."""
    c = (r.get("changes") or [{}])[0]
    months = r.get("months") or [None, None]
    ev = r.get("evidence") or {}
    a = r.get("amount") or {}
    return {
        "source": source, "metric": r.get("metric"), "indicator": r.get("indicator"), "value": r.get("value"),
        "value_high": r.get("value_high"), "unit": r.get("unit"), "bound": r.get("bound"), "kind": r.get("kind"),
        "change_direction": c.get("direction"), "change_percent": c.get("percent"),
        "change_points": c.get("points"), "change_ratio": c.get("ratio"), "change_amount": c.get("amount"),
        "change_unit": c.get("unit"), "change_bound": c.get("bound"), "change_high": c.get("high"),
        "change_reference": c.get("reference"),
        "change_reference_year": c.get("reference_year"), "changes_count": len(r.get("changes") or []),
        "plan_percent": r.get("plan_percent"), "share_percent": r.get("share_percent"),
        "contribution_points": r.get("contribution_points"), "year": r.get("year"),
        "month_first": months[0], "month_last": months[1], "place": r.get("place"),
        "evidence_start": ev.get("start"), "evidence_end": ev.get("end"), "evidence_text": ev.get("text"),
        "amount_value": _decimal(a.get("value")), "amount_high": _decimal(a.get("high")),
        "amount_unit": a.get("unit"), "amount_dimension": a.get("dimension"),
        "record": json.dumps(r, ensure_ascii=False),
    }


def _decimal(x) -> Decimal | None:
    """A JSON number as the exact decimal it was written as (an amount is an int, or a float of ≤ 15 digits)."""
    return None if x is None else x if isinstance(x, Decimal) else Decimal(str(x))


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class PartWriter:
    """Writes committed parts into ``folder``; knows which documents are done."""

    def __init__(self, folder: Path, fmt: str = "jsonl"):
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
        self.folder = folder
        self.fmt = fmt
        self.done_dir = folder / DONE
        self.records_dir = folder / "records"
        self.errors_dir = folder / "errors"

    # -- resuming -----------------------------------------------------------
    def prepare(self, resume: bool) -> Counter[str]:
        """Make the folder ready; with ``resume``, drop uncommitted files and return the done ids.

        The count of each id is how many rows it has in committed parts (a repeated id's error row
        counts too), so a resumed run skips exactly the occurrences already written. Refuses
        (``FormatMismatch``) to resume a run written in another format.
        """
        if self.folder.exists() and any(self.folder.iterdir()) and not resume:
            raise FileExistsError(f"{self.folder} is not empty: pass --resume to continue that batch, or choose another folder")
        for d in (self.done_dir, self.records_dir, self.errors_dir):
            d.mkdir(parents=True, exist_ok=True)
        for p in self.done_dir.glob(".*"):
            p.unlink()  # a ledger entry whose writing was cut short
        entries = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in self.done_dir.glob("*.json")}
        done: Counter[str] = Counter()
        for entry in entries.values():
            done.update(entry["sources"])
        self.earlier_errors = sum(entry.get("errors", 0) for entry in entries.values())
        for d in (self.records_dir, self.errors_dir):
            for p in d.iterdir():
                if p.name.startswith(".") or p.name.split("-")[-1].split(".")[0] not in entries:
                    p.unlink()  # a part whose commit never happened, or a temporary file
        self._check_format()
        self.next_part = max((int(s) for s in entries), default=-1) + 1
        return done

    def _check_format(self) -> None:
        """Write the run's format in ``_run.json``, or check it against the one there (or, for a folder
        written before that file existed, against the suffixes of its parts)."""
        manifest = self.folder / RUN
        if manifest.exists():
            formats = {json.loads(manifest.read_text(encoding="utf-8"))["format"]}
        else:
            formats = {p.name.rsplit(".", 1)[-1] for p in self.records_dir.glob("part-*.*")}
        if formats - {self.fmt}:
            raise FormatMismatch(f"{self.folder} holds a --format {' '.join(sorted(formats))} run: resume it with "
                                 f"that format, or write --format {self.fmt} into another folder")
        if not manifest.exists():
            _atomic_write(manifest, json.dumps({"format": self.fmt}).encode("utf-8"))

    # -- writing -------------------------------------------------------------
    def commit(self, rows: list[dict[str, Any]]) -> int:
        """Write one part holding ``rows`` (output and error rows); returns its number."""
        n = self.next_part
        self.next_part += 1
        ok = [r for r in rows if "error" not in r]
        errors = [r for r in rows if "error" in r]
        if ok:
            _atomic_write(self.records_dir / f"part-{n:05d}.{self.fmt}", self._encode(ok))
        if errors:
            data = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors).encode("utf-8")
            _atomic_write(self.errors_dir / f"part-{n:05d}.jsonl", data)
        entry = {"part": n, "sources": [r["source"] for r in rows], "records": sum(len(r.get("records", [])) for r in ok),
                 "errors": len(errors)}
        _atomic_write(self.done_dir / f"{n:05d}.json", json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        return n

    def _encode(self, rows: list[dict[str, Any]]) -> bytes:
        if self.fmt == "jsonl":
            return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
        flat = [flatten(r["source"], rec) for r in rows for rec in r["records"]]
        if self.fmt == "csv":
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=COLUMNS)
            w.writeheader()
            w.writerows(flat)
            return buf.getvalue().encode("utf-8")
        return _parquet_bytes(flat)


def _parquet_bytes(flat: list[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise RuntimeError("Parquet output needs pyarrow: pip install '.[parquet]' in a vnextract checkout") from e
    schema = pa.schema([
        (c, pa.float64() if c in {"value", "value_high", "change_percent", "change_points", "change_ratio",
                                  "change_amount", "change_high", "plan_percent", "share_percent",
                                  "contribution_points"}
         else pa.decimal128(*AMOUNT_DIGITS) if c in {"amount_value", "amount_high"}
         else pa.int64() if c in {"change_reference_year", "changes_count", "year", "month_first", "month_last",
                                  "evidence_start", "evidence_end"}
         else pa.string())
        for c in COLUMNS
    ])
    exact = Decimal(1).scaleb(-AMOUNT_DIGITS[1])
    for row in flat:
        for c in ("amount_value", "amount_high"):
            d = row[c]
            if d is not None:
                q = d.quantize(exact)
                row[c] = q if q == d and len(q.as_tuple().digits) <= AMOUNT_DIGITS[0] else None  # (in `record` still)
    table = pa.Table.from_pylist(flat, schema=schema)
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def read_errors(folder: Path) -> list[dict]:
    """Every error row of a batch output."""
    return [json.loads(line) for p in sorted((folder / "errors").glob("part-*.jsonl"))
            for line in p.read_text(encoding="utf-8").splitlines()]


def read_output(folder: Path) -> dict[str, dict]:
    """Every committed document row of a jsonl batch output, by source (for tests and tools)."""
    out: dict[str, dict] = {}
    for p in sorted((folder / "records").glob("part-*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["source"] in out:
                raise ValueError(f"{row['source']} appears twice in {folder}")
            out[row["source"]] = row
    return out
