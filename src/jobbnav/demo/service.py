"""Load the bundled demo dataset through the same import code a deployment uses on real files.

The steps are declared once, in DEMO_STEPS, in dependency order (taxonomy before geography
before ads …). Each step is "module:function" taking `engine=` and returning a short summary.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from jobbnav.db import get_engine, is_empty

__all__ = ["DEMO_DIR", "DEMO_STEPS", "DemoReport", "demo_accounts", "load_demo"]

DEMO_DIR = Path(__file__).parent / "data"

DEMO_STEPS: tuple[tuple[str, str], ...] = (
    ("taxonomy", "jobbnav.demo.steps:taxonomy"),
    ("geography", "jobbnav.demo.steps:geography"),
    ("ads", "jobbnav.demo.steps:ads"),
    ("accounts", "jobbnav.demo.steps:accounts"),
    ("market", "jobbnav.demo.steps:market"),
)


@dataclass
class DemoReport:
    loaded: bool
    steps: dict[str, Any] = field(default_factory=dict)


def load_demo(*, engine: Engine | None = None, if_empty: bool = False,
              progress: Callable[[str], None] | None = None) -> DemoReport:
    engine = engine or get_engine()
    if if_empty and not is_empty(engine):
        return DemoReport(loaded=False)
    report = DemoReport(loaded=True)
    for name, spec in DEMO_STEPS:
        if progress:
            progress(name)
        module_name, attr = spec.split(":")
        step = getattr(importlib.import_module(module_name), attr)
        report.steps[name] = step(engine=engine)
    return report


def demo_accounts(*, engine: Engine | None = None) -> list[tuple[str, str, str]]:
    """(role, username, password) of the demo accounts whose demo password still signs in."""
    from jobbnav.errors import JobbnavError
    from jobbnav.people.accounts import authenticate_password
    from jobbnav.people.demo import DEMO_ACCOUNTS

    engine = engine or get_engine()
    working = []
    for role, username, _name, _org, password in DEMO_ACCOUNTS:
        try:
            authenticate_password(username, password, engine=engine)
        except JobbnavError:
            continue
        working.append((role, username, password))
    return working
