"""Offset-preserving normalisation.

Rules read a cleaned copy of the input (NFC, ``Ð`` → ``Đ``, zero-width
characters and soft hyphens dropped, CR line ends as ``\\n``, dropped-diacritic
typos fixed) and a folded copy of that for look-ups (lower case, odd spaces as
plain spaces, one tone placement). No-break spaces stay in the cleaned copy:
the number parser reads "1 234" with a no-break space as one number. Every character of the copy remembers where
it came from, so any span found in the copy maps back to the caller's string.
"""
from __future__ import annotations

import functools
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .serial import SERIAL

_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t\x0b\x0c"), " ")
_ODD_SPACE = regex.compile("[" + "".join(map(chr, _SPACES)) + "]")
_ODD_SPACES = "".join(map(chr, _SPACES))
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
#: Look-alikes read as the character the rules know: "Ð" (eth) is "Đ"; "⁄" (fraction slash) in dates is "/".
_LETTERS = {"\u00d0": "Đ", "\u00f0": "đ", "\u0110": "Đ", "\u0111": "đ", "\u2044": "/"}


class _Identity:
    """The offset map of a text that normalisation left as it was: every index maps to itself."""

    __slots__ = ("n",)

    def __init__(self, n: int):
        self.n = n

    def __len__(self) -> int:
        return self.n + 1

    def __getitem__(self, i):
        if isinstance(i, slice):
            return range(*i.indices(self.n + 1))
        if not -self.n - 1 <= i <= self.n:
            raise IndexError(i)
        return i % (self.n + 1)


