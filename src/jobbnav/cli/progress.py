"""Rich progress bars driven by the services' (stage, total, advance) progress hook."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

__all__ = ["progress_hook"]




@contextmanager
def progress_hook() -> Iterator[Callable[[str, int | None, int], None]]:
    """Yield a `hook(stage, total, advance)`; each new stage gets its own bar."""
    with Progress(TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), transient=False) as bar:
        tasks: dict[str, TaskID] = {}

        def hook(stage: str, total: int | None, advance: int) -> None:
            task = tasks.get(stage)
            if task is None:
                task = tasks[stage] = bar.add_task(stage, total=total)
            elif total is not None:
                bar.update(task, total=total)
            if advance:
                bar.advance(task, advance)

        yield hook
