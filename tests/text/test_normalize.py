"""Normalisation keeps a map back to the caller's offsets, whatever the input's form."""
import unicodedata
from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnextract.lang.vi import lexicon
from vnextract.text import fold, normalize, split_sentences
from vnextract.text.normalize import _SPACES, _TONE_RE, _TONE_TABLE

TEXT = "Năm 2018, giá trị sản xuất CN ước đạt trên 90.260 tỷ đồng, tăng 14,8% so với năm 2017."


@pytest.mark.parametrize(
    "variant",
    [
        TEXT,
        unicodedata.normalize("NFD", TEXT),
        TEXT.replace(" ", "\u00a0"),
        TEXT.replace(", ", ",\r\n"),
        TEXT.replace("90.260", "90.\u200b260").replace("Đ", "\u00d0"),
        "\ufeff" + TEXT.replace("ả", "a\u0309"),
    ],
    ids=["nfc", "nfd", "nbsp", "crlf", "zero-width-and-eth", "bom-and-mixed"],
)
def test_cleaned_text_is_nfc_and_maps_back(variant):
    n = normalize(variant)
    assert unicodedata.is_normalized("NFC", n.text)
    assert "\u200b" not in n.text and "\ufeff" not in n.text and "\r" not in n.text
    # every word of the cleaned copy maps back to the same word in the original
    for word in ("90.260", "tỷ", "đồng", "14,8%"):
        i = n.text.find(word)
        if i < 0:
            continue
        s, e = n.span(i, i + len(word))
        assert unicodedata.normalize("NFC", variant[s:e]).replace("\u200b", "") == word


def test_typos_are_fixed_but_map_back_to_what_was_written():
    n = normalize("doanh thu dich vụ đạt 5 tỷ", lexicon().typos)
    assert "dịch vụ" in n.text
    i = n.text.index("dịch vụ")
    s, e = n.span(i, i + len("dịch vụ"))
    assert n.original[s:e] == "dich vụ"


def test_fold_makes_tone_placement_and_case_equal():
    assert fold("Hoà Bình") == fold("hòa bình")
    assert fold("thuỷ sản") == fold("thủy sản")
    assert fold("quý III") == "quý iii"  # the u of "qu" is not a vowel
    assert len(fold("ĐỒNG\u00a0Nai")) == len("ĐỒNG\u00a0Nai")


def test_a_long_text_folds_as_a_short_one_does():
    """A long text is first looked through for odd spaces and tone pairs with plain look-ups: the same fold."""
    parts = ["Hoà Bình", "thuỷ\u00a0sản", "quý III", "khoẻ", "hoà", "Kim ngạch xuất khẩu đạt 5 tỷ USD", "\t", "quỳ"]
    for k in range(len(parts)):
        text = " ".join(parts[k:] + parts[:k]) * 12
        assert len(text) > 200
        assert fold(text) == _TONE_RE.sub(lambda m: _TONE_TABLE[m.group(1)], text.lower().translate(_SPACES))
    plain = "doanh thu của tỉnh Long An tăng 5% " * 10
    assert fold(plain) == plain.lower()


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_maps_back_inside_itself(text):
    n = normalize(text)
    assert len(n.starts) == len(n.text) + 1
    for i in range(len(n.text)):
        s, e = n.span(i, i + 1)
        assert 0 <= s < e <= len(text)


def test_sentences_are_slices_with_paragraphs():
    text = "Năm 2023, doanh thu đạt 5 tỷ đồng. Lợi nhuận tăng 3%.\n\nDòng thứ hai không có số"
    sents = split_sentences(text)
    assert [text[s.start:s.end] for s in sents] == [
        "Năm 2023, doanh thu đạt 5 tỷ đồng.",
        "Lợi nhuận tăng 3%.",
        "Dòng thứ hai không có số",
    ]
    assert [s.paragraph for s in sents] == [0, 0, 1]  # numbered by non-empty lines


def test_a_full_stop_after_a_one_letter_unit_ends_a_sentence_before_a_capital():
    text = "Cầu dài 320 m. Dự án có tổng vốn 480 tỷ đồng. Ông Trần V. B. cho biết lãi đạt 12 tỷ đồng."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "Cầu dài 320 m.",
        "Dự án có tổng vốn 480 tỷ đồng.",
        "Ông Trần V. B. cho biết lãi đạt 12 tỷ đồng.",  # an initial after a name is no unit
    ]


def test_tone_pattern_matches_what_the_alternation_of_its_spellings_matches():
    """The tone folding pattern is built as one class per first vowel: on every spelling, in every context
    (after "q", before a letter, at the end, in capitals lower-cased), it folds just as the plain alternation."""
    import regex

    table = _TONE_TABLE
    plain = regex.compile(r"(?<!q)(" + "|".join(map(regex.escape, table)) + r")(?!\p{L})")
    folded = 0
    for key in table:
        for text in (key, f"h{key}", f"q{key}", f"{key}n", f"th{key} {key}", f"{key},{key}", f"x{key}{key}"):
            want = plain.sub(lambda m: table[m.group(1)], text)
            assert _TONE_RE.sub(lambda m: table[m.group(1)], text) == want, text
            folded += want != text
    assert folded > 40


def test_every_character_with_a_combining_class_is_a_mark():
    """``_clean`` copies long NFC stretches without marks whole: that each of their characters is a cluster
    of its own rests on every character with a combining class being a mark (``\\p{M}``) to the regex."""
    import sys

    import regex

    mark = regex.compile(r"\p{M}")
    assert not [hex(i) for i in range(sys.maxunicode + 1)
                if unicodedata.combining(chr(i)) and mark.match(chr(i)) is None]


@given(st.lists(st.sampled_from(["hòa bình phát triển kinh tế ", "tăng 5%", "\u0301", "\u0323\u0302", "\r", "\r\n",
                                 "\u00ad", "\u200b", "Ð", "ð", "⁄", "Å", "\u212b", "\u0340", "\u1100\u1161", "Đ",
                                 "giá trị sản xuất công nghiệp ước đạt"]), max_size=30))
def test_clean_copies_plain_stretches_as_it_cleans_them_cluster_by_cluster(parts):
    """Long stretches copied whole give the text and offset map the cluster-at-a-time cleaning gives."""
    from vnextract.text.normalize import _clean, _clean_clusters

    text = "".join(parts)
    out, starts = [], array("l")
    _clean_clusters(text, 0, len(text), out, starts)
    starts.append(len(text))
    cleaned, mapped = _clean(text)
    assert cleaned == "".join(out) and list(mapped) == list(starts)


def test_per_text_answers_for_the_last_text_only():
    from vnextract.text.normalize import per_text

    calls = []

    @per_text
    def length(text):
        calls.append(text)
        return len(text)

    a, b = "Doanh thu đạt 5 tỷ đồng.", "Lợi nhuận tăng 3%."
    assert [length(a), length(a), length(b), length(a)] == [len(a), len(a), len(b), len(a)]
    assert calls == [a, b, a]  # asked again for the same text, it does not recompute; another text does
