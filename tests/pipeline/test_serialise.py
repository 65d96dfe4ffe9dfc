"""spaCy conventions: a processed Doc serialises (to_bytes, DocBin, nlp.pipe(n_process=2)) and a saved
pipeline loads with spacy.load in a fresh interpreter, all giving the records extract() gives."""
import importlib.metadata
import json
import os
import pickle
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest
from spacy import displacy
from spacy.tokens import Doc, DocBin

import vnextract

ROOT = Path(__file__).parents[2]
SEED = (ROOT / "samples" / "seed.txt").read_text(encoding="utf-8")
# The second text has a 15-digit integer and a percent with a trailing zero: records stored as JSON
# numbers would come back as Decimal("12.5"), not the stated Decimal("12.50").
TEXTS = [
    "Năm 2023, doanh thu đạt 5 tỷ đồng, tăng 12% so với năm trước.",
    "Doanh thu đạt 123456789012345 đồng, tăng 12,50% so với năm trước.",
    "Tháng 10/2022, kim ngạch xuất khẩu ước đạt 4.309,73 triệu USD, giảm 1,5% so với cùng kỳ.",
    "Không có con số nào ở đây.",
]


def _same_as_extract(doc: Doc, text: str) -> None:
    expected = vnextract.extract(text)
    assert doc._.records == expected.records
    assert doc._.extraction == expected
    # Decimal equality ignores trailing zeros: compare the stated digits too.
    assert [(str(r.value), [str(c.percent) for c in r.changes]) for r in doc._.records] == \
           [(str(r.value), [str(c.percent) for c in r.changes]) for r in expected.records]


@pytest.mark.parametrize("text", [SEED, *TEXTS])
def test_to_bytes_round_trip_keeps_the_records(nlp, text):
    doc = Doc(nlp.vocab).from_bytes(nlp(text).to_bytes())
    assert doc.text == text
    _same_as_extract(doc, text)


def test_exact_values_survive_a_round_trip(nlp):
    doc = Doc(nlp.vocab).from_bytes(nlp(TEXTS[1]).to_bytes())
    r = doc._.records[0]
    assert str(r.value) == "123456789012345"
    assert str(r.changes[0].percent) == "12.50"


def test_docbin_with_user_data_round_trip(nlp):
    docs = list(nlp.pipe(TEXTS))
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    for doc, text in zip(back, TEXTS, strict=True):
        _same_as_extract(doc, text)


def test_pipe_with_two_processes_gives_the_records_extract_gives(nlp):
    docs = list(nlp.pipe(TEXTS, n_process=2, batch_size=1))
    assert [d.text for d in docs] == TEXTS
    for doc, text in zip(docs, TEXTS, strict=True):
        _same_as_extract(doc, text)


def test_what_spawned_pipe_workers_receive_pickles(nlp):
    """Under ``spawn`` (macOS, Windows), nlp.pipe(n_process=…) pickles the extensions and the pipes."""
    from spacy.tokens.underscore import Underscore

    ours = {n: Underscore.doc_extensions[n] for n in ("vx", "quantities", "analyses", "vx_extraction", "extraction",
                                                      "records", "date")}
    back = pickle.loads(pickle.dumps(ours))
    doc = nlp(TEXTS[0])
    assert back["records"][2](doc) == doc._.records  # the getter itself, unpickled
    pickle.loads(pickle.dumps((nlp.tokenizer, [proc for _, proc in nlp.pipeline])))


def test_spans_and_displacy_after_a_round_trip(nlp):
    doc = nlp(SEED)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    for key in ("vx_quantities", "vx_cues", "vx_records"):
        assert [(s.start_char, s.end_char, s.label_) for s in back.spans[key]] == \
               [(s.start_char, s.end_char, s.label_) for s in doc.spans[key]]
    html = displacy.render(back, style="span", options={"spans_key": "vx_records"})
    assert "INDUSTRIAL_OUTPUT_VALUE" in html  # records are labelled by indicator (pipeline.displacy_options)


