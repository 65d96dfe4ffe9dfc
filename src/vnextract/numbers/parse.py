"""Find and read numbers in Vietnamese text: digits ("90.260", "4309,73") and words ("hai trăm").

Values are exact ``Decimal`` built from the digit string, never via float.
Every pattern is bounded (possessive or atomic), so no input backtracks for long.
"""
from __future__ import annotations

import tomllib
import unicodedata
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Literal, NamedTuple

import regex

from ..rules.words import trie_alternation
from ..text.normalize import holds_any
from ..text.serial import SERIAL

Convention = Literal["comma", "point"]  # which character is the DECIMAL separator


class NumberMatch(NamedTuple):
    """A number found by ``scan``; ``text == s[start:end]`` of the scanned string."""

    start: int
    end: int
    value: Decimal
    spelled: bool
    text: str
    #: A single digit word ("tám", "hai"): a number only where a unit follows (``scan(..., lone=True)``).
    lone: bool = False


# --------------------------------------------------------------------------
# Digit numbers
# --------------------------------------------------------------------------

_W = r"[\p{L}\p{M}\p{N}]"  # a character that glues onto a number (letter, mark, digit)
_GSP = r"\u00a0\u202f\u2009"  # no-break / narrow / thin space: one group is enough

# A number is either space-grouped ("1 234 567", "1\u00a0234,5") or a run of
# digits joined by single "." or "," ("90.260", "1.234,5", "0236.3822.123").
# A run is read as a whole or not at all (see ``_read_run``). A "." or ","
# not followed by a digit ends the number ("đạt 835 dự án." -> 835).
_SPACED = rf"""
    (?>[1-9][0-9]{{0,2}})
    (?>(?:\x20[0-9]{{3}}){{2,}}|(?:[{_GSP}][0-9]{{3}})+)
    (?:[.,][0-9]++)?+
"""
_RUN = r"[0-9]++(?:[.,][0-9]++)*+"

#: A run with at least one separator: what the decimal-mark vote reads (``detect_convention``).
_RUN_SEPARATED = r"[0-9]++(?:[.,][0-9]++)++"

_DIGIT_BODY = rf"""
    (?:
        (?<![0-9][\x20{_GSP}])             # a space group never continues a number
        (?P<spaced>{_SPACED})
        (?!{_W}|[.,][0-9]|[\x20{_GSP}][0-9])
      |
        (?P<run>{{run}})
        (?![\p{{M}}\p{{N}}])                 # a unit may follow glued on: "20ha", "15km"
    )
"""


@cache
def _digit_re(separated: bool = False) -> regex.Pattern:
    """Digit numbers not inside a word or a larger number, but after a glued currency code ("USD2,5").

    ``separated`` leaves out the runs with no "." or ",": every other match is the same, since a
    number can never start inside a run of digits (a digit is before it), and those runs are skipped.
    """
    from ..lang.vi import lexicon

    codes = sorted((c for c in lexicon().currency_prefixes if c[-1:].isalpha() or c.endswith("$")),
                   key=len, reverse=True)
    glued = "|".join(regex.escape(c) for c in codes)
    body = _DIGIT_BODY.replace("{run}", _RUN_SEPARATED if separated else _RUN)
    return regex.compile(  # (the cheap class test first: inner digits of a number never reach the codes)
        rf"(?=[0-9])(?:(?<!{_W}|{_W}[.,])|(?<=[A-Za-z$])(?<=(?<![\p{{L}}])(?:{glued}))|{_GLUED_WORD})" + body, regex.VERBOSE
    )


#: A lower-case word of two letters or more the number is glued onto, a typing slip ("đầu tư1,5 tỷ USD",
#: "là20,5 triệu"); the quantity reader keeps such a number only as money or a percentage.
_GLUED_WORD = r"(?<=(?<![\p{L}\p{M}\p{N}])\p{Ll}[\p{Ll}\p{M}]{1,7})"

_DIGIT_START = regex.compile(r"(?<![0-9])[0-9]")


