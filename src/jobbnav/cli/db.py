"""`jobbnav db …`: schema migrations."""

from __future__ import annotations

import typer
from rich.console import Console

__all__ = ["app"]

app = typer.Typer(help="Database schema.", no_args_is_help=True)
out = Console()


@app.command()
def upgrade() -> None:
    """Apply every pending migration (all domains)."""
    from jobbnav.db import get_engine
    from jobbnav.db import upgrade as do_upgrade

    do_upgrade(get_engine())
    out.print("database is up to date")
