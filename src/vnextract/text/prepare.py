"""A document made ready for the rules: normalised, split, and segmented where a figure may be.

Both ways in share it: ``vnextract.extract`` calls ``prepare`` directly (no
spaCy ``Doc`` to build: the fast path for batches), and the spaCy tokenizer
calls it with ``tokens=True`` and builds its ``Doc`` from the result. The rules
see the same thing either way, so both give the same records.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

import regex

from ..lang.vi import lexicon
from ..numbers import Convention, detect_convention
from .normalize import NormText, normalize
from .sentences import Sentence, find_piece, split_sentences

SEGMENT_MODES = ("statistics", "all", "none")

_SYLLABLE = regex.compile(r"[\p{L}\p{M}\p{N}]++(?:[.,][\p{N}]++)*+|[^\s\p{L}\p{M}\p{N}]")
_NOT_COUNTED = ("tháng", "năm", "ngày", "giờ", "phút", "quý", "tuổi", "lần")
#: Verbs after which a number followed by an unknown noun is likely a count ("đón 58 homestay").
_COUNT_VERBS = ("đạt", "có", "là", "thu hút", "thu hút được", "đón", "cấp", "cấp mới", "gồm", "với", "tuyển",
                "tuyển dụng", "giải quyết", "hỗ trợ", "còn", "lên", "thêm", "xây dựng", "trồng", "sản xuất",
                "phát triển", "thành lập", "đưa", "vận chuyển", "tiếp nhận", "phục vụ")


@dataclass
class Prepared:
    """What the rules read: the normalised text, its sentences, and where underthesea finds words.

    Segmentation is lazy: a sentence's windows (the stretches around likely
    figures, ``segment`` mode) are decided the first time a rule asks about a
    word in it, and a window goes through underthesea the first time a rule
    asks about a word in it (most never ask). The spaCy tokenizer asks for all of
    them. A window's words do not depend on when it is segmented, nor a
    sentence's windows on when they are decided, so both ways give the same records.
    """

    norm: NormText
    sentences: list[Sentence]
    convention: Convention
    #: Where underthesea may segment: ``SEGMENT_MODES``.
    segment: str = "statistics"
    #: Token spans in normalised offsets (only with ``tokens=True``).
    tokens: list[tuple[int, int]] | None = None
    #: Index into ``tokens`` of each sentence's first token.
    sent_starts: set[int] | None = None

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        self._windows: dict[int, list[tuple[int, int]]] = {}  # sentence index → its windows
        self._found: dict[tuple[int, int], list[tuple[int, int]]] = {}  # window → its words
        self._multi: dict[int, int] = {}  # multi-syllable word start → end

    @property
    def windows(self) -> list[tuple[int, int]]:
        """Stretches (normalised offsets) where underthesea may segment, sorted: every sentence's."""
        return [w for k in range(len(self.sentences)) for w in self.windows_of(k)]

    def windows_of(self, k: int) -> list[tuple[int, int]]:
        """The windows of sentence ``k``, decided on first use."""
        found = self._windows.get(k)
        if found is None:
            s, e = self.sentences[k].start, self.sentences[k].end
            if self.segment == "all":
                found = [(s, e)]
            elif self.segment == "statistics":
                found = _windows(self.norm.text, figure_hints(self.norm.folded, s, e), s, e)
            else:
                found = []
            self._windows[k] = found
        return found

    @property
    def segmented(self) -> int:
        """How many windows went through underthesea so far."""
        return len(self._found)

    @property
    def words(self) -> dict[int, int]:
        """Multi-syllable words found so far (all of them, once ``segment_all`` ran): start → end."""
        return self._multi

    def _window_of(self, pos: int) -> tuple[int, int] | None:
        k = bisect_right(self._sentence_starts, pos) - 1
        if k < 0 or pos >= self.sentences[k].end:
            return None  # (a window lies inside its sentence)
        for a, b in self.windows_of(k):
            if a <= pos < b:
                return a, b
        return None

    def window_words(self, window: tuple[int, int]) -> list[tuple[int, int]]:
        """The tokens of a window, segmenting it on first use."""
        found = self._found.get(window)
        if found is None:
            a, b = window
            text = self.norm.text
            found = align_words(text, a, b, _segment(text[a:b]))
            self._found[window] = found
            self._multi.update((x, y) for x, y in found if " " in text[x:y])
        return found

    def segment_all(self) -> None:
        for w in self.windows:
            self.window_words(w)

    def word_at(self, pos: int) -> tuple[int, int] | None:
        """The multi-syllable word that starts at or spans ``pos``, if underthesea found one."""
        w = self._window_of(pos)
        if w is None:
            return None
        for x, y in self.window_words(w):
            if x <= pos < y:
                return (x, y) if " " in self.norm.text[x:y] else None
        return None

    def next_word(self, pos: int) -> tuple[int, int] | None:
        """The multi-syllable word starting at ``pos`` (after spaces), if underthesea found one there."""
        text = self.norm.text
        while pos < len(text) and text[pos] in " \t\u00a0\u202f":
            pos += 1
        word = self.word_at(pos)
        return word if word is not None and word[0] == pos else None


