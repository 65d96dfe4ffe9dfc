"""Scoring extractions against gold, as the contract's "Scoring against gold" says."""
from .corpus import GoldDoc, load_corpus
from .scorer import Report, score

__all__ = ["GoldDoc", "Report", "load_corpus", "score"]
