"""Type aliases shared across domains."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

__all__ = ["ConceptId", "ConceptType", "JSONDict"]

ConceptId: TypeAlias = str
ConceptType: TypeAlias = str
JSONDict: TypeAlias = Mapping[str, Any]
