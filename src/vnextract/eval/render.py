"""Plain-text views of records, scores and differences, for people."""
from __future__ import annotations

from .scorer import FIELDS, Report


def _num(x) -> str:
    if x is None:
        return "–"
    s = f"{x}"
    return s[:-2] if s.endswith(".0") else s


_BOUND_MARK = {"over": ">", "under": "<", "about": "~"}


def describe_change(c: dict) -> str:
    sign = "+" if c.get("direction") == "increase" else "−"
    sign += _BOUND_MARK.get(c.get("bound") or "exact", "")
    high = f"–{_num(c['high'])}" if c.get("high") is not None else ""
    if c.get("percent") is not None:
        size = f"{sign}{_num(c['percent'])}{high}%"
    elif c.get("points") is not None:
        size = f"{sign}{_num(c['points'])}{high} điểm %"
    elif c.get("ratio") is not None:
        size = f"×{_num(c['ratio'])}{high}"
    elif c.get("amount") is not None:
        size = f"{sign}{_num(c['amount'])}{high} {c.get('unit') or ''}".rstrip()
    else:
        size = sign
    ref = c.get("reference")
    if ref:
        size += f" vs {ref}"
        if c.get("reference_year"):
            size += f" ({c['reference_year']})"
    return size


def describe(r: dict) -> str:
    """One line for a record: metric = value unit [bound kind] changes, plan, share, period, place, indicator."""
    parts = [f"{r.get('metric')} ="]
    if r.get("value") is not None:
        value = _num(r["value"])
        if r.get("value_high") is not None:
            value += f"–{_num(r['value_high'])}"
        parts.append(f"{value} {r.get('unit') or ''}".rstrip())
    else:
        parts.append("(no value)")
    tags = [t for t in (r.get("bound"), r.get("kind")) if t and t not in ("exact", "actual", "range")]
    if tags:
        parts.append(f"[{' '.join(tags)}]")
    parts.extend(describe_change(c) for c in r.get("changes") or [])
    if r.get("plan_percent") is not None:
        parts.append(f"plan {_num(r['plan_percent'])}%")
    if r.get("share_percent") is not None:
        parts.append(f"share {_num(r['share_percent'])}%")
    if r.get("contribution_points") is not None:
        parts.append(f"contributes {_num(r['contribution_points'])} pt")
    period = str(r.get("year") or "")
    if r.get("months"):
        m = r["months"]
        period += f" m{m[0]}" + (f"–{m[1]}" if m[1] != m[0] else "")
    if period:
        parts.append(f"@{period}")
    if r.get("place"):
        parts.append(f"in {r['place']}")
    if r.get("indicator"):
        parts.append(f"<{r['indicator']}>")
    return " ".join(parts)


def quote(r: dict, width: int = 90) -> str:
    ev = r.get("evidence") or {}
    t = " ".join((ev.get("text") or r.get("quote") or "").split())
    return "«" + (t if len(t) <= width else t[: width - 1] + "…") + "»"


def render_scores(report: Report, title: str | None = None) -> list[str]:
    """Record P/R/F1 and each field's accuracy, over the matched records whose gold states it."""
    s = report.summary()
    lines = [title] if title else []
    lines += [
        f"documents {s['documents']}   gold {s['gold']}   predicted {s['predicted']}   matched {s['matched']}",
        f"precision {s['precision']:.3f}   recall {s['recall']:.3f}   F1 {s['f1']:.3f}",
        "field accuracy on matched records (of those whose gold states the field):",
    ]
    for name in FIELDS:
        acc, n = s["fields"][name], s["field_counts"][name]
        shown = "    –" if acc is None else f"{acc:.3f}"
        label = "metric (strict)" if name == "metric" else name
        extra = f"   mean syllable F1 {s['metric_similarity']:.3f}" if name == "metric" else ""
        lines.append(f"  {label:<20} {shown}  of {n:>4}{extra}")
        if name == "indicator":
            split = s["indicator_split"]
            for key, text in (("named", "gold names one"), ("null", "gold null")):
                acc = split[key]
                shown = "    –" if acc is None else f"{acc:.3f}"
                lines.append(f"    {text:<18} {shown}  of {split[key + '_count']:>4}")
    return lines


def render_details(report: Report) -> list[str]:
    """Per document counts, then every miss, spurious record and wrong field."""
    lines = ["", "per document (matched/gold, matched/predicted):"]
    for d in report.docs:
        flag = "" if not (d.misses or d.spurious or d.wrong) else "  *"
        lines.append(f"  {d.stem:<36} {len(d.matched):>3}/{d.gold:<3} {len(d.matched):>3}/{d.predicted:<3}{flag}")
    for d in report.docs:
        if not (d.misses or d.spurious or d.wrong):
            continue
        lines.append("")
        lines.append(f"== {d.stem}")
        for g in d.misses:
            lines.append(f"  missed   {describe(g)}  {quote(g)}")
        for p in d.spurious:
            lines.append(f"  spurious {describe(p)}  {quote(p)}")
        for p, g, bad in d.wrong:
            lines.append(f"  wrong {','.join(bad)}:")
            lines.append(f"      gold {describe(g)}")
            lines.append(f"      got  {describe(p)}  {quote(p)}")
    return lines
