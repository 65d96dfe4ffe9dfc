"""A spaCy tokenizer for Vietnamese that keeps ``doc.text == text``.

It normalises the text (keeping a map back), splits sentences, and segments
words with underthesea only in the sentences that may hold a statistic
(``text.prepare``). Other sentences get cheap syllable tokens. Segmenting
every sentence of a news stream would cost most of the run time for nothing.
Token offsets (``token.idx``) are exact in the caller's string.
"""
from __future__ import annotations

from pathlib import Path

import srsly
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from ..text import NormText
from ..text.prepare import SEGMENT_MODES, prepare
from .extensions import register_extensions


class ViTokenizer:
    """Offset-exact Vietnamese tokenizer; see the module docstring."""

    def __init__(self, vocab: Vocab, segment: str = "statistics"):
        self.vocab = vocab
        self.segment = _checked(segment)
        register_extensions()  # the tokenizer fills doc._.vx

    def __call__(self, text: str) -> Doc:
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
        prepared = prepare(text, self.segment, tokens=True)
        doc = _make_doc(self.vocab, prepared.norm, prepared.tokens, prepared.sent_starts)
        doc._.vx = prepared
        return doc

    # spaCy calls these when saving and loading a pipeline. The only setting is
    # ``segment`` (also in config.cfg); it travels with the tokenizer so that a
    # tokenizer read back from bytes or disk segments as the saved one did.
    def to_bytes(self, **kwargs) -> bytes:
        return srsly.json_dumps({"segment": self.segment}).encode("utf-8")

    def from_bytes(self, data: bytes, **kwargs) -> "ViTokenizer":
        if data:
            self._set(srsly.json_loads(data))
        return self

    def to_disk(self, path, **kwargs) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg", {"segment": self.segment})

    def from_disk(self, path, **kwargs) -> "ViTokenizer":
        cfg = Path(path) / "cfg"
        if cfg.exists():
            self._set(srsly.read_json(cfg))
        return self

    def _set(self, cfg: dict) -> None:
        self.segment = _checked(cfg.get("segment", self.segment))


def _checked(segment: str) -> str:
    if segment not in SEGMENT_MODES:
        raise ValueError(f"segment must be one of {SEGMENT_MODES}, got {segment!r}")
    return segment


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
