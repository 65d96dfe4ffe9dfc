"""Canonical indicators, read from ``indicators.toml``: ids, names, and the metrics that report them."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

#: Tables of indicators.toml that are not indicators.
_SETTINGS = ("qualifiers", "shorthand", "spellings", "cuts", "owners", "places")


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    en: str
    names: tuple[str, ...]  # metrics, as the press writes them, that report this indicator
    before: tuple[str, ...] = ()  # qualifiers that may stand before a name of this indicator only
    after: tuple[str, ...] = ()  # … and after it
    open: bool = False  # a metric that begins with a name is the indicator, whatever follows
    owned: tuple[str, ...] = ()  # metric beginnings that are the indicator when a company owns them
    national: str | None = None  # the id of the same measure for the whole country (grdp → gdp)
    company: bool = False  # a company's own figure ("doanh thu của PAN"); other ids are never a company's
    parts: tuple[str, ...] = ()  # words after an open or owned name that make the metric a part of it
    territorial: bool = False  # a territory's figure only: with no place, the record is a bank's own (decision 35)


@cache
def _data() -> dict:
    return tomllib.loads((files(__package__) / "indicators.toml").read_text(encoding="utf-8"))


@cache
def indicators() -> dict[str, Indicator]:
    """Every canonical indicator by id, in the order of the data file."""
    return {
        key: Indicator(key, t["name"], t["en"], tuple(t["names"]), tuple(t.get("before", ())),
                       tuple(t.get("after", ())), bool(t.get("open", False)), tuple(t.get("owned", ())),
                       t.get("national"), bool(t.get("company", False)), tuple(t.get("parts", ())),
                       bool(t.get("territorial", False)))
        for key, t in _data().items() if key not in _SETTINGS
    }


def indicator_ids() -> tuple[str, ...]:
    return tuple(indicators())


def qualifiers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words that may stand before / after an indicator's name without changing what is measured."""
    q = _data()["qualifiers"]
    return tuple(q["before"]), tuple(q["after"])


def shorthand() -> dict[str, str]:
    """Shorthand that names an indicator ("KNXK"), with its expansion."""
    return dict(_data()["shorthand"])


def spellings() -> dict[str, str]:
    """Syllables spelt two ways ("tỉ lệ" / "tỷ lệ"), with the spelling the names use."""
    return dict(_data()["spellings"])


def place_words() -> dict[str, tuple[str, ...]]:
    """``link`` and ``admin`` words that may join a province or the country to the end of a name; ``territory``
    words that make a figure a territory's when the record has no place."""
    return {k: tuple(v) for k, v in _data()["places"].items()}


def cuts() -> dict[str, tuple[str, ...]]:
    """Words around a name in a metric that still holds clause material (see rules/indicators.py)."""
    return {k: tuple(v) for k, v in _data()["cuts"].items()}


def owner_words() -> dict[str, tuple[str, ...]]:
    """``words`` that begin a company's name after "của" ("của Công ty …") and ``not``: words that begin none."""
    return {k: tuple(v) for k, v in _data()["owners"].items()}
