"""Canonical indicators, read from ``indicators.toml``: ids, names, and the metrics that report them."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    en: str
    names: tuple[str, ...]  # metrics, as the press writes them, that report this indicator


@cache
def _data() -> dict:
    return tomllib.loads((files(__package__) / "indicators.toml").read_text(encoding="utf-8"))


@cache
def indicators() -> dict[str, Indicator]:
    """Every canonical indicator by id, in the order of the data file."""
    return {
        key: Indicator(key, t["name"], t["en"], tuple(t["names"]))
        for key, t in _data().items() if key != "qualifiers"
    }


def indicator_ids() -> tuple[str, ...]:
    return tuple(indicators())


def qualifiers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words that may stand before / after an indicator's name without changing what is measured."""
    q = _data()["qualifiers"]
    return tuple(q["before"]), tuple(q["after"])
