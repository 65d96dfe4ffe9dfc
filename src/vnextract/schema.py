"""The output schema: pydantic models are its single source.

``vnextract schema`` writes ``schemas/*.schema.json`` from these models, and a
test fails when the checked-in files drift from them.
"""
from __future__ import annotations

from datetime import date as Date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema, model_validator

from .lang.vi.indicators import indicator_ids

__all__ = ["Amount", "BaseNumber", "Change", "Evidence", "Extraction", "Record", "Number", "IndicatorId", "NUMBER_DIGITS"]

#: A canonical indicator id (``lang/vi/indicators.toml``); the JSON Schema lists them.
IndicatorId = Literal[indicator_ids()]  # type: ignore[valid-type]


def _number(d: Decimal) -> int | float:
    # A stated value is kept exact as a Decimal in Python; JSON carries it as a number.
    return int(d) if d == d.to_integral_value() else float(d)


#: A stated number has at most this many digits. The longest statistic in
#: news-5k has 13, and a JSON reader that parses numbers as doubles reads back
#: any number of 15 digits exactly (so no value is ever infinite or rounded on
#: the wire). A longer digit string is not a statistic: it gives a warning.
NUMBER_DIGITS = 15
_LIMIT = 10**NUMBER_DIGITS

#: A stated number: exact ``Decimal`` in Python, a JSON number on the wire.
Number = Annotated[
    Decimal,
    Field(allow_inf_nan=False, max_digits=NUMBER_DIGITS),
    PlainSerializer(_number, when_used="json"),
    WithJsonSchema({"type": "number", "exclusiveMinimum": -_LIMIT, "exclusiveMaximum": _LIMIT}),
]


#: A normalised amount: a stated number with its scale word multiplied out. Exact ``Decimal`` in
#: Python and a JSON number on the wire, with no digit limit (9.026 × 10¹³ đồng has 14 digits, a
#: "nghìn tỷ USD" figure more); its significant digits are those of the stated number (at most
#: ``NUMBER_DIGITS``), so a reader that parses JSON numbers as doubles still reads it exactly.
BaseNumber = Annotated[
    Decimal,
    Field(allow_inf_nan=False),
    PlainSerializer(_number, when_used="json"),
    WithJsonSchema({"type": "number"}),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Model):
    """Where a record was read: ``text == input[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> "Evidence":
        if self.end < self.start or len(self.text) != self.end - self.start:
            raise ValueError("evidence text must be input[start:end]")
        return self


Bound = Literal["exact", "over", "under", "about", "range"]
Kind = Literal["actual", "estimate", "target", "forecast"]


class Change(_Model):
    """One comparison stated for a figure."""

    direction: Literal["increase", "decrease"]
    percent: Number | None = None
    points: Number | None = None
    ratio: Number | None = None
    amount: Number | None = None
    unit: str | None = None
    bound: Bound = "exact"
    high: Number | None = None
    reference: str | None = None
    reference_year: int | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Change":
        if (self.high is not None) != (self.bound == "range"):
            raise ValueError("a change has `high` exactly when its bound is `range`")
        if self.amount is None and self.unit is not None:
            raise ValueError("a change without an amount has no unit")
        return self


class Amount(_Model):
    """A record's value in its base unit (``vnextract.amounts``): "90.260 tỷ đồng" → 90260000000000 đồng."""

    value: BaseNumber
    high: BaseNumber | None = None
    #: The unit without its scale word: "đồng", "USD", "lượt khách", "đồng/kg".
    unit: str = Field(min_length=1)
    #: What it measures: money, percent, count, mass, area, volume, length, energy, power, transport,
    #: points, time; a rate joins its parts with "/" ("money/mass").
    dimension: str = Field(min_length=1)


class Record(_Model):
    """One quantitative statement about one indicator for one place and period."""

    metric: str = Field(min_length=1)
    indicator: IndicatorId | None = None
    value: Number | None = None
    value_high: Number | None = None
    unit: str | None = None
    bound: Bound = "exact"
    kind: Kind = "actual"
    changes: list[Change] = Field(default_factory=list)
    plan_percent: Number | None = None
    share_percent: Number | None = None
    contribution_points: Number | None = None
    year: int | None = None
    months: tuple[int, int] | None = None
    place: str | None = None
    evidence: Evidence
    #: ``value`` (and ``value_high``) in the base unit, when the unit is one the data knows.
    amount: Amount | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Record":
        if self.months is not None:
            first, last = self.months
            if not 1 <= first <= last <= 12:
                raise ValueError(f"months must be 1 <= first <= last <= 12, got {self.months}")
        if self.value is None and self.unit is not None:
            raise ValueError("a record without a value has no unit")
        if self.amount is not None and (self.value is None or (self.amount.high is None) != (self.value_high is None)):
            raise ValueError("`amount` is the value (and `value_high`) of the record in its base unit")
        if (self.value_high is not None) != (self.bound == "range"):
            raise ValueError("a record has `value_high` exactly when its bound is `range`")
        if self.value_high is not None and (self.value is None or self.value_high < self.value):
            raise ValueError("`value_high` is the upper end of a range that starts at `value`")
        return self


class Extraction(_Model):
    """The records of one document, with the date its periods were read against and what went wrong."""

    source: str | None = None
    date: Date | None = None
    date_source: Literal["caller", "text"] | None = None
    records: list[Record] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dated(self) -> "Extraction":
        if (self.date is None) != (self.date_source is None):
            raise ValueError("`date_source` says where `date` came from: both are set or neither")
        return self
