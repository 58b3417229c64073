"""Process-wide warm-up of in-memory indexes, declared in one place (WARMUPS)."""

from __future__ import annotations

import importlib

__all__ = ["WARMUPS", "warm_up"]

# "module:function" called once at server start, so the first request is as fast as the rest.
WARMUPS: tuple[str, ...] = (
    "jobbnav.taxonomy.service:warm_up",
    "jobbnav.geo.service:warm_up",
    "jobbnav.ads.service:warm_up",
    "jobbnav.enrich.service:warm_up",
)


def warm_up() -> None:
    for spec in WARMUPS:
        module_name, attr = spec.split(":")
        getattr(importlib.import_module(module_name), attr)()
