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
checks the two agree). ``segment_words`` likewise builds the segmenter's
feature strings itself (``ws_features``), where underthesea_core's Rust
featurizer spends most of the segmenter's time copying strings.
"""
from __future__ import annotations

import functools
import threading
from collections.abc import Callable

import regex

from .serial import SERIAL

_lock = threading.Lock()
_model_lock = threading.Lock()  # (underthesea's own segmenter model, loaded on a first need: ``_fast_word_tokenize``)
_loaded: dict[str, Callable] = {}


def _load(name: str) -> Callable:
    with _lock:
        if name not in _loaded:
            if name == "words":
                function = _fast_word_tokenize()
            elif name == "pos":
                function = _fast_pos_tag()
            else:
                from underthesea import sent_tokenize

                sent_tokenize("Khởi động.")
                function = _fast_sent_tokenize()
            _loaded[name] = function
        return _loaded[name]


def segment_words(text: str) -> list[str]:
    """underthesea's words of ``text``, characters unchanged (``use_token_normalize=False``).

    Kept per text (a pure function of it, bounded): a window of one article's figures recurs in another's
    (122 of news-5k's 3,345)."""
    out = _segmented.get(text)
    if out is None:
        function = _loaded.get("words") or _load("words")
        if len(_segmented) >= _WINDOW_CACHE:
            _segmented.clear()
        out = _segmented[text] = tuple(function(text, use_token_normalize=False))
    return list(out)


_segmented: dict[str, tuple[str, ...]] = {}
_WINDOW_CACHE = 4096


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
    from underthesea import pos_tag as slow
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    predictor = CRFPOSTagPredictor.Instance()  # (its model, loaded here: ``pos_tag`` would load the segmenter's too)
    if predictor.transformer.template != POS_TEMPLATE:
        slow("khởi động")  # (loads the segmenter it calls: ``_load`` holds the lock)
        return slow  # another underthesea: its own features
    tagger = predictor.model

    segment = _fast_word_tokenize()

    tagged: dict[str, tuple[tuple[str, str], ...]] = {}  # text → its tags (a pure function of it)

    def pos_tag(text: str) -> list[tuple[str, str]]:
        # (the metric phrases asked about come back: "tổng nguồn vốn", "đạt kim ngạch"; one in eight is a repeat)
        out = tagged.get(text)
        if out is None:
            if len(tagged) >= _TOKEN_CACHE:
                tagged.clear()
            sentence = segment(text)
            out = tagged[text] = tuple(zip(sentence, tagger.tag(pos_features(sentence))))
        return list(out)

    return pos_tag


def _fast_word_tokenize() -> Callable:
    """underthesea 9.5.0's ``word_tokenize(text, use_token_normalize=…)`` with its tokens read as whole matches.

    Its tokenizer asks each match for its ``groupdict()`` and takes the value of
    the first named group that matched; every branch of its pattern is one named
    group around the whole branch (none inside another), so that value is the
    match itself. The CRF model's features are built here (``ws_features``: the
    same strings, four times faster) for tokens of the characters both builds
    case alike; a text of other characters gets underthesea_core's own
    featurizer, built here from the same template and word list. The rest is
    its own code: the same tokens, the same CRF model (its file loaded here
    alone), the same joining of "I-W" tags.
    ``tests/text/test_models.py`` checks the two agree. Another underthesea
    version keeps its own.
    """
    import sys

    import underthesea
    from underthesea import word_tokenize as slow
    from underthesea.pipeline.word_tokenize import regex_tokenize

    module = sys.modules["underthesea.pipeline.word_tokenize"]
    if underthesea.__version__ != "9.5.0":
        slow("khởi động")  # (loads its model: ``_load`` holds the lock)
        return slow
    dictionary = _ws_dictionary(module.__file__)

    def model():
        """underthesea's own segmenter model, loaded by a first call of its own: needed only where its word list
        or template could not be read here (``_ws_dictionary`` None)."""
        with _model_lock:
            if module.word_tokenize_model is None:
                slow("khởi động")
            return module.word_tokenize_model

    # The CRF model file underthesea's loader reads (``FastCRFSequenceTagger.load``), loaded alone: its loader
    # also reads the featurizer's word list with joblib's Python unpickler, most of its half second.
    crf_tag = _ws_tagger(module.__file__) if dictionary is not None else model().estimator.tag

    def rust_tags(tokens: list[str]) -> list[str]:
        """The tags of a text ``ws_features`` does not build: underthesea's ``predict``, its Rust featurizer
        built from the template and word list read here (``_ws_rust_featurizer``), not from its half-second
        loader (a document in a few hundred has a character outside ``_WS_SAFE``)."""
        if dictionary is None:
            return model().predict([[t] for t in tokens])
        return crf_tag(_ws_rust_featurizer(module.__file__).process([[[t] for t in tokens]])[0])

    token_normalize = regex_tokenize.token_normalize
    normalized: dict[str, str] = {}  # token → its ``token_normalize`` (a pure function of it)

    def normalize_token(token: str) -> str:
        # underthesea's token_normalize runs a ``str.replace`` per entry of its character map on every
        # short token; the same few thousand syllables come back all the time, so each is normalised once
        out = normalized.get(token)
        if out is None:
            if len(normalized) >= _TOKEN_CACHE:
                normalized.clear()
            out = normalized[token] = token_normalize(token, use_character_normalize=True)
        return out

    def word_tokenize(text: str, use_token_normalize: bool = True) -> list[str]:
        text = regex_tokenize.normalize_characters_in_text(text)
        tokens = [m.group() for m in regex_tokenize.patterns.finditer(text)]
        if use_token_normalize:
            tokens = [normalize_token(t) for t in tokens]
        joined = "".join(tokens)
        if dictionary is not None and " " not in joined and "" not in tokens and _WS_SAFE.fullmatch(joined):
            tags = crf_tag(ws_features(tokens, dictionary))
        else:
            tags = rust_tags(tokens)
        output: list[str] = []
        for tag, token in zip(tags, tokens):
            if tag == "I-W" and output:
                output[-1] = output[-1] + " " + token
            else:
                output.append(token)
        return output

    return word_tokenize


#: At most this many tokens' normalised forms are kept (``_fast_word_tokenize``); then the cache starts again.
_TOKEN_CACHE = 50_000


#: The feature template of underthesea 9.5.0's word segmenter (``ws_crf_vlsp2013_20230727/features.bin``),
#: which ``ws_features`` builds.
WS_TEMPLATE = [
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]", "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]", "T[-2,0]", "T[-1,1]", "T[0,2]",
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower",
    "T[-1].isdigit", "T[0].isdigit", "T[1].isdigit",
    "T[-2].istitle", "T[-1].istitle", "T[0].istitle", "T[1].istitle", "T[2].istitle", "T[0,1].istitle",
    "T[0,2].istitle",
    "T[-2].is_in_dict", "T[-1].is_in_dict", "T[0].is_in_dict", "T[1].is_in_dict", "T[2].is_in_dict",
    "T[-2,-1].is_in_dict", "T[-1,0].is_in_dict", "T[0,1].is_in_dict", "T[1,2].is_in_dict",
    "T[-2,0].is_in_dict", "T[-1,1].is_in_dict", "T[0,2].is_in_dict",
]

