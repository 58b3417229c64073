"""HTTP: `POST /enrich` (native) and the JobAd Enrichments compatible document endpoints."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from jobbnav.enrich import service
from jobbnav.enrich.jobad_format import candidates
from jobbnav.enrich.model import Kind
from jobbnav.errors import PayloadTooLarge

__all__ = ["router"]

router = APIRouter(tags=["enrichment"])

MAX_BODY_BYTES = 5_000_000
MAX_DOCUMENTS = 100


def _limit_body(request: Request) -> None:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise PayloadTooLarge(f"request body is larger than {MAX_BODY_BYTES:,} bytes",
                              field="body")


class EnrichRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="The text to enrich (≤ 1 MB).")
    headline: str | None = Field(default=None, description="An ad's headline, if any.")
    kind: Kind = Field(default="ad", description="ad | cv | course | query: decides contexts.")


@router.post("/enrich", summary="Concepts with context in a text, and its occupation groups")
def post_enrich(body: EnrichRequest, request: Request) -> dict[str, Any]:
    _limit_body(request)
    return service.enrich(body.text, headline=body.headline, kind=body.kind).as_dict()


class DocumentInput(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc_id: str = Field(max_length=200)
    doc_headline: str = ""
    doc_text: str = ""


class EnrichDocumentsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents_input: list[DocumentInput] = Field(max_length=MAX_DOCUMENTS)
    include_terms_info: bool = False
    include_sentences: bool = False
    sort_by_prediction_score: Literal["NOT_SORTED", "ASC", "DESC"] | bool = "NOT_SORTED"


def _documents(body: EnrichDocumentsRequest, request: Request, *, binary: bool
               ) -> list[dict[str, Any]]:
    _limit_body(request)
    sort = body.sort_by_prediction_score
    order = ("DESC" if sort else "NOT_SORTED") if isinstance(sort, bool) else sort
    out = []
    for i, doc in enumerate(body.documents_input):
        try:
            result = service.enrich(doc.doc_text, headline=doc.doc_headline or None, kind="ad")
        except PayloadTooLarge as exc:
            raise PayloadTooLarge(exc.detail, field=f"documents_input.{i}.doc_text") from exc
        sentences = [doc.doc_text[s:e] for s, e in result.sentences]
        out.append({"doc_id": doc.doc_id, "doc_headline": doc.doc_headline,
                    "enriched_candidates": candidates(
                        result, sentences, binary=binary,
                        include_terms_info=body.include_terms_info,
                        include_sentences=body.include_sentences, sort=order,
                        headline=doc.doc_headline, groups_of=service.lexicon().groups_of)})
    return out


@router.post("/enrichtextdocuments", summary="JobAd Enrichments: all candidates with scores")
def post_enrich_documents(body: EnrichDocumentsRequest, request: Request) -> list[dict[str, Any]]:
    return _documents(body, request, binary=False)


@router.post("/enrichtextdocumentsbinary",
             summary="JobAd Enrichments: candidates predicted as demanded (score ≥ 0.5)")
def post_enrich_documents_binary(body: EnrichDocumentsRequest,
                                 request: Request) -> list[dict[str, Any]]:
    return _documents(body, request, binary=True)
