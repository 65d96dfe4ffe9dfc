"""Review pages (run, diff, gold) of corpus documents, opened in headless chromium and checked on the rendered DOM.

Each record must have exactly one highlight whose text is its evidence (in
any Unicode form, with astral characters and overlapping records); the diff
page must show the records a known edit added, removed and changed; the gold
page the misses ``eval.score`` finds; filters in the URL fragment must change
what is shown. The browser tests are few: each chromium start costs a second.
"""
from __future__ import annotations

import copy
import json
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

import vnextract
from vnextract.cli import main
from vnextract.review.highlight import Span, render_text
from vnextract.review.page import PageTooLarge, render_page, run_docs
from vnextract.testing import compare_records, diff_records

ROOT = Path(__file__).parents[2]

# Written for the test, in the genre; NFD, with an astral character inside the figures' clauses.
NFD = unicodedata.normalize(
    "NFD", "Năm 2023, kim ngạch xuất khẩu của tỉnh Long An đạt 8.250 triệu USD 📈, tăng 12% so với năm 2022; "
           "nhập khẩu đạt 5.100 triệu USD <ước tính> & giảm 3%.")


def _synthetic_line() -> dict:
    """A run line carrying its text (as for HTML input), with records that share and cross evidence."""
    records = vnextract.extract(NFD).model_dump(mode="json")["records"]
    assert len(records) >= 2
    same = copy.deepcopy(records[0])  # the same clause, read twice (as buy/sell quotes are)
    same["metric"] = "kim ngạch xuất khẩu (bản sao)"
    crossing = copy.deepcopy(records[-1])  # shares the end of one clause and the start of the next
    s, e = records[-1]["evidence"]["start"] - 10, records[-1]["evidence"]["start"] + 12
    crossing["evidence"] = {"start": s, "end": e, "text": NFD[s:e]}
    return {"source": "synthetic-nfd", "records": records + [same, crossing], "text": NFD}


def _evidence(r: dict) -> str:
    return r["evidence"]["text"]


def _by_record(dom) -> dict[tuple[str, int], list]:
    out: dict[tuple[str, int], list] = {}
    for m in dom.marks:
        out.setdefault((m.section, int(m.attrs["data-r"])), []).append(m)
    return out


@pytest.fixture(scope="module")
def run_page(corpus_docs, corpus_run, tmp_path_factory):
    lines = [{"source": d.key, "records": corpus_run[d.key]} for d in corpus_docs] + [_synthetic_line()]
    path = tmp_path_factory.mktemp("review") / "run.html"
    path.write_text(render_page(run_docs(lines, {d.key: d.text for d in corpus_docs}), mode="run", title="run"),
                    encoding="utf-8")
    return path, lines


# -- without a browser ------------------------------------------------------------------

def test_marks_nest_cross_and_escape(parse_dom):
    """Identical spans nest, a crossing one goes to the second layer, and markup in the text stays text."""
    text = "a <b> & c 12,5% d"
    spans = [Span(0, 9, 0, "rec", (2, 5)), Span(0, 9, 1, "rec"), Span(6, 15, 2, "rec"), Span(10, 15, 3, "rec", (0, 4))]
    body, layer = render_text(text, spans)
    dom = parse_dom(f'<section class="doc" data-k="x">{body}{layer}</section>')
    got = {int(m.attrs["data-r"]): m.content for m in dom.marks}
    assert len(dom.marks) == 4
    assert got == {i: text[s.start:s.end] for i, s in enumerate(spans)}
    assert "&lt;b&gt;</b> &amp; c" in body and "<b class=\"fig\">12,5</b>" in body
    assert 'data-r="2"' in layer and 'data-r="2"' not in body


def test_the_text_diff_prints_the_structured_diff(corpus_run):
    old = next(r for r in corpus_run.values() if len(r) > 3)
    new = copy.deepcopy(old[1:])
    new[0]["kind"] = "forecast" if new[0]["kind"] != "forecast" else "actual"
    statuses = Counter(c.status for c in compare_records(old, new))
    marks = Counter(line[0] for line in diff_records(old, new).splitlines() if line[:1] in "-+~")
    assert statuses["removed"] == marks["-"] == 1 and statuses["changed"] == marks["~"] == 1
    assert statuses["same"] == len(old) - 2


