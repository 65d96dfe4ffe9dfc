"""Normalised amounts: a record's value in its base unit, with what it measures.

``"90.260 tỷ đồng"`` is 90260000000000 đồng (money), ``"1,2 triệu lượt khách"``
1200000 lượt khách (count), ``"45 nghìn đồng/kg"`` 45000 đồng/kg (money/mass).
The scale word (``scales.tsv``: nghìn, triệu, tỷ, nghìn tỷ…) is multiplied out
exactly (``Decimal``); the base unit is the rest of the unit as the record
writes it (no conversion between tấn and kg). The dimension comes from the
data: the category of the unit in ``units.tsv`` (money, percent, count), or
``dimensions.tsv`` for a measure (mass, area, energy, points…); a counted noun
that no list knows is a count, as the extractor reads it. A rate ("đồng/kg",
"%/năm") has the dimensions of its parts joined by "/" ("money/mass",
"percent/time"). A unit whose parts are not all known gives no amount.
"""
from __future__ import annotations

import unicodedata
from decimal import Decimal
from functools import cache

import regex

from .lang.vi import _rows, lexicon
from .schema import Amount
from .text.normalize import fold

__all__ = ["amount_of", "dimension_of", "split_scale"]

#: A counted noun the extractor takes as its unit ("46 nhà hàng"): a few words of letters.
_NOUN = regex.compile(r"\p{L}+(?: \p{L}+){0,3}")


@cache
def _scales() -> tuple[tuple[str, int], ...]:
    """Scale words as records write them, longest first: ("nghìn tỷ", 12), ("tỷ", 9)…"""
    names = {s.name: s.power for s in lexicon().scales.values()}
    return tuple(sorted(names.items(), key=lambda kv: len(kv[0]), reverse=True))


@cache
def _dimensions() -> dict[str, str]:
    """Folded unit → dimension: the categories of ``units.tsv``, then ``dimensions.tsv`` over them."""
    out = {fold(u.unit): u.category for u in lexicon().units.values() if u.category != "measure"}
    out.update({fold(r[0]): r[1] for r in _rows("dimensions.tsv")})
    return out


def split_scale(unit: str) -> tuple[int, str]:
    """``"nghìn tỷ đồng"`` → ``(12, "đồng")``; ``"đồng/kg"`` → ``(0, "đồng/kg")``."""
    u = " ".join(unicodedata.normalize("NFC", unit).split())
    for name, power in _scales():
        if u.startswith(name + " "):
            return power, u[len(name) + 1:]
    return 0, u


def _part(word: str) -> str | None:
    known = _dimensions().get(fold(word))
    if known is not None:
        return known
    return "count" if _NOUN.fullmatch(word) else None


def dimension_of(base: str) -> str | None:
    """What a base unit measures: ``"USD"`` → money, ``"tạ/ha"`` → mass/area; None when a part is unknown."""
    parts = [_part(p.strip()) for p in base.split("/")]
    if not parts or None in parts:
        return None
    return "/".join(parts)  # type: ignore[arg-type]


def amount_of(value: Decimal | None, unit: str | None, high: Decimal | None = None) -> Amount | None:
    """The normalised amount of a value (and the high end of its range) in ``unit``; None when either is missing
    or the unit is not one the data knows."""
    if value is None or unit is None:
        return None
    power, base = split_scale(unit)
    dimension = dimension_of(base)
    if dimension is None:
        return None
    return Amount(value=value.scaleb(power), high=None if high is None else high.scaleb(power),
                  unit=base, dimension=dimension)