def test_a_tokenized_only_doc_and_a_dated_doc_serialise(nlp):
    text = "Tháng 10, doanh thu đạt 5 tỷ đồng."
    assert Doc(nlp.vocab).from_bytes(nlp.make_doc(text).to_bytes()).text == text
    doc = nlp.make_doc(text)
    doc._.date = date(2023, 11, 1)
    assert doc._.date == date(2023, 11, 1)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.date == date(2023, 11, 1)
    assert back._.records == vnextract.extract(text, date="2023-11-01").records
    assert back._.records[0].year == 2023


def test_working_state_stays_in_memory(nlp):
    doc = nlp(TEXTS[0])
    assert doc._.vx is not None and doc._.quantities is not None
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.vx is None and back._.quantities is None  # not serialised: only records and spans are
    with pytest.raises(ValueError, match="run nlp"):
        nlp.get_pipe("vnextract_quantities")(back)


def test_records_can_be_set(nlp):
    doc = nlp.make_doc(TEXTS[0])
    records = vnextract.extract(TEXTS[0]).records
    doc._.records = records
    assert Doc(nlp.vocab).from_bytes(doc.to_bytes())._.records == records


def test_tokenizer_settings_travel_with_it(tmp_path):
    tok = vnextract.load(segment="none").tokenizer
    other = vnextract.load().tokenizer
    assert other.from_bytes(tok.to_bytes()).segment == "none"
    vnextract.load(segment="all").tokenizer.to_disk(tmp_path / "tokenizer")
    assert other.from_disk(tmp_path / "tokenizer").segment == "all"
    with pytest.raises(ValueError, match="segment must be one of"):
        other.from_bytes(b'{"segment": "sometimes"}')


def _declared_entry_points() -> dict[str, dict[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["entry-points"]


def test_pyproject_declares_the_factories_and_the_tokenizer():
    from spacy.util import registry

    from vnextract.pipeline import components, tokenizer

    eps = _declared_entry_points()
    factories = eps["spacy_factories"]
    assert set(factories) == {"vnextract_quantities", "vnextract_cues", "vnextract_records"}
    for name, target in factories.items():
        module, func = target.split(":")
        assert module == components.__name__ and getattr(components, func).__name__ == func
    (name, target), = eps["spacy_tokenizers"].items()
    assert target == f"{tokenizer.__name__}:create_tokenizer"
    assert registry.tokenizers.get(name) is tokenizer.create_tokenizer


def test_a_saved_pipeline_loads_with_spacy_load_in_a_fresh_interpreter(nlp, tmp_path):
    installed = {(ep.group, ep.name, ep.value) for ep in importlib.metadata.distribution("vnextract").entry_points}
    declared = {(g, n, v) for g, eps in _declared_entry_points().items() for n, v in eps.items()}
    if not declared <= installed:
        pytest.skip("the installed vnextract metadata predates its entry points: pip install -e . (make test does)")
    vnextract.load(segment="all").to_disk(tmp_path / "pipeline")
    script = (  # no import of vnextract: spaCy finds it through the entry points
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "print(json.dumps({'segment': nlp.tokenizer.segment, 'pipes': nlp.pipe_names,\n"
        "                  'records': [[r.model_dump(mode='json') for r in d._.records] for d in nlp.pipe(sys.argv[2:])]}))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "pipeline"), *TEXTS], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout)
    assert got["segment"] == "all"
    assert got["pipes"] == ["vnextract_quantities", "vnextract_cues", "vnextract_records"]
    assert got["records"] == [[r.model_dump(mode="json") for r in vnextract.extract(t).records] for t in TEXTS]


def test_other_spacy_programs_are_left_alone(tmp_path):
    """spaCy imports vnextract through its entry points for every pipeline: that must not claim Doc._.date."""
    script = (
        "import spacy, vnextract.pipeline\n"
        "from spacy.tokens import Doc\n"
        "Doc.set_extension('date', default='theirs')\n"
        "doc = spacy.blank('en')('a b')\n"
        "assert doc._.date == 'theirs' and not Doc.has_extension('records'), 'claimed on import'\n"
        "import warnings\n"
        "with warnings.catch_warnings(record=True) as w:\n"
        "    warnings.simplefilter('always')\n"
        "    nlp = vnextract.load()\n"
        "assert any(\"'date'\" in str(x.message) for x in w), 'replaced silently'\n"
        "assert nlp('Năm 2023, doanh thu đạt 5 tỷ đồng.')._.records\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
