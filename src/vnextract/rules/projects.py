"""Projects own their investment (decision 215).

An analyst labels a project's capital with the project: "Dự án thép Dung Quất
Hòa Phát nằm trên 372 ha … với tổng vốn đầu tư 60.000 tỷ đồng" is "tổng vốn
đầu tư dự án thép Dung Quất Hòa Phát", and "… Nhiệt điện BOT Vân Phong 1 (vốn
đầu tư 2,58 tỷ USD)" is "vốn đầu tư Nhiệt điện BOT Vân Phong 1". The project
is the last one the sentence names before the figure: a "dự án"/"đề án" and
the words of its name up to a verb or a preposition, or a work with a capital
in its name ("nhà máy kính siêu trắng Nam Việt Hưng"); or the name right
before a bracket that holds the figure. A counted project ("42 dự án mới
với tổng vốn đăng ký …", "các dự án") is an aggregate: the sentence names no
one project then. Data: ``lang/vi/subjects.toml`` ``[projects]``.
"""
from __future__ import annotations

from functools import cache

import regex

from ..text.normalize import fold

__all__ = ["project_owned"]

_WORD = r"[\p{L}\p{N}](?:[\p{L}\p{N}&'’]|\.(?=[\p{L}\p{N}]))*+"


def _alt(ws) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"[ \t]++") for w in sorted(ws, key=len, reverse=True))


@cache
def _patterns():
    from .subjects import _raw

    raw = _raw()["projects"]
    def name(*ends):  # a name's words: not a stop, not a number of three digits or more ("công suất 610 …")
        stop = rf"(?:{_alt((*raw['stops'], *ends))})(?![\p{{L}}\p{{N}}])"
        word = rf"(?!{stop})(?!\p{{N}}{{3}})(?!\p{{N}}++[.,]\p{{N}})" + _WORD
        return rf"{word}(?:(?:[ \t]++-[ \t]++|[ \t]++){word}){{0,11}}+"

    # (a project's name may hold a work, "dự án mở rộng nhà máy bia"; a work's name ends at the next one)
    mention = regex.compile(
        rf"(?<![\p{{L}}])(?:(?P<word>{_alt(raw['words'])})(?:[ \t]++(?P<name>{name(*raw['words'])}))?+"
        rf"|(?P<work>{_alt(raw['works'])})(?:[ \t]++(?P<wname>{name(*raw['words'], *raw['works'])}))?+)",
        regex.IGNORECASE)
    heads = rf"(?:{_alt(raw['heads'])})(?:[ \t]++(?:{_alt(raw['tails'])}))?+"
    measure = regex.compile(rf"(?P<head>{heads})(?P<rest>[ \t]++(?:của[ \t]++)?+dự[ \t]++án)?+", regex.IGNORECASE)
    counted = regex.compile(rf"(?:(?<![\p{{L}}])(?:{_alt(raw['counters'])})|\p{{N}})[ \t]++\Z", regex.IGNORECASE)
    generic = frozenset(fold(w) for w in raw["generic"])
    works = frozenset(fold(w) for w in raw["works"])
    not_first = frozenset(fold(w) for w in raw["not_first"])
    locating = regex.compile(rf"(?<![\p{{L}}])(?:{_alt(raw['locating'])})[ \t]++\Z", regex.IGNORECASE)
    words = frozenset(fold(w) for w in raw["words"])
    office = regex.compile(rf"(?<![\p{{L}}])(?:{_alt(raw['offices'])})[ \t]++\Z", regex.IGNORECASE)
    return mention, measure, counted, generic, works, not_first, locating, words, office


#: A proper name right before "(" (after a list's comma, a semicolon, "là"): "… Korea Tech (vốn đầu tư …".
_BRACKETED = regex.compile(
    r"(?:^|[,;:]|(?<![\p{L}])(?:là|và|vào|gồm|như|[Dd]ự[ \t]án|[Đđ]ề[ \t]án))[ \t]*+"
    r"(?P<name>\p{Lu}[^,;:()]{2,80}+)\([ \t]*+\Z")

_INNER = regex.compile(r"(?<![\p{L}])(?:vào|là|gồm|như|[Dd]ự[ \t]án|[Đđ]ề[ \t]án)[ \t]++(?=\p{Lu})")


