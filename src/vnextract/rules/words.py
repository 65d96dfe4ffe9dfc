"""Whole-word look-ups of cue lists in folded text.

Cue lists come from ``lang/vi/cues.toml``; every search here is bounded by a
window or an anchor, so no input makes a pattern scan far.
"""
from __future__ import annotations

from functools import cache, cached_property

import regex

from ..text.serial import SERIAL

_NOT_WORD = r"(?<![\p{L}\p{N}])"
_LEADING = regex.compile(r"[\p{L}\p{N}]++")
_END_WORD = r"(?![\p{L}\p{N}])"
WINDOW = 60
#: Lists with at most this many leading words are looked for word by word before ``search`` tries the pattern.
_PROBES = 8
#: Lists with at most this many cues are scanned with their pattern alone (``WordSet.scan``).
_SHORT_SCAN = 20


def alternation(words: tuple[str, ...]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def trie_alternation(words: tuple[str, ...], reverse: bool = False, space: str = r"\s+") -> str:
    """``alternation(words)`` written as a trie ("so(?:\\s+với)?|…"): the same matches, found sooner.

    The alternation tries its words one after another, longest first, so a
    look-up at one position costs a comparison per word; the trie compares each
    character once. Both find the same in a pattern without case flags: the words
    that match at a position are prefixes of one another, and both try them
    longest first (the trie goes as deep as it can, then backs off), each with
    what follows in the pattern. ``reverse`` writes the trie of the words' ends
    ("(?:so\\s+)?với"), for a ``(?r)`` pattern, which matches right to left: there the
    words that match are suffixes of one another, again tried longest first. Only
    for lists whose words are not empty and hold no whitespace but single spaces
    (each one ``space``: ``\\s+``, as in ``alternation``); others get the alternation, longest first, each
    space ``space`` as well.
    """
    ws = set(words)
    if not ws or any(not w or "  " in w or any(c.isspace() and c != " " for c in w) for w in ws):
        return "|".join(regex.escape(w).replace(r"\ ", space) for w in sorted(ws, key=len, reverse=True))
    root: dict = {}
    for w in ws:
        node = root
        for ch in (reversed(w) if reverse else w):
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        branches = []
        for ch, child in sorted(node.items()):
            if ch:
                c = space if ch == " " else regex.escape(ch)
                branches.append(emit(child) + c if reverse else c + emit(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


class WordSet:
    """A cue list that can be looked up right before or right after a position."""

    def __init__(self, words: tuple[str, ...]):
        self.words = tuple(words)
        #: Every cue's last word: a cue can end at a position only where one of these does.
        lasts = {w.split(" ")[-1] for w in self.words}
        self._last = () if "" in lasts else tuple(lasts)  # () : no short cut
        #: The last words by their last character: only those can end where the text has that character.
        by_end: dict[str, list[str]] = {}
        for w in self._last:
            by_end.setdefault(w[-1], []).append(w)
        self._last_by_end = {c: tuple(ws) for c, ws in by_end.items()}
        #: Every cue's leading letters and digits: a cue can start only at a word that is one of these
        #: (its pattern wants no letter or digit before it, and after them a space, a sign or the end).
        firsts = {m.group() if (m := _LEADING.match(w)) else None for w in self.words}
        self._first = None if None in firsts or not firsts else frozenset(firsts)  # None: no short cut
        #: A short list's leading words, each looked for with ``str.find`` before the pattern is searched:
        #: a match starts with one of them, so where none is the pattern finds nothing.
        self._probes = tuple(sorted(self._first)) if self._first is not None and len(self._first) <= _PROBES else None

    # Each pattern is compiled on first use: compiling a long alternation costs more than many
    # look-ups, and most cue lists are only ever looked up one way.
    @cached_property
    def _alt(self) -> str:
        return alternation(self.words)

    @cached_property
    def _trie(self) -> str:
        return trie_alternation(self.words)

    @cached_property
    def _after(self) -> regex.Pattern:
        return regex.compile(rf"[ \t]*+({self._trie}){_END_WORD}")

    @cached_property
    def _before(self) -> regex.Pattern:
        # Searched backwards from the position (``(?r)``): a forward search tries the alternation at every
        # start in the window, most of them far from any cue. Every match ends at the position (after
        # spaces), so the leftmost one is the one with the most words, which is also the first cue the
        # alternation (longest first) finds ending there: the same span either way. The trie of the cues'
        # ends tries them longest first too (``trie_alternation``). (Only for cues without spaces at their
        # edges, which every list has; tests/rules/test_words.py compares the two.)
        if all(w == w.strip() for w in self.words):
            return regex.compile(rf"(?r){_NOT_WORD}({trie_alternation(self.words, reverse=True)})[ \t]*+\Z")
        return regex.compile(rf"{_NOT_WORD}({self._alt})[ \t]*+\Z")

    @cached_property
    def _any(self) -> regex.Pattern:
        return regex.compile(rf"{_NOT_WORD}(?:{self._trie}){_END_WORD}")

    @cached_property
    def _starts(self) -> dict[str, tuple[tuple[str, ...], ...]] | None:
        """The cues as word tuples by their leading letters and digits (``_first``), longest first: what
        ``after`` compares left to right. None where ``_ends`` is, or a cue starts with a sign."""
        if self._first is None or self._ends is None:
            return None
        out: dict[str, list[tuple[str, ...]]] = {}
        for w in sorted(set(self.words), key=len, reverse=True):
            out.setdefault(_LEADING.match(w).group(), []).append(tuple(w.split(" ")))
        return {k: tuple(v) for k, v in out.items()}

    def after(self, folded: str, pos: int, end: int | None = None) -> tuple[int, int] | None:
        """The cue starting at ``pos`` (after spaces): its (start, end), else None.

        What ``_after`` matches, found by comparing the cues that start with the word there, longest first
        (``_longest``): no pattern is compiled or matched.
        """
        end = len(folded) if end is None else end
        starts = self._starts
        if starts is None:
            m = self._after.match(folded, pos, end)
            return m.span(1) if m else None
        while pos < end and folded[pos] in " \t":
            pos += 1
        run = _LEADING.match(folded, pos, end, SERIAL)
        cues = starts.get(run.group()) if run is not None else None
        if cues is None:
            return None
        e = _longest(cues, folded, pos, end)
        return (pos, e) if e >= 0 else None

    @cached_property
    def _ends(self) -> tuple[dict, dict] | None:
        """The cues by the last two characters of their last word, and those whose last word is one
        character by it, each as (length, words), longest first: what ``before`` compares right to left.
        None when a cue is empty or holds other whitespace than single spaces inside it (then its pattern
        is searched)."""
        if not all(w and w == w.strip() and "  " not in w and not any(c.isspace() and c != " " for c in w)
                   for w in self.words):
            return None
        two: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        one: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for w in sorted(set(self.words), key=len, reverse=True):
            ws = tuple(w.split(" "))
            (two.setdefault(ws[-1][-2:], []) if len(ws[-1]) > 1 else one.setdefault(ws[-1], [])).append((len(w), ws))
        return {k: tuple(v) for k, v in two.items()}, {k: tuple(v) for k, v in one.items()}

    def before(self, folded: str, pos: int, start: int = 0) -> tuple[int, int] | None:
        """The cue ending at ``pos`` (before spaces): its (start, end), else None.

        What ``_before`` finds, found by comparing the cues that end with the text's last characters,
        longest first, word by word right to left (any run of whitespace between two words, as the
        pattern's ``\\s+``; no letter or digit before the first): no pattern is compiled or searched.
        """
        lo = pos - WINDOW
        if lo < start:
            lo = start
        end = pos
        while end > lo and folded[end - 1] in " \t":
            end -= 1
        ends = self._ends
        if ends is None:
            return self._searched_before(folded, lo, pos, end)
        if end == lo:
            return None
        cues = ends[0].get(folded[end - 2:end], ()) if end - 2 >= lo else ()
        single = ends[1].get(folded[end - 1])
        if single is not None:
            cues = sorted(cues + single, reverse=True) if cues else single  # (rare: both kinds end here)
        for _, cue in cues:
            q, k = end, len(cue) - 1
            while True:
                a = q - len(cue[k])
                if a < lo or not folded.startswith(cue[k], a, q):
                    break
                q = a
                if k == 0:
                    if q == 0 or not word_char(folded[q - 1]):
                        return q, end
                    break
                while q > lo and space_char(folded[q - 1]):
                    q -= 1
                if q == a:
                    break  # no space between two words
                k -= 1
        return None

    def _searched_before(self, folded: str, lo: int, pos: int, end: int) -> tuple[int, int] | None:
        if self._last:
            # the regex would try every start in the window to find the same; a last word that ends
            # here ends with the character here (and none fits in an empty stretch)
            lasts = self._last_by_end.get(folded[end - 1]) if end > lo else None
            if lasts is None or not folded.endswith(lasts, lo, end):
                return None
        m = self._before.search(folded, lo, pos)
        return m.span(1) if m else None

    def _absent(self, folded: str, start: int, end: int) -> bool:
        """True when no leading word of a short list is in ``folded[start:end]``: then no cue is either."""
        if self._probes is None:
            return False
        for w in self._probes:  # (a plain loop: a few scans in C, cheaper than the pattern tried at every position)
            if folded.find(w, start, end) >= 0:
                return False
        return True

    def may_occur(self, folded: str, start: int, end: int) -> bool:
        """False only where no cue can be in ``folded[start:end]`` (a short list's leading words are all absent)."""
        return not self._absent(folded, start, end)

    def ending(self, folded: str) -> tuple[int, int] | None:
        """The cue that ends ``folded`` (past trailing spaces): its (start, end), else None."""
        span = self.before(folded, len(folded))
        return span if span is not None and span[1] == len(folded.rstrip()) else None

    def run_start(self, folded: str, pos: int) -> int:
        """Where the run of cues ending at ``pos`` starts ("đã sắp chạm" before "mốc"); ``pos`` when none does."""
        while (span := self.before(folded, pos)) is not None:
            pos = span[0]
        return pos

    def finditer(self, folded: str, start: int = 0, end: int | None = None):
        end = len(folded) if end is None else end
        return iter(()) if self._absent(folded, start, end) else self._any.finditer(folded, start, end)

    def search(self, folded: str, start: int = 0, end: int | None = None):
        end = len(folded) if end is None else end
        return None if self._absent(folded, start, end) else self._any.search(folded, start, end, SERIAL)

    @cached_property
    def _firsts(self) -> regex.Pattern:
        """The cues' leading words (``_first``) as whole words: where ``scan`` tries the pattern."""
        return regex.compile(rf"{_NOT_WORD}(?:{trie_alternation(tuple(self._first))}){_END_WORD}")

    def scan(self, folded: str, start: int = 0, end: int | None = None):
        """``finditer``'s matches, the pattern tried only at the words a cue can start with.

        The words are found by the trie of the cues' leading words (a match of the pattern starts
        at a whole word that is one of them): a third faster than the pattern tried at every position
        for a list of sixty cues, a fifth for three hundred. A list of at most ``_SHORT_SCAN`` cues
        is searched with the pattern itself, three times faster there.
        """
        end = len(folded) if end is None else end
        if self._first is None or len(self.words) <= _SHORT_SCAN:
            return self._any.finditer(folded, start, end)
        return anchored_at((m.start() for m in self._firsts.finditer(folded, start, end)), self._any, folded, start, end)


def _longest(cues: tuple[tuple[str, ...], ...], folded: str, pos: int, end: int) -> int:
    """Where the first of ``cues`` (word tuples, longest first) that starts at ``pos`` ends, else -1.

    As the cue pattern reads: the words in turn, any run of whitespace between two (``\\s+``), no letter or
    digit right after the last one inside ``folded[:end]`` (a lookahead does not see past the end).
    """
    for cue in cues:
        p, k, n = pos, 0, len(cue)
        while True:
            w = cue[k]
            b = p + len(w)
            if b > end or not folded.startswith(w, p):
                break
            p, k = b, k + 1
            if k == n:
                if p == end or not word_char(folded[p]):
                    return p
                break
            q = p
            while p < end and space_char(folded[p]):
                p += 1
            if p == q:
                break  # no space between two words
    return -1


#: What ends a clause for the look-back of the period and place rules.
_CLAUSE_STOP = regex.compile(r"[,;:()\n.!?]")


def clause_from(folded: str, lo: int, pos: int) -> int:
    """Start of the clause holding ``pos``, looking back no further than ``lo``: after the last stop."""
    c0 = lo
    for stop in _CLAUSE_STOP.finditer(folded, lo, pos):
        c0 = stop.end()
    return c0


def clause_stops(folded: str, lo: int, hi: int) -> list[int]:
    """Every position after a clause stop in ``folded[lo:hi]``: the starts ``clause_from`` can give, found once."""
    return [stop.end() for stop in _CLAUSE_STOP.finditer(folded, lo, hi)]


def anchored_at(starts, pattern, text: str, start: int, end: int):
    """``pattern``'s matches in ``text[start:end]``, tried only at ``starts`` (ascending, from ``start``).

    A large alternation is tried at every position by ``finditer``; trying it
    only where one of its first words starts makes it about twice as fast.
    """
    pos = start
    for a in starts:
        if a < pos:
            continue  # inside the last match
        m = pattern.match(text, a, end, SERIAL)
        if m is not None:
            pos = m.end()
            yield m


_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
_SPACE_CHAR = regex.compile(r"\s")


@cache
def word_char(ch: str) -> bool:
    """Whether ``ch`` is a letter or digit as the patterns' classes see it.

    (regex's Unicode tables are newer than ``str.isalnum``'s: the same answer needs the regex.)
    """
    return _WORD_CHAR.match(ch) is not None


@cache
def space_char(ch: str) -> bool:
    """Whether ``ch`` is whitespace as the patterns' ``\\s`` sees it (not always ``str.isspace``'s answer)."""
    return _SPACE_CHAR.match(ch) is not None


@cache
def words(group: str, name: str) -> WordSet:
    from ..lang.vi import lexicon

    return WordSet(lexicon().cue(group, name))


@cache
def word_set(group: str, name: str) -> frozenset[str]:
    """A cue list as a set, for plain membership tests ("is this syllable one of them?")."""
    return frozenset(words(group, name).words)


def kept_whole(first: str, second: str) -> bool:
    """Whether two folded syllables make a word kept whole ("chứng chỉ", "nước ngoài"): the second is no cue there."""
    return f"{first} {second}" in word_set("metric", "keep_whole")


_PREV_SYLLABLE = regex.compile(r"(?<![\p{L}])(\p{L}++)[ \t]++\Z")


def inside_kept_word(folded: str, start: int, lo: int = 0) -> bool:
    """Whether a cue starting at ``start`` is the second syllable of a word kept whole ("nước ngoài",
    "phát hiện"): the syllable before it (not before ``lo``) and its first make that word."""
    prev = _PREV_SYLLABLE.search(folded, max(lo, start - 12), start)
    return prev is not None and kept_whole(prev.group(1), folded[start:].split(" ", 1)[0])
