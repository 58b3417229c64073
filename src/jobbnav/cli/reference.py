"""The CLI reference (docs/cli.md), generated from the Typer app so it cannot go stale."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import typer

__all__ = ["command_paths", "render"]


def _walk(command: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...],
                                                                         Any]]:
    yield path, command
    children = getattr(command, "commands", None)
    if isinstance(children, dict):
        for name in sorted(children):
            yield from _walk(children[name], (*path, name))


def _root(app: typer.Typer) -> Any:
    return typer.main.get_command(app)


def command_paths(app: typer.Typer) -> list[str]:
    return [" ".join(("jobbnav", *path)) for path, _ in _walk(_root(app), ())]


def render(app: typer.Typer) -> str:
    lines = ["# CLI reference", "",
             "Generated from the code by `jobbnav reference > docs/cli.md`; a test fails when "
             "this file and the commands disagree.", ""]
    for path, command in _walk(_root(app), ()):
        if not path:
            continue
        name = " ".join(("jobbnav", *path))
        lines += [f"## `{name}`", "", (command.help or "").strip().split("\n")[0], ""]
        params = [p for p in command.params if p.name != "help"]
        if params and not hasattr(command, "commands"):
            for param in params:
                if param.param_type_name == "argument":
                    lines.append(f"- `{(param.name or '').upper()}` (argument)")
                else:
                    opts = ", ".join(f"`{o}`" for o in param.opts)
                    help_text = getattr(param, "help", None) or ""
                    lines.append(f"- {opts}: {help_text}".rstrip(": "))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
