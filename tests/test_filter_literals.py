"""The literal gates of rules/filters.py: a filter that looks for a literal before its cues must find every cue.

A cue added to ``cues.toml`` without the literal its filter looks for first would silently never fire.
"""
from vnextract.rules import filters
from vnextract.rules.words import words


def _cues(name: str) -> tuple[str, ...]:
    return words("not_record", name).words


def test_every_promise_cue_holds_a_promise_literal():
    assert _cues("offer_before")
    assert all(any(lit in w for lit in filters._PROMISE_LITERALS) for w in _cues("offer_before"))


def test_every_tax_rate_cue_holds_thue_or_chiu():
    assert all("thuế" in w or "chịu" in w for w in _cues("tax_rate"))


def test_every_fund_cue_holds_quy_b():
    assert all("quỹ b" in w for w in _cues("fund"))


def test_every_first_cue_holds_dau_tien():
    assert all("đầu tiên" in w for w in _cues("offer_first"))