#: Texts whose every character is in these blocks (ASCII and Latin-1, Latin Extended-A, "Ơ ơ … Ư ư",
#: combining marks, Vietnamese, general punctuation, currency signs) are featurised here. Python's case
#: mappings (Unicode 14) and those of underthesea_core's Rust build agree on every such character
#: (checked one by one, and by ``tests/text/test_models.py``); newer letters ("ƛ", Unicode 16) differ,
#: so a text with any other character keeps underthesea's own featurizer.
_WS_SAFE = regex.compile(r"[\x00-\u017f\u01a0-\u01b0\u0300-\u036f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf]*+")
_I32 = regex.compile(r"[+-]?[0-9]++")
_ASCII_DIGITS = frozenset("0123456789")


def _ws_folder(module_file: str):
    from pathlib import Path

    return Path(module_file).parent / "models" / "ws_crf_vlsp2013_20230727"


@functools.cache
def _ws_tagger(module_file: str) -> Callable:
    """The ``tag`` of underthesea 9.5.0's segmenter CRF model (``models.bin``), loaded once."""
    from underthesea_core import CRFTagger

    tagger = CRFTagger()
    tagger.load(str(_ws_folder(module_file) / "models.bin"))
    return tagger.tag


@functools.cache
def _ws_dictionary(module_file: str) -> frozenset[str] | None:
    """The word list of underthesea 9.5.0's segmenter, when its template is ``WS_TEMPLATE`` (else None); read
    once (the segmenter and the POS tagger share it: 72,547 words, some 8 MB)."""
    import pickle

    folder = _ws_folder(module_file)
    try:  # (the files underthesea itself reads with joblib: plain pickles, read here by the faster C unpickler)
        with open(folder / "features.bin", "rb") as f:
            if pickle.load(f) != WS_TEMPLATE:
                return None
        with open(folder / "dictionary.bin", "rb") as f:
            words = pickle.load(f)
        return frozenset(words) if isinstance(words, set | frozenset) else None
    except (OSError, pickle.UnpicklingError, ValueError, TypeError, EOFError):
        return None


