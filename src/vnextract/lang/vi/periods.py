"""Period cue words, read from ``periods.toml``: what the words before a date or period make of it."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files

from ...text.normalize import fold


@cache
def _data() -> dict:
    return tomllib.loads((files(__package__) / "periods.toml").read_text(encoding="utf-8"))


def period_cues(group: str, name: str) -> tuple[str, ...]:
    """A cue list of ``periods.toml`` (``[group] name = [...]``), folded."""
    return tuple(fold(w) for w in _data()[group][name])


def event_window() -> int:
    return int(_data()["event"]["window"])


def document_words(name: str) -> tuple[str, ...]:
    """A word list of ``periods.toml``'s ``[document]`` table, folded."""
    return tuple(fold(w) for w in _data()["document"][name])


def lunar_years() -> str:
    """A pattern for a lunar year's name ("đinh dậu", "giáp thìn"): a stem and a branch of ``[holiday]``, folded."""
    stems, branches = (sorted(period_cues("holiday", k), key=len, reverse=True) for k in ("stems", "branches"))
    return rf"(?:{'|'.join(stems)})[ \t]++(?:{'|'.join(branches)})(?![\p{{L}}\p{{N}}])"


def crop_seasons() -> str:
    """A pattern for a crop season's name after "vụ" ("đông xuân", "hè thu", "mùa": ``periods.toml [crop]``), folded."""
    names = sorted(period_cues("crop", "seasons"), key=len, reverse=True)
    return "(?:" + "|".join(n.replace(" ", r"[ \t]*+[-–]?[ \t]*+") for n in names) + r")(?![\p{L}\p{N}])"