def _digit_numbers(text: str, separated: bool = False):
    """``_digit_re(separated).finditer(text)``, found sooner.

    The pattern can only match at a digit with no digit before it (its look-ahead
    wants a digit, both its look-behinds refuse one before), so it is tried only
    there, not at every position; after a match the next try starts past it, as
    ``finditer``'s does. The same matches, about three times faster on a sentence.
    """
    pattern = _digit_re(separated)
    end = 0
    for d in _DIGIT_START.finditer(text):
        if d.start() < end:
            continue
        m = pattern.match(text, d.start(), None, SERIAL)
        if m is not None:
            end = m.end()
            yield m


_SEP_RE = regex.compile(r"[.,]")
_HEAD_RE = regex.compile(r"[1-9][0-9]{0,2}")  # first group of a thousands grouping


def _grouped(parts: list[str]) -> bool:
    """True if ``parts`` is a thousands grouping: 1-3 digits (no leading 0), then groups of 3."""
    return _HEAD_RE.fullmatch(parts[0], 0, None, SERIAL) is not None and all(len(p) == 3 for p in parts[1:])


def _read_run(run: str, convention: Convention) -> Decimal | None:
    """Value of a run of digit groups joined by "." / ","; None if it is no well-formed number."""
    seps = _SEP_RE.findall(run)
    if not seps:
        return Decimal(run)
    parts = _SEP_RE.split(run)
    if len(parts[0]) > 1 and parts[0][0] == "0":
        return None  # "024.3218", "0236.3822.123": a phone number or a code
    if len(seps) == 1:
        whole, frac = parts
        if len(frac) == 3 and _grouped(parts):
            # "1.234" / "1,234": the convention decides.
            thousands = "." if convention == "comma" else ","
            if seps[0] == thousands:
                return Decimal(whole + frac)
        return Decimal(f"{whole}.{frac}")
    if len(set(seps)) == 1:  # "1.234.567", "1,234,567": grouping only
        return Decimal("".join(parts)) if _grouped(parts) else None
    # Mixed: one grouping character, then one decimal mark of the other kind.
    if len(set(seps[:-1])) == 1 and _grouped(parts[:-1]):
        return Decimal("".join(parts[:-1]) + "." + parts[-1])
    return None


_GROUP_SPACE = regex.compile(rf"[\x20{_GSP}]")
_NON_SPACE = regex.compile(r"\S+")


def _read_spaced(text: str) -> Decimal:
    """Value of a space-grouped number; a trailing "." or "," is the decimal mark."""
    text = _GROUP_SPACE.sub("", text)
    whole, *frac = _SEP_RE.split(text)
    return Decimal(f"{whole}.{frac[0]}") if frac else Decimal(whole)


def _read(m: regex.Match, convention: Convention) -> Decimal | None:
    found = m.group()
    if m.lastgroup == "spaced":
        return _read_spaced(found)
    if "." not in found and "," not in found:
        return Decimal(found)
    return _read_run(found, convention)


def parse_digits(s: str, convention: Convention = "comma") -> Decimal | None:
    """Value of ``s`` if it is exactly one digit number (surrounding spaces allowed), else None.

    The number may carry what ``scan`` reads with it: a sign ("-1,2", "âm 1,2"),
    a K/M suffix ("100K"), a decimal word ("2 phẩy 5").
    """
    t = s.strip()
    found = [m for m in scan(t, convention) if not m.spelled]
    if len(found) == 1 and (found[0].start, found[0].end) == (0, len(t)):
        return found[0].value
    return None


def _evidence(run: str) -> Convention | None:
    """Which convention a run can only be read in, if any: "14,8" -> comma, "12.5" -> point.

    A decimal part of zeros only ("4.0", "8,0") is no evidence: versions and scores.
    """
    seps = _SEP_RE.findall(run)
    parts = _SEP_RE.split(run)
    if not seps or _read_run(run, "comma") is None or not parts[-1].strip("0"):
        return None  # no decimal mark, not a number, or "4.0" (công nghiệp 4.0, điểm 8,0)
    if len(seps) == 1:
        if len(parts[1]) == 3 and _grouped(parts):
            return None  # "1.234": could be either
    elif not (seps[-1] != seps[0] and len(set(seps[:-1])) == 1 and _grouped(parts[:-1])):
        return None  # grouping only, or not a number
    return "comma" if seps[-1] == "," else "point"


