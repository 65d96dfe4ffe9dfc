"""The scorer: one-to-one matching of predicted and gold records, then field accuracy.

A prediction matches a gold record of the same document when its amount
(value × the scale of its unit, in the same base unit) equals the gold amount
(or, for a gold record without a value, its changes hold the gold record's
first change; with no change either, its plan or share equals the gold one),
and its metric shares at least half of the gold metric's syllables.

Each field is then scored over the matched records whose gold states it: a
gold file written before a field existed does not score that field. The
indicator is also scored apart where the gold names one (the share given the
right id: issue #9's figure) and where it is null (the share left null).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from ..lang.vi import lexicon, metric_words
from ..text.normalize import fold
from .corpus import GoldDoc

__all__ = ["FIELDS", "Report", "match", "score"]

FIELDS = ("metric", "indicator", "value_high", "unit", "bound", "kind", "changes", "plan_percent", "share_percent",
          "contribution_points", "year", "months", "place")
TOLERANCE = Decimal("0.01")


# -- comparing values ------------------------------------------------------

def _dec(x) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(_dec(a) - _dec(b)) <= TOLERANCE


@cache
def _scale_prefixes() -> list[tuple[str, int]]:
    scales = {fold(k): v.power for k, v in lexicon().scales.items()}
    return sorted(scales.items(), key=lambda kv: len(kv[0]), reverse=True)


@cache
def _currency_codes() -> dict[str, str]:
    """Every name of a foreign currency in the unit lexicon → its code, folded: "yên" → "jpy", "won" → "krw"."""
    return {" ".join(fold(k).split()): fold(v.unit) for k, v in lexicon().units.items()
            if v.category == "money" and v.unit != "đồng"}


def _currency_base(base: str) -> str:
    """"tỷ yên" and "tỷ JPY" are one amount: a currency's name before any denominator is read as its code."""
    head, sep, rest = base.partition("/")
    code = _currency_codes().get(head.strip())
    return base if code is None else code + sep + rest


def split_unit(unit: str | None) -> tuple[int, str]:
    """``"nghìn tỷ đồng"`` → ``(12, "đồng")``; the base is folded for comparison."""
    if unit is None:
        return 0, ""
    u = " ".join(fold(unicodedata.normalize("NFC", unit)).split())
    for prefix, power in _scale_prefixes():
        if u == prefix or u.startswith(prefix + " "):
            return power, _currency_base(u[len(prefix):].strip() or ("đồng" if power >= 9 else ""))
    return 0, _currency_base(u)


def amount(value, unit) -> tuple[Decimal, str] | None:
    if value is None:
        return None
    power, base = split_unit(unit)
    return _dec(value).scaleb(power), base


def same_base(a: str, b: str) -> bool:
    """Base units agree; a counted noun may carry a modifier ("cửa hàng" ~ "cửa hàng tiện lợi")."""
    if a == b:
        return True
    money_or_rate = {"đồng", "usd", "eur", "%"}
    if not a or not b or a.split("/")[0] in money_or_rate or b.split("/")[0] in money_or_rate or "/" in a + b:
        return False
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return long_[: len(short)] == short


def _same_amount(p: dict, g: dict, key: str = "value") -> bool:
    a, b = amount(p.get(key), p.get("unit")), amount(g.get(key), g.get("unit"))
    if a is None or b is None or not same_base(a[1], b[1]):
        return False
    if a[1] == "%":
        return abs(a[0] - b[0]) <= TOLERANCE
    return a[0] == b[0]


def _same_change(p: dict, g: dict) -> bool:
    """The same size of change: direction and percent, points or ratio; an amount when it is the only size."""
    if p.get("direction") != g.get("direction"):
        return False
    if not all(_close(p.get(k), g.get(k)) for k in ("percent", "points", "ratio")):
        return False
    if g.get("amount") is not None and all(g.get(k) is None for k in ("percent", "points", "ratio")):
        return _same_amount({"value": p.get("amount"), "unit": p.get("unit")},
                            {"value": g["amount"], "unit": g.get("unit")})
    return True


