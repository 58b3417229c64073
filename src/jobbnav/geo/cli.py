"""`jobbnav geo …`: import the geography, travel time between places, reach, commuting rule."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from jobbnav.cli.progress import progress_hook
from jobbnav.geo import service
from jobbnav.geo.travel import model_for

__all__ = ["app"]

app = typer.Typer(help="Swedish geography: municipalities, counties, localities, postcodes, "
                  "travel time and commuting reach.", no_args_is_help=True)
out = Console()

_MODE = typer.Option("car", "--mode", help="car or public-transport.")


@app.command("import")
def import_(directory: Path = typer.Argument(..., help="Directory in the format of "
                                            "../shared/data/geo/ (platser.json, …).")) -> None:
    """Import municipalities, counties, localities and postcodes from DIR."""
    with progress_hook() as hook:
        report = service.import_geography(directory, progress=hook)
    if report.unchanged:
        out.print("unchanged: these files were imported last; nothing written")
    table = Table(title=f"geography (taxonomy version {report.taxonomy_version})")
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (("counties", report.regions), ("municipalities", report.municipalities),
                         ("localities", report.localities),
                         ("  without coordinates", report.localities_without_coordinates),
                         ("postcodes", report.postcodes), ("locality links", report.links),
                         ("concepts added", report.concepts_added),
                         ("concepts changed", report.concepts_changed),
                         ("concepts deprecated", report.concepts_deprecated)):
        table.add_row(label, str(value))
    out.print(table)
    check = report.details.get("distance_check")
    if check and "all" in check:
        clean = check.get("without_misplaced", check["all"])
        out.print(f"tatorter_distance.json vs our straight-line distance: {clean['pairs']} pairs, "
                  f"median error {clean['median_abs_pct_error']} %, p90 "
                  f"{clean['p90_abs_pct_error']} % (file km / ours = {clean['fitted_factor']}; "
                  f"{check['misplaced_localities_in_file']} localities placed elsewhere in the "
                  "file left out)")


@app.command()
def travel(origin: str = typer.Argument(..., metavar="FROM"),
           destination: str = typer.Argument(..., metavar="TO"),
           mode: str = _MODE) -> None:
    """Straight-line distance and estimated door-to-door travel time from FROM to TO."""
    est = service.travel(origin, destination, mode=model_for(mode).mode)
    out.print(f"{est.origin.label} ({est.origin.kind}) → {est.destination.label} "
              f"({est.destination.kind}): {est.straight_km:.1f} km straight, "
              f"≈ {est.road_km:.0f} km by road, ≈ {est.minutes:.0f} min by {est.mode}")
    for p in (est.origin, est.destination):
        if p.approximation:
            out.print(f"  {p.label}: {p.approximation}")


@app.command()
def reach(origin: str = typer.Argument(..., metavar="FROM"),
          minutes: float = typer.Argument(..., metavar="MINUTES"),
          mode: str = _MODE,
          limit: int = typer.Option(30, help="Localities to list.")) -> None:
    """Municipalities and localities within MINUTES door-to-door of FROM."""
    result = service.reach(origin, minutes, mode=model_for(mode).mode)
    table = Table(title=f"within {minutes:g} min of {result.origin.label} by {result.mode}: "
                  f"{len(result.municipalities)} municipalities, "
                  f"{len(result.localities)} localities")
    for column in ("municipality", "minutes", "km", "nearest locality"):
        table.add_column(column)
    for hit in result.municipalities:
        table.add_row(hit.label, f"{hit.minutes:.0f}", f"{hit.straight_km:.1f}", hit.via or "")
    out.print(table)
    if limit:
        out.print(", ".join(f"{h.label} {h.minutes:.0f}′" for h in result.localities[:limit]))


@app.command()
def commute(home: str = typer.Argument(...), work: str = typer.Argument(...),
            work_hours: float = typer.Option(8.0, "--work-hours", help="Daily working hours."),
            mode: str = _MODE) -> None:
    """Is WORK within daily commuting distance of HOME (at most 12 h away from home a day)?"""
    verdict = service.commute(home, work, work_hours, mode=model_for(mode).mode)
    out.print(("[green]yes[/]: " if verdict.within else "[red]no[/]: ") + verdict.reason)