def _data(page: str) -> dict:
    """The documents' JSON block of a page."""
    start = page.index('<script type="application/json" id="data">') + len('<script type="application/json" id="data">')
    return json.loads(page[start:page.index("</script>", start)])


def test_records_whose_evidence_does_not_index_the_text_are_listed_not_marked(corpus_docs, corpus_run):
    d = corpus_docs[0]
    lines = [{"source": d.key, "records": corpus_run[d.key]}, {"source": "elsewhere", "records": corpus_run[d.key]}]
    wrong_text = {d.key: "x" + d.text}  # one character more: no evidence lies where it says
    docs = _data(render_page(run_docs(lines, wrong_text), mode="run", title="t"))["docs"]
    assert docs[0]["h"] is not None and "<mark" not in docs[0]["h"]
    assert not any(e["loc"] for e in docs[0]["e"]) and "does not index" in " ".join(docs[0]["n"])
    assert docs[1]["h"] is None and "no text" in " ".join(docs[1]["n"])
    assert [e["q"] for e in docs[1]["e"]] == [_evidence(r) for r in corpus_run[d.key]]


def test_a_page_over_the_limit_says_so(tmp_path, corpus_run):
    with pytest.raises(PageTooLarge, match="over the limit"):
        render_page(run_docs([{"source": k, "records": v} for k, v in corpus_run.items()], {}), mode="run",
                    title="t", max_mb=0.01)
    run = tmp_path / "run.jsonl"
    run.write_text("".join(json.dumps({"source": k, "records": v}) + "\n" for k, v in corpus_run.items()), "utf-8")
    result = CliRunner().invoke(main, ["review", str(run), "--max-mb", "0.01", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.output.startswith("vnextract: error: the review of") and "--max-mb" in result.output


def test_a_bad_run_line_names_the_file_and_line(tmp_path):
    run = tmp_path / "run.jsonl"
    run.write_text('{"source": "a", "records": []}\n{"records": 3}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(run), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and f"{run}:2: not a vnextract output line" in result.output


# -- in the browser ---------------------------------------------------------------------

def test_every_record_has_one_highlight_that_is_its_evidence(run_page, dump_dom):
    path, lines = run_page
    dom = dump_dom(path, "per=1000")
    assert len(dom.sections) == len(lines)
    marks = _by_record(dom)
    for line in lines:
        for i, r in enumerate(line["records"]):
            found = marks.get((line["source"], i), [])
            assert len(found) == 1, (line["source"], i, len(found))
            assert found[0].content == _evidence(r), (line["source"], i)
    assert len(dom.marks) == sum(len(x["records"]) for x in lines)
    assert dom.shown == {"docs": len(lines), "records": len(dom.marks)}


def test_a_filter_in_the_url_changes_what_is_shown(run_page, dump_dom):
    path, lines = run_page
    dom = dump_dom(path, "indicator=exports&per=1000")
    wanted = {x["source"] for x in lines if any(r["indicator"] == "exports" for r in x["records"])}
    exports = sum(r["indicator"] == "exports" for x in lines for r in x["records"])
    assert 0 < len(wanted) < len(lines)
    assert set(dom.sections) == wanted
    assert len(dom.rows) == exports == dom.shown["records"]
    assert all("<exports>" in row.content for row in dom.rows)
    by_source = {x["source"]: x["records"] for x in lines}
    for m in dom.marks:  # a record the filter leaves out keeps its place in the text, unmarked
        is_export = by_source[m.section][int(m.attrs["data-r"])]["indicator"] == "exports"
        assert ("off" in m.classes) != is_export


def test_search_finds_a_text_in_another_unicode_form(run_page, dump_dom):
    """The NFD document is found by an NFC query, markup characters and all."""
    path, lines = run_page
    query = unicodedata.normalize("NFC", "<ước tính> & giảm")
    dom = dump_dom(path, "q=" + quote(query))
    assert dom.sections == ["synthetic-nfd"]


def test_the_diff_page_shows_what_was_added_removed_and_changed(corpus_docs, corpus_run, tmp_path, dump_dom):
    old = {d.key: corpus_run[d.key] for d in corpus_docs[:6]}
    new = copy.deepcopy(old)
    a, b, c = list(new)[:3]
    removed = new[a].pop(0)
    added = {**copy.deepcopy(new[b][0]), "metric": "doanh thu thử nghiệm", "indicator": None, "value": 1}
    new[b].append(added)
    before = new[c][0]["kind"]
    new[c][0]["kind"] = after = "forecast" if before != "forecast" else "actual"
    files = []
    for name, run in (("old", old), ("new", new)):
        files.append(tmp_path / f"{name}.jsonl")
        files[-1].write_text("".join(json.dumps({"source": k, "records": v}, ensure_ascii=False) + "\n"
                                     for k, v in run.items()), encoding="utf-8")
    out = tmp_path / "diff.html"
    result = CliRunner().invoke(main, ["review", "--diff", *map(str, files), str(ROOT / "corpus" / "docs"),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    dom = dump_dom(out, "per=100")
    assert set(dom.sections) == {a, b, c}  # a diff shows the documents that differ unless asked (only=0)
    rows = Counter((row.section, row.classes.pop()) for row in dom.rows)
    assert {k: n for k, n in rows.items() if k[1] != "st-same"} == {(a, "st-removed"): 1, (b, "st-added"): 1,
                                                                     (c, "st-changed"): 1}
    changed = next(r for r in dom.rows if "st-changed" in r.classes)
    assert f"kind: {before} → {after}" in changed.content
    marks = {(m.section, frozenset(m.classes)): m.content for m in dom.marks if m.classes & {"st-added", "st-removed"}}
    assert marks[(a, frozenset({"rec", "st-removed"}))] == _evidence(removed)
    assert marks[(b, frozenset({"rec", "st-added"}))] == _evidence(added)
    assert sum(rows.values()) == len(dom.marks)  # every record of the diff is highlighted once


def test_the_gold_page_lists_what_eval_finds(corpus_docs, corpus_run, tmp_path, dump_dom):
    from vnextract.eval import score

    docs = corpus_docs[:8]
    run = {d.key: copy.deepcopy(corpus_run[d.key]) for d in docs}
    run[docs[0].key].pop(0)  # one gold record is missed now
    path = tmp_path / "run.jsonl"
    path.write_text("".join(json.dumps({"source": k, "records": v}, ensure_ascii=False) + "\n"
                            for k, v in run.items()), encoding="utf-8")
    gold = tmp_path / "corpus"
    (gold / "gold").mkdir(parents=True)
    (gold / "docs").mkdir()
    for d in docs:
        (gold / "gold" / f"{d.stem}.json").write_bytes((ROOT / "corpus" / "gold" / f"{d.stem}.json").read_bytes())
        (gold / "docs" / f"{d.stem}.txt").write_bytes(d.path.read_bytes())
    out = tmp_path / "gold.html"
    result = CliRunner().invoke(main, ["review", "--gold", str(gold), str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = score(run, docs)
    dom = dump_dom(out, "per=100")
    got = Counter((row.section, sorted(row.classes)[0]) for row in dom.rows)
    for ds, d in zip(report.docs, docs):
        expected = {"st-matched": len(ds.pairs) - len(ds.wrong), "st-wrong": len(ds.wrong),
                    "st-missed": len(ds.misses), "st-spurious": len(ds.spurious)}
        assert {k: got[(d.key, k)] for k in expected} == expected, d.key
    assert report.docs[0].misses
    missed = [m.content for m in dom.marks if m.section == docs[0].key and "st-missed" in m.classes]
    assert {g["quote"] for g in report.docs[0].misses} <= set(missed)