_NUMBER = regex.compile(r"(?<![\d.,])\d[\d.,]*+")


@cache
def _hint_parts():
    from ..rules.words import trie_alternation

    lex = lexicon()
    names = tuple(lex.scales) + tuple(k for k in lex.units if k != "%")
    alt = trie_alternation(names)  # (tries: the same matches as the alternations, found sooner)
    skip = trie_alternation(_NOT_COUNTED)
    verbs = trie_alternation(_COUNT_VERBS)
    bound = r"(?:hơn|gần|khoảng|trên|dưới|xấp xỉ|được|thêm|mới|tổng cộng)[ \t]++"
    unit_after = regex.compile(rf"[ \t\u00a0]{{0,2}}+(?:%|(?:{alt})(?![\p{{L}}\p{{N}}]))")
    word_after = regex.compile(rf"[ \t]++(?!(?:{skip})(?![\p{{L}}]))\p{{Ll}}")
    verb_before = regex.compile(rf"(?<![\p{{L}}])(?:{verbs})[ \t]++(?:{bound}){{0,2}}+\Z")
    firsts = frozenset(w[0] for w in names if w) | {"%"}
    return unit_after, word_after, verb_before, firsts


def figure_hints(folded: str, s: int, e: int) -> list[int]:
    """Where in ``folded[s:e]`` a figure likely starts: a number followed by a unit, or a count verb,
    a number and a word. Underthesea segments around these.

    ``unit_after`` is asked only where, after the at most two spaces it skips, a character a unit or
    "%" starts with follows (``firsts``); ``word_after`` only after a space."""
    unit_after, word_after, verb_before, firsts = _hint_parts()
    out = []
    for m in _NUMBER.finditer(folded, s, e):
        a, b = m.span()
        j = b
        while j < e and j < b + 2 and folded[j] in " \t\u00a0":
            j += 1
        if (j < e and folded[j] in firsts and unit_after.match(folded, b, e)) or (
                folded[b:b + 1] in (" ", "\t") and word_after.match(folded, b, e)
                and verb_before.search(folded, max(s, a - 40), a)):
            out.append(a)
    return out


def _segment(sentence: str) -> list[str]:
    from .models import segment_words

    return segment_words(sentence)


def prepare(text: str, segment: str = "statistics", tokens: bool = False) -> Prepared:
    """Normalise and split ``text`` (where to segment is chosen on first use); with ``tokens``, segment now
    and give every token's span (syllables outside the windows)."""
    if segment not in SEGMENT_MODES:
        raise ValueError(f"segment must be one of {SEGMENT_MODES}, got {segment!r}")
    norm = normalize(text, lexicon().typos)
    sentences = split_sentences(norm.text, lazy=not tokens)
    prepared = Prepared(norm, sentences, detect_convention(norm.text), segment)
    if tokens:
        prepared.tokens, prepared.sent_starts = _tokens(prepared)
    return prepared


def _tokens(p: Prepared) -> tuple[list[tuple[int, int]], set[int]]:
    text = p.norm.text
    spans: list[tuple[int, int]] = []
    starts: set[int] = set()
    for k, sent in enumerate(p.sentences):
        first = len(spans)
        pos = sent.start
        for a, b in p.windows_of(k):
            spans.extend(m.span() for m in _SYLLABLE.finditer(text, pos, a))
            spans.extend(p.window_words((a, b)))
            pos = b
        spans.extend(m.span() for m in _SYLLABLE.finditer(text, pos, sent.end))
        if len(spans) > first:
            starts.add(first)
    return spans, starts


#: Characters segmented before and after a figure: the verb and metric words
#: right before it, the counted-noun phrase after it; a fraction of a long sentence.
WINDOW_BEFORE = 30
WINDOW_AFTER = 60


def _windows(text: str, hits: list[int], s: int, e: int) -> list[tuple[int, int]]:
    """Stretches of ``text[s:e]`` around ``hits``, merged, cut at spaces."""
    out: list[tuple[int, int]] = []
    for h in hits:
        a, b = max(s, h - WINDOW_BEFORE), min(e, h + WINDOW_AFTER)
        if a > s:
            sp = text.find(" ", a, h)
            a = sp + 1 if sp >= 0 else a
        if b < e:
            sp = text.rfind(" ", h, b)
            b = sp if sp > h else b
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def align_words(text: str, s: int, e: int, pieces: list[str]) -> list[tuple[int, int]]:
    """Place underthesea's words on ``text[s:e]``; a piece that cannot be placed falls back to syllables."""
    out: list[tuple[int, int]] = []
    pos = s
    for piece in pieces:
        if not piece.strip():
            continue
        hit = find_piece(text, piece.strip(), pos, e)
        if hit is None:
            continue
        if hit[0] > pos:
            out.extend((m.start(), m.end()) for m in _SYLLABLE.finditer(text, pos, hit[0]))
        out.append(hit)
        pos = hit[1]
    if pos < e:
        out.extend((m.start(), m.end()) for m in _SYLLABLE.finditer(text, pos, e))
    return out
