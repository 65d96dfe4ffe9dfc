"""Inputs built to make patterns backtrack or memory grow: each must finish with sane output.

Timing is not asserted (benchmarks measure speed); these runs finish in well
under a second each here, and a pattern that backtracked would not finish.
"""
import json
from decimal import Decimal

import pytest

from vnextract import Extraction, extract
from vnextract.schema import NUMBER_DIGITS
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


@pytest.mark.parametrize("figure", ["9" * 309 + ",5 tỷ đồng", "1.000.000.000.000.000 đồng", "5 tỷ đồng, tăng " + "9" * 20 + "%",
                                    "9,5555555555555555 tỷ đồng"])
def test_a_number_too_long_to_be_a_statistic_gives_a_warning_and_no_record(figure):
    text = f"Năm 2023, doanh thu đạt {figure}. Lợi nhuận đạt 2 tỷ đồng."
    ex = extract(text)
    assert [r.metric for r in ex.records] == ["lợi nhuận"]
    assert len(ex.warnings) == 1 and "is not a statistic" in ex.warnings[0]
    assert Extraction.model_validate_json(ex.model_dump_json()) == ex


@pytest.mark.parametrize("figure, value", [("999.999.999.999.999", 10**NUMBER_DIGITS - 1), ("9,99999999999999", 9.99999999999999)])
def test_the_longest_number_a_record_holds_reads_back_exactly(figure, value):
    ex = extract(f"Năm 2023, doanh thu đạt {figure} đồng.")
    assert ex.records[0].value == Decimal(str(value)) and not ex.warnings
    assert json.loads(ex.model_dump_json())["records"][0]["value"] == value
    assert Extraction.model_validate_json(ex.model_dump_json()) == ex


def test_extract_refuses_bytes_clearly():
    with pytest.raises(TypeError, match="takes a str"):
        extract(b"Doanh thu 5 t\xe1\xbb\xb7")