@functools.cache
def _ws_rust_featurizer(module_file: str):
    """underthesea_core's featurizer of the segmenter, as ``FastCRFSequenceTagger.load`` builds it: the template
    and the word list of its model folder (``_ws_dictionary``, read once with the C unpickler), built once."""
    from underthesea_core import CRFFeaturizer

    return CRFFeaturizer(WS_TEMPLATE, _ws_dictionary(module_file))


def ws_features(tokens: list[str], dictionary: frozenset[str]) -> list[list[str]]:
    """The features underthesea_core's ``CRFFeaturizer`` builds for the word segmenter, the same strings.

    For each token, ``WS_TEMPLATE`` in order: the tokens at -2..2 and their
    joins ("a b", "a b c"), as they are and lower-cased; ``isdigit`` (the
    token reads as a 32-bit integer, a sign allowed: Rust's ``parse::<i32>``);
    ``istitle`` (the first character of each token is its own upper case);
    ``is_in_dict`` (lower-cased, in the segmenter's word list); ``BOS``/``EOS``
    past the ends. The Rust featurizer builds each string through several
    copies, four times slower than this for a window of a sentence. Tokens hold
    no space (a joined feature is then split where the Rust one splits it).
    """
    n = len(tokens)
    low = [t.lower() for t in tokens]
    digit = [str(t[-1:] in _ASCII_DIGITS and _I32.fullmatch(t, 0, None, SERIAL) is not None  # (a number ends in one)
                 and -2147483648 <= int(t) <= 2147483647) for t in tokens]
    up = [t[0] == t[0].upper() for t in tokens]
    title = [str(u) for u in up]
    pair = [f"{tokens[i]} {tokens[i + 1]}" for i in range(n - 1)]
    lpair = [f"{low[i]} {low[i + 1]}" for i in range(n - 1)]
    ind = [str(w in dictionary) for w in low]
    pind = [str(w in dictionary) for w in lpair]
    tind = [str(f"{lpair[i]} {low[i + 2]}" in dictionary) for i in range(n - 2)]
    out = []
    for i in range(n):
        b2, b1, a1, a2 = i >= 2, i >= 1, i + 1 < n, i + 2 < n
        out.append([
            f"T[-2]={tokens[i - 2]}" if b2 else "T[-2]=BOS",
            f"T[-1]={tokens[i - 1]}" if b1 else "T[-1]=BOS",
            f"T[0]={tokens[i]}",
            f"T[1]={tokens[i + 1]}" if a1 else "T[1]=EOS",
            f"T[2]={tokens[i + 2]}" if a2 else "T[2]=EOS",
            f"T[-2,-1]={pair[i - 2]}" if b2 else "T[-2,-1]=BOS",
            f"T[-1,0]={pair[i - 1]}" if b1 else "T[-1,0]=BOS",
            f"T[0,1]={pair[i]}" if a1 else "T[0,1]=EOS",
            f"T[1,2]={pair[i + 1]}" if a2 else "T[1,2]=EOS",
            f"T[-2,0]={pair[i - 2]} {tokens[i]}" if b2 else "T[-2,0]=BOS",
            ("T[-1,1]=" + (f"{pair[i - 1]} {tokens[i + 1]}" if a1 else "EOS")) if b1 else "T[-1,1]=BOS",
            f"T[0,2]={pair[i]} {tokens[i + 2]}" if a2 else "T[0,2]=EOS",
            f"T[-2].lower={low[i - 2]}" if b2 else "T[-2].lower=BOS",
            f"T[-1].lower={low[i - 1]}" if b1 else "T[-1].lower=BOS",
            f"T[0].lower={low[i]}",
            f"T[1].lower={low[i + 1]}" if a1 else "T[1].lower=EOS",
            f"T[2].lower={low[i + 2]}" if a2 else "T[2].lower=EOS",
            f"T[-2,-1].lower={lpair[i - 2]}" if b2 else "T[-2,-1].lower=BOS",
            f"T[-1,0].lower={lpair[i - 1]}" if b1 else "T[-1,0].lower=BOS",
            f"T[0,1].lower={lpair[i]}" if a1 else "T[0,1].lower=EOS",
            f"T[1,2].lower={lpair[i + 1]}" if a2 else "T[1,2].lower=EOS",
            f"T[-1].isdigit={digit[i - 1]}" if b1 else "T[-1].isdigit=BOS",
            f"T[0].isdigit={digit[i]}",
            f"T[1].isdigit={digit[i + 1]}" if a1 else "T[1].isdigit=EOS",
            f"T[-2].istitle={title[i - 2]}" if b2 else "T[-2].istitle=BOS",
            f"T[-1].istitle={title[i - 1]}" if b1 else "T[-1].istitle=BOS",
            f"T[0].istitle={title[i]}",
            f"T[1].istitle={title[i + 1]}" if a1 else "T[1].istitle=EOS",
            f"T[2].istitle={title[i + 2]}" if a2 else "T[2].istitle=EOS",
            f"T[0,1].istitle={up[i] and up[i + 1]}" if a1 else "T[0,1].istitle=EOS",
            f"T[0,2].istitle={up[i] and up[i + 1] and up[i + 2]}" if a2 else "T[0,2].istitle=EOS",
            f"T[-2].is_in_dict={ind[i - 2]}" if b2 else "T[-2].is_in_dict=BOS",
            f"T[-1].is_in_dict={ind[i - 1]}" if b1 else "T[-1].is_in_dict=BOS",
            f"T[0].is_in_dict={ind[i]}",
            f"T[1].is_in_dict={ind[i + 1]}" if a1 else "T[1].is_in_dict=EOS",
            f"T[2].is_in_dict={ind[i + 2]}" if a2 else "T[2].is_in_dict=EOS",
            f"T[-2,-1].is_in_dict={pind[i - 2]}" if b2 else "T[-2,-1].is_in_dict=BOS",
            f"T[-1,0].is_in_dict={pind[i - 1]}" if b1 else "T[-1,0].is_in_dict=BOS",
            f"T[0,1].is_in_dict={pind[i]}" if a1 else "T[0,1].is_in_dict=EOS",
            f"T[1,2].is_in_dict={pind[i + 1]}" if a2 else "T[1,2].is_in_dict=EOS",
            f"T[-2,0].is_in_dict={tind[i - 2]}" if b2 else "T[-2,0].is_in_dict=BOS",
            ("T[-1,1].is_in_dict=" + (tind[i - 1] if a1 else "EOS")) if b1 else "T[-1,1].is_in_dict=BOS",
            f"T[0,2].is_in_dict={tind[i]}" if a2 else "T[0,2].is_in_dict=EOS",
        ])
    return out


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


