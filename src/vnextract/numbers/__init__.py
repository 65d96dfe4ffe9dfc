"""Vietnamese number parser: digit numbers in either separator convention and spelled-out numbers."""
from .parse import (
    Convention,
    NumberMatch,
    detect_convention,
    parse_digits,
    parse_spelled,
    scan,
)

__all__ = ["Convention", "NumberMatch", "detect_convention", "parse_digits", "parse_spelled", "scan"]
