"""Periods: which year and months each figure is for.

``mentions`` finds every date and period phrase and says what it is (a frame,
an "as of" date, a comparison, a price basis, a history, a deadline, a range,
an event's date, a typo); ``document`` finds the heading, lead, passages and
dateline; ``resolve`` scopes the mentions (own clause, sentence, passage,
document, date) and gives each figure its year and months. The cue words are
data: ``lang/vi/periods.toml``. Examples: ``examples.toml`` beside this file.
"""
from .document import heading_and_lead, passages, read_dateline
from .mentions import PeriodMention, find_mentions
from .resolve import Figure, assign, compared_after, is_flow

__all__ = ["Figure", "PeriodMention", "assign", "compared_after", "find_mentions", "heading_and_lead", "is_flow",
           "passages", "read_dateline"]
