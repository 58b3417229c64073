"""Every CLI command is documented in docs/cli.md, and the file is the generated one."""

from __future__ import annotations

from pathlib import Path

from jobbnav.cli.app import app
from jobbnav.cli.reference import command_paths, render

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_every_command_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [p for p in command_paths(app)[1:] if f"## `{p}`" not in text]
    assert not missing, f"undocumented commands (run `jobbnav reference > docs/cli.md`): {missing}"


def test_reference_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == render(app), \
        "docs/cli.md is stale: run `.venv/bin/jobbnav reference > docs/cli.md`"
