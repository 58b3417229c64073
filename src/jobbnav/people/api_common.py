"""Shared pieces of the people routers: strict query parameters, request bodies, uploads."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field

from jobbnav.api.params import reject_unknown_params
from jobbnav.errors import InvalidInput, PayloadTooLarge
from jobbnav.people.settings import people_settings

__all__ = ["Body", "read_upload", "strict_query"]


def _query_names(dependant: Any) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def strict_query(request: Request) -> None:
    """Router-level dependency: any query parameter the route does not declare is a 400."""
    route: Any = request.scope.get("route")
    allowed = _query_names(route.dependant) if route is not None else set()
    reject_unknown_params(request, allowed)


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Login(Body):
    username: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=1, max_length=200)


class NewAccount(Body):
    username: str = Field(min_length=1, max_length=120)
    role: str
    display_name: str = Field(min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    password: str | None = Field(default=None, max_length=200)
    organisation_id: str | None = Field(default=None, max_length=64)


class NewOrganisation(Body):
    name: str = Field(min_length=1, max_length=200)
    kind: str


class NewKey(Body):
    label: str = Field(default="key", max_length=200)
    role: str | None = None


class CvText(Body):
    text: str = Field(min_length=1)


class Confirm(Body):
    accept: list[str] = Field(max_length=1000)


class Interest(Body):
    ad_id: str | None = Field(default=None, max_length=120)
    message: str | None = Field(default=None, max_length=1000)


class LegalBasis(Body):
    organisation_id: str = Field(min_length=1, max_length=64)
    basis: str = Field(min_length=1, max_length=500)
    scope: list[str]


async def read_upload(request: Request) -> tuple[str, str | None, bytes]:
    """The one file of a multipart upload (field "file"); 413 before parsing when the declared
    length is already over the limit, and after reading when a chunked body was."""
    limit = people_settings().max_upload_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + 64 * 1024:
        raise PayloadTooLarge(f"the upload is {declared} bytes; the limit is {limit}",
                              field="file")
    ctype = request.headers.get("content-type", "")
    if not ctype.startswith("multipart/form-data"):
        raise InvalidInput("send the CV as multipart/form-data with a field named 'file'",
                           field="content-type")
    try:
        form = await request.form(max_files=1, max_fields=4)
    except Exception:
        raise InvalidInput("the multipart body could not be read", field="file") from None
    try:
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise InvalidInput("no file in the field 'file'", field="file")
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise PayloadTooLarge(f"the file is over the limit of {limit} bytes", field="file")
        return upload.filename or "", upload.content_type, data
    finally:
        await form.close()