_HAS_SEPARATOR = regex.compile(r"[0-9][.,][0-9]")


#: A month and year written with a dot ("1.2017"), and the words that stand before a date ("ngày 6.2").
_MONTH_YEAR = regex.compile(r"(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d")
_DATE_WORD = regex.compile(r"(?i:(?<![\p{L}])(?:ngày|tháng|hôm|mùng|mồng|sáng|chiều|tối|trưa|đêm))[ \t]++\Z")


def detect_convention(text: str) -> Convention:
    """The decimal mark ``text`` uses, judged from its unambiguous numbers; "comma" on a tie."""
    votes = {"comma": 0, "point": 0}
    if not _HAS_SEPARATOR.search(text):
        return "comma"  # no number with a separator: nothing to judge by
    for m in _digit_numbers(text, separated=True):
        found = m.group()
        if "." not in found and "," not in found:
            continue  # a space-grouped number with no decimal mark
        if m.lastgroup == "spaced":
            found = _GROUP_SPACE.sub("", found)
        if _MONTH_YEAR.fullmatch(found, 0, None, SERIAL) or _DATE_WORD.search(text, max(0, m.start() - 8), m.start(), SERIAL):
            continue  # "tháng 1.2017", "ngày 6.2": a date written with dots votes for no decimal mark
        vote = _evidence(found)
        if vote:
            votes[vote] += 1
    return "point" if votes["point"] > votes["comma"] else "comma"


# --------------------------------------------------------------------------
# Spelled-out numbers
# --------------------------------------------------------------------------

_MAX_WORDS = 32  # longest spelled number read at once


class _Lexicon(NamedTuple):
    variants: dict[str, str]
    ten: str
    tens: str
    hundred: str
    zero_tens: str
    dozen: str
    scales: dict[str, int]
    digits: dict[str, int]
    after_tens: dict[str, int]
    after_ten: dict[str, int]
    after_zero_tens: dict[str, int]
    short_form: dict[str, int]
    multipliers: frozenset[str]
    words_re: regex.Pattern
    #: Any multiplier word: a spelled number of two or more words has one, so text without any has none.
    multiplier_re: regex.Pattern
    #: A single non-zero digit word followed by a word: "tám dự án".
    lone_re: regex.Pattern
    #: Multipliers left out of ``multiplier_re`` ("chục", "tá"): found after a lone digit word instead.
    soft_multipliers: frozenset[str]
    #: The words of ``multiplier_re``, lower case: in lower-cased text, one plain look-up each finds what it does.
    multiplier_forms: tuple[str, ...]
    #: ``words_re`` without IGNORECASE, its words as a trie: for lower-cased text (``_words_lower``).
    words_lower: regex.Pattern


