"""Scoring extractions against gold, as RECORDS.md "Scoring against gold" says."""
from .scorer import GoldDoc, Report, load_corpus, score

__all__ = ["GoldDoc", "Report", "load_corpus", "score"]
