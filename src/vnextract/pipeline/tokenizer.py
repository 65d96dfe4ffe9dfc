"""A spaCy tokenizer for Vietnamese that keeps ``doc.text == text``.

It normalises the text (keeping a map back), splits sentences, and segments
words with underthesea only in the sentences that may hold a statistic: a
number followed by a unit. Other sentences get cheap syllable tokens.
Segmenting every sentence of a news stream would cost most of the run time
for nothing. Token offsets (``token.idx``) are exact in the caller's string.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from ..lang.vi import lexicon
from ..numbers import Convention, detect_convention
from ..rules.words import _alternation
from ..text import NormText, Sentence, normalize, split_sentences
from ..text.sentences import _find_spaced

_SYLLABLE = regex.compile(r"[\p{L}\p{M}\p{N}]++(?:[.,][\p{N}]++)*+|[^\s\p{L}\p{M}\p{N}]")

SEGMENT_MODES = ("statistics", "all", "none")


@dataclass
class DocState:
    """What the tokenizer learnt about a document, for the components."""

    norm: NormText
    sentences: list[Sentence]
    convention: Convention
    segmented: int  # how many sentences went through underthesea
    #: Multi-syllable words found by underthesea: start → end, in normalised offsets.
    words: dict[int, int]

    def next_word(self, pos: int) -> tuple[int, int] | None:
        """The segmented word starting at ``pos`` (after spaces), if underthesea found one there."""
        text = self.norm.text
        while pos < len(text) and text[pos] in " \t\u00a0\u202f":
            pos += 1
        end = self.words.get(pos)
        return (pos, end) if end is not None else None


_NOT_COUNTED = ("tháng", "năm", "ngày", "giờ", "phút", "quý", "tuổi", "lần")


@cache
def _statistic_hint():
    """A number followed by a unit, or by a word that may be a counted noun."""
    lex = lexicon()
    alt = _alternation(tuple(lex.scales) + tuple(k for k in lex.units if k != "%"))
    skip = _alternation(_NOT_COUNTED)
    return regex.compile(
        rf"\d[ \t\u00a0]{{0,2}}+(?:%|(?:{alt})(?![\p{{L}}\p{{N}}])|(?!(?:{skip})(?![\p{{L}}]))\p{{Ll}})"
    )


def _segment(sentence: str) -> list[str]:
    from underthesea import word_tokenize

    return word_tokenize(sentence, use_token_normalize=False)


class ViTokenizer:
    """Offset-exact Vietnamese tokenizer; see the module docstring."""

    def __init__(self, vocab: Vocab, segment: str = "statistics"):
        if segment not in SEGMENT_MODES:
            raise ValueError(f"segment must be one of {SEGMENT_MODES}, got {segment!r}")
        self.vocab = vocab
        self.segment = segment

    def __call__(self, text: str) -> Doc:
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
        norm = normalize(text, lexicon().typos)
        sentences = split_sentences(norm.text)
        spans: list[tuple[int, int]] = []  # token spans in norm.text
        sent_starts: set[int] = set()
        hint = _statistic_hint()
        segmented = 0
        for sent in sentences:
            s, e = sent.start, sent.end
            chunk = norm.text[s:e]
            first = len(spans)
            if self.segment == "all" or (self.segment == "statistics" and hint.search(norm.folded, s, e)):
                segmented += 1
                spans.extend(_align_words(norm.text, s, e, _segment(chunk)))
            else:
                spans.extend((m.start() + s, m.end() + s) for m in _SYLLABLE.finditer(chunk))
            if len(spans) > first:
                sent_starts.add(first)
        doc = _make_doc(self.vocab, norm, spans, sent_starts)
        multi = {a: b for a, b in spans if " " in norm.text[a:b]}
        doc._.vx = DocState(norm, sentences, detect_convention(norm.text), segmented, multi)
        return doc

    # spaCy calls these when saving a pipeline; the tokenizer has no state of its own.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "ViTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "ViTokenizer":
        return self


def _align_words(text: str, s: int, e: int, pieces: list[str]) -> list[tuple[int, int]]:
    """Place underthesea's words on ``text[s:e]``; a piece that cannot be placed falls back to syllables."""
    out: list[tuple[int, int]] = []
    pos = s
    for piece in pieces:
        core = "".join(piece.split())
        if not core:
            continue
        hit = _find_spaced(text, core, pos, e)
        if hit is None:
            continue
        if hit[0] > pos:
            out.extend((m.start() + pos, m.end() + pos) for m in _SYLLABLE.finditer(text[pos:hit[0]]))
        out.append(hit)
        pos = hit[1]
    if pos < e:
        out.extend((m.start() + pos, m.end() + pos) for m in _SYLLABLE.finditer(text[pos:e]))
    return out


def _make_doc(vocab: Vocab, norm: NormText, spans: list[tuple[int, int]], sent_starts: set[int]) -> Doc:
    """Build a Doc over the original text: tokens are original slices, gaps become spaces or space tokens."""
    original = norm.original
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    pos = 0
    for i, (a, b) in enumerate(spans):
        oa, ob = norm.span(a, b)
        if oa < pos:
            oa = pos
        if ob <= oa:
            continue
        _gap(original[pos:oa], words, spaces, starts)
        words.append(original[oa:ob])
        spaces.append(False)
        starts.append(i in sent_starts)
        pos = ob
    _gap(original[pos:], words, spaces, starts)
    if not words:
        return Doc(vocab, words=[], spaces=[])
    starts[0] = True
    return Doc(vocab, words=words, spaces=spaces, sent_starts=starts)


def _gap(gap: str, words: list[str], spaces: list[bool], starts: list[bool]) -> None:
    if not gap:
        return
    if gap == " " and words and not spaces[-1]:
        spaces[-1] = True
        return
    if gap.startswith(" ") and words and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)
        starts.append(False)


@registry.tokenizers("vnextract.ViTokenizer.v1")
def create_tokenizer(segment: str = "statistics"):
    def make(nlp):
        return ViTokenizer(nlp.vocab, segment)

    return make
