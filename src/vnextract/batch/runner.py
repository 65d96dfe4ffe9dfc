"""``vnextract batch``: stream documents through a process pool or a Dask cluster into committed parts.

Memory stays flat: documents are read lazily and at most two chunks per
worker are in flight. Reading never raises (a bad input is an error row), so
a bad line never throws away the work in flight. Pool workers watch their
parent and exit when it dies, even by ``kill -9``. Each finished chunk becomes one committed part
(``sinks.PartWriter``), so a run killed at any moment resumes with every
document processed exactly once.
"""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..inputs import input_size, read_documents
from .sinks import PartWriter
from .work import Task, init_worker, process_chunk, warm

ENGINES = ("local", "dask")


@dataclass
class BatchSummary:
    documents: int = 0  # processed in this run (errors included)
    records: int = 0
    errors: int = 0
    skipped: int = 0  # already done in an earlier run (--resume)
    parts: int = 0
    seconds: float = 0.0
    earlier_errors: int = 0  # error rows committed by the runs this one resumed

    @property
    def failed(self) -> bool:
        """Some document of the whole output (this run or the ones it resumed) could not be processed."""
        return bool(self.errors or self.earlier_errors)

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        earlier = f" ({self.earlier_errors} of them errors)" if self.earlier_errors else ""
        return (f"{self.documents} documents, {self.records} records, {self.errors} errors, "
                f"{self.skipped} already done{earlier}; {self.parts} parts in {self.seconds:.1f} s ({rate:.1f} docs/s)")


@dataclass
class Chunk:
    known: list[dict[str, Any]]  # rows already known: read errors, duplicates
    tasks: list[Task]  # documents to extract
    size: int = 0  # input bytes they took (for the progress bar)


def _chunks(paths: list[str], done: Counter[str], chunk_size: int, summary: BatchSummary, **read) -> Iterator[Chunk]:
    """Chunks of the documents still to do. The n-th occurrence of an id is skipped when the output
    already holds n rows for it, so a repeated id gets its error row once, resumed or not."""
    seen: Counter[str] = Counter()
    chunk = Chunk([], [])
    try:
        for doc in read_documents(paths, **read):
            seen[doc.source] += 1
            chunk.size += doc.size
            if seen[doc.source] <= done[doc.source]:
                summary.skipped += 1
                continue
            if seen[doc.source] > 1:
                chunk.known.append({"source": doc.source, "error": f"{doc.where or doc.source}: duplicate document id "
                                                                   f"{doc.source!r}; processed once"})
            elif doc.error:
                chunk.known.append({"source": doc.source, "error": doc.error})
            else:
                chunk.tasks.append((doc.source, doc.text, doc.date, doc.warnings, doc.from_html))
            if len(chunk.tasks) + len(chunk.known) >= chunk_size:
                yield chunk
                chunk = Chunk([], [])
    except Exception as e:  # a reader bug: keep what was read and finish the work in flight
        chunk.known.append({"source": "<input>", "error": f"reading stopped: {type(e).__name__}: {e}"})
    if chunk.known or chunk.tasks or chunk.size:
        yield chunk


def run_batch(paths: list[str], out: Path, *, fmt: str = "jsonl", workers: int | None = None,
              chunk_size: int = 50, resume: bool = False, engine: str = "local", scheduler: str | None = None,
              progress: bool = True, text_field: str = "text", id_field: str = "id", date_field: str = "date",
              html: bool | None = None, stdin_format: str = "auto",
              on_error: Callable[[dict[str, Any]], None] | None = None) -> BatchSummary:
    """Run extraction over every document of ``paths`` into the folder ``out``.

    ``progress``: a bar on standard error whose total is the input's size in bytes (documents
    for standard input). ``on_error`` is called with each error row as it is committed.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    workers = workers or os.cpu_count() or 1
    started = time.perf_counter()
    summary = BatchSummary()
    writer = PartWriter(out, fmt)
    done = writer.prepare(resume)
    summary.earlier_errors = writer.earlier_errors
    chunks = _chunks(paths, done, chunk_size, summary, text_field=text_field, id_field=id_field,
                     date_field=date_field, html=html, stdin_format=stdin_format)
    bar = _progress(progress, paths)

    def commit(chunk: Chunk, rows: list[dict[str, Any]]) -> None:
        rows = chunk.known + rows
        if rows:
            writer.commit(rows)
            summary.parts += 1
        summary.documents += len(rows)
        errors = [r for r in rows if "error" in r]
        summary.errors += len(errors)
        summary.records += sum(len(r.get("records", ())) for r in rows)
        if on_error is not None:
            for r in errors:
                on_error(r)
        if bar is not None:
            bar.update(chunk.size if bar.total is not None else len(rows))
            counts = {"docs": summary.documents} if bar.total is not None else {}  # else the bar counts them
            bar.set_postfix(**counts, records=summary.records, errors=summary.errors, refresh=False)

    try:
        if engine == "dask":
            _run_dask(chunks, commit, workers, scheduler)
        elif workers == 1:
            for chunk in chunks:
                commit(chunk, process_chunk(chunk.tasks))
        else:
            _run_pool(chunks, commit, workers)
    finally:
        if bar is not None:
            bar.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _progress(enabled: bool, paths: list[str]):
    if not enabled:
        return None
    from tqdm import tqdm

    total = input_size(paths)
    if total is None:  # standard input: its size is not known
        return tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr, dynamic_ncols=True,
                smoothing=0.1)


def _run_pool(chunks: Iterator[Chunk], commit, workers: int) -> None:
    inflight: dict[Future, Chunk] = {}
    with ProcessPoolExecutor(max_workers=workers, initializer=init_worker, initargs=(os.getpid(),)) as pool:
        try:
            for chunk in chunks:
                inflight[pool.submit(process_chunk, chunk.tasks)] = chunk
                while len(inflight) >= 2 * workers:
                    _drain(inflight, commit)
            while inflight:
                _drain(inflight, commit)
        except BaseException:
            for f in inflight:
                f.cancel()
            for f, chunk in inflight.items():  # keep the work that did finish
                if f.done() and not f.cancelled() and f.exception() is None:
                    commit(chunk, f.result())
            raise


def _drain(inflight: dict[Future, Chunk], commit) -> None:
    finished, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
    for f in finished:
        commit(inflight.pop(f), f.result())


def _run_dask(chunks: Iterator[Chunk], commit, workers: int, scheduler: str | None) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        raise RuntimeError("the dask engine needs dask and distributed: pip install '.[dask]' in a vnextract checkout") from e
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        client.run(warm)
        pending = as_completed()
        chunk_of: dict[str, Chunk] = {}

        for chunk in chunks:
            f = client.submit(process_chunk, chunk.tasks, pure=False)
            chunk_of[f.key] = chunk
            pending.add(f)
            while pending.count() >= 2 * workers:
                f = next(pending)
                commit(chunk_of.pop(f.key), f.result())
        for f in pending:
            commit(chunk_of.pop(f.key), f.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
