"""Inputs built to make patterns backtrack or memory grow: each must finish with sane output.

Timing is not asserted (benchmarks measure speed); these runs finish in well
under a second each here, and a pattern that backtracked would not finish.
"""
import pytest

from vnextract import extract
from vnextract.api import BLOCK
from vnextract.numbers import scan

HOSTILE = {
    "dots": "1." * 100_000,
    "commas": "1,1" * 50_000,
    "digits": "9" * 200_000,
    "spaced-groups": " 1 234" * 20_000,
    "separators": ".,;:%-/" * 20_000,
    "no-spaces": "tăng5%đạt90.260tỷđồng" * 5_000,
    "ranges-from-zero": "không tới 7000 đồng, từ 0 đến 180.000 đồng/kg, 0-0,5%; " * 2_000,
    "chained-ranges": "1-2-3-4-5-6-7-8-9 tỷ đồng " * 2_000,
    "compound-scales": "1 tỷ 2 triệu 3 nghìn 4 tỷ 5 triệu đồng " * 2_000,
    "signs": "-(-1,2%) âm âm -- -5 - - 3 %" * 2_000,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_gives_no_records_and_no_error(name):
    text = HOSTILE[name]
    ex = extract(text)
    assert all(text[r.evidence.start:r.evidence.end] == r.evidence.text for r in ex.records)
    assert len(scan(text)) <= len(text)


def test_one_huge_line_is_read_in_blocks_with_exact_offsets():
    sentence = "Năm 2023, doanh thu đạt 5 tỷ đồng, tăng 3%. "
    text = sentence * (2 * BLOCK // len(sentence) + 10)
    ex = extract(text)
    assert len(ex.records) == text.count("doanh thu")
    assert ex.warnings and "blocks" in ex.warnings[0]
    for r in ex.records[:: max(1, len(ex.records) // 50)]:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text == "doanh thu đạt 5 tỷ đồng, tăng 3%"


def test_extract_refuses_bytes_clearly():
    with pytest.raises(TypeError, match="takes a str"):
        extract(b"Doanh thu 5 t\xe1\xbb\xb7")
