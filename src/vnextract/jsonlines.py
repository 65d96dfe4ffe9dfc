"""A bounded JSON Lines reader: one hostile line is an error for that line, never a crash or a stall.

``json.loads`` alone raises ``RecursionError`` on a line nested 100,000 deep,
``ValueError`` on an integer of more than 4,300 digits (Python's int-str
limit), and needs the whole line in memory however long it is. Here:

- a line over ``MAX_LINE_BYTES`` is skipped (read in pieces, never held whole)
  and reported;
- a line nested deeper than ``MAX_DEPTH`` is reported; the depth is measured
  only when the line holds that many brackets at all, so ordinary lines pay a
  ``str.count`` and nothing more;
- integers of any length are accepted (read as ``Decimal`` when too long for
  ``int``).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from itertools import accumulate
from typing import Any, BinaryIO

import regex

#: Longest line read (bytes, newline included). A longer line is skipped and reported.
MAX_LINE_BYTES = 50 * 1024 * 1024
#: Deepest nesting of arrays and objects accepted in one line.
MAX_DEPTH = 512

_STRING_OR_BRACKET = regex.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]', regex.DOTALL)


class LineError(ValueError):
    """A line that cannot be read as JSON; the message says why."""


def read_lines(f: BinaryIO, limit: int | None = None) -> Iterator[bytes | None]:
    """The lines of ``f``; ``None`` stands for a line longer than ``limit`` (default ``MAX_LINE_BYTES``),
    skipped without holding it whole."""
    limit = limit or MAX_LINE_BYTES
    while True:
        raw = f.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = f.readline(1 << 20)  # the rest of the long line, a megabyte at a time
            yield None
            continue
        yield raw


def depth(text: str) -> int:
    """How deeply arrays and objects nest in the JSON ``text`` (brackets inside strings do not count)."""
    steps = (1 if m[0] in "[{" else -1 for m in _STRING_OR_BRACKET.finditer(text) if m[0][0] != '"')
    return max(accumulate(steps, initial=0))


def _big_int(digits: str) -> int | Decimal:
    try:
        return int(digits)
    except ValueError:  # more digits than int() accepts from a string
        return Decimal(digits)


def loads(line: str, parse_float=None) -> Any:
    """``json.loads`` with the depth limit and big integers; raises ``LineError``.

    ``parse_float`` is json's (``Decimal`` keeps stated numbers exact)."""
    if line.count("[") + line.count("{") > MAX_DEPTH and depth(line) > MAX_DEPTH:
        raise LineError(f"nested deeper than {MAX_DEPTH} levels")
    try:
        return json.loads(line, parse_float=parse_float)
    except json.JSONDecodeError as e:
        raise LineError(f"not valid JSON ({e.msg} at column {e.colno})") from None
    except RecursionError:
        raise LineError(f"nested deeper than {MAX_DEPTH} levels") from None
    except ValueError:  # an integer over Python's int-str limit: read it anyway
        pass
    try:
        return json.loads(line, parse_int=_big_int, parse_float=parse_float)
    except (ValueError, RecursionError) as e:
        raise LineError(f"not valid JSON ({e})") from None
