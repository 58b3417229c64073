"""Job ad types: the JobSearch ad shape (unknown fields kept), import and search results."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "MAX_TEXT_CHARS",
    "ApplicationDetails",
    "ConceptRef",
    "Description",
    "Employer",
    "ImportReport",
    "JobAd",
    "Rejection",
    "Requirements",
    "ScopeOfWork",
    "SearchResult",
    "WeightedConceptRef",
    "WorkplaceAddress",
]

# One ad's free text beyond this is not an ad but a mistake (or an attack on the index).
MAX_TEXT_CHARS = 200_000


class _Open(BaseModel):
    """JobSearch objects grow new fields over time: keep what we do not know, never drop it."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


class ConceptRef(_Open):
    concept_id: str | None = None
    label: str | None = None
    legacy_ams_taxonomy_id: str | None = None


class WeightedConceptRef(ConceptRef):
    weight: int | None = None


class Description(_Open):
    text: str | None = Field(None, max_length=MAX_TEXT_CHARS)
    text_formatted: str | None = Field(None, max_length=MAX_TEXT_CHARS * 2)
    company_information: str | None = Field(None, max_length=MAX_TEXT_CHARS)
    needs: str | None = Field(None, max_length=MAX_TEXT_CHARS)
    requirements: str | None = Field(None, max_length=MAX_TEXT_CHARS)
    conditions: str | None = Field(None, max_length=MAX_TEXT_CHARS)


class Employer(_Open):
    name: str | None = None
    organization_number: str | None = None
    workplace: str | None = None
    url: str | None = None
    email: str | None = None
    phone_number: str | None = None


class WorkplaceAddress(_Open):
    municipality: str | None = None
    municipality_code: str | None = None
    municipality_concept_id: str | None = None
    region: str | None = None
    region_code: str | None = None
    region_concept_id: str | None = None
    country: str | None = None
    country_code: str | None = None
    country_concept_id: str | None = None
    street_address: str | None = None
    postcode: str | None = None
    city: str | None = None
    coordinates: list[float | None] | None = None


class Requirements(_Open):
    skills: list[WeightedConceptRef] = Field(default_factory=list)
    languages: list[WeightedConceptRef] = Field(default_factory=list)
    work_experiences: list[WeightedConceptRef] = Field(default_factory=list)
    education: list[WeightedConceptRef] = Field(default_factory=list)
    education_level: list[WeightedConceptRef] = Field(default_factory=list)


class ScopeOfWork(_Open):
    min: int | None = None
    max: int | None = None


class ApplicationDetails(_Open):
    information: str | None = None
    reference: str | None = None
    email: str | None = None
    via_af: bool | None = None
    url: str | None = None
    other: str | None = None


class JobAd(_Open):
    """One ad in the JobSearch shape. `id` and a non-empty `headline` are the only must-haves."""

    id: str = Field(min_length=1, max_length=200)
    external_id: str | None = None
    headline: str = Field(min_length=1, max_length=1000)
    webpage_url: str | None = None
    description: Description = Field(default_factory=lambda: Description.model_validate({}))
    employer: Employer = Field(default_factory=lambda: Employer.model_validate({}))
    workplace_address: WorkplaceAddress = Field(
        default_factory=lambda: WorkplaceAddress.model_validate({}))
    occupation: ConceptRef | None = None
    occupation_group: ConceptRef | None = None
    occupation_field: ConceptRef | None = None
    employment_type: ConceptRef | None = None
    working_hours_type: ConceptRef | None = None
    duration: ConceptRef | None = None
    salary_type: ConceptRef | None = None
    scope_of_work: ScopeOfWork = Field(default_factory=lambda: ScopeOfWork.model_validate({}))
    must_have: Requirements = Field(default_factory=lambda: Requirements.model_validate({}))
    nice_to_have: Requirements = Field(default_factory=lambda: Requirements.model_validate({}))
    experience_required: bool | None = None
    driving_license_required: bool | None = None
    driving_license: list[ConceptRef] | None = None
    access_to_own_car: bool | None = None
    number_of_vacancies: int | None = Field(None, ge=0, le=100_000)
    publication_date: datetime | None = None
    last_publication_date: datetime | None = None
    application_deadline: datetime | None = None
    removed: bool = False
    removed_date: datetime | None = None
    source_type: str | None = None
    application_details: ApplicationDetails | None = None
    timestamp: int | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        # JobSearch ids are strings of digits; some feeds send them as numbers.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("headline")
    @classmethod
    def _headline_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("headline is blank")
        return value


@dataclass(frozen=True, slots=True)
class Rejection:
    """One record refused by the import, with where it came from and why."""

    source: str
    record: int
    id: str | None
    field: str | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "record": self.record, "id": self.id,
                "field": self.field, "reason": self.reason}


@dataclass(slots=True)
class ImportReport:
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    batches: int = 0
    seconds: float = 0.0
    notices: list[str] = field(default_factory=list)
    # References to concept ids this taxonomy does not hold, kept as given, per field kind.
    unknown_kept: dict[str, int] = field(default_factory=dict)

    @property
    def seen(self) -> int:
        return self.stored + self.updated + self.unchanged + len(self.rejected)

    def as_dict(self) -> dict[str, Any]:
        return {"stored": self.stored, "updated": self.updated, "unchanged": self.unchanged,
                "removed": self.removed, "duplicates": self.duplicates,
                "rejected": len(self.rejected), "batches": self.batches,
                "seconds": round(self.seconds, 3), "notices": list(self.notices),
                "unknown_kept": dict(self.unknown_kept),
                "rejections": [r.as_dict() for r in self.rejected]}


@dataclass(slots=True)
class SearchResult:
    """A JobSearch `/search` answer; `as_json` gives the public response body (the hits are
    kept as the JSON they are answered with), `as_dict` the same parsed."""

    total: int
    positions: int
    hit_json: list[bytes]
    stats: list[dict[str, Any]]
    freetext_concepts: dict[str, list[str]]
    query_time_in_millis: int
    result_time_in_millis: int
    next: str | None = None

    @property
    def hits(self) -> list[dict[str, Any]]:
        return [orjson.loads(h) for h in self.hit_json]

    def _head(self) -> dict[str, Any]:
        return {
            "total": {"value": self.total},
            "positions": self.positions,
            "query_time_in_millis": self.query_time_in_millis,
            "result_time_in_millis": self.result_time_in_millis,
            "stats": self.stats,
            "freetext_concepts": self.freetext_concepts,
        }

    def as_dict(self) -> dict[str, Any]:
        body = {**self._head(), "hits": self.hits}
        if self.next is not None:
            body["next"] = self.next
        return body

    def as_json(self) -> bytes:
        head = orjson.dumps(self._head())
        tail = b"]" if self.next is None else b'],"next":' + orjson.dumps(self.next)
        return head[:-1] + b',"hits":[' + b",".join(self.hit_json) + tail + b"}"
