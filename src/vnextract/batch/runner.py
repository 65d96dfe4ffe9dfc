"""``vnextract batch``: stream documents through a process pool or a Dask cluster into committed parts.

Memory stays flat: documents are read lazily and at most two chunks per
worker are in flight. Each finished chunk becomes one committed part
(``sinks.PartWriter``), so a run killed at any moment resumes with every
document processed exactly once.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..inputs import read_documents
from .sinks import PartWriter
from .work import Task, process_chunk, warm

ENGINES = ("local", "dask")


@dataclass
class BatchSummary:
    documents: int = 0  # processed in this run (errors included)
    records: int = 0
    errors: int = 0
    skipped: int = 0  # already done in an earlier run (--resume)
    parts: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (f"{self.documents} documents, {self.records} records, {self.errors} errors, "
                f"{self.skipped} already done; {self.parts} parts in {self.seconds:.1f} s ({rate:.1f} docs/s)")


Chunk = tuple[list[dict[str, Any]], list[Task]]  # (rows already known: read errors), tasks to run


def _chunks(paths: list[str], done: set[str], chunk_size: int, summary: BatchSummary, **read) -> Iterator[Chunk]:
    seen: set[str] = set()
    known: list[dict[str, Any]] = []
    tasks: list[Task] = []
    for doc in read_documents(paths, **read):
        if doc.source in done:
            summary.skipped += 1
            continue
        if doc.source in seen:
            known.append({"source": doc.source, "error": f"{doc.source}: duplicate document id; processed once"})
            continue
        seen.add(doc.source)
        if doc.error:
            known.append({"source": doc.source, "error": doc.error})
        else:
            tasks.append((doc.source, doc.text, doc.date, doc.warnings, doc.from_html))
        if len(tasks) + len(known) >= chunk_size:
            yield known, tasks
            known, tasks = [], []
    if known or tasks:
        yield known, tasks


def run_batch(paths: list[str], out: Path, *, fmt: str = "jsonl", workers: int | None = None,
              chunk_size: int = 50, resume: bool = False, engine: str = "local", scheduler: str | None = None,
              progress: bool = True, text_field: str = "text", id_field: str = "id", date_field: str = "date",
              html: bool | None = None) -> BatchSummary:
    """Run extraction over every document of ``paths`` into the folder ``out``."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    workers = workers or os.cpu_count() or 1
    started = time.perf_counter()
    summary = BatchSummary()
    writer = PartWriter(out, fmt)
    done = writer.prepare(resume)
    chunks = _chunks(paths, done, chunk_size, summary, text_field=text_field, id_field=id_field,
                     date_field=date_field, html=html)
    bar = _progress(progress)

    def commit(rows: list[dict[str, Any]]) -> None:
        writer.commit(rows)
        summary.parts += 1
        summary.documents += len(rows)
        summary.errors += sum("error" in r for r in rows)
        summary.records += sum(len(r.get("records", ())) for r in rows)
        if bar is not None:
            bar.update(len(rows))
            bar.set_postfix(records=summary.records, errors=summary.errors, refresh=False)

    try:
        if engine == "dask":
            _run_dask(chunks, commit, workers, scheduler)
        elif workers == 1:
            for known, tasks in chunks:
                commit(known + process_chunk(tasks))
        else:
            _run_pool(chunks, commit, workers)
    finally:
        if bar is not None:
            bar.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _progress(enabled: bool):
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" docs", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _run_pool(chunks: Iterator[Chunk], commit, workers: int) -> None:
    inflight: dict[Future, list[dict[str, Any]]] = {}
    with ProcessPoolExecutor(max_workers=workers, initializer=warm) as pool:
        try:
            for known, tasks in chunks:
                inflight[pool.submit(process_chunk, tasks)] = known
                while len(inflight) >= 2 * workers:
                    _drain(inflight, commit, FIRST_COMPLETED)
            while inflight:
                _drain(inflight, commit, FIRST_COMPLETED)
        except BaseException:
            for f in inflight:
                f.cancel()
            raise


def _drain(inflight: dict[Future, list[dict[str, Any]]], commit, how) -> None:
    finished, _ = wait(list(inflight), return_when=how)
    for f in finished:
        known = inflight.pop(f)
        commit(known + f.result())


def _run_dask(chunks: Iterator[Chunk], commit, workers: int, scheduler: str | None) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        raise RuntimeError("the dask engine needs dask and distributed: pip install 'vnextract[dask]'") from e
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        client.run(warm)
        pending = as_completed()
        known_of: dict[str, list[dict[str, Any]]] = {}

        def submit(known, tasks):
            f = client.submit(process_chunk, tasks, pure=False)
            known_of[f.key] = known
            pending.add(f)

        for known, tasks in chunks:
            submit(known, tasks)
            while pending.count() >= 2 * workers:
                f = next(pending)
                commit(known_of.pop(f.key) + f.result())
        for f in pending:
            commit(known_of.pop(f.key) + f.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