_SENT_END = regex.compile(r"[.?!]")


def _fast_sent_tokenize() -> Callable:
    """underthesea 9.5.0's ``sent_tokenize`` with its scan for the next ``.``, ``?`` or ``!`` done by a pattern.

    Its ``PunktSentenceTokenizer.sentences_from_text`` steps through the text one
    character at a time in Python, to the next sentence mark (most of its time on
    a long line); this is the same loop jumping from mark to mark, with the same
    tests at each one (ellipses, ``digit.digit``, abbreviations: its own list).
    ``tests/text/test_models.py`` checks the two agree. Another underthesea
    version keeps its own.
    """
    import underthesea
    from underthesea import sent_tokenize as slow
    from underthesea.pipeline.sent_tokenize import PunktSentenceTokenizer, sentence_tokenizer as tokenizer
    if underthesea.__version__ != "9.5.0" or not isinstance(tokenizer, PunktSentenceTokenizer) \
            or tokenizer.SENT_END_CHARS != frozenset(".?!"):
        return slow
    abbreviations = tokenizer.abbrev_types

    def boundary(text: str, pos: int) -> bool:  # ``_is_sentence_boundary``: every other case is a boundary
        if text[pos] == ".":
            if pos > 0 and text[pos - 1].isdigit() and pos + 1 < len(text) and text[pos + 1].isdigit():
                return False  # "1.500.000"
            start = pos - 1
            while start >= 0 and (text[start].isalnum() or text[start] == "."):
                start -= 1
            word = text[start + 1:pos]
            if word and word.lower() in abbreviations:
                return False
        return True

    def sent_tokenize(text: str) -> list[str]:
        if not text or not text.strip():
            return []
        sentences = []
        start = i = 0
        n = len(text)
        while i < n:
            mark = _SENT_END.search(text, i, None, SERIAL)
            if mark is None:
                break
            i = mark.start()
            if text[i] == ".":
                dot_end = i
                while dot_end < n and text[dot_end] == ".":
                    dot_end += 1
                if dot_end - i >= 3:  # an ellipsis ends a sentence at the end or before a capital
                    after = dot_end
                    while after < n and text[after] in " \t":
                        after += 1
                    if after >= n or text[after].isupper():
                        sentence = text[start:dot_end].strip()
                        if sentence:
                            sentences.append(sentence)
                        while dot_end < n and text[dot_end] in " \t\n\r":
                            dot_end += 1
                        start = dot_end
                    i = dot_end
                    continue
            if boundary(text, i):
                end = i + 1
                while end < n and text[end] in ".?!":
                    end += 1
                sentence = text[start:end].strip()
                if sentence:
                    sentences.append(sentence)
                while end < n and text[end] in " \t\n\r":
                    end += 1
                start = i = end
                continue
            i += 1
        final = text[start:].strip()
        if final:
            sentences.append(final)
        return sentences

    return sent_tokenize


def split_sentences(text: str) -> list[str]:
    """underthesea's sentences of ``text``."""
    function = _loaded.get("sentences") or _load("sentences")
    return function(text)
