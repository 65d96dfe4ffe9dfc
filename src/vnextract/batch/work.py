"""The per-document function every engine runs: a document in, an output row (or an error) out.

It must stay a plain top-level function of plain data, so that process pools
and Dask workers can ship it.
"""
from __future__ import annotations

import os
import threading
import time
from typing import Any

#: How often a pool worker checks that the batch that started it is still alive (seconds).
WATCH_INTERVAL = 0.5

#: (id, text, date, warnings, from_html) — what a worker needs of a document.
Task = tuple[str, str, str | None, list[str], bool]


def process(task: Task) -> dict[str, Any]:
    """Extract one document; an exception becomes an error row naming the document."""
    source, text, date, warnings, from_html = task
    try:
        from ..api import extract

        ex = extract(text, date=date, source=source)
    except Exception as e:  # one broken document never stops a batch
        return {"source": source, "error": f"{source}: extraction failed: {type(e).__name__}: {e}"}
    row = ex.model_dump(mode="json")
    row["warnings"] = list(warnings) + row["warnings"]
    if from_html:
        row["text"] = text
    return row


def process_chunk(tasks: list[Task]) -> list[dict[str, Any]]:
    return [process(t) for t in tasks]


def warm() -> None:
    """Load the lexicon and models once per worker process, before the first document."""
    from ..api import extract

    extract("Năm 2023, doanh thu đạt 5 tỷ đồng.")


def init_worker(parent: int) -> None:
    """Pool initializer: die with the parent process ``parent``, then warm up."""
    die_with_parent(parent)
    warm()


def die_with_parent(parent: int) -> None:
    """End this worker process once ``parent`` is gone, even by ``kill -9`` (batch and ``extract_many`` pools).

    A worker blocked on its task queue never notices a parent killed with
    ``kill -9`` (it holds the queue's other end itself), so a daemon thread
    polls ``os.getppid()`` and exits the worker when the parent is gone.
    """
    threading.Thread(target=_watch, args=(parent,), name="vnextract-parent-watch", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)