def _change_equal(p: dict, g: dict) -> bool:
    if not _same_change(p, g):
        return False
    if (p.get("amount") is None) != (g.get("amount") is None):
        return False
    if g.get("amount") is not None and not _same_amount({"value": p["amount"], "unit": p.get("unit")},
                                                       {"value": g["amount"], "unit": g.get("unit")}):
        return False
    if "bound" in g and p.get("bound", "exact") != g["bound"]:
        return False
    if "high" in g and not _close(p.get("high"), g["high"]):
        return False
    return _text(p.get("reference")) == _text(g.get("reference")) and p.get("reference_year") == g.get("reference_year")


def _text(s: str | None) -> str | None:
    return None if s is None else " ".join(fold(unicodedata.normalize("NFC", s)).split())


def _is_percent(r: dict) -> bool:
    return split_unit(r.get("unit")) == (0, "%")


def matches_amount(p: dict, g: dict) -> bool:
    """Rule 1 of the contract: the amount, or for a value-less gold record its first change (or plan, share,
    contribution, in that order)."""
    if g.get("value") is not None:
        if p.get("value") is None and _is_percent(g) and p.get("share_percent") is not None:
            return _close(p["share_percent"], g["value"])  # "thị phần 31%": a share or a level in % (decision 27)
        return _same_amount(p, g)
    if g.get("share_percent") is not None and not g.get("changes") and g.get("plan_percent") is None \
            and p.get("value") is not None and _is_percent(p):
        return _close(p["value"], g["share_percent"])
    if g.get("changes"):
        first = g["changes"][0]
        return any(_same_change(c, first) for c in p.get("changes") or [])
    if g.get("plan_percent") is not None:
        return _close(p.get("plan_percent"), g["plan_percent"])
    for name in ("share_percent", "contribution_points"):
        if g.get(name) is not None:
            return _close(p.get(name), g[name])
    return False


def syllables(metric: str) -> set[str]:
    """The metric's syllables: case-folded, NFC, tone placement folded, abbreviations expanded."""
    return set(metric_words(metric))


def metric_overlap(p: str, g: str) -> float:
    """Share of the gold metric's syllables that the predicted metric has (rule 2 needs ≥ 0.5)."""
    gs = syllables(g)
    return len(gs & syllables(p)) / len(gs) if gs else 0.0


def metric_f1(p: str, g: str) -> float:
    """Syllable F1 of two metrics: how close a matched metric is, when it is not exactly right."""
    ps, gs = syllables(p), syllables(g)
    both = len(ps & gs)
    return 2 * both / (len(ps) + len(gs)) if both else 0.0


def field_right(name: str, p: dict, g: dict) -> bool:
    """Whether the prediction has the gold value of one field (the gold record states it)."""
    if name == "metric":
        return syllables(p.get("metric") or "") == syllables(g.get("metric") or "")
    if name == "changes":
        pc, gc = p.get("changes") or [], g.get("changes") or []
        return len(pc) == len(gc) and all(_change_equal(a, b) for a, b in zip(pc, gc))
    if name in ("plan_percent", "share_percent", "contribution_points"):
        return _close(p.get(name), g.get(name))
    if name == "months":
        pm, gm = p.get("months"), g.get("months")
        return (tuple(pm) if pm else None) == (tuple(gm) if gm else None)
    if name == "unit":
        if g.get("value") is None:
            return p.get("unit") is None
        return _same_amount(p, g)
    if name == "value_high":
        if g.get("value_high") is None:
            return p.get("value_high") is None
        return _same_amount(p, g, "value_high")
    if name == "place":
        return _text(p.get("place")) == _text(g.get("place"))
    if name == "bound":
        return p.get("bound", "exact") == g.get("bound")
    if name == "kind":
        return p.get("kind", "actual") == g.get("kind")
    return p.get(name) == g.get(name)


# -- matching and the report ------------------------------------------------

@dataclass
class DocScore:
    stem: str
    gold: int
    predicted: int
    matched: list[tuple[int, int]]
    misses: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    wrong: list[tuple[dict, dict, list[str]]] = field(default_factory=list)
    part: str | None = None
    pairs: list[tuple[dict, dict]] = field(default_factory=list, repr=False)  # (predicted, gold) matched