def project_owned(metric: str, text: str, lo: int, start: int) -> str | None:
    """The metric with its project, when it is a project's investment and ``text[lo:start]`` names one."""
    m = _patterns()[1].fullmatch(metric)
    if m is None:
        return None
    before = text[lo:start]
    bracket = _BRACKETED.search(before[-120:])
    if bracket is not None:
        name = bracket.group("name").rstrip()
        # (the nearest boundary: "SMBC còn đầu tư vào Nhiệt điện BOT Vân Phong 1 (" is "Nhiệt điện …")
        cut = 0
        for inner in _INNER.finditer(name):
            cut = inner.end()
        name = name[cut:]
        if 2 <= len(name.split()) <= 14:
            return f"{m.group('head')} {_strip_project(name)}"
    last = _last(before, before.rfind(";") + 1)  # (a list's items: "…; Dự án B, vốn …")
    if last is None and not m.group("rest"):
        return None
    if last is not None and _patterns()[2].search(before[:last.start()][-16:]):
        return None  # "42 dự án mới với tổng vốn đăng ký …": an aggregate
    word, name = _named(last) if last is not None else ("", None)
    if name is None and (m.group("rest") or last is not None and _ANAPHOR.match(before, last.start())):
        # "Dự án bao gồm 2 tổ máy …, tổng mức đầu tư …", "dự án này …": the project named last before
        paragraph = text.rfind("\n", 0, lo) + 1
        earlier = _last(text, paragraph, lo, named=True) or _last(text, max(0, lo - _BACK), lo, named=True)
        if earlier is None:
            return None
        word, name = _named(earlier)
    if name is None:
        return None
    word = word if fold(word) not in _patterns()[7] or word[:1].islower() else word[:1].lower() + word[1:]
    return f"{m.group('head')} {word} {name}"


#: A project the sentence opens with, or "dự án này": the one named before.
_ANAPHOR = regex.compile(r"(?:(?<=^[ \t\"“]*+)[Dd]ự[ \t]++án(?![ \t]++\p{Lu})|[Dd]ự[ \t]++án[ \t]++(?:này|trên|nói trên)(?![\p{L}]))")

#: How far back a bare "dự án" looks for the project it means (about two paragraphs).
_BACK = 1500


def _last(text: str, pos: int, endpos: int | None = None, named: bool = False):
    """The last project or work ``text[pos:endpos]`` mentions (with a name, when ``named``), not counted."""
    mention, counted, locating = _patterns()[0], _patterns()[2], _patterns()[6]
    last = None
    for found in mention.finditer(text, pos, len(text) if endpos is None else endpos):
        if found.group("work") and (len((found.group("wname") or "").split()) < 2
                                    or locating.search(text, 0, found.start())):
            continue  # (a work named by no name is no mention: "… xây dựng nhà máy với tổng vốn …")
        if named and (_named(found)[1] is None or counted.search(text, max(0, found.start() - 16), found.start())):
            continue
        if _patterns()[8].search(text, max(0, found.start() - 24), found.start()):
            continue  # "Ban Quản lý dự án Điện 2": an office, no project
        last = found
    return last


def _first(text: str, pos: int, endpos: int):
    """The first named project ``text[pos:endpos]`` mentions, not counted."""
    counted = _patterns()[2]
    for found in _patterns()[0].finditer(text, pos, endpos):
        if _named(found)[1] is not None and not counted.search(text, max(0, found.start() - 16), found.start()) \
                and not _patterns()[8].search(text, max(0, found.start() - 24), found.start()):
            return found
    return None


def _named(found) -> tuple[str, str | None]:
    """A mention's project word and its name, None when it names none ("dự án này", "nhà máy sản xuất …")."""
    generic, not_first = _patterns()[3], _patterns()[5]
    word = found.group("word") or found.group("work")
    name = (found.group("name") or found.group("wname") or "").strip()
    folded = fold(name)
    if not name or folded in generic or any(folded == w or folded.startswith(w + " ") for w in not_first) \
            or len(name.split()) < 2 and not found.group("work"):
        return word, None
    if found.group("work") and not regex.search(r"\p{Lu}", name):
        return word, None  # ("… sẽ xây dựng nhà máy kính nổi siêu trắng, vốn …": a work with no proper name)
    return word, name


def _strip_project(name: str) -> str:
    """"Dự án Hồ Tràm Strip" → "dự án Hồ Tràm Strip" (a sentence's capital is no part of the name)."""
    return "dự án" + name[5:] if name.startswith("Dự án") else name
