"""The library entry points: ``load``, ``extract``, ``extract_many`` (``to_frame`` is in ``frame``)."""
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


#: Texts per task sent to a worker process by ``extract_many(n_process>1)``.
CHUNK_SIZE = 16
_END = object()


def extract_many(texts: Iterable[str | tuple[str, DateLike]], *, ids: Iterable[str] | None = None,
                 dates: DateLike | Iterable[DateLike] = None, n_process: int = 1,
                 chunk_size: int = CHUNK_SIZE) -> Iterator[Extraction]:
    """Stream ``extract`` over many texts, lazily and in order.

    Each item of ``texts`` is a string or a ``(text, date)`` pair. ``ids``
    (one per text) become each Extraction's ``source``; ``dates`` is one date
    per text, or a single date (``datetime.date`` or ISO string) for all.
    With ``n_process > 1`` (``-1``: one per core) the texts are read by that
    many worker processes (started with ``spawn``: a script that calls this
    needs the ``if __name__ == "__main__":`` guard), ``chunk_size`` texts per
    task, at most two tasks per worker in flight: the input is read as the
    output is consumed, and the output is what ``n_process=1`` gives, in the
    same order. An exception raised by one text is raised when its place in
    the output is reached, after every earlier text's Extraction.
    """
    if not isinstance(n_process, int) or n_process == 0 or n_process < -1:
        raise ValueError(f"n_process must be a positive number of processes or -1 (one per core), got {n_process!r}")
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ValueError(f"chunk_size must be a positive int, got {chunk_size!r}")
    if isinstance(ids, str | bytes):
        raise TypeError("ids must be an iterable of ids, one per text, not a single string")
    import os

    tasks = _tasks(texts, ids, dates)
    workers = (os.cpu_count() or 1) if n_process == -1 else n_process
    return _serial(tasks) if workers == 1 else _pooled(tasks, workers, chunk_size)


def _tasks(texts, ids, dates) -> Iterator[tuple[str, DateLike, str | None]]:
    """``(text, date, source)`` per item, checking that ids and dates match the texts one for one."""
    single = dates is None or isinstance(dates, Date | str)
    id_it = iter(()) if ids is None else iter(ids)
    date_it = iter(()) if single else iter(dates)
    for i, item in enumerate(texts):
        if isinstance(item, str):
            text, date = item, dates if single else next(date_it, _END)
            if date is _END:
                raise ValueError(f"extract_many: fewer dates than texts (none for text {i})")
        else:
            try:
                text, date = item
            except (TypeError, ValueError):
                raise TypeError(f"extract_many: text {i} is a {type(item).__name__}, "
                                "expected a str or a (text, date) pair") from None
            if dates is not None:
                raise ValueError(f"extract_many: text {i} is a (text, date) pair and dates= is given too: give one")
        source = None if ids is None else next(id_it, _END)
        if source is _END:
            raise ValueError(f"extract_many: fewer ids than texts (none for text {i})")
        yield text, date, None if source is None else str(source)
    if ids is not None and next(id_it, _END) is not _END:
        raise ValueError("extract_many: more ids than texts")
    if not single and next(date_it, _END) is not _END:
        raise ValueError("extract_many: more dates than texts")


def _serial(tasks) -> Iterator[Extraction]:
    for text, date, source in tasks:
        yield extract(text, date=date, source=source)


def _extract_chunk(chunk: list[tuple[str, DateLike, str | None]]) -> list[Extraction | Exception]:
    """A worker's task: the Extractions of a chunk, an exception in the place of a text that raised one."""
    out: list[Extraction | Exception] = []
    for text, date, source in chunk:
        try:
            out.append(extract(text, date=date, source=source))
        except Exception as e:  # raised in the caller, at this text's place
            out.append(e)
    return out


def _pooled(tasks, workers: int, chunk_size: int) -> Iterator[Extraction]:
    import multiprocessing
    import os
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    from .batch.work import die_with_parent

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
    pending: deque = deque()
    try:
        for chunk in _chunks(tasks, chunk_size):
            pending.append(pool.submit(_extract_chunk, chunk))
            if len(pending) >= 2 * workers:
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())
    finally:  # also when the caller stops early: drop the queued tasks, wait for the running ones
        pool.shutdown(wait=True, cancel_futures=True)


def _results(future) -> Iterator[Extraction]:
    for r in future.result():
        if isinstance(r, Exception):
            raise r
        yield r


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    from itertools import islice

    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
