"""The place gazetteer (``places.tsv``) and the words around place names (``places.toml``)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ...text.normalize import fold


@dataclass(frozen=True)
class Place:
    name: str  # as the record writes it: "Hồ Chí Minh", "Việt Nam", "Hoa Kỳ"
    kind: str  # country | province | foreign | region | inside
    spellings: tuple[str, ...]  # case-sensitive, the name itself first (not for ``inside``: only what is inside it)


@cache
def gazetteer() -> tuple[Place, ...]:
    out = []
    for line in (files(__package__) / "places.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        name, kind = cols[0], cols[1]
        more = [s for s in cols[2].split("|") if s] if len(cols) > 2 else []
        out.append(Place(name, kind, tuple(dict.fromkeys(more if kind == "inside" else [name, *more]))))
    return tuple(out)


@cache
def _cues() -> dict:
    return tomllib.loads((files(__package__) / "places.toml").read_text(encoding="utf-8"))


@cache
def place_cues(group: str, name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in _cues()[group][name])


#: The two ways the press puts a tone on "oa", "oe", "uy": "Hoà" / "Hòa", "Thuỷ" / "Thủy".
_TONE_PAIRS = (("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"), ("oè", "òe"), ("oé", "óe"),
               ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"), ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"))


def tone_variants(name: str) -> tuple[str, ...]:
    """``name`` and its spelling with the tone on the other vowel of "oa" / "oe" / "uy" (where it has one)."""
    other = name
    for a, b in _TONE_PAIRS:
        other = other.replace(a, "\0").replace(b, a).replace("\0", b)
    return (name,) if other == name else (name, other)


@cache
def districts() -> dict[str, str]:
    """District name (both tone spellings) → its province, from ``districts.tsv``."""
    out = {}
    for line in (files(__package__) / "districts.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        province, names = line.split("\t")
        for n in names.split("|"):
            for s in tone_variants(n):
                out[s] = province
    return out
