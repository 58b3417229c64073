"""Length-prefixed pickle frames over the pipes of the import's child processes."""

from __future__ import annotations

import contextlib
import pickle
import struct
from typing import IO, Any

try:
    import fcntl
except ImportError:  # not on Windows: pipes keep their size
    fcntl = None  # type: ignore[assignment]

__all__ = ["frame", "read_frame", "widen"]

_LENGTH = struct.Struct("<Q")


def frame(payload: Any) -> bytes:
    data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(data)) + data


def _read_exactly(source: IO[bytes], size: int) -> bytes | None:
    chunks, missing = [], size
    while missing:
        chunk = source.read(missing)
        if not chunk:
            return None  # end of input (a frame cut short counts as the end)
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)


def read_frame(source: IO[bytes]) -> Any:
    """The next payload, or None at the end of the input."""
    head = _read_exactly(source, _LENGTH.size)
    if head is None:
        return None
    body = _read_exactly(source, _LENGTH.unpack(head)[0])
    return None if body is None else pickle.loads(body)


def widen(pipe: IO[bytes]) -> None:
    """A 1 MiB pipe instead of 64 KiB (Linux): a batch is handed over in fewer, larger
    writes, each one a wake-up of the other side."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if set_size is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(pipe.fileno(), set_size, 1 << 20)
