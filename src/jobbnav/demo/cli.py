"""`jobbnav demo …`: the bundled demo dataset."""

from __future__ import annotations

import typer
from rich.console import Console

from jobbnav.demo import service

__all__ = ["app"]

app = typer.Typer(help="The bundled demo dataset.", no_args_is_help=True)
out = Console()


@app.command()
def load(
    if_empty: bool = typer.Option(False, "--if-empty",
                                  help="Only load when the database holds no taxonomy yet."),
) -> None:
    """Load the demo dataset (taxonomy, geography, ads, accounts, market) into the database."""
    with out.status("loading the demo dataset") as status:
        report = service.load_demo(if_empty=if_empty,
                                   progress=lambda step: status.update(f"demo: {step}"))
    if not report.loaded:
        out.print("database already holds data: demo not loaded")
        return
    for step, summary in report.steps.items():
        if step != "accounts":
            out.print(f"[bold]{step}[/]: {summary}")


@app.command()
def accounts() -> None:
    """Print the demo accounts that still sign in with their demo passwords."""
    found = service.demo_accounts()
    if not found:
        out.print("no demo accounts with their demo passwords in this database")
        return
    out.print("[bold]Demo accounts (demo only — change before any real use):[/]")
    for role, username, password in found:
        out.print(f"  {role:<14} {username:<24} {password}")
