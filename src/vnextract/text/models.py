"""underthesea's word segmenter, POS tagger and sentence splitter, loaded once and safely from any thread.

underthesea 9.5.0 loads its models lazily on first use and is not thread-safe
then: ``word_tokenize`` publishes its model object before loading it, so a
second thread can call an empty model (``'NoneType' object has no attribute
'process'``). Here the first call of each function runs under a lock; later
calls go straight through. ``fixed_words`` is never passed (in 9.5.0 it leaks
into every later call of the process).

``pos_tags`` gives what underthesea's ``pos_tag`` gives, faster: the same
word segmentation and the same CRF model, fed the same feature strings, but
built in one pass per sentence instead of underthesea's per-feature template
parsing (more than half of ``pos_tag``'s time; ``tests/text/test_models.py``
checks the two agree).
"""
from __future__ import annotations

import threading
from collections.abc import Callable

_lock = threading.Lock()
_loaded: dict[str, Callable] = {}


def _load(name: str) -> Callable:
    with _lock:
        if name not in _loaded:
            if name == "words":
                from underthesea import word_tokenize as function

                function("khởi động", use_token_normalize=False)
            elif name == "pos":
                from underthesea import pos_tag

                pos_tag("khởi động")
                function = _fast_pos_tag()
            else:
                from underthesea import sent_tokenize as function

                function("Khởi động.")
            _loaded[name] = function
        return _loaded[name]


def segment_words(text: str) -> list[str]:
    """underthesea's words of ``text``, characters unchanged (``use_token_normalize=False``)."""
    function = _loaded.get("words") or _load("words")
    return function(text, use_token_normalize=False)


def pos_tags(text: str) -> list[tuple[str, str]]:
    """underthesea's words of ``text`` with their POS tags (N, Np, V, E …); words are slices of ``text``."""
    function = _loaded.get("pos") or _load("pos")
    return function(text)


#: The feature template of underthesea 9.5.0's POS predictor, which ``pos_features`` builds.
POS_TEMPLATE = [
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[0].istitle", "T[-1].istitle", "T[1].istitle",
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]",
    "T[-3][1]", "T[-2][1]", "T[-1][1]",
    "T[-3,-2][1]", "T[-2,-1][1]",
]


def _fast_pos_tag() -> Callable:
    """underthesea 9.5.0's ``pos_tag(text)`` (default model) with its features built in one pass.

    The template is the predictor's own (``CRFPOSTagPredictor``: the words
    at -2..2, lower-cased and as they are, title case at -1..1, word pairs, and
    the tag column, always ``X``, at -3..-1); each feature is the string
    ``tagged_feature.template2features`` makes, ``BOS``/``EOS`` past the ends.
    """
    from underthesea import pos_tag as slow, word_tokenize
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    predictor = CRFPOSTagPredictor.Instance()
    if predictor.transformer.template != POS_TEMPLATE:
        return slow  # another underthesea: its own features
    tagger = predictor.model

    def pos_tag(text: str) -> list[tuple[str, str]]:
        sentence = word_tokenize(text)
        return list(zip(sentence, tagger.tag(pos_features(sentence))))

    return pos_tag


def pos_features(sentence: list[str]) -> list[list[str]]:
    """The features underthesea's POS predictor builds for a segmented sentence, the same strings in the same order."""
    from underthesea.pipeline.pos_tag.tagged_feature import text_istitle

    n = len(sentence)
    lower = [w.lower() for w in sentence]
    title = [str(text_istitle(w)) for w in sentence]

    def at(i: int, column: list[str]) -> str:
        return "BOS" if i < 0 else "EOS" if i >= n else column[i]

    def pair(i: int) -> str:  # T[i,i+1]: both words inside, else BOS / EOS as the template reads them
        return "BOS" if i < 0 else "EOS" if i + 1 >= n else f"{sentence[i]} {sentence[i + 1]}"

    return [[
        f"T[-2].lower={at(i - 2, lower)}", f"T[-1].lower={at(i - 1, lower)}", f"T[0].lower={lower[i]}",
        f"T[1].lower={at(i + 1, lower)}", f"T[2].lower={at(i + 2, lower)}",
        f"T[0].istitle={title[i]}", f"T[-1].istitle={at(i - 1, title)}", f"T[1].istitle={at(i + 1, title)}",
        f"T[-2]={at(i - 2, sentence)}", f"T[-1]={at(i - 1, sentence)}", f"T[0]={sentence[i]}",
        f"T[1]={at(i + 1, sentence)}", f"T[2]={at(i + 2, sentence)}",
        f"T[-2,-1]={pair(i - 2)}", f"T[-1,0]={pair(i - 1)}", f"T[0,1]={pair(i)}", f"T[1,2]={pair(i + 1)}",
        f"T[-3][1]={'BOS' if i < 3 else 'X'}", f"T[-2][1]={'BOS' if i < 2 else 'X'}",
        f"T[-1][1]={'BOS' if i < 1 else 'X'}",
        f"T[-3,-2][1]={'BOS' if i < 3 else 'X X'}", f"T[-2,-1][1]={'BOS' if i < 2 else 'X X'}",
    ] for i in range(n)]


def split_sentences(text: str) -> list[str]:
    """underthesea's sentences of ``text``."""
    function = _loaded.get("sentences") or _load("sentences")
    return function(text)
