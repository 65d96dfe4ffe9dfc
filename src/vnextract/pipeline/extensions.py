"""The Doc extensions of the vnextract pipeline, and why they serialise.

spaCy serialises ``doc.user_data`` with msgpack (``Doc.to_bytes``,
``DocBin``, ``nlp.pipe(n_process=…)``), so only plain data goes there. The rules' working state (``doc._.vx``, the tokenizer's
``Prepared`` text, and ``doc._.quantities`` / ``doc._.analyses``) lives in a
weak-keyed side table: it is there while the Doc is in memory and is not
serialised. The output is stored as plain data under ``doc._.vx_extraction``
(an ``Extraction`` dumped with numbers as decimal strings, so values stay
exact and integers of any size survive msgpack), and ``doc._.records`` /
``doc._.extraction`` are getters that rebuild the pydantic models from it.
``doc._.date`` (the caller's date) is stored as an ISO string.

The extensions are registered when a vnextract tokenizer or component is
built (``vnextract.load()``, or ``spacy.load`` of a saved vnextract
pipeline), not on import: spaCy imports this package through its entry
points whenever any pipeline is made, and generic names such as ``date``
must not change other programs' Docs until vnextract is actually used.
To read vnextract Docs back without building a pipeline, call
``register_extensions()``.
"""
from __future__ import annotations

import warnings
from datetime import date as Date
from decimal import Decimal
from functools import partial
from typing import Any
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

from ..api import as_date
from ..schema import Extraction, Record

#: Working state that must not reach ``doc.user_data``: doc → {extension name: value}.
_LIVE: WeakKeyDictionary[Doc, dict[str, Any]] = WeakKeyDictionary()
_CACHE = "extraction model"
#: Where ``doc._.date`` keeps its ISO string (the key a plain extension would use).
_DATE_KEY = ("._.", "date", None, None)


def _live_get(name: str, doc: Doc) -> Any:
    return _LIVE.get(doc, {}).get(name)


def _live_set(name: str, doc: Doc, value: Any) -> None:
    _LIVE.setdefault(doc, {})[name] = value


def _in_memory(name: str) -> dict[str, Any]:
    """Getter and setter of an extension kept in ``_LIVE``, never serialised."""
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
    cached = _live_get(_CACHE, doc)
    if cached is None or cached[0] is not data:  # rebuilt once per stored data, e.g. after from_bytes
        cached = (data, Extraction.model_validate(data))
        _live_set(_CACHE, doc, cached)
    return cached[1]


def cache_extraction(doc: Doc, ex: Extraction) -> None:
    """Remember the model ``doc._.vx_extraction`` was just made from, so this process does not rebuild it."""
    _live_set(_CACHE, doc, (doc._.vx_extraction, ex))


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


#: name → ``Doc.set_extension`` keywords. Module-level functions and partials, not lambdas:
#: ``nlp.pipe(n_process=…)`` pickles the extensions for workers started with ``spawn``.
EXTENSIONS: dict[str, dict[str, Any]] = {
    **{name: _in_memory(name) for name in ("vx", "quantities", "analyses")},
    "vx_extraction": {"default": None},
    "extraction": {"getter": _get_extraction},
    "records": {"getter": _get_records, "setter": _set_records},
    "date": {"getter": _get_date, "setter": _set_date},
}


def register_extensions() -> None:
    """Register the vnextract Doc extensions (idempotent); warn when one replaces another package's."""
    for name, spec in EXTENSIONS.items():
        wanted = (spec.get("default"), None, spec.get("getter"), spec.get("setter"))
        if Doc.has_extension(name):
            if Doc.get_extension(name) == wanted:
                continue
            warnings.warn(f"vnextract replaces the Doc extension {name!r} registered elsewhere", stacklevel=2)
        Doc.set_extension(name, force=True, **spec)