@cache
def _lexicon() -> _Lexicon:
    """The number words of ``lang/vi/numbers.toml``, read once."""
    raw = tomllib.loads((files("vnextract.lang.vi") / "numbers.toml").read_text(encoding="utf-8"))
    nfc = lambda w: unicodedata.normalize("NFC", w).lower()  # noqa: E731
    table = lambda name: {nfc(k): int(v) for k, v in raw[name].items()}  # noqa: E731
    words = {k: nfc(v) for k, v in raw["words"].items()}
    variants = {nfc(k): nfc(v) for k, v in raw["variants"].items()}
    scales = table("scales")
    tables = [table(n) for n in ("digits", "after_tens", "after_ten", "after_zero_tens", "short_form")]
    vocab = set(variants) | set(variants.values()) | set(words.values()) | set(scales)
    for t in tables:
        vocab |= set(t)
    forms = vocab | {unicodedata.normalize("NFD", w) for w in vocab}
    alt = "|".join(regex.escape(w) for w in sorted(forms, key=len, reverse=True))
    word = rf"(?<!{_W})(?:{alt})(?!{_W})"
    words_re = regex.compile(
        rf"{word}(?:[^\S\r\n]{{1,4}}+{word}){{0,{_MAX_WORDS - 1}}}+", regex.IGNORECASE
    )
    # (a trie finds what the longest-first alternation finds in a pattern without case flags, sooner)
    low_word = rf"(?<!{_W})(?:{trie_alternation(tuple(forms))})(?!{_W})"
    words_lower = regex.compile(rf"{low_word}(?:[^\S\r\n]{{1,4}}+{low_word}){{0,{_MAX_WORDS - 1}}}+")
    multipliers = frozenset({words["ten"], words["tens"], words["hundred"], words["dozen"], *scales})
    # "chục" and "tá" leave the prefilter: "hàng chục" is everywhere in the news, and a digit word before
    # them is seen by the lone-word pass, which then reads the whole text (``_scan_spelled``)
    soft = frozenset({words["dozen"]} | {w for w, p in scales.items() if p == 1})
    mult_forms = (multipliers - soft) | {k for k, v in variants.items() if v in multipliers - soft}
    mult_forms |= {unicodedata.normalize("NFD", w) for w in mult_forms}
    multiplier_re = regex.compile(
        "|".join(regex.escape(w) for w in sorted(mult_forms, key=len, reverse=True)), regex.IGNORECASE
    )
    digit_forms = {k for k, v in tables[0].items() if v > 0} | {k for k, v in variants.items() if tables[0].get(v, 0) > 0}
    digit_forms |= {unicodedata.normalize("NFD", w) for w in digit_forms}
    lone_re = regex.compile(  # searched in lower-cased text; a word boundary keeps it cheap on every sentence
        r"\b(?:" + trie_alternation(tuple(digit_forms)) + r")[ \t]++(?P<next>\w++)"
    )
    return _Lexicon(
        variants, words["ten"], words["tens"], words["hundred"], words["zero_tens"], words["dozen"],
        scales, *tables, multipliers, words_re, multiplier_re, lone_re,
        frozenset(soft | {unicodedata.normalize("NFD", w) for w in soft}),
        tuple(sorted(mult_forms, key=len, reverse=True)), words_lower,
    )


_NEXT_WORD = regex.compile(r"[ \t]++(\w++)")


@cache
def _unit_first_words() -> frozenset[str]:
    """The first words of the units a lone digit word can count ("tám dự án", "hai đô la"), and decimal words."""
    from ..lang.vi import _rows

    words = {r[0].split()[0] for r in _rows("units.tsv") if r[0][:1].isalpha()} | {"phẩy", "chấm"}
    return frozenset(unicodedata.normalize(f, w).lower() for w in words for f in ("NFC", "NFD"))


def _canon(word: str, lx: _Lexicon) -> str:
    w = unicodedata.normalize("NFC", word).lower()
    return lx.variants.get(w, w)


def _group(ws: list[str], i: int, first: bool, lx: _Lexicon) -> tuple[int | None, int]:
    """Read one 0-999 group from ``ws[i]``: its value and where it ends (None if there is none)."""
    n, v, hundreds = len(ws), 0, False
    d = lx.digits.get(ws[i])
    if d is not None and i + 1 < n and ws[i + 1] == lx.hundred:
        v, i, hundreds = d * 100, i + 2, True
        if i == n:
            return v, i
        w = ws[i]
        if w in lx.short_form and (i + 1 == n or ws[i + 1] in lx.scales):
            return v + lx.short_form[w] * 10, i + 1  # một trăm hai = 120
    w = ws[i]
    d = lx.digits.get(w)
    if w == lx.zero_tens and (hundreds or not first):  # (một trăm | hai nghìn) linh năm
        if i + 1 < n and ws[i + 1] in lx.after_zero_tens:
            return v + lx.after_zero_tens[ws[i + 1]], i + 2
    elif w == lx.ten:  # mười, mười lăm
        if i + 1 < n and ws[i + 1] in lx.after_ten:
            return v + 10 + lx.after_ten[ws[i + 1]], i + 2
        return v + 10, i + 1
    elif d is not None and d >= 2 and i + 1 < n and ws[i + 1] == lx.tens:  # hai mươi tư
        v, i = v + d * 10, i + 2
        if i < n and ws[i] in lx.after_tens:
            return v + lx.after_tens[ws[i]], i + 1
        return v, i
    elif d is not None and not hundreds and (first or (i + 1 < n and ws[i + 1] in lx.scales)):
        return d, i + 1  # a bare digit: "hai", "hai nghìn", "một triệu hai nghìn"
    return (v, i) if hundreds else (None, i)


