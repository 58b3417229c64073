"""`jobbnav`: the root command. Domain command groups are declared once, in COMMAND_GROUPS."""

from __future__ import annotations

import importlib
import sys

import typer
from rich.console import Console

from jobbnav.errors import JobbnavError

__all__ = ["COMMAND_GROUPS", "app", "main"]

# The extension point for the CLI: (name, "module:attribute" of a typer.Typer).
COMMAND_GROUPS: tuple[tuple[str, str], ...] = (
    ("db", "jobbnav.cli.db:app"),
    ("taxonomy", "jobbnav.taxonomy.cli:app"),
    ("ads", "jobbnav.ads.cli:app"),
    ("enrich", "jobbnav.enrich.cli:app"),
    ("geo", "jobbnav.geo.cli:app"),
    ("demo", "jobbnav.demo.cli:app"),
    ("market", "jobbnav.market.cli:app"),
    ("people", "jobbnav.people.cli:app"),
    ("audit", "jobbnav.people.cli:audit_app"),
    ("verify", "jobbnav.people.cli:verify_app"),
)

app = typer.Typer(
    name="jobbnav",
    help="jobbnav — open hub for job and skills matching on the Swedish labour market.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


@app.command()
def serve(
    host: str = typer.Option(None, help="Interface to listen on (default 127.0.0.1)."),
    port: int = typer.Option(None, help="Port to listen on (default 8000)."),
) -> None:
    """Serve the web app and the HTTP API (OpenAPI docs at /docs)."""
    import uvicorn

    from jobbnav.api import create_app
    from jobbnav.settings import get_settings

    settings = get_settings()
    uvicorn.run(create_app(), host=host or settings.host, port=port or settings.port,
                log_level="info")


@app.command()
def reference() -> None:
    """Print the CLI reference in Markdown (the source of docs/cli.md)."""
    from jobbnav.cli.reference import render

    typer.echo(render(app), nl=False)


def _register() -> None:
    for name, spec in COMMAND_GROUPS:
        module_name, attr = spec.split(":")
        app.add_typer(getattr(importlib.import_module(module_name), attr), name=name)


_register()


def main() -> None:
    try:
        app()
    except JobbnavError as exc:
        err.print(f"[bold red]error:[/] {exc.detail}")
        sys.exit(2)