@dataclass
class Report:
    docs: list[DocScore]
    field_hits: dict[str, int]
    field_counts: dict[str, int]
    metric_f1_sum: float = 0.0
    #: indicator over matched records whose gold names one / whose gold says null: (right, of)
    indicator_named_hits: tuple[int, int] = (0, 0)
    indicator_null_hits: tuple[int, int] = (0, 0)

    @property
    def matched(self) -> int:
        return sum(len(d.matched) for d in self.docs)

    @property
    def gold(self) -> int:
        return sum(d.gold for d in self.docs)

    @property
    def predicted(self) -> int:
        return sum(d.predicted for d in self.docs)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def metric_similarity(self) -> float:
        """Mean syllable F1 of the matched records' metrics."""
        return self.metric_f1_sum / self.matched if self.matched else 0.0

    @property
    def indicator_named(self) -> float | None:
        """Share of the matched records whose gold names an indicator that have that id (None: none names one)."""
        right, n = self.indicator_named_hits
        return right / n if n else None

    @property
    def indicator_null(self) -> float | None:
        """Share of the matched records whose gold indicator is null that predict null (None: no such record)."""
        right, n = self.indicator_null_hits
        return right / n if n else None

    def accuracy(self, name: str) -> float | None:
        """Share of the matched records stating ``name`` in gold that have it right (None: none states it)."""
        n = self.field_counts[name]
        return self.field_hits[name] / n if n else None

    def subset(self, part: str) -> "Report":
        """The report of one part ("dev" or "test") of a real corpus."""
        return _tally([d for d in self.docs if d.part == part])

    def summary(self) -> dict:
        return {
            "documents": len(self.docs),
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "metric_similarity": round(self.metric_similarity, 4),
            "fields": {name: None if (a := self.accuracy(name)) is None else round(a, 4) for name in FIELDS},
            "field_counts": dict(self.field_counts),
            "indicator_split": {
                "named": _rounded(self.indicator_named), "named_count": self.indicator_named_hits[1],
                "null": _rounded(self.indicator_null), "null_count": self.indicator_null_hits[1],
            },
        }

    def to_json(self, details: bool = True) -> dict:
        out = self.summary()
        if details:
            out["per_document"] = [
                {"document": d.stem, "part": d.part, "gold": d.gold, "predicted": d.predicted,
                 "matched": len(d.matched), "misses": d.misses, "spurious": d.spurious,
                 "wrong_fields": [{"gold": g, "predicted": p, "fields": f} for p, g, f in d.wrong]}
                for d in self.docs
            ]
        return out


def _rounded(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def match(pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matching: best metric overlap first, then closeness in text order."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if not matches_amount(p, g):
                continue
            ov = metric_overlap(p.get("metric", ""), g.get("metric", ""))
            if ov >= 0.5:
                order = abs(i / max(len(pred), 1) - j / max(len(gold), 1))
                cands.append((-ov, order, i, j))
    cands.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs, key=lambda ij: ij[1])


def _tally(docs: list[DocScore]) -> Report:
    hits, counts, f1_sum = dict.fromkeys(FIELDS, 0), dict.fromkeys(FIELDS, 0), 0.0
    split = {True: [0, 0], False: [0, 0]}  # gold names an indicator → [right, of]
    for d in docs:
        for p, g in d.pairs:
            f1_sum += metric_f1(p.get("metric") or "", g.get("metric") or "")
            for name in FIELDS:
                if name in g:
                    counts[name] += 1
                    hits[name] += field_right(name, p, g)
            if "indicator" in g:
                tally = split[g["indicator"] is not None]
                tally[0] += field_right("indicator", p, g)
                tally[1] += 1
    return Report(docs, hits, counts, f1_sum, tuple(split[True]), tuple(split[False]))


def score(predictions: dict[str, list[dict]], gold_docs: list[GoldDoc]) -> Report:
    """Score predicted records (by document key: file stem or article id) against gold documents."""
    docs = []
    for gd in gold_docs:
        key = getattr(gd, "key", None) or gd.stem
        pred = predictions.get(key, predictions.get(gd.stem, []))
        pairs = match(pred, gd.records)
        ds = DocScore(gd.stem, len(gd.records), len(pred), pairs, part=getattr(gd, "part", None))
        mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
        ds.misses = [g for j, g in enumerate(gd.records) if j not in mg]
        ds.spurious = [p for i, p in enumerate(pred) if i not in mp]
        for i, j in pairs:
            bad = [name for name in FIELDS if name in gd.records[j] and not field_right(name, pred[i], gd.records[j])]
            if bad:
                ds.wrong.append((pred[i], gd.records[j], bad))
        ds.pairs = [(pred[i], gd.records[j]) for i, j in pairs]
        docs.append(ds)
    return _tally(docs)
