"""The spaCy side: a registered Vietnamese tokenizer and the rule components."""
from .components import build_pipeline
from .tokenizer import ViTokenizer

__all__ = ["ViTokenizer", "build_pipeline"]
