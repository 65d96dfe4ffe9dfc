"""Runs every examples.toml beside the code (Duckling style): one generic test for all rule families.

Each file holds tables named after what they check; ``CHECKS`` says how to run
each kind. A new examples file or table needs no new test code, only a checker
for a new kind of table.
"""
from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
import regex

import vnextract
from vnextract.numbers import detect_convention, parse_digits, parse_spelled, scan
from vnextract.rules.indicators import indicator_of
from vnextract.periods import find_mentions
from vnextract.rules.quantities import find_quantities
from vnextract.text import normalize

PACKAGE = Path(vnextract.__file__).parent
FILES = sorted(PACKAGE.rglob("examples.toml"))


def _expect(want, got) -> bool:
    """Compare an expected TOML value ("null" for None, strings for exact numbers) with a result."""
    if want == "null":
        return got is None
    if isinstance(want, str) and isinstance(got, (Decimal, int, float)):
        return Decimal(want) == Decimal(str(got))
    if isinstance(want, list) and isinstance(got, (list, tuple)):
        return len(want) == len(got) and all(_expect(w, g) for w, g in zip(want, got))
    if isinstance(want, dict) and isinstance(got, dict):
        return all(_expect(v, got.get(k)) for k, v in want.items())
    return want == got


def _check_partial(want: list[dict], got: list[dict]) -> None:
    assert len(got) == len(want), f"expected {len(want)} results, got {len(got)}: {got}"
    for i, (w, g) in enumerate(zip(want, got)):
        bad = {k: (v, g.get(k)) for k, v in w.items() if not _expect(v, g.get(k))}
        assert not bad, f"result {i}: field (expected, got): {bad}\nwhole result: {g}"


def check_example(ex):
    conv = ex.get("convention", "comma")
    text = ex["text"]
    got = parse_digits(text, conv) if regex.search(r"\d", text) else parse_spelled(text)
    assert got == (None if ex["value"] == "none" else Decimal(ex["value"]))


def check_scan(ex):
    found = scan(ex["text"], ex.get("convention", "comma"))
    assert [m.value for m in found] == [Decimal(v) for v in ex["values"]]
    if "texts" in ex:
        assert [m.text for m in found] == ex["texts"]
    assert all(ex["text"][m.start:m.end] == m.text for m in found)


def check_detect(ex):
    assert detect_convention(ex["text"]) == ex["convention"]


def check_quantity(ex):
    norm = normalize(ex["text"])
    found = find_quantities(norm.folded, norm.text, ex.get("convention", "comma"))
    _check_partial(ex["found"], [{"value": q.value, "unit": q.unit, "category": q.category, "high": q.high}
                                 for q in found])


def check_period(ex):
    norm = normalize(ex["text"])
    found = find_mentions(norm.folded)
    _check_partial(ex["found"], [{"year": p.year, "months": list(p.months) if p.months else None, "role": p.role}
                                 for p in found])


def check_record(ex):
    got = vnextract.extract(ex["text"], date=ex.get("date")).model_dump()
    _check_partial(ex["records"], got["records"])
    for r in got["records"]:
        ev = r["evidence"]
        assert ex["text"][ev["start"]:ev["end"]] == ev["text"]


def check_dateline(ex):
    got = vnextract.extract(ex["text"])
    assert (str(got.date) if got.date else "null") == ex["date"] and got.date_source == ex.get("source", "text" if ex["date"] != "null" else None)


def check_warning(ex):
    got = vnextract.extract(ex["text"]).warnings
    assert any(ex["contains"] in w for w in got), got


def check_indicator(ex):
    assert len(ex["metrics"]) == len(ex["ids"])
    got = [indicator_of(m, ex.get("place")) for m in ex["metrics"]]  # one place for all, or none
    assert got == [None if i == "null" else i for i in ex["ids"]], list(zip(ex["metrics"], got))


def check_peer_numeral(ex):
    for text in ex["texts"]:
        got = parse_digits(text, "point") if regex.search(r"\d", text) else parse_spelled(text)
        assert got == Decimal(ex["value"]), (text, got)


def check_peer_money(ex):
    from vnextract.eval.scorer import amount

    want = amount(Decimal(ex["value"]), ex["unit"])
    for text in ex["texts"]:
        records = vnextract.extract(f"Giá bán bình quân năm 2023 đạt {text}.").records
        assert len(records) == 1, (text, records)
        r = records[0]
        assert amount(r.value, r.unit) == want, (text, r.value, r.unit)
        assert r.bound == ex.get("bound", "exact"), (text, r.bound)
        if "high" in ex:
            assert amount(r.value_high, r.unit) == amount(Decimal(ex["high"]), ex["unit"]), (text, r.value_high)


CHECKS = {
    "example": check_example,
    "scan": check_scan,
    "detect": check_detect,
    "quantity": check_quantity,
    "period": check_period,
    "record": check_record,
    "indicator": check_indicator,
    "dateline": check_dateline,
    "warning": check_warning,
    "peer_numeral": check_peer_numeral,
    "peer_money": check_peer_money,
}


def _cases():
    for path in FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        rel = path.relative_to(PACKAGE).parent
        for kind, items in data.items():
            if kind not in CHECKS:
                raise AssertionError(f"{path}: no checker for tables named [[{kind}]]")
            for ex in items:
                label = ex.get("name") or ex.get("text", "")[:60] or f"{ex.get('value')} {ex.get('unit', '')}".strip()
                yield pytest.param(kind, ex, id=f"{rel}:{kind}:{label}")


@pytest.mark.parametrize(("kind", "ex"), list(_cases()))
def test_example(kind, ex):
    CHECKS[kind](ex)


def test_every_family_has_examples():
    assert {p.parent.name for p in FILES} >= {"numbers", "rules", "periods", "places"}


def test_the_peer_suites_keep_every_duckling_example():
    """Duckling's VI Numeral (48) and AmountOfMoney (71) corpora: each example is run or listed out of scope with a reason."""
    for path, kind, total in ((PACKAGE / "numbers" / "examples.toml", "peer_numeral", 48),
                              (PACKAGE / "rules" / "examples.toml", "peer_money", 71)):
        suite = tomllib.loads(path.read_text(encoding="utf-8"))[kind]
        run = sum(len(ex["texts"]) for ex in suite)
        out = [o for ex in suite for o in ex.get("out", [])]
        assert run + len(out) == total and all(o["why"] for o in out)
        assert run / total >= 0.85  # in scope and passing: every run example is asserted by test_example
