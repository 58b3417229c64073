"""A global cap on request bodies, checked before any endpoint parses them.

Endpoints keep their own, smaller limits (CV uploads, enrichment texts); this one stops a client
from making the server read and parse an arbitrarily large body first.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jobbnav.api.problems import PROBLEM_JSON, problem

__all__ = ["BodySizeLimit"]


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared: bytes | None = None
        chunked = False
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                declared = value
            elif name == b"transfer-encoding":
                chunked = True
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, send)
            return
        if not chunked and ((declared is not None and declared.isdigit())
                            or scope.get("http_version") in ("1.0", "1.1")):
            # The server reads at most the declared length, and an HTTP/1 request with neither
            # header has no body: nothing to count (the common GET stays one plain call).
            await self.app(scope, receive, send)
            return
        received = 0
        too_large = False
        replaced = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    too_large = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # The app may catch the overflow itself (FastAPI turns any body-reading error into
            # its own 400); whatever it answers then is replaced by the 413.
            nonlocal replaced, started
            if too_large and not started:
                if not replaced:
                    replaced = True
                    await self._refuse(scope, send)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _TooLarge:
            if not replaced and not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        body = json.dumps(problem(
            413, "Payload too large",
            f"request body exceeds the server's limit of {self.max_bytes} bytes",
            field="body", instance=scope.get("path"))).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", PROBLEM_JSON.encode()),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
