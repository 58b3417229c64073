"""`jobbnav market …`: thin commands over the market services."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from jobbnav.cli.progress import progress_hook
from jobbnav.market import service

__all__ = ["app"]

app = typer.Typer(help="Labour-market insight: demand, tightness, forecasts, ratings, salaries.",
                  no_args_is_help=True)
out = Console()


@app.command("import-baseline")
def import_baseline(
    directory: Path = typer.Argument(..., help="Folder with the published market files."),
    barometer_mapping: Path = typer.Option(None, help="barometer-occupation -> SSYK mapping "
                                           "(Yrkesbarometer open-data rows or {id: [codes]})."),
) -> None:
    """Import annual ad counts, the published barometer and salaries; recompute the ratings."""
    with progress_hook() as hook:
        result = service.import_baseline(directory, barometer_mapping=barometer_mapping,
                                         progress=hook)
    out.print_json(json.dumps(result, ensure_ascii=False))


@app.command()
def recompute(min_cell: int = typer.Option(5, help="Suppress job-seeker cells below this.")
              ) -> None:
    """Rebuild every aggregate from the stored ad facts; refresh supply and ratings."""
    with progress_hook() as hook:
        result = service.recompute(progress=hook, min_cell=min_cell)
    out.print_json(json.dumps(result))


def _table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> Table:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(row.get(c, "")) if row.get(c) is not None else "–" for c in columns))
    return table


@app.command()
def report(
    occupation: str = typer.Option(..., help="Occupation: concept id, 4-digit SSYK code or "
                                   "label (\"Mjukvaru- och systemutvecklare m.fl.\")."),
    region: str = typer.Option(None, help="Län (or municipality): concept id, name "
                               "(\"Stockholm\" = the län) or code (\"01\"); default Sverige."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Demand, tightness, trend and forecast, rating and salary for one occupation."""
    result = service.report(occupation, region)
    if as_json:
        out.print_json(json.dumps(result, ensure_ascii=False))
        return
    d = result["demand"]
    out.print(f"[bold]{d['occupation']['label']}[/] ({d['occupation']['level']}) · "
              f"{d['area']['label']}")
    out.print(_table("Ads per month (last 12)", d["months"][-12:], ["month", "ads", "vacancies"]))
    if d["baseline"]:
        out.print(_table("Published annual ad counts", d["baseline"], ["year", "ads"]))
    out.print(_table("Tightness (vacancies 12 m / job seekers)", result["tightness"],
                     ["ads_12m", "vacancies_12m", "job_seekers", "tightness"]))
    fc = result["forecast"]
    trend = fc["trend"]
    out.print("Trend: " + ", ".join(
        f"{k} {trend[k]}" for k in ("last_12_months", "change_vs_previous_12",
                                    "per_year_over_12_months", "per_year_over_36_months")))
    for field, why in trend["notes"].items():
        out.print(f"  {field}: n/a — {why}")
    if fc["unavailable"]:
        out.print(f"Forecast: {fc['unavailable']}")
    else:
        if fc["fallback"]:
            out.print(f"Forecast fallback: {fc['fallback']}")
        out.print(f"Forecast ({fc['forecast_area']['label']}) next 12 months: {fc['year_1']}; "
                  f"year 5: {fc['year_5']} ({fc['method']})")
    for r in result.get("rating", []):
        out.print(f"Rating ({r['region']['label']}): chance {r['chance']}, 5 years "
                  f"{r['direction']} [{r['basis']}]" + (f" — {r['fallback']}" if r['fallback']
                                                         else ""))
        for p in r["published"]:
            out.print(f"  published Yrkesbarometer: {p['chance']}, {p['direction']}")
    for s in result.get("salary", []):
        out.print(f"Salary SSYK {s['ssyk_code']}: P10 {s['p10']}, median {s['median']}, "
                  f"P90 {s['p90']} SEK/month")
