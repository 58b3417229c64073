"""`jobbnav taxonomy …`: import JobTech taxonomy files, search concepts."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from jobbnav.cli.progress import progress_hook
from jobbnav.taxonomy import service

__all__ = ["app"]

app = typer.Typer(help="The taxonomy: concepts, relations, versions, typeahead.",
                  no_args_is_help=True)
out = Console()


@app.command("import")
def import_(
    directory: Path = typer.Argument(..., help="Directory of JobTech taxonomy JSON files."),
    ontology: Path = typer.Option(None, help="Directory with the ontology term files "
                                  "(termer_koncept_*.csv); default: ../ontology next to DIR."),
) -> None:
    """Import every taxonomy file in DIR (and ontology terms) as a new taxonomy version."""
    ontology_dir = ontology or (directory.parent / "ontology")
    with progress_hook() as hook:
        report = service.import_taxonomy(directory, ontology_dir if ontology_dir.is_dir()
                                         else None, progress=hook)
    if report.unchanged:
        out.print(f"unchanged: the files equal taxonomy version {report.version}; nothing written")
        return
    table = Table(title=f"taxonomy version {report.version}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (("concepts seen", report.concepts_seen),
                         ("concepts added", report.concepts_added),
                         ("concepts changed", report.concepts_changed),
                         ("concepts deprecated", report.concepts_deprecated),
                         ("relations", report.relations_seen),
                         ("search terms", report.terms_seen)):
        table.add_row(label, str(value))
    out.print(table)
    headlines = report.details.get("skill_headlines")
    if headlines:
        out.print(f"skill headlines: {headlines['headlines']}, skills joined by label "
                  f"{headlines['skills_joined']}, not found {headlines['skills_unjoined']}")
    for name, figures in report.details.get("ontology", {}).items():
        out.print(f"{name}: {figures['ontology_concepts']} ontology concepts, joined "
                  f"{figures['joined']}, minted traits {figures['minted_traits']}, unjoined "
                  f"{figures['unjoined']}; {figures['terms_added']} search terms added")
