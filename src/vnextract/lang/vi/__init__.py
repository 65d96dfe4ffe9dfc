"""Vietnamese language data: units, scales, cue words, abbreviations, typos.

The data lives in the files beside this module; code only reads it. Add a unit
to ``units.tsv``, a cue word to ``cues.toml``, a shorthand to
``abbreviations.tsv``: no code changes.
"""
from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import regex

from ...text.normalize import fold


@dataclass(frozen=True)
class Unit:
    unit: str
    category: str  # money | percent | measure | count


@dataclass(frozen=True)
class Scale:
    name: str
    power: int


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, Unit]
    scales: dict[str, Scale]
    #: What may follow a unit after "/": surface (folded) → as output ("cp" → "cổ phiếu").
    denominators: dict[str, str]
    abbreviations: dict[str, str]
    acronyms: dict[str, str]
    typos: dict[str, str]
    cues: dict[str, dict[str, tuple[str, ...]]]
    #: Currencies written before their number ("USD 2,5 tỷ", "$10"): surface (case-sensitive) → unit.
    currency_prefixes: dict[str, str]

    def cue(self, group: str, name: str) -> tuple[str, ...]:
        return self.cues[group][name]


def _rows(name: str) -> list[list[str]]:
    text = (files(__name__) / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


@cache
def lexicon() -> Lexicon:
    """The Vietnamese lexicon, read once per process. Keys are folded (see ``fold``)."""
    units = {fold(r[0]): Unit(r[1], r[2]) for r in _rows("units.tsv")}
    scales = {fold(r[0]): Scale(r[1], int(r[2])) for r in _rows("scales.tsv")}
    denominators = {fold(r[0]): (r[1] if len(r) > 1 else fold(r[0])) for r in _rows("denominators.tsv")}
    abbreviations = {r[0]: r[1] for r in _rows("abbreviations.tsv")}
    acronyms = {r[0]: r[1] for r in _rows("acronyms.tsv")}
    typos = {fold(r[0]): r[1] for r in _rows("typos.tsv")}
    raw = tomllib.loads((files(__name__) / "cues.toml").read_text(encoding="utf-8"))
    cues = {
        group: {name: tuple(fold(w) for w in words) for name, words in table.items()}
        for group, table in raw.items()
    }
    currency_prefixes = {r[0]: r[1] for r in _rows("currency_prefixes.tsv")}
    return Lexicon(units, scales, denominators, abbreviations, acronyms, typos, cues, currency_prefixes)


_WORD = regex.compile(r"[\p{L}\p{N}]+")


@cache
def _expansions() -> dict[str, tuple[str, ...]]:
    lex = lexicon()
    out = {fold(k): tuple(_WORD.findall(fold(v))) for k, v in lex.abbreviations.items()}
    out.update({fold(k): tuple(_WORD.findall(fold(v))) for k, v in lex.acronyms.items()})
    return out


def metric_words(metric: str) -> tuple[str, ...]:
    """A metric's words for comparison: NFC, folded, shorthand and acronyms expanded, punctuation gone.

    An acronym written right after (part of) its expansion counts once: "chỉ số
    sản xuất công nghiệp (IIP)" and "chỉ số IIP" give the words of "chỉ số sản
    xuất công nghiệp".
    """
    return tuple(w for w, _, _ in metric_tokens(metric))


def metric_tokens(metric: str) -> tuple[tuple[str, str, int], ...]:
    """``metric_words`` with, for each word, the word as written (an expansion's words share their
    abbreviation) and its offset in the NFC metric: for rules that need case or punctuation."""
    exp = _expansions()
    text = unicodedata.normalize("NFC", metric)
    out: list[tuple[str, str, int]] = []
    for m in _WORD.finditer(fold(text)):
        w, raw = m.group(), text[m.start():m.end()]
        long_ = exp.get(w)
        if long_ is None:
            out.append((w, raw, m.start()))
            continue
        for k in range(min(len(long_), len(out)), 0, -1):
            if tuple(t[0] for t in out[-k:]) == long_[:k]:
                del out[-k:]  # the words before the acronym are (the start of) its expansion
                break
        out.extend((x, raw, m.start()) for x in long_)
    return tuple(out)
