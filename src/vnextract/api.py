"""The library entry points: ``load``, ``extract``, ``extract_many``."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date as Date
from typing import TYPE_CHECKING

from .schema import Evidence, Extraction, Record

if TYPE_CHECKING:
    from spacy.language import Language

DateLike = Date | str | None


def load(segment: str = "statistics") -> "Language":
    """The vnextract spaCy pipeline: ``doc = load()(text); doc._.records``.

    ``segment`` says where underthesea segments words: ``"statistics"`` (only
    sentences that may hold a figure, the default), ``"all"`` or ``"none"``.
    """
    from .pipeline import build_pipeline

    return build_pipeline(segment)


def as_date(date: DateLike) -> Date | None:
    """A ``datetime.date`` from a date, an ISO string (a time part is ignored) or None."""
    if date is None or isinstance(date, Date):
        return date
    return Date.fromisoformat(str(date)[:10])


#: Texts longer than this are read block by block (cut at line ends), so memory
#: stays bounded and time linear however long a document is.
BLOCK = 200_000


def _blocks(text: str, size: int = BLOCK) -> Iterator[tuple[int, str]]:
    """``(offset, block)`` pieces of ``text``, cut at a line end, else a sentence end, else a space."""
    start, n = 0, len(text)
    while n - start > size:
        end = start + size
        cut = text.rfind("\n", start + size // 2, end)
        if cut < 0:
            cut = text.rfind(". ", start + size // 2, end)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, end)
        cut = end if cut < 0 else cut + 1
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _run(text: str, date: Date | None):
    # The rules the spaCy components run, without building a Doc: the fast path.
    from .rules.records import read_document
    from .text.prepare import prepare

    return read_document(prepare(text), date)


def extract(text: str, *, date: DateLike = None, source: str | None = None) -> Extraction:
    """Every statistic in ``text`` as validated records.

    ``date`` (a ``datetime.date`` or an ISO string) gives the year of figures
    the text itself does not date; without it, a dateline that states a year
    ("Ngày 6/1/2023, …") does. The output's ``date`` and ``date_source``
    ("caller" or "text") say which date periods were read against. A text longer than ``BLOCK`` characters is
    read in blocks cut at line ends; a year frame does not cross blocks.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, got {type(text).__name__}")
    day = as_date(date)
    if len(text) <= BLOCK:
        r = _run(text, day)
        return Extraction(source=source, date=r.date, date_source=r.date_source, records=r.records,
                          warnings=r.warnings)
    records: list[Record] = []
    warnings = [f"text of {len(text)} characters read in blocks of at most {BLOCK}"]
    dated = {"date": day, "date_source": "caller" if day else None}
    for offset, block in _blocks(text):
        r = _run(block, day)
        if day is None and r.date is not None:
            day, dated = r.date, {"date": r.date, "date_source": r.date_source}  # the first block's dateline
        warnings.extend(r.warnings)
        for rec in r.records:
            ev = Evidence(start=rec.evidence.start + offset, end=rec.evidence.end + offset, text=rec.evidence.text)
            records.append(rec.model_copy(update={"evidence": ev}))
    return Extraction(source=source, **dated, records=records, warnings=warnings)


def extract_many(texts: Iterable[str | tuple[str, DateLike]]) -> Iterator[Extraction]:
    """Stream ``extract`` over many texts (each a string or a ``(text, date)`` pair), lazily."""
    for item in texts:
        text, date = (item, None) if isinstance(item, str) else item
        yield extract(text, date=date)
