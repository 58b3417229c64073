"""Swedish-aware text normalisation shared by typeahead, joins and enrichment.

`fold` keeps å/ä/ö (they are letters of their own in Swedish) but lower-cases, unifies hyphens
and dashes, and squeezes whitespace. `ascii_fold` also maps å→a, ä→a, ö→o, é→e, ü→u …, so that a
query typed on a keyboard without Swedish letters ("underskoterska") still finds "Undersköterska".
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["alternatives", "ascii_fold", "fold", "words"]

_DASHES = re.compile(r"[\u2010-\u2015\u2212\-]+")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = _DASHES.sub("-", text)
    return _SPACE.sub(" ", text).strip()


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def alternatives(label: str) -> list[str]:
    """"Servitör/Servitris" → ["Servitör/Servitris", "Servitör", "Servitris"].

    A slash between words names alternatives; "TCP/IP"-like tokens are split too, which only
    adds search keys and never removes the full label.
    """
    parts = [p.strip() for p in label.split("/") if p.strip()]
    return [label] if len(parts) < 2 else [label, *parts]
