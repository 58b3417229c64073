"""`jobbnav ads …`: import ads, search them, look one up."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from jobbnav.ads import service
from jobbnav.ads.model import ImportReport
from jobbnav.ads.search.params import SearchParams
from jobbnav.cli.progress import progress_hook

__all__ = ["app"]

app = typer.Typer(help="Job ads: import (JSON / JSONL / gzip / URL), search, look up.",
                  no_args_is_help=True)
out = Console()


def _print_report(report: ImportReport, report_path: Path | None) -> None:
    out.print(f"stored {report.stored}, updated {report.updated}, unchanged {report.unchanged}, "
              f"removed {report.removed}, duplicates {report.duplicates}, "
              f"rejected {len(report.rejected)} in {report.seconds:.1f} s")
    if report.unknown_kept:
        kept = ", ".join(f"{k} {v}" for k, v in sorted(report.unknown_kept.items()))
        out.print(f"kept references to concept ids this taxonomy does not hold: {kept}")
    for notice in report.notices:
        out.print(f"[yellow]notice:[/] {notice}")
    if report.rejected:
        table = Table("source", "record", "id", "reason", title="rejected records")
        for r in report.rejected[:50]:
            table.add_row(r.source, str(r.record), r.id or "", r.reason)
        out.print(table)
        if len(report.rejected) > 50:
            out.print(f"… and {len(report.rejected) - 50} more")
    if report_path is not None:
        out.print(f"report written to {report_path}")


@app.command("import")
def import_(
    files: list[str] = typer.Argument(..., help="JSON / JSONL files (gzip too) or http(s) URLs."),
    report: Path = typer.Option(None, help="Write the import report (with every rejected "
                                "record and its reason) to this JSON file."),
    enrich: bool = typer.Option(None, "--enrich/--no-enrich",
                                help="Recognise concepts in the text (default: "
                                     "JOBBNAV_ENRICH_ADS, on)."),
) -> None:
    """Import ads in the JobSearch shape; bad records are reported, good ones kept."""
    urls = [f for f in files if f.startswith(("http://", "https://"))]
    paths = [Path(f) for f in files if f not in urls]
    with progress_hook() as hook:
        if paths:
            result = service.import_ads(paths, progress=hook, report_path=report, enrich=enrich)
            _print_report(result, report)
        for url in urls:
            result = service.import_from_url(url, progress=hook, report_path=report,
                                             enrich=enrich)
            _print_report(result, report)


@app.command("search")
def search(
    q: str = typer.Argument("", help="Free text (+must, -exclude, \"phrase\")."),
    limit: int = typer.Option(10, help="Number of hits (≤ 100)."),
    historical: bool = typer.Option(False, help="Search the archive too."),
) -> None:
    """Search ads as `GET /search` does and print the hits."""
    result = service.search(SearchParams.model_validate(
        {"q": q or None, "limit": limit, "historical": historical}))
    table = Table("id", "headline", "employer", "municipality", "published",
                  title=f"{result.total} ads")
    for hit in result.hits:
        table.add_row(hit["id"], hit["headline"], (hit.get("employer") or {}).get("name") or "",
                      (hit.get("workplace_address") or {}).get("municipality") or "",
                      str(hit.get("publication_date") or ""))
    out.print(table)


@app.command("show")
def show(ad_id: str = typer.Argument(..., help="The ad id.")) -> None:
    """Print one ad as JSON."""
    out.print_json(json.dumps(service.get_ad(ad_id), ensure_ascii=False))
