"""Batch processing: many documents, several processes or a Dask cluster, resumable."""
from .runner import BatchSummary, run_batch

__all__ = ["BatchSummary", "run_batch"]