def _parse_words(ws: list[str], lx: _Lexicon) -> tuple[Decimal | None, int]:
    """Value of the canonical words ``ws`` as one number, or (None, index of the first bad word)."""
    n = len(ws)
    if n == 0:
        return None, 0
    if lx.digits.get(ws[0]) == 0:  # "không" is a number only on its own
        return (Decimal(0), 1) if n == 1 else (None, 1)
    stack: list[tuple[int, int]] = []  # finished groups: (value, power of ten)
    i = 0
    while True:
        g, i = _group(ws, i, not stack, lx)
        if g is None:
            return None, i
        if i == n:
            return Decimal(sum(v for v, _ in stack) + g), n
        if ws[i] == lx.dozen and i == n - 1:  # một tá, hai tá: dozens
            return Decimal(sum(v for v, _ in stack) + g * 12), n
        if ws[i] not in lx.scales:
            return None, i
        value, power, chained = g, 0, False
        while i < n and ws[i] in lx.scales:
            p = lx.scales[ws[i]]
            if not chained:  # một nghìn hai trăm tỷ: the tỷ takes the nghìn along
                while stack and stack[-1][1] < p:
                    value += stack.pop()[0]
            value, power, chained = value * 10**p, power + p, True
            if stack and stack[-1][1] <= power:  # hai nghìn hai nghìn
                return None, i
            i += 1
        stack.append((value, power))
        total = sum(v for v, _ in stack)
        if i == n:
            return Decimal(total), n
        if i == n - 1 and ws[i] in lx.short_form:  # hai triệu rưỡi, hai nghìn ba
            return Decimal(total + lx.short_form[ws[i]] * 10 ** (power - 1)), n


def _longest(ws: list[str], lx: _Lexicon) -> tuple[Decimal | None, int]:
    """The longest prefix of ``ws`` that reads as a number: (value, word count) or (None, 0)."""
    k = min(len(ws), _MAX_WORDS)
    while k > 0:
        value, bad = _parse_words(ws[:k], lx)
        if value is not None:
            return value, k
        # Words before ``bad`` only look one word ahead, so a longer prefix fails alike.
        k = min(k - 1, bad + 1)
    return None, 0


def parse_spelled(s: str) -> Decimal | None:
    """Value of ``s`` if it is exactly one spelled-out number ("Hai trăm" -> 200), else None."""
    lx = _lexicon()
    ws = [_canon(w, lx) for w in s.split()]
    value = _parse_words(ws, lx)[0] if ws else None
    if value is None and len(ws) > 2:  # "hai phẩy năm": a decimal word, read as ``scan`` reads it
        t = " ".join(s.split())
        found = _scan_spelled(t, lone=True)
        if len(found) == 1:
            m = _refine(t, found[0])
            value = m.value if (m.start, m.end) == (0, len(t)) else None
    return value


@cache
def _multiplier_lower() -> regex.Pattern:
    """``multiplier_re`` without IGNORECASE, for lower-cased text: its words are all lower case."""
    return regex.compile(_lexicon().multiplier_re.pattern)


#: The one character that matches a letter of ``words_re`` case-insensitively but lower-cases to another
#: ("ſ", long s, is "s" to IGNORECASE): a text with it is searched as it is.
_FOLDS_APART = "ſ"


@cache
def _words_lower() -> regex.Pattern:
    """``words_re`` without IGNORECASE, for lower-cased text of the same length: every word of it is lower
    case, each of their letters but for ``_FOLDS_APART`` matches case-insensitively just the characters that
    lower-case to it, and lower-casing keeps a character a letter, mark or digit or not
    (``tests/text/test_prefilters.py`` checks both over all of Unicode): the same matches, found sooner (a
    case-sensitive alternation is tried faster, a trie of its words faster still)."""
    return _lexicon().words_lower


def _holds_multiplier(low: str, lx: _Lexicon) -> bool:
    """``_multiplier_lower().search(low)``, a literal alternation, as one ``in`` per word (each a scan in C)."""
    return holds_any(low, lx.multiplier_forms)


