"""The library entry points: ``load``, ``extract``, ``extract_many``."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date as Date
from functools import lru_cache

from spacy.language import Language

from .schema import Extraction

DateLike = Date | str | None


@lru_cache(maxsize=4)
def _shared(segment: str) -> Language:
    from .pipeline import build_pipeline

    return build_pipeline(segment)


def load(segment: str = "statistics") -> Language:
    """The vnextract spaCy pipeline: ``doc = load()(text); doc._.records``.

    ``segment`` says where underthesea segments words: ``"statistics"`` (only
    sentences that may hold a figure, the default), ``"all"`` or ``"none"``.
    """
    from .pipeline import build_pipeline

    return build_pipeline(segment)


def _date(date: DateLike) -> Date | None:
    if date is None or isinstance(date, Date):
        return date
    return Date.fromisoformat(str(date)[:10])


def extract(text: str, *, date: DateLike = None, source: str | None = None) -> Extraction:
    """Every statistic in ``text`` as validated records.

    ``date`` (a ``datetime.date`` or an ISO string) gives the year of figures
    the text itself does not date.
    """
    nlp = _shared("statistics")
    doc = nlp.make_doc(text)
    doc._.date = _date(date)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return Extraction(source=source, records=doc._.records)


def extract_many(texts: Iterable[str | tuple[str, DateLike]], *, batch_size: int = 64) -> Iterator[Extraction]:
    """Stream ``extract`` over many texts (each a string or a ``(text, date)`` pair)."""
    nlp = _shared("statistics")

    def docs():
        for item in texts:
            text, date = (item, None) if isinstance(item, str) else item
            doc = nlp.make_doc(text)
            doc._.date = _date(date)
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield Extraction(records=doc._.records)
