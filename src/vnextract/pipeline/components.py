"""Rule components, registered as spaCy factories.

``vnextract_quantities`` finds numbers with units, ``vnextract_cues`` gives
each its role (value, change, plan, share) and finds periods, and
``vnextract_records`` assembles records onto ``doc._.records``. Each leaves
its findings in ``doc.spans`` for displaCy (``style="span"``).

What a Doc carries, and why: spaCy serialises ``doc.user_data`` with msgpack
(``Doc.to_bytes``, ``DocBin``, ``nlp.pipe(n_process=…)``), so only plain data
goes there. The rules' working state (``doc._.vx``, the tokenizer's
``Prepared`` text, and ``doc._.quantities`` / ``doc._.analyses``) lives in a
weak-keyed side table: it is there while the Doc is in memory and is not
serialised. The output is stored as plain data under ``doc._.vx_extraction``
(an ``Extraction`` dumped with numbers as decimal strings, so values stay
exact and integers of any size survive msgpack), and ``doc._.records`` /
``doc._.extraction`` are getters that rebuild the pydantic models from it.
``doc._.date`` (the caller's date) is stored as an ISO string.
"""
from __future__ import annotations

from datetime import date as Date
from decimal import Decimal
from functools import partial
from typing import Any
from weakref import WeakKeyDictionary

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..api import as_date
from ..rules.records import analyse, assemble, find_all_quantities
from ..schema import Extraction, Record
from .tokenizer import ViTokenizer  # noqa: F401  (registers the tokenizer)

QUANTITY_KEY = "vx_quantities"
CUE_KEY = "vx_cues"
RECORD_KEY = "vx_records"

#: Working state that must not reach ``doc.user_data``: doc → {extension name: value}.
_LIVE: WeakKeyDictionary[Doc, dict[str, Any]] = WeakKeyDictionary()
#: Where ``doc._.date`` keeps its ISO string (the key a plain extension would use).
_DATE_KEY = ("._.", "date", None, None)


def _live_get(name: str, doc: Doc) -> Any:
    return _LIVE.get(doc, {}).get(name)


def _live_set(name: str, doc: Doc, value: Any) -> None:
    _LIVE.setdefault(doc, {})[name] = value


def _in_memory(name: str) -> dict[str, Any]:
    """Getter and setter of an extension kept in ``_LIVE``, never serialised.

    Module-level functions (not lambdas): ``nlp.pipe(n_process=…)`` pickles
    the extensions for workers started with ``spawn``.
    """
    return {"getter": partial(_live_get, name), "setter": partial(_live_set, name)}


def plain(value: Any) -> Any:
    """``value`` as msgpack- and JSON-safe data: Decimals as exact strings, dates as ISO, tuples as lists."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def _get_extraction(doc: Doc) -> Extraction | None:
    data = doc._.vx_extraction
    if data is None:
        return None
    live = _LIVE.setdefault(doc, {})
    cached = live.get("extraction")
    if cached is None or cached[0] is not data:  # rebuilt once per stored data, e.g. after from_bytes
        cached = live["extraction"] = (data, Extraction.model_validate(data))
    return cached[1]


def _get_records(doc: Doc) -> list[Record] | None:
    ex = _get_extraction(doc)
    return None if ex is None else ex.records


def _set_records(doc: Doc, records: list[Record] | None) -> None:
    doc._.vx_extraction = None if records is None else plain(Extraction(records=records).model_dump())


def _get_date(doc: Doc) -> Date | None:
    return as_date(doc.user_data.get(_DATE_KEY))


def _set_date(doc: Doc, value) -> None:
    day = as_date(value)
    doc.user_data[_DATE_KEY] = None if day is None else day.isoformat()


for _name in ("vx", "quantities", "analyses"):
    Doc.set_extension(_name, force=True, **_in_memory(_name))
Doc.set_extension("vx_extraction", default=None, force=True)
Doc.set_extension("extraction", getter=_get_extraction, force=True)
Doc.set_extension("records", getter=_get_records, setter=_set_records, force=True)
Doc.set_extension("date", getter=_get_date, setter=_set_date, force=True)


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
        _LIVE.setdefault(doc, {})["extraction"] = (doc._.vx_extraction, ex)  # no rebuild in this process
        doc.spans[RECORD_KEY] = [
            s for s in (doc.char_span(r.evidence.start, r.evidence.end, label=r.metric[:40], alignment_mode="expand")
                        for r in doc._.records) if s is not None
        ]
        return doc


@Language.factory("vnextract_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityFinder:
    return QuantityFinder()


@Language.factory("vnextract_cues")
def make_cues(nlp: Language, name: str) -> CueRules:
    return CueRules()


@Language.factory("vnextract_records")
def make_records(nlp: Language, name: str) -> RecordAssembler:
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
