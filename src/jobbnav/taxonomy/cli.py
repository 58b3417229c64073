"""`jobbnav taxonomy …`: import JobTech taxonomy files, search concepts."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from jobbnav.cli.progress import progress_hook
from jobbnav.taxonomy import query, service, typeahead

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
        by_head = figures["joined_by_head_to_name"] + figures["joined_by_head_to_group"]
        out.print(f"{name}: {figures['ontology_concepts']} ontology concepts, joined "
                  f"{figures['joined']} (by a group's label {figures['joined_by_group_label']}, "
                  f"by medical specialty {figures['joined_by_specialty']}, "
                  f"by head {by_head}), minted traits {figures['minted_traits']}, unjoined "
                  f"{figures['unjoined']}; {figures['terms_added']} search terms added")


@app.command("search")
def search(
    text: str = typer.Argument(..., help="What to look up, as typed: a beginning, a part of a "
                               "word, with or without å/ä/ö, one typo allowed."),
    concept_type: list[str] = typer.Option(None, "--type", "-t", help="Only this concept type "
                                           "(repeat for several), e.g. occupation-name, skill."),
    limit: int = typer.Option(10, min=1, max=1000, help="How many suggestions."),
    include_deprecated: bool = typer.Option(False, "--include-deprecated",
                                            help="Also suggest deprecated concepts."),
) -> None:
    """Typeahead search over concept labels and search terms, best match first."""
    types = query.check_types(concept_type) if concept_type else None
    found = typeahead.suggest(text, types=types, limit=limit,
                              include_deprecated=include_deprecated)
    if not found:
        out.print(f"no concept matches {text!r}")
        return
    table = Table(title=f"{len(found)} suggestion{'s' if len(found) != 1 else ''} for {text!r}")
    for column in ("label", "type", "id", "matched term", "match"):
        table.add_column(column)
    for s in found:
        label = s.concept.preferred_label + (" (deprecated)" if s.concept.deprecated else "")
        table.add_row(label, s.concept.type, s.concept.id,
                      "" if s.official else f"{s.term} ({s.term_kind})", s.match)
    out.print(table)
