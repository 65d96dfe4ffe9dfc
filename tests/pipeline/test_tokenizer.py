"""The spaCy side: the tokenizer keeps doc.text == text, the components fill doc extensions."""
import unicodedata
from pathlib import Path

import pytest
from spacy import displacy
from spacy.tokens import Doc

import vnextract
from vnextract.pipeline.tokenizer import ViTokenizer

SEED = (Path(__file__).parents[2] / "samples" / "seed.txt").read_text(encoding="utf-8")
TEXTS = [
    SEED,
    unicodedata.normalize("NFD", SEED),
    SEED.replace("\n", "\r\n"),
    "  Doanh thu\u00a0đạt 5\u202ftỷ đồng;\t\tlợi nhuận\u200b tăng 3%.  \n\n",
    "",
    "   ",
    "Không có con số nào ở đây.",
]


@pytest.mark.parametrize("text", TEXTS, ids=["seed", "nfd", "crlf", "odd-spaces", "empty", "blank", "no-numbers"])
def test_round_trip(nlp, text):
    doc = nlp.make_doc(text)
    assert doc.text == text
    assert "".join(t.text_with_ws for t in doc) == text
    for t in doc:
        assert text[t.idx:t.idx + len(t.text)] == t.text


def test_words_are_segmented_only_where_a_figure_may_be(nlp):
    doc = nlp.make_doc("Ông Nguyễn Văn An cho biết tình hình sản xuất ổn định. Giá trị sản xuất đạt 500 tỷ đồng.")
    words = [t.text for t in doc]
    assert "sản xuất" in words  # second sentence: segmented by underthesea
    assert words.count("sản") == 1  # first sentence: syllables only
    assert doc._.vx.segmented == 1
    assert [s.text for s in doc.sents][1].startswith("Giá trị")


def test_segment_all_and_none():
    text = "Tình hình sản xuất ổn định."
    assert "sản xuất" in [t.text for t in vnextract.load(segment="all").make_doc(text)]
    assert "sản xuất" not in [t.text for t in vnextract.load(segment="none").make_doc(text)]
    with pytest.raises(ValueError):
        ViTokenizer(vnextract.load().vocab, segment="sometimes")


def test_components_fill_extensions_and_spans(nlp):
    doc = nlp(SEED)
    assert nlp.pipe_names == ["vnextract_quantities", "vnextract_cues", "vnextract_records"]
    assert len(doc._.records) == 8
    labels = {s.label_ for s in doc.spans["vx_cues"]}
    assert {"VALUE", "CHANGE", "PLAN", "PERIOD"} <= labels
    assert any(s.text == "90.260 tỷ đồng" for s in doc.spans["vx_quantities"])
    html = displacy.render(doc, style="span", options={"spans_key": "vx_records"})
    assert "INDUSTRIAL_OUTPUT_VALUE" in html  # records are labelled by indicator (pipeline.displacy_options)


def test_pipe_streams_like_calls(nlp):
    texts = [SEED, "Năm 2023, doanh thu đạt 5 tỷ đồng.", ""]
    piped = [len(d._.records) for d in nlp.pipe(texts)]
    assert piped == [len(nlp(t)._.records) for t in texts] == [8, 1, 0]


def test_components_need_the_tokenizer():
    import spacy

    other = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    other.add_pipe("vnextract_quantities")
    with pytest.raises(ValueError, match="vnextract tokenizer"):
        other("Doanh thu đạt 5 tỷ đồng.")


def test_extract_many_matches_extract():
    texts = [SEED, ("Tháng 10, doanh thu đạt 5 tỷ đồng.", "2023-11-01")]
    many = list(vnextract.extract_many(texts))
    assert many[0].records == vnextract.extract(SEED).records
    assert many[1].records[0].year == 2023 and many[1].records[0].months == (10, 10)
    assert isinstance(Doc, type)


def test_the_fast_path_and_the_spacy_pipeline_agree_on_the_corpus(nlp):
    """extract() skips building a Doc; it must give exactly what doc._.records gives."""
    docs = sorted((Path(__file__).parents[2] / "corpus" / "docs").glob("*.txt"))
    for p in docs:
        text = p.read_text(encoding="utf-8")
        assert vnextract.extract(text).records == nlp(text)._.records, p.name
