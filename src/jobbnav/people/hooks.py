"""Extension points for other domains that keep data derived from a person (habit 7).

DERIVED_DATA: "module:function(account_id, *, engine) -> dict" — what the domain holds about the
person (e.g. matching suggestions); each result becomes a section of the signed export.
ERASURE: "module:function(account_id, *, connection)" — delete everything the domain holds about
the person, inside the erasure's own transaction (so an erasure is all or nothing).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["DERIVED_DATA", "ERASURE", "load_hooks"]

DERIVED_DATA: tuple[tuple[str, str], ...] = (
    ("cv_proposals", "jobbnav.people.cv:export_pending"),
)
ERASURE: tuple[str, ...] = ()


def load_hooks(specs: tuple[str, ...]) -> list[Callable[..., Any]]:
    out = []
    for spec in specs:
        module_name, attr = spec.split(":")
        out.append(getattr(importlib.import_module(module_name), attr))
    return out
