"""Where ads come from (JSON / JSONL files, gzip or not, HTTP endpoints, records in memory) and
the first pipeline step: validation against the JobSearch shape."""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, cast

import orjson
from pydantic import ValidationError

from jobbnav.ads.model import MAX_TEXT_CHARS, JobAd
from jobbnav.ads.pipeline import Item, Records
from jobbnav.errors import InvalidInput

__all__ = ["count_records", "items_from", "items_from_lines", "items_from_url", "validate"]

# A single record larger than this is refused before parsing (the text limit plus markup).
MAX_RECORD_BYTES = 4 * MAX_TEXT_CHARS + 200_000
_LINE_SUFFIXES = (".jsonl", ".ndjson")


def _open(path: Path) -> IO[bytes]:
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    return cast(IO[bytes], gzip.open(path, "rb") if gzipped else path.open("rb"))


def _is_lines(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(_LINE_SUFFIXES)


def _records_of_document(doc: Any) -> list[Any]:
    """A JSON document holding ads: a list, a JobSearch answer ({hits}) or one ad."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, Mapping) and isinstance(doc.get("hits"), list):
        return list(doc["hits"])
    return [doc]


def items_from_lines(lines: Iterable[bytes], source: str) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield _parse(line, source, number)


def _parse(data: bytes, source: str, number: int) -> Item:
    if len(data) > MAX_RECORD_BYTES:
        return Item(source, number, raw=_TooLarge(len(data)))
    try:
        return Item(source, number, raw=orjson.loads(data))
    except orjson.JSONDecodeError as exc:
        return Item(source, number, raw=_BadJson(str(exc)))


class _BadJson:
    def __init__(self, problem: str) -> None:
        self.problem = problem


class _TooLarge:
    def __init__(self, size: int) -> None:
        self.size = size


def items_from(paths_or_records: Iterable[Path | str | Mapping[str, Any]]) -> Iterator[Item]:
    """Every record of every file (or in-memory record), with its source and position."""
    in_memory = 0
    for entry in paths_or_records:
        if isinstance(entry, Mapping):
            in_memory += 1
            yield Item("<records>", in_memory, raw=dict(entry))
            continue
        path = Path(entry)
        if not path.is_file():
            raise InvalidInput(f"no such file: {path}", field="paths")
        yield from _items_of_file(path)


def _items_of_file(path: Path) -> Iterator[Item]:
    source = str(path)
    with _open(path) as handle:
        if _is_lines(path):
            yield from items_from_lines(handle, source)
            return
        data = handle.read()
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError:
        # Not one JSON document: maybe JSON lines under a .json name.
        yield from items_from_lines(data.splitlines(), source)
        return
    for number, record in enumerate(_records_of_document(doc), start=1):
        yield Item(source, number, raw=record)


def count_records(paths_or_records: Iterable[Path | str | Mapping[str, Any]]) -> int | None:
    """How many records the inputs hold, cheaply (line count for JSONL); None when unknown."""
    total = 0
    for entry in paths_or_records:
        if isinstance(entry, Mapping):
            total += 1
            continue
        path = Path(entry)
        if not path.is_file() or not _is_lines(path):
            return None
        with _open(path) as handle:
            total += sum(1 for line in handle if line.strip())
    return total


def items_from_url(url: str, *, timeout: float = 60.0) -> Iterator[Item]:
    """Ads from an HTTP endpoint answering JSON (list, JobSearch answer) or JSON lines."""
    import httpx

    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            if response.status_code != 200:
                raise InvalidInput(f"{url} answered HTTP {response.status_code}", field="url")
            kind = response.headers.get("content-type", "")
            if "ndjson" in kind or "jsonl" in kind or "json-seq" in kind:
                yield from items_from_lines(_lines(response.iter_bytes()), url)
                return
            body = response.read()
    except httpx.HTTPError as exc:
        raise InvalidInput(f"could not read {url}: {exc}", field="url") from exc
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        yield from items_from_lines(body.splitlines(), url)
        return
    for number, record in enumerate(_records_of_document(doc), start=1):
        yield Item(url, number, raw=record)


def _lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    pending = b""
    for chunk in chunks:
        pending += chunk
        *complete, pending = pending.split(b"\n")
        yield from complete
    if pending:
        yield pending


def _where(error: Mapping[str, Any]) -> str:
    return ".".join(str(p) for p in error.get("loc", ())) or "record"


def validate(batch: Records) -> None:
    """Pipeline step: parse each record into the JobSearch shape or reject it with the reason."""
    for item in batch.items:
        raw = item.raw
        if isinstance(raw, _BadJson):
            batch.reject(item, None, f"invalid JSON: {raw.problem}")
            continue
        if isinstance(raw, _TooLarge):
            batch.reject(item, None, f"record is {raw.size:,} bytes; the limit is "
                                     f"{MAX_RECORD_BYTES:,}")
            continue
        if not isinstance(raw, dict):
            batch.reject(item, None, f"expected a JSON object, got {type(raw).__name__}")
            continue
        if raw.get("removed") is True and "headline" not in raw and raw.get("id"):
            # JobStream removal record: only id, removed and removed_date.
            item.removal = True
            item.ad = {"id": str(raw["id"]), "removed": True,
                       "removed_date": raw.get("removed_date")}
            continue
        try:
            model = JobAd.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = _where(first)
            message = str(first.get("msg", "invalid value"))
            if first.get("type") == "missing":
                message = "field required"
            batch.reject(item, where, f"{where}: {message}")
            continue
        item.ad = model.model_dump(mode="json")
