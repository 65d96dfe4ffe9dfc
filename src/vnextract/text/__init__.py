"""Text handling that keeps offsets: normalisation, folding, sentence splitting."""
from .normalize import NormText, fold, normalize
from .sentences import Sentence, split_sentences

__all__ = ["NormText", "Sentence", "fold", "normalize", "split_sentences"]
