"""Tests for vnextract.numbers: the examples corpus, unit tests, safety and round-trip properties."""
from __future__ import annotations

import random
import tomllib
import unicodedata
from decimal import Decimal
from importlib.resources import files

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import vnextract.numbers as numbers
from vnextract.numbers import NumberMatch, detect_convention, parse_digits, parse_spelled, scan
from vnextract.numbers.parse import _lexicon

CORPUS = tomllib.loads((files("vnextract.numbers") / "examples.toml").read_text(encoding="utf-8"))


def _id(ex: dict) -> str:
    conv = ex.get("convention", "comma")
    return ex["text"] + ("" if conv == "comma" else f" [{conv}]")


def _read(text: str, convention: str) -> Decimal | None:
    if regex.search(r"\p{L}", text):
        return parse_spelled(text)
    return parse_digits(text, convention)


# The examples in examples.toml are run by tests/test_examples.py, with every other family's.


def test_corpus_size():
    assert len(CORPUS["example"]) >= 100 and len(CORPUS["scan"]) >= 40


# --------------------------------------------------------------------------
# Unit tests
# --------------------------------------------------------------------------


def test_public_api():
    assert set(numbers.__all__) == {
        "Convention", "NumberMatch", "detect_convention", "parse_digits", "parse_spelled", "scan",
    }
    assert NumberMatch._fields == ("start", "end", "value", "spelled", "text", "lone")


@pytest.mark.parametrize(
    "s, comma, point",
    [
        ("90.260", "90260", "90.26"),
        ("1.234,5", "1234.5", "1234.5"),
        ("4309,73", "4309.73", "4309.73"),
        ("4.309,73", "4309.73", "4309.73"),
        ("2,5", "2.5", "2.5"),
        ("1.234.567", "1234567", "1234567"),
        ("0,25", "0.25", "0.25"),
        ("12.5", "12.5", "12.5"),
        ("1,234.5", "1234.5", "1234.5"),
        ("1,234", "1.234", "1234"),
        ("1.234", "1234", "1.234"),
        ("1,234,567", "1234567", "1234567"),
        ("1 234 567", "1234567", "1234567"),
        ("1\u00a0234", "1234", "1234"),
    ],
)
def test_parse_digits(s, comma, point):
    assert parse_digits(s) == Decimal(comma)
    assert parse_digits(s, "comma") == Decimal(comma)
    assert parse_digits(s, "point") == Decimal(point)


def test_parse_digits_is_exact():
    # Far beyond float precision: the Decimal comes from the digit string.
    assert parse_digits("123.456.789.012.345.678,987654321") == Decimal("123456789012345678.987654321")
    assert parse_digits("0,1") == Decimal("0.1")


def test_scan_match_fields():
    text = "Đạt 1.250 doanh nghiệp, hai trăm dự án"
    a, b = scan(text)
    assert a == NumberMatch(4, 9, Decimal(1250), False, "1.250")
    assert b == NumberMatch(text.index("hai"), len(text) - len(" dự án"), Decimal(200), True, "hai trăm")


def test_scan_order_and_offsets():
    text = "mười lăm 15 hai mươi 20 ba trăm 300"
    found = scan(text)
    assert [m.value for m in found] == [Decimal(v) for v in (15, 15, 20, 20, 300, 300)]
    assert [m.spelled for m in found] == [True, False] * 3
    assert all(text[m.start:m.end] == m.text for m in found)


def test_scan_does_not_join_ordinary_single_space_group():
    assert [m.value for m in scan("tháng 3 120")] == [Decimal(3), Decimal(120)]


def test_spelled_case_and_nfd():
    assert parse_spelled("Hai trăm") == 200
    assert parse_spelled(unicodedata.normalize("NFD", "bảy trăm hai mươi mốt")) == 721
    nfd = unicodedata.normalize("NFD", "Đạt hai triệu rưỡi lượt")
    (m,) = scan(nfd)
    assert m.value == 2_500_000 and m.text == nfd[m.start:m.end]


def test_lexicon_data():
    lx = _lexicon()
    assert _lexicon() is lx  # read once
    # Every variant points at a word the grammar knows.
    known = set(lx.scales) | {lx.ten, lx.tens, lx.hundred, lx.zero_tens}
    for t in (lx.digits, lx.after_tens, lx.after_ten, lx.after_zero_tens, lx.short_form):
        known |= set(t)
    assert set(lx.variants.values()) <= known
    assert {"bẩy", "ngàn", "tỉ", "lẻ"} <= set(lx.variants)


