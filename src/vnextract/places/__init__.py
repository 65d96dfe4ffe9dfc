"""Places: which province or country each figure is about.

``resolve`` finds place names (gazetteer and cue words are data:
``lang/vi/places.tsv``, ``lang/vi/places.toml``) and gives each figure the
place of its clause, its sentence or the document's subject. Examples:
``examples.toml`` beside this file.
"""
from .resolve import Located, PlaceMention, assign, document_place, find_places

__all__ = ["Located", "PlaceMention", "assign", "document_place", "find_places"]
