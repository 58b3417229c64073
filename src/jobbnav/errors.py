"""The one exception hierarchy of the services; only the edges turn it into exit codes or HTTP."""

from __future__ import annotations

__all__ = [
    "Conflict",
    "InvalidInput",
    "JobbnavError",
    "NotFound",
    "PayloadTooLarge",
    "PermissionDenied",
    "RejectedFile",
    "Unauthenticated",
]


class JobbnavError(Exception):
    """Base of every domain error. `field` names the input at fault, when there is one."""

    status = 400
    title = "Bad request"

    def __init__(self, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field


class InvalidInput(JobbnavError):
    status = 400
    title = "Invalid input"


class NotFound(JobbnavError):
    status = 404
    title = "Not found"


class Conflict(JobbnavError):
    status = 409
    title = "Conflict"


class PayloadTooLarge(JobbnavError):
    status = 413
    title = "Payload too large"


class Unauthenticated(JobbnavError):
    status = 401
    title = "Not authenticated"


class PermissionDenied(JobbnavError):
    status = 403
    title = "Forbidden"


class RejectedFile(JobbnavError):
    """A whole file refused by an importer: names the file, the record and the problem."""

    status = 422
    title = "Rejected file"

    def __init__(self, path: str, record: str, problem: str) -> None:
        super().__init__(f"{path}: record {record}: {problem}", field=record)
        self.path = path
        self.record = record
        self.problem = problem
