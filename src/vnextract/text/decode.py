"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with a BOM, and the
legacy Vietnamese encodings still found in government files (Windows-1258,
TCVN3, VNI; the last two are data tables in ``lang/vi/encodings``).

Every decision is reported as a warning naming the file, so a user can see
what was guessed. Invalid UTF-8 that no legacy encoding explains is decoded
with replacement characters, and the warning gives the first bad byte offset.
"""
from __future__ import annotations

import codecs
import unicodedata
from functools import cache
from importlib.resources import files

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

#: Letters only Vietnamese uses among Latin scripts: their share tells a right guess from mojibake.
_VIETNAMESE = frozenset(
    unicodedata.normalize("NFC", c)
    for c in "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)


@cache
def _tcvn3() -> dict[int, str]:
    table = {}
    for line in (files("vnextract.lang.vi") / "encodings" / "tcvn3.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            byte, char = line.split("\t")
            table[int(byte, 16)] = char
    return table


def decode_tcvn3(data: bytes) -> str:
    table = _tcvn3()
    return "".join(table.get(b) or chr(b) for b in data)


@cache
def _vni():
    import regex

    pairs = {}
    for line in (files("vnextract.lang.vi") / "encodings" / "vni.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            seq, char = line.split("\t")
            pairs[seq] = char
    pattern = regex.compile("|".join(regex.escape(k) for k in sorted(pairs, key=len, reverse=True)))
    return pairs, pattern


def decode_vni(data: bytes) -> str:
    """VNI Windows: base letters followed by mark bytes, composed into Unicode letters."""
    pairs, pattern = _vni()
    return pattern.sub(lambda m: pairs[m.group()], data.decode("latin-1"))


def _decode_cp1258(data: bytes) -> str:
    # Windows-1258 writes tones as combining marks: compose them.
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese software writes it: base letters precomposed, tones as combining marks.

    Python's cp1258 codec only maps characters one to one, so NFC text needs
    this step; it is here for tests and for making test files.
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in d if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


LEGACY = {"Windows-1258": _decode_cp1258, "TCVN3 (ABC)": decode_tcvn3, "VNI": decode_vni}


_NUCLEI = ("oai oay oao oeo uây uôi ươi ươu uya uyê iêu yêu uyu "
           "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ ươ ưa ưi ưu uy yê "
           "a ă â e ê i o ô ơ u ư y").split()


@cache
def _syllable():
    import regex

    nuclei = "|".join(sorted(_NUCLEI, key=len, reverse=True))
    return regex.compile(rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(?:{nuclei})(?:ch|ng|nh|[cmnpt])?")


def syllable_share(text: str) -> float:
    """Share of the words with non-ASCII letters that are well-formed Vietnamese syllables.

    Mojibake of one Vietnamese encoding read as another is mostly made of
    Vietnamese letters too, but in impossible orders ("Naêm" for "Năm").
    """
    import regex

    words = [w for w in regex.findall(r"\p{L}+", text) if not w.isascii()]
    if not words:
        return 1.0
    pattern = _syllable()
    ok = 0
    for w in words:
        bare = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", w.lower()) if c not in _TONES))
        ok += pattern.fullmatch(bare) is not None
    return ok / len(words)


def vietnamese_share(text: str) -> float:
    """Share of non-ASCII letters that are Vietnamese letters (1.0 for text with none)."""
    others = [c for c in text if ord(c) > 127 and c.isalpha()]
    if not others:
        return 1.0
    return sum(c.lower() in _VIETNAMESE for c in others) / len(others)


def _plausibility(text: str) -> tuple[float, float]:
    return syllable_share(text), vietnamese_share(text)


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Text from ``data`` read from ``name``, and warnings about how it was read."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            warnings = [] if label == "UTF-8" else [f"{name}: decoded as {label} (byte order mark)"]
            if "\ufffd" in text and label != "UTF-8":
                warnings.append(f"{name}: some bytes are not valid {label}; replaced with U+FFFD")
            if label == "UTF-8":
                return decode(data[len(bom):], name)
            return text, warnings
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        bad = e.start
    label, text = max(((label, fn(data)) for label, fn in LEGACY.items()), key=lambda lt: _plausibility(lt[1]))
    if vietnamese_share(text) >= 0.9 and syllable_share(text) >= 0.8 and any(ord(c) > 127 for c in text):
        return text, [f"{name}: not UTF-8 (first invalid byte at offset {bad}); decoded as {label}"]
    return data.decode("utf-8", errors="replace"), [
        f"{name}: invalid UTF-8 at byte {bad}; undecodable bytes replaced with U+FFFD"
    ]