def _scan_spelled(text: str, lone: bool = False) -> list[NumberMatch]:
    lx = _lexicon()
    low = text.lower()  # a case-sensitive search is much faster over a long alternation
    # Exact: where lower() keeps the length, a character of ``text`` matches a letter of the
    # multiplier words case-insensitively just when its lower case is that letter (checked
    # over all of Unicode); "İ" lower-cases to two characters, and then the text is searched as is.
    same_length = len(low) == len(text)
    if not (_holds_multiplier(low, lx) if same_length else lx.multiplier_re.search(text)):
        if not lone:
            return []  # no multiplier: at most lone number words, which are never reported
        # only lone digit words are left, and a reader wants only those with a word after them
        if not same_length:
            return []
        firsts = _unit_first_words()
        out = []
        for m in lx.lone_re.finditer(low):
            if m.group("next") in lx.soft_multipliers:  # "hai chục", "một tá": a number of two words
                return _scan_all(text, lone, lx, low)
            if m.group("next") in firsts:  # "tám dự án", "hai phẩy năm": a unit (or a decimal word) follows
                word_end = m.start() + len(m.group().split()[0])
                out.append(NumberMatch(m.start(), word_end, Decimal(lx.digits[_canon(low[m.start():word_end], lx)]),
                                       True, text[m.start():word_end], lone=True))
        return out
    return _scan_all(text, lone, lx, low if same_length else None)


def _scan_all(text: str, lone: bool, lx: _Lexicon, low: str | None = None) -> list[NumberMatch]:
    """The spelled numbers of ``text``; ``low``, its lower-cased copy of the same length, is searched instead
    (unless ``text`` holds a character of ``_FOLDS_APART``)."""
    out = []
    if low is not None and _FOLDS_APART in text:
        low = None
    for m in (lx.words_re.finditer(text) if low is None else _words_lower().finditer(low)):
        group = text[m.start():m.end()]
        spans = [(w.start(), w.end()) for w in _NON_SPACE.finditer(group)]
        ws = [_canon(group[a:b], lx) for a, b in spans]
        i = 0
        while i < len(ws):
            value, k = _longest(ws[i : i + _MAX_WORDS], lx)
            start, end = m.start() + spans[i][0], m.start() + spans[i + k - 1][1] if value is not None else 0
            # A lone "một", "năm", "ba" is ordinary Vietnamese, not a figure: reported only when asked for.
            if value is not None and (k >= 2 or ws[i] in lx.multipliers):
                out.append(NumberMatch(start, end, value, True, text[start:end]))
                i += k
            elif value is not None and lone and k == 1 and lx.digits.get(ws[i], 0) > 0 \
                    and _NEXT_WORD.match(text, end) and _NEXT_WORD.match(text, end).group(1).lower() in _unit_first_words():
                out.append(NumberMatch(start, end, value, True, text[start:end], lone=True))  # "tám dự án"
                i += 1
            else:
                i += 1
    return out


# --------------------------------------------------------------------------
# Signs, suffixes and decimals in words
# --------------------------------------------------------------------------

#: "-1,2%", "−1,2%" (a sign glued on); "- 1.200.000" only at the start or after "(", ":" or "=".
_MINUS = regex.compile(r"(?:(?<![\p{L}\p{N})\]%])[-−]|(?:(?<=^|[(:=][ \t]?)|\A)[-−][ \t])\Z")
_AM = regex.compile(r"(?<![\p{L}\p{N}])âm[ \t]++\Z", regex.IGNORECASE)
#: "100K", "10k đồng", "3M": thousands and millions glued on (not "5km", "5MW").
_SUFFIX = regex.compile(r"(?P<k>[kK])(?![\p{L}\p{N}])|(?P<m>M)(?![\p{L}\p{N}])")
#: "2 phẩy 5", "hai phẩy năm", "2 chấm 23": the decimal mark as a word.
_POINT_WORD = regex.compile(r"[ \t]++(?:phẩy|chấm)[ \t]++", regex.IGNORECASE)
_FRACTION_DIGITS = regex.compile(r"[0-9]{1,6}+(?![0-9.,])")


