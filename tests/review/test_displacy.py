"""displaCy views of the spaCy pipeline: short labels, each with its own colour (not metric names, all grey)."""
from __future__ import annotations

import pytest
from spacy import displacy

import vnextract
from vnextract.pipeline import displacy_options

TEXT = ("Năm 2023, kim ngạch xuất khẩu của tỉnh đạt 8.250 triệu USD, tăng 12% so với năm 2022, "
        "bằng 103% kế hoạch; vốn đầu tư chiếm 35% tổng vốn.")


@pytest.fixture(scope="module")
def doc():
    return vnextract.load()(TEXT)


@pytest.mark.parametrize("key", ["vx_quantities", "vx_cues", "vx_records"])
def test_every_label_is_short_and_coloured(doc, key):
    options = displacy_options(key)
    labels = {s.label_ for s in doc.spans[key]}
    assert labels and all(len(label) <= 30 and label.isupper() for label in labels)
    assert labels <= set(options["colors"])
    html = displacy.render(doc, style="span", options=options)
    for label in labels:
        assert options["colors"][label] in html


def test_records_are_labelled_by_indicator_and_roles_differ_in_colour(doc):
    assert "EXPORTS" in {s.label_ for s in doc.spans["vx_records"]}
    colours = displacy_options()["colors"]
    roles = ["VALUE", "CHANGE", "PLAN", "SHARE", "CONTRIBUTION", "PERIOD"]
    assert len({colours[r] for r in roles}) == len(roles)
    assert {"VALUE", "CHANGE", "PLAN"} <= {s.label_ for s in doc.spans["vx_cues"]}