@dataclass(frozen=True)
class NormText:
    """A normalised copy of ``original`` with a map back to it."""

    original: str
    text: str
    #: ``starts[i]`` is the offset in ``original`` where ``text[i]`` came from;
    #: ``starts[len(text)] == len(original)``.
    starts: array | _Identity = field(repr=False)
    #: Lower-cased, tone-placement-folded copy of ``text`` (same length), for look-ups.
    folded: str = field(repr=False)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to the offsets of the same stretch in ``original``."""
        if end <= start:
            o = self.starts[start]
            return o, o
        return self.starts[start], self._end(end)

    def _end(self, end: int) -> int:
        # The original stretch ends where the last character's source ends.
        last = self.starts[end - 1]
        nxt = self.starts[end]
        return nxt if nxt > last else last + 1


#: Characters ``_clean`` changes or drops.
_NEEDS_WORK = "\r\u00d0\u00f0\u2044\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Past this length a text is searched for a set of characters or short strings one ``in`` per item (each a
#: fast scan in C) rather than with a pattern tried at every position: the same answer, sooner.
_LONG = 200


def per_text(fn):
    """``fn(text)`` kept for the last text it was asked about (by identity): the rules ask about one document
    many times in turn. The text and its answer are swapped as one pair, so threads can only cost a recompute."""
    last: list = [(None, None)]

    @functools.wraps(fn)
    def for_text(text: str):
        seen, answer = last[0]
        if seen is not text:
            answer = fn(text)
            last[0] = (text, answer)
        return answer

    return for_text


def holds_any(text: str, parts) -> bool:
    """Whether ``text`` holds one of ``parts`` (characters or strings), each looked for with ``in``."""
    for c in parts:  # (a plain loop: a generator costs more than the look-ups themselves on a short text)
        if c in text:
            return True
    return False


def _holds_any(text: str, parts, pattern: regex.Pattern | None = None) -> bool:
    """``holds_any``; ``pattern``, the same search, is asked instead on a short text."""
    if pattern is not None and len(text) <= _LONG:
        return pattern.search(text, 0, None, SERIAL) is not None
    return holds_any(text, parts)


def normalize(original: str, typos: dict[str, str] | None = None) -> NormText:
    """Clean ``original`` for the rules, keeping a map back to it."""
    if unicodedata.is_normalized("NFC", original) and not _holds_any(original, _NEEDS_WORK):
        # The common case: nothing to change but typos; every offset maps to itself.
        text, starts = original, _Identity(len(original))
    else:
        text, starts = _clean(original)
    folded = fold(text)
    if typos:
        fixed, starts = _fix_typos(text, starts, typos, folded)
        if fixed is not text:
            text, folded = fixed, fold(fixed)
    return NormText(original, text, starts, folded)


#: A stretch ``_clean`` leaves as it is when it is NFC: no character it changes or drops, and no mark (every
#: character with a combining class is one, ``tests/text/test_normalize.py`` checks), so each of its
#: characters is a cluster of its own, unchanged.
_PLAIN = regex.compile("[^" + "".join(f"\\u{ord(c):04x}" for c in _NEEDS_WORK) + r"\p{M}]{16,4096}+")


def _clean(original: str) -> tuple[str, array]:
    """The cleaned text and its offset map: long NFC stretches copied whole, the rest a cluster at a time."""
    out: list[str] = []
    starts = array("l")
    pos, n = 0, len(original)
    for run in _PLAIN.finditer(original):
        a, b = run.span()
        if b < n and unicodedata.combining(original[b]):
            b -= 1  # the last character's cluster goes on with the mark after it
        if not unicodedata.is_normalized("NFC", original[a:b]):
            continue
        _clean_clusters(original, pos, a, out, starts)
        out.append(original[a:b])
        starts.extend(range(a, b))
        pos = b
    _clean_clusters(original, pos, n, out, starts)
    starts.append(n)
    return "".join(out), starts


def _clean_clusters(original: str, i: int, end: int, out: list[str], starts: array) -> None:
    """``original[i:end]`` cleaned a character, or a starter with its marks, at a time (``end`` starts a cluster)."""
    n = len(original)
    while i < end:
        ch = original[i]
        if ch in _DROP:
            i += 1
            continue
        if ch == "\r":
            if i + 1 < n and original[i + 1] == "\n":
                i += 1
                continue
            out.append("\n")
            starts.append(i)
            i += 1
            continue
        # A starter with its combining marks is composed as one cluster.
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        cluster = original[i:j]
        if j - i > 1 or not cluster.isascii():
            cluster = unicodedata.normalize("NFC", cluster)
            cluster = "".join(_LETTERS.get(c, c) for c in cluster)
        for c in cluster:
            out.append(c)
            starts.append(i)
        i = j


def _fix_typos(text: str, starts, typos: dict[str, str], folded: str) -> tuple[str, array]:
    pattern = _typo_pattern(tuple(sorted(typos, key=len, reverse=True)))
    if pattern is None or not _holds_any(folded, typos):
        return text, starts  # the usual case, found by plain substring search
    out: list[str] = []
    new = array("l")
    pos = 0
    for m in pattern.finditer(folded):
        s, e = m.span()
        out.append(text[pos:s])
        new.extend(starts[pos:s])
        fixed = _match_case(text[s:e], typos[m.group()])
        out.append(fixed)
        # Each corrected character points at its counterpart, or at the last one.
        for k in range(len(fixed)):
            new.append(starts[min(s + k, e - 1)])
        pos = e
    if pos == 0:
        return text, starts
    out.append(text[pos:])
    new.extend(starts[pos:])
    return "".join(out), new


@lru_cache(maxsize=8)
def _typo_pattern(keys: tuple[str, ...]):
    if not keys:
        return None
    alts = "|".join(regex.escape(k) for k in keys)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alts})(?![\p{{L}}\p{{N}}])")


def _match_case(written: str, fixed: str) -> str:
    return fixed[:1].upper() + fixed[1:] if written[:1].isupper() else fixed


# Tone placement: "hoà" and "hòa", "thuỷ" and "thủy" are the same word.
# Both spellings fold to the tone on the first vowel of oa/oe/uy at a syllable's end.
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _build_tone_table() -> dict[str, str]:
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in _TONES:
            table[first + unicodedata.normalize("NFC", second + mark)] = (
                unicodedata.normalize("NFC", first + mark) + second
            )
    return table


_TONE_TABLE = _build_tone_table()


def _tone_pattern(table: dict[str, str]) -> regex.Pattern:
    """The spellings of ``table`` (a vowel, then one toned vowel) as a class per first vowel: the same
    matches as their alternation, found sooner. In "quý" the u belongs to the consonant "qu": there is
    nothing to fold."""
    seconds: dict[str, set[str]] = {}
    for key in table:
        first, second = key  # (two characters each: NFC composes the mark onto the second vowel)
        seconds.setdefault(first, set()).add(second)
    alts = "|".join(f"{regex.escape(f)}[{''.join(sorted(v))}]" for f, v in sorted(seconds.items()))
    return regex.compile(rf"(?<!q)({alts})(?!\p{{L}})")


_TONE_RE = _tone_pattern(_TONE_TABLE)
#: What ``_TONE_RE`` matches is one of these (its classes are built from them): where none is, it finds nothing.
_TONE_KEYS = tuple(_TONE_TABLE)


#: A phrase this short is folded once: the metric rules fold the same metric many times.
_FOLD_CACHED = 120


def fold(text: str) -> str:
    """Lower-case, fold odd spaces and tone placement, keeping the length of ``text``."""
    return _fold_phrase(text) if len(text) <= _FOLD_CACHED else _fold(text)


@lru_cache(maxsize=8192)
def _fold_phrase(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    low = text.lower()
    if _holds_any(low, _ODD_SPACES, _ODD_SPACE):
        low = low.translate(_SPACES)
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text).translate(_SPACES)
    if len(low) > _LONG and not holds_any(low, _TONE_KEYS):
        return low  # (a document: it seldom spells a tone the old way; each spelling looked for with ``in``)
    return _TONE_RE.sub(lambda m: _TONE_TABLE[m.group(1)], low, 0, None, None, SERIAL)
