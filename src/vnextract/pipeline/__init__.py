"""The spaCy side: a registered Vietnamese tokenizer and the rule components."""
from .components import build_pipeline, displacy_options
from .extensions import register_extensions
from .tokenizer import ViTokenizer

__all__ = ["ViTokenizer", "build_pipeline", "displacy_options", "register_extensions"]
