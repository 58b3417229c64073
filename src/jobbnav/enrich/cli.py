"""`jobbnav enrich FILE` and `jobbnav enrich evaluate`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from jobbnav.errors import InvalidInput

__all__ = ["app"]


class _FileOrCommand(TyperGroup):
    """`jobbnav enrich ads.json` means `jobbnav enrich file ads.json`."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["file", *args]
        return super().resolve_command(ctx, args)


app = typer.Typer(cls=_FileOrCommand, no_args_is_help=True,
                  help="Concept recognition in Swedish text (JobAd Enrichments style).")


def _documents(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, ad) per document: a JSON ad, a JSON list of ads, JSON lines, or plain text."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    stripped = raw.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            doc = json.loads(raw)
        except ValueError:
            doc = None
        if doc is None and stripped.startswith("{"):
            docs = []
            for n, line in enumerate(raw.splitlines(), 1):
                if line.strip():
                    try:
                        docs.append(json.loads(line))
                    except ValueError as exc:
                        raise InvalidInput(f"{path}: line {n} is not JSON: {exc}",
                                           field="file") from exc
            doc = docs
        if doc is None:
            raise InvalidInput(f"{path} is not valid JSON", field="file")
        items = doc if isinstance(doc, list) else (doc.get("hits") or [doc]) if isinstance(
            doc, dict) else []
        for i, ad in enumerate(items):
            if isinstance(ad, dict):
                yield str(ad.get("id", i)), ad
        return
    yield path.name, {"headline": "", "description": {"text": raw}}


@app.command("file")
def enrich_file(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="Text or JSON ads."),
    output: Path = typer.Option(None, "--output", "-o", help="Write JSON lines here."),
) -> None:
    """Enrich a text file or JSON ads (a list, JobSearch hits, or JSON lines)."""
    from jobbnav.cli.progress import progress_hook
    from jobbnav.enrich.service import enrich_ad

    docs = list(_documents(path))
    results: list[str] = []
    with progress_hook() as hook:
        hook("enriching", len(docs), 0)
        for doc_id, ad in docs:
            results.append(json.dumps({"id": doc_id, **enrich_ad(ad)}, ensure_ascii=False))
            hook("enriching", None, 1)
    if output:
        output.write_text("\n".join(results) + "\n", encoding="utf-8")
        typer.echo(f"wrote {len(results)} enriched documents to {output}", err=True)
    else:
        sys.stdout.write("\n".join(results) + "\n")


@app.command("compile")
def compile_hot_modules(
    if_stale: bool = typer.Option(False, "--if-stale", help="Build only if no fresh build "
                                  "exists (`make` runs this)."),
) -> None:
    """Compile concept recognition's hot modules with mypyc (about a minute; optional)."""
    import shutil

    from jobbnav.enrich import compiled

    if if_stale and compiled.is_fresh():
        return
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        typer.echo("no C compiler: concept recognition runs from its Python sources", err=True)
        raise typer.Exit(1)
    typer.echo(f"compiling {len(compiled.MODULES)} modules with mypyc (about a minute) …",
               err=True)
    compiled.build()
    typer.echo("compiled: " + ", ".join(compiled.MODULES), err=True)


@app.command("evaluate")
def evaluate(
    eval_set: Path = typer.Option(None, help="JSONL evaluation set (default: the bundled one)."),
    ads: Path = typer.Option(None, help="Real ads (JobSearch JSON) for occupation groups."),
    headlines: Path = typer.Option(None, help="JSONL headlines with their SSYK code for "
                                   "occupation groups (default: the bundled ones)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Precision/recall/F1 per type, context accuracy, occupation-group top-1/top-3, baselines."""
    from jobbnav.enrich.evaluate import evaluate as run
    from jobbnav.enrich.evaluate import render

    report = run(eval_set=eval_set, ads=ads, headlines=headlines)
    typer.echo(json.dumps(report, indent=2, ensure_ascii=False) if as_json else render(report))
