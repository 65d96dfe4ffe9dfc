"""The spaCy side: a registered Vietnamese tokenizer and the rule components."""
from .components import build_pipeline
from .extensions import register_extensions
from .tokenizer import ViTokenizer

__all__ = ["ViTokenizer", "build_pipeline", "register_extensions"]