# --------------------------------------------------------------------------
# Safety: these must finish quickly (bounded patterns, no long backtracking).
# --------------------------------------------------------------------------


def test_safety_dots():
    assert scan("1." * 100_000) == []  # one run that is no number


def test_safety_comma_runs():
    assert scan("1,1" * 50_000) == []


def test_safety_long_digit_run():
    found = scan("9" * 200_000)
    assert len(found) <= 1
    if found:
        assert found[0].value == Decimal("9" * 200_000)


def test_safety_mixed_megabyte():
    rng = random.Random(7)
    text = "".join(rng.choice("0123456789.,  ") for _ in range(1_000_000))
    found = scan(text)
    assert len(found) > 10_000
    assert all(text[m.start:m.end] == m.text for m in found[:1000])
    assert detect_convention(text) in ("comma", "point")


def test_safety_space_groups_and_words():
    assert len(scan("1" + " 234" * 100_000 + "5")) == 100_001
    assert scan("hai " * 100_000) == []
    assert len(scan("hai nghìn " * 50_000)) > 1000


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------


def _vi(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**40))
def test_dot_grouped_integers(n):
    assert parse_digits(_vi(n)) == n


@given(st.integers(min_value=0, max_value=10**18), st.text(alphabet="0123456789", max_size=3))
def test_vietnamese_decimals_round_trip(whole, frac):
    value = Decimal(f"{whole}.{frac}") if frac else Decimal(whole)
    text = _vi(whole) + (f",{frac}" if frac else "")
    assert parse_digits(text, "comma") == value
    assert [m.value for m in scan(f"đạt {text} tỷ đồng.")] == [value]


# --------------------------------------------------------------------------
# Fuzz: a fixed number of examples in CI, derandomized
# --------------------------------------------------------------------------

from hypothesis import settings  # noqa: E402

_NUMBERISH = "0123456789.,  \u00a0\u202f%-/mườiháinămtrămnghìnngàntriệutỷtỉrưỡilẻlinhmốtlămtư"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=_NUMBERISH, max_size=120), st.sampled_from(["comma", "point"]))
def test_fuzz_scan_never_raises_and_gives_slices(text, convention):
    for m in scan(text, convention):
        assert text[m.start:m.end] == m.text
        assert m.value >= 0 or m.text[0] in "-−âÂ"  # a sign is read with its number
        if not m.spelled:
            assert parse_digits(m.text, convention) == m.value


def test_separated_digit_pattern_finds_the_same_numbers_with_a_mark():
    """``_digit_re(separated=True)`` (the decimal-mark vote's) gives just the full pattern's matches that hold "." or ","."""
    from vnextract.numbers.parse import _digit_re

    text = ("Doanh thu 12345 tỷ, 1.234,5 tỷ đồng, 1 234 567 và 1 234,5 USD; USD2,5 triệu, 15km, 0236.3822.123, "
            "ngày 15.10.2023, 12.5٣, v1.2.3, 4.0, 20ha 3,14%, 7 000 000.")
    full = [m.span() for m in _digit_re().finditer(text) if "." in m.group() or "," in m.group()]
    assert full == [m.span() for m in _digit_re(separated=True).finditer(text) if "." in m.group() or "," in m.group()]
    assert len(full) >= 6


def test_digit_numbers_are_the_patterns_matches():
    """``_digit_numbers`` (the pattern tried only where a number can start) finds just what ``finditer`` finds."""
    from vnextract.numbers.parse import _digit_numbers, _digit_re

    text = ("1 234 567 và 12 345, 1.234,5 tỷ; USD2,5 triệu, VND1000-VND2000, H5N1, 15km, 0236.3822.123, ٣5, 12٣, "
            "x12, 15/10/2023, 7 000 000. 5\u00a0000 đồng 99")
    for separated in (False, True):
        for start in range(len(text)):
            want = [(m.span(), m.group()) for m in _digit_re(separated).finditer(text[start:])]
            assert [(m.span(), m.group()) for m in _digit_numbers(text[start:], separated)] == want
    assert len(list(_digit_numbers(text))) >= 15
