"""Swedish personal identity numbers (personnummer, samordningsnummer) in free text.

A match needs a plausible date (day 61–91 is a samordningsnummer) and a valid Luhn check digit,
in 10 or 12 digits, with or without '-' / '+'; found numbers are masked before storage.
"""

from __future__ import annotations

import re

__all__ = ["MASK", "find_personnummer", "luhn_ok", "mask_personnummer"]

MASK = "[personnummer borttaget]"
_PATTERN = re.compile(r"(?<![\d-])(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?![\d-])")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _is_personnummer(m: re.Match[str]) -> bool:
    yy, mm, dd, tail = m.groups()
    month, day = int(mm), int(dd)
    if not 1 <= month <= 12 or not (1 <= day <= 31 or 61 <= day <= 91):
        return False
    return luhn_ok(yy + mm + dd + tail)


def find_personnummer(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PATTERN.finditer(text) if _is_personnummer(m)]


def mask_personnummer(text: str) -> tuple[str, int]:
    """The text with every personnummer replaced by MASK, and how many were masked."""
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        if _is_personnummer(m):
            count += 1
            return MASK
        return m.group(0)

    return _PATTERN.sub(repl, text), count
