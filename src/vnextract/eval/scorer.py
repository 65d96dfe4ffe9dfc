"""The scorer: one-to-one matching of predicted and gold records, then field accuracy.

A prediction matches a gold record of the same document when its amount
(value × the scale of its unit, in the same base unit) equals the gold amount
(or, for a gold record without a value, its changes hold the gold record's
first change; with no change either, its plan or share equals the gold one),
and its metric shares at least half of the gold metric's syllables.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

import regex

from ..lang.vi import lexicon
from ..text.normalize import fold

FIELDS = ("changes", "plan_percent", "share_percent", "year", "months", "kind", "bound", "unit")
TOLERANCE = Decimal("0.01")
_SYLLABLE = regex.compile(r"[\p{L}\p{N}]+")


@dataclass
class GoldDoc:
    stem: str
    path: Path
    text: str
    date: str | None
    records: list[dict]


def load_corpus(corpus: Path) -> list[GoldDoc]:
    """Every document of ``corpus`` (``docs/*.txt`` with ``gold/*.json``), by name."""
    docs = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        doc_path = corpus / "docs" / (gold_path.stem + ".txt")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        docs.append(GoldDoc(gold_path.stem, doc_path, doc_path.read_text(encoding="utf-8"), gold.get("date"), gold["records"]))
    return docs


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


def split_unit(unit: str | None) -> tuple[int, str]:
    """``"nghìn tỷ đồng"`` → ``(12, "đồng")``; the base is folded for comparison."""
    if unit is None:
        return 0, ""
    u = " ".join(fold(unicodedata.normalize("NFC", unit)).split())
    for prefix, power in _scale_prefixes():
        if u == prefix or u.startswith(prefix + " "):
            return power, u[len(prefix):].strip() or ("đồng" if power >= 9 else "")
    return 0, u


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


def _same_amount(p: dict, g: dict) -> bool:
    a, b = amount(p.get("value"), p.get("unit")), amount(g.get("value"), g.get("unit"))
    if a is None or b is None or not same_base(a[1], b[1]):
        return False
    if a[1] == "%":
        return abs(a[0] - b[0]) <= TOLERANCE
    return a[0] == b[0]


def _same_change(p: dict, g: dict) -> bool:
    return p.get("direction") == g.get("direction") and all(
        _close(p.get(k), g.get(k)) for k in ("percent", "points", "ratio")
    )


def _change_equal(p: dict, g: dict) -> bool:
    if not _same_change(p, g):
        return False
    if (p.get("amount") is None) != (g.get("amount") is None):
        return False
    if g.get("amount") is not None and not _same_amount({"value": p["amount"], "unit": p.get("unit")},
                                                       {"value": g["amount"], "unit": g.get("unit")}):
        return False
    return _text(p.get("reference")) == _text(g.get("reference")) and p.get("reference_year") == g.get("reference_year")


def _text(s: str | None) -> str | None:
    return None if s is None else " ".join(fold(unicodedata.normalize("NFC", s)).split())


def matches_amount(p: dict, g: dict) -> bool:
    """Rule 1 of the contract: the amount, or for a value-less gold record its first change (or plan, or share)."""
    if g.get("value") is not None:
        return _same_amount(p, g)
    if g.get("changes"):
        first = g["changes"][0]
        return any(_same_change(c, first) for c in p.get("changes") or [])
    if g.get("plan_percent") is not None:
        return _close(p.get("plan_percent"), g["plan_percent"])
    if g.get("share_percent") is not None:
        return _close(p.get("share_percent"), g["share_percent"])
    return False


@cache
def _expansions() -> dict[str, str]:
    lex = lexicon()
    out = {fold(k): v for k, v in lex.abbreviations.items()}
    out.update({fold(k): v for k, v in lex.acronyms.items()})
    return out


def syllables(metric: str) -> set[str]:
    """The metric's syllables: case-folded, NFC, tone placement folded, abbreviations expanded."""
    exp = _expansions()
    out: set[str] = set()
    for s in _SYLLABLE.findall(fold(unicodedata.normalize("NFC", metric))):
        out.update(_SYLLABLE.findall(fold(exp[s])) if s in exp else [s])
    return out


def metric_overlap(p: str, g: str) -> float:
    gs = syllables(g)
    return len(gs & syllables(p)) / len(gs) if gs else 0.0


def field_right(name: str, p: dict, g: dict) -> bool:
    if name == "changes":
        pc, gc = p.get("changes") or [], g.get("changes") or []
        return len(pc) == len(gc) and all(_change_equal(a, b) for a, b in zip(pc, gc))
    if name in ("plan_percent", "share_percent"):
        return _close(p.get(name), g.get(name))
    if name == "months":
        pm, gm = p.get("months"), g.get("months")
        return (tuple(pm) if pm else None) == (tuple(gm) if gm else None)
    if name == "unit":
        if g.get("value") is None:
            return p.get("unit") is None
        return _same_amount(p, g)
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


@dataclass
class Report:
    docs: list[DocScore]
    field_hits: dict[str, int]

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

    def accuracy(self, name: str) -> float:
        return self.field_hits[name] / self.matched if self.matched else 0.0

    def summary(self) -> dict:
        return {
            "documents": len(self.docs),
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {name: round(self.accuracy(name), 4) for name in FIELDS},
        }

    def to_json(self) -> dict:
        out = self.summary()
        out["per_document"] = [
            {"document": d.stem, "gold": d.gold, "predicted": d.predicted, "matched": len(d.matched),
             "misses": d.misses, "spurious": d.spurious,
             "wrong_fields": [{"gold": g, "predicted": p, "fields": f} for p, g, f in d.wrong]}
            for d in self.docs
        ]
        return out


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


def score(predictions: dict[str, list[dict]], gold_docs: list[GoldDoc]) -> Report:
    """Score predicted records (by document stem) against the gold corpus."""
    hits = dict.fromkeys(FIELDS, 0)
    docs = []
    for gd in gold_docs:
        pred = predictions.get(gd.stem, [])
        pairs = match(pred, gd.records)
        ds = DocScore(gd.stem, len(gd.records), len(pred), pairs)
        mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
        ds.misses = [g for j, g in enumerate(gd.records) if j not in mg]
        ds.spurious = [p for i, p in enumerate(pred) if i not in mp]
        for i, j in pairs:
            bad = []
            for name in FIELDS:
                if field_right(name, pred[i], gd.records[j]):
                    hits[name] += 1
                else:
                    bad.append(name)
            if bad:
                ds.wrong.append((pred[i], gd.records[j], bad))
        docs.append(ds)
    return Report(docs, hits)
