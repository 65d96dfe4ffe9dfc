"""Rule components, registered as spaCy factories.

``vnextract_quantities`` finds numbers with units, ``vnextract_cues`` gives
each its role (value, change, plan, share) and finds periods, and
``vnextract_records`` assembles records onto ``doc._.records``. Each leaves
its findings in ``doc.spans`` for displaCy (``style="span"``), with short
labels: a quantity's category (``MONEY``, ``PERCENT`` …), a number's role
(``VALUE``, ``CHANGE``, ``PLAN``, ``SHARE``, ``CONTRIBUTION``) or ``PERIOD``, a
record's indicator id (``EXPORTS``; ``RECORD`` for none). ``displacy_options``
gives each label its colour::

    displacy.render(doc, style="span", options=displacy_options("vx_cues"))

What a Doc carries, and why it serialises: ``extensions``.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..rules.records import analyse, assemble, find_all_quantities
from ..schema import Extraction
from .extensions import cache_extraction, plain, register_extensions
from .tokenizer import ViTokenizer  # noqa: F401  (registers the tokenizer)

QUANTITY_KEY = "vx_quantities"
CUE_KEY = "vx_cues"
RECORD_KEY = "vx_records"


def _state(doc: Doc):
    if doc._.vx is None:
        raise ValueError("vnextract components need the vnextract tokenizer (vnextract.load()); "
                         "a Doc read back from bytes has its records but no working state: run nlp(doc.text)")
    return doc._.vx


def _add_spans(doc: Doc, key: str, spans) -> None:
    st = doc._.vx
    out = []
    for a, b, label in spans:
        oa, ob = st.norm.span(a, b)
        span = doc.char_span(oa, ob, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    doc.spans[key] = out


#: displaCy colours of the quantity categories and of the roles (one hue a role, as in the review page).
LABEL_COLOURS = {
    "VALUE": "#ffd166", "CHANGE": "#7bd389", "PLAN": "#8ecae6", "SHARE": "#cdb4db", "CONTRIBUTION": "#f4a3c0",
    "PERIOD": "#d9d9d9", "MONEY": "#ffd166", "PERCENT": "#7bd389", "POINTS": "#a3e4a0", "RATIO": "#b8e0d2",
    "MEASURE": "#f6bd60", "COUNT": "#e9c46a", "NUMBER": "#e5e5e5", "RECORD": "#ffe08a",
}
#: Colours handed to the indicators in the order of ``indicators.toml``, round and round.
_PALETTE = ("#ffd166", "#8ecae6", "#7bd389", "#f4a3c0", "#cdb4db", "#f6bd60", "#b8e0d2", "#ffadad", "#a0c4ff",
            "#caffbf", "#fdffb6", "#bdb2ff")


def record_label(indicator: str | None) -> str:
    """A record's displaCy label: its indicator id, short and stable, in capitals (``RECORD`` without one)."""
    return (indicator or "record").upper()


def displacy_options(spans_key: str = RECORD_KEY) -> dict:
    """``options`` for ``displacy.render(doc, style="span", options=…)``: the span group and a colour per label."""
    from ..lang.vi.indicators import indicator_ids

    colours = dict(LABEL_COLOURS)
    for i, ident in enumerate(indicator_ids()):
        colours.setdefault(record_label(ident), _PALETTE[i % len(_PALETTE)])
    return {"spans_key": spans_key, "colors": colours}


class QuantityFinder:
    """Numbers with their units, per sentence."""

    def __call__(self, doc: Doc) -> Doc:
        found = find_all_quantities(_state(doc))
        doc._.quantities = found
        _add_spans(doc, QUANTITY_KEY, ((q.num_start, q.end, (q.category or "number").upper()) for qs in found for q in qs))
        return doc


class CueRules:
    """Roles of numbers (value, change, plan, share) and periods, per sentence."""

    def __call__(self, doc: Doc) -> Doc:
        st = _state(doc)
        if doc._.quantities is None:
            raise ValueError("vnextract_cues needs vnextract_quantities before it")
        analyses = [analyse(st.norm, sent, qs) for sent, qs in zip(st.sentences, doc._.quantities)]
        doc._.analyses = analyses
        spans = []
        for a in analyses:
            spans.extend((m.lead, m.end, m.role.upper()) for m in a.mentions)
            spans.extend((p.start, p.end, "PERIOD") for p in a.periods)
        _add_spans(doc, CUE_KEY, spans)
        return doc


class RecordAssembler:
    """Records from the roles, framed by years, months and kinds."""

    def __call__(self, doc: Doc) -> Doc:
        st = _state(doc)
        if doc._.analyses is None:
            raise ValueError("vnextract_records needs vnextract_cues before it")
        reading = assemble(st.norm, st.sentences, doc._.analyses, doc._.date, st.word_at)
        ex = Extraction(date=reading.date, date_source=reading.date_source, records=reading.records,
                        warnings=reading.warnings)
        doc._.vx_extraction = plain(ex.model_dump())
        cache_extraction(doc, ex)  # no rebuild from the plain data in this process
        doc.spans[RECORD_KEY] = [
            s for s in (doc.char_span(r.evidence.start, r.evidence.end, label=record_label(r.indicator),
                                                   alignment_mode="expand")
                        for r in doc._.records) if s is not None
        ]
        return doc


@Language.factory("vnextract_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityFinder:
    register_extensions()
    return QuantityFinder()


@Language.factory("vnextract_cues")
def make_cues(nlp: Language, name: str) -> CueRules:
    register_extensions()
    return CueRules()


@Language.factory("vnextract_records")
def make_records(nlp: Language, name: str) -> RecordAssembler:
    register_extensions()
    return RecordAssembler()


def build_pipeline(segment: str = "statistics") -> Language:
    """A blank Vietnamese pipeline with the vnextract tokenizer and rule components."""
    nlp = spacy.blank(
        "vi",
        config={"nlp": {"tokenizer": {"@tokenizers": "vnextract.ViTokenizer.v1", "segment": segment}}},
    )
    nlp.add_pipe("vnextract_quantities")
    nlp.add_pipe("vnextract_cues")
    nlp.add_pipe("vnextract_records")
    return nlp
