"""underthesea's word segmenter, POS tagger and sentence splitter, loaded once and safely from any thread.

underthesea 9.5.0 loads its models lazily on first use and is not thread-safe
then: ``word_tokenize`` publishes its model object before loading it, so a
second thread can call an empty model (``'NoneType' object has no attribute
'process'``). Here the first call of each function runs under a lock; later
calls go straight through. ``fixed_words`` is never passed (in 9.5.0 it leaks
into every later call of the process).
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
                from underthesea import pos_tag as function

                function("khởi động")
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


def split_sentences(text: str) -> list[str]:
    """underthesea's sentences of ``text``."""
    function = _loaded.get("sentences") or _load("sentences")
    return function(text)