def _fraction(text: str, pos: int) -> tuple[str, int] | None:
    """The digits after a decimal word at ``pos``: written ("23") or spelled ("năm", "hai mươi ba")."""
    d = _FRACTION_DIGITS.match(text, pos)
    if d:
        return d.group(), d.end()
    lx = _lexicon()
    w = lx.words_re.match(text, pos)
    if not w:
        return None
    spans = [(x.start(), x.end()) for x in _NON_SPACE.finditer(w.group())]
    value, k = _longest([_canon(w.group()[a:b], lx) for a, b in spans], lx)
    if value is None or value >= 1000:
        return None
    return str(value), w.start() + spans[k - 1][1]


def _refine(text: str, m: NumberMatch) -> NumberMatch:
    """A number with what is glued to it: a sign before, a K/M suffix after, "phẩy 5" after."""
    start, end, value = m.start, m.end, m.value
    if not m.spelled:
        before = text[max(0, start - 4):start]
        sign = (_MINUS.search(text, max(0, start - 3), start) if "-" in before or "−" in before else None) \
            or (_AM.search(text, max(0, start - 5), start) if "m" in before.lower() else None)
        if sign:
            start, value = sign.start(), -value
        suffix = _SUFFIX.match(text, end) if text[end:end + 1] in ("k", "K", "M") else None
        if suffix:
            value, end = value * (1000 if suffix.group("k") else 1_000_000), suffix.end()
    whole = "," not in m.text and "." not in m.text and end == m.end  # "2 phẩy 5", never "2,5 phẩy 3"
    pw = _POINT_WORD.match(text, end) if whole and text[end + 1:end + 2] in ("p", "c", "P", "C") else None
    frac = _fraction(text, pw.end()) if pw else None
    if frac is not None:
        digits, end = frac
        value = (abs(value) + Decimal("0." + digits)).copy_sign(value) if value else Decimal("0." + digits)
    if (start, end, value) == (m.start, m.end, m.value):
        return m
    return NumberMatch(start, end, value, m.spelled, text[start:end], m.lone)


# --------------------------------------------------------------------------
# Scanning
# --------------------------------------------------------------------------


_SCALE_COMPOUND = regex.compile(r"[ \t]++(?i:lệ|số|trọng|giá|phú)(?![\p{L}])")
_ENDS_IN_TY = regex.compile(r"(?i:tỷ|tỉ)\Z")


def scan(text: str, convention: Convention = "comma", lone: bool = False) -> list[NumberMatch]:
    """All numbers in ``text``, digit and spelled, in text order.

    ``convention`` settles "1.234" / "1,234" only (see ``detect_convention``).
    A run of digits, dots and commas that is no well-formed number (a phone
    number "0236.3822.123", a date "15.10.2023", "1.2.3") yields nothing.
    Slash dates ("15/10/2023") yield each part. A sign ("-1,2", "âm 1,2"), a
    K/M suffix ("100K", "3M") and a decimal word ("2 phẩy 5") belong to the
    number. ``lone`` also reports single digit words ("tám"), flagged, for a
    reader that knows whether a unit follows.
    """
    out = []
    for m in _digit_numbers(text):
        value = _read(m, convention)
        if value is not None:
            out.append(_refine(text, NumberMatch(*m.span(), value, False, m.group())))
    spelled = [_refine(text, x) for x in _scan_spelled(text, lone)]
    if spelled:
        # "một tỷ lệ lớn", "với một tỷ số không dễ": "tỷ lệ", "tỷ số", "tỷ trọng", "tỷ giá" are words, no scale
        spelled = [x for x in spelled if not _SCALE_COMPOUND.match(text, x.end)
                   or not _ENDS_IN_TY.search(text, x.start, x.end)]
    if spelled:
        out.extend(spelled)
        out.sort(key=lambda x: x.start)
    # a decimal word may have taken in the number after it ("2 phẩy 5": the 5 is no number of its own)
    kept: list[NumberMatch] = []
    for x in out:
        if kept and x.start < kept[-1].end:
            continue
        kept.append(x)
    return kept
