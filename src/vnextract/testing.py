"""Reviewable differences between two extractions, for tests and scripts.

>>> print(diff_records(old, new))                    # doctest: +SKIP
~ giá trị sản xuất công nghiệp = 90260 tỷ đồng …  «giá trị sản xuất CN … 90.260 tỷ đồng»
    kind: estimate → actual

Records are paired by where they were read (their evidence) and metric; what
is left over is shown as added (+) or removed (−), and a changed record lists
each field that moved, from what to what.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from .eval.render import describe, quote
from .schema import Record

__all__ = ["RecordChange", "compare_records", "diff_records", "diff_runs", "assert_same_records"]

_FIELDS = tuple(name for name in Record.model_fields if name != "evidence")


def _as_dict(r) -> dict:
    return r if isinstance(r, Mapping) else r.model_dump(mode="json")


def _pair(old: list[dict], new: list[dict]) -> list[tuple[int | None, int | None]]:
    def key(r):
        ev = r.get("evidence") or {}
        return ev.get("start"), ev.get("end")

    pairs, used = [], set()
    for i, o in enumerate(old):
        best = None
        for j, n in enumerate(new):
            if j in used:
                continue
            exact = key(o) == key(n) and o.get("metric") == n.get("metric")
            overlap = _overlap(key(o), key(n))
            score = (2 if exact else 0) + (1 if o.get("metric") == n.get("metric") else 0) + overlap
            if (exact or overlap > 0.5 or (overlap > 0 and o.get("metric") == n.get("metric"))) and (best is None or score > best[0]):
                best = (score, j)
        if best is not None:
            used.add(best[1])
            pairs.append((i, best[1]))
        else:
            pairs.append((i, None))
    pairs += [(None, j) for j in range(len(new)) if j not in used]
    return sorted(pairs, key=lambda p: _position(old, new, p))


def _position(old, new, p):
    r = old[p[0]] if p[0] is not None else new[p[1]]
    return (r.get("evidence") or {}).get("start") or 0


def _overlap(a, b) -> float:
    if None in a or None in b:
        return 0.0
    inter = min(a[1], b[1]) - max(a[0], b[0])
    span = max(a[1], b[1]) - min(a[0], b[0])
    return max(inter, 0) / span if span > 0 else 0.0


def _fmt(v) -> str:
    if isinstance(v, list) and v and isinstance(v[0], Mapping):
        from .eval.render import describe_change

        return "[" + "; ".join(describe_change(c) for c in v) + "]"
    return "null" if v is None else str(v)


class RecordChange(NamedTuple):
    """One paired or unpaired record of a diff: ``status`` is added, removed, changed or same."""

    status: str
    old: dict | None
    new: dict | None
    #: (field, old value, new value) of each field that moved (changed records only).
    fields: list[tuple[str, object, object]]


def compare_records(old, new) -> list[RecordChange]:
    """The structured diff of two record lists (models or dicts), in text order; ``diff_records`` prints it."""
    old = [_as_dict(r) for r in old]
    new = [_as_dict(r) for r in new]
    out: list[RecordChange] = []
    for i, j in _pair(old, new):
        if j is None:
            out.append(RecordChange("removed", old[i], None, []))
        elif i is None:
            out.append(RecordChange("added", None, new[j], []))
        else:
            moved = [(f, old[i].get(f), new[j].get(f)) for f in _FIELDS if old[i].get(f) != new[j].get(f)]
            out.append(RecordChange("changed" if moved else "same", old[i], new[j], moved))
    return out


def format_value(v) -> str:
    """A field's value as the diff shows it (changes described, null for None)."""
    return _fmt(v)


def diff_records(old, new) -> str:
    """A readable diff of two record lists (models or dicts); empty when they are the same."""
    lines: list[str] = []
    for c in compare_records(old, new):
        if c.status == "removed":
            lines.append(f"- {describe(c.old)}  {quote(c.old)}")
        elif c.status == "added":
            lines.append(f"+ {describe(c.new)}  {quote(c.new)}")
        elif c.status == "changed":
            lines.append(f"~ {describe(c.old)}  {quote(c.new)}")
            lines += [f"    {f}: {_fmt(a)} → {_fmt(b)}" for f, a, b in c.fields]
    return "\n".join(lines)


def diff_runs(old: Mapping[str, list], new: Mapping[str, list]) -> str:
    """Diff two runs given as ``{source: records}``; documents only in one run are said so."""
    out: list[str] = []
    for source in sorted(set(old) | set(new)):
        if source not in new:
            out.append(f"=== {source}: only in the old run ({len(old[source])} records)")
            continue
        if source not in old:
            out.append(f"=== {source}: only in the new run ({len(new[source])} records)")
            continue
        d = diff_records(old[source], new[source])
        if d:
            out.append(f"=== {source}")
            out.append(d)
    return "\n".join(out)


def assert_same_records(expected, actual, label: str = "") -> None:
    """Fail with a readable diff when two record lists differ."""
    d = diff_records(expected, actual)
    if d:
        raise AssertionError(f"extraction changed{(' in ' + label) if label else ''}:\n{d}")
