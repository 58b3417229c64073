"""People types: roles, the acting party, the profile (what a job seeker may store) and consent.

Protected attributes (age, gender, origin, health, religion, union membership) are deliberately
not fields: every model forbids unknown keys and names a protected one with its own message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "PROFILE_SECTIONS",
    "PROTECTED_ATTRIBUTES",
    "PURPOSES",
    "ROLES",
    "Actor",
    "Certificate",
    "ConsentGrant",
    "DataRequest",
    "Education",
    "Experience",
    "Goals",
    "Language",
    "Profile",
    "SearchPreferences",
    "check_purpose",
]

ROLES = ("job_seeker", "case_worker", "employer", "analyst", "administrator")
# What a consent may name. "recruitment:<ad id>" is recruitment for one given ad.
PURPOSES = ("matching", "case_work", "recruitment", "statistics")
# The parts of a profile a consent's scope can name; "contact" is the name and e-mail address.
PROFILE_SECTIONS = ("experiences", "education", "skills", "languages", "driving_licences",
                    "certificates", "goals", "search", "unemployment", "summary", "contact")
PROTECTED_ATTRIBUTES = frozenset({
    "age", "birth_date", "date_of_birth", "birthdate", "gender", "sex", "origin", "ethnicity",
    "ethnic_origin", "nationality", "country_of_birth", "health", "disability", "religion",
    "belief", "union", "union_membership", "trade_union", "sexual_orientation",
})
DRIVING_LICENCES = Literal["AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE",
                           "D1", "D1E", "D", "DE", "TRAKTOR"]


def check_purpose(purpose: str) -> str:
    """Validate a purpose name; raises ValueError naming the allowed ones."""
    base, _, ad_id = purpose.partition(":")
    if base not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}; one of matching, case_work, "
                         "recruitment:<ad id>, statistics")
    if base == "recruitment" and not ad_id.strip():
        raise ValueError("purpose recruitment needs an ad id: recruitment:<ad id>")
    if base != "recruitment" and ad_id:
        raise ValueError(f"purpose {base!r} takes no ':' suffix")
    return purpose


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: an account (by session, API key or CLI) or the service itself."""

    account_id: str
    role: str
    pseudonym: str
    organisation_id: str | None = None
    via: str = "session"  # session | api_key | cli | system
    key_id: str | None = None

    @classmethod
    def operator(cls) -> Actor:
        """Whoever runs the CLI on the server: may administer, never reads profiles."""
        return cls(account_id="operator", role="operator", pseudonym="operator", via="cli")

    @classmethod
    def system(cls) -> Actor:
        return cls(account_id="system", role="system", pseudonym="system", via="system")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _no_protected_attributes(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in data:
                if str(key).lower() in PROTECTED_ATTRIBUTES:
                    raise ValueError(
                        f"'{key}' is a protected attribute (age, gender, origin, health, "
                        "religion, union membership) and is never stored")
        return data


class Experience(_Strict):
    occupation_id: str = Field(min_length=1, max_length=64)
    employer: str | None = Field(default=None, max_length=200)
    start: dt.date | None = None
    end: dt.date | None = None
    description: str | None = Field(default=None, max_length=4000)

    @model_validator(mode="after")
    def _ordered(self) -> Experience:
        if self.start and self.end and self.end < self.start:
            raise ValueError("end is before start")
        return self


class Education(_Strict):
    level_id: str | None = Field(default=None, max_length=64)
    field_id: str | None = Field(default=None, max_length=64)
    name: str = Field(min_length=1, max_length=300)
    year: int | None = Field(default=None, ge=1900, le=2100)


class Language(_Strict):
    concept_id: str = Field(min_length=1, max_length=64)
    level: Literal["basic", "good", "fluent", "native"] = "good"


class Certificate(_Strict):
    name: str = Field(min_length=1, max_length=300)
    concept_id: str | None = Field(default=None, max_length=64)
    issuer: str | None = Field(default=None, max_length=200)
    valid_until: dt.date | None = None


class Goals(_Strict):
    target_occupations: list[str] = Field(default_factory=list, max_length=50)
    drivers: list[str] = Field(default_factory=list, max_length=20)


class SearchPreferences(_Strict):
    places: list[str] = Field(default_factory=list, max_length=50)
    max_travel_minutes: int | None = Field(default=None, ge=0, le=600)
    employment_types: list[Literal["permanent", "temporary", "seasonal", "hourly",
                                   "self_employed"]] = Field(default_factory=list)
    working_hours: Literal["full_time", "part_time", "any"] = "any"
    remote: Literal["no", "partly", "fully", "any"] = "any"


class Profile(_Strict):
    """A job seeker's profile. Every concept id is checked against the taxonomy on save."""

    experiences: list[Experience] = Field(default_factory=list, max_length=100)
    education: list[Education] = Field(default_factory=list, max_length=50)
    skills: list[str] = Field(default_factory=list, max_length=500)
    languages: list[Language] = Field(default_factory=list, max_length=50)
    driving_licences: list[DRIVING_LICENCES] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list, max_length=50)
    goals: Goals = Field(default_factory=Goals)
    search: SearchPreferences = Field(default_factory=SearchPreferences)
    home_municipality: str | None = Field(default=None, max_length=64)
    unemployment_since: dt.date | None = None
    visibility: Literal["hidden", "anonymous", "visible"] = "hidden"
    summary: str | None = Field(default=None, max_length=4000)


def _check_scope(scope: list[str]) -> list[str]:
    unknown = [s for s in scope if s not in PROFILE_SECTIONS]
    if unknown:
        raise ValueError(f"unknown scope {unknown[0]!r}; one of {', '.join(PROFILE_SECTIONS)}")
    if not scope:
        raise ValueError("scope must name at least one part of the profile")
    return sorted(set(scope))


class ConsentGrant(_Strict):
    """A consent the person gives on their own initiative (the control panel)."""

    recipient_kind: Literal["organisation", "account", "service"]
    recipient_id: str = Field(min_length=1, max_length=64)
    purpose: str = Field(min_length=1, max_length=120)
    scope: list[str]
    days: int = Field(default=365, ge=1, le=3650)

    @model_validator(mode="after")
    def _valid(self) -> ConsentGrant:
        check_purpose(self.purpose)
        self.scope = _check_scope(self.scope)
        return self


class DataRequest(_Strict):
    """A recipient asks a person for data: subject is a username or a candidate handle."""

    subject: str = Field(min_length=1, max_length=120)
    purpose: str = Field(min_length=1, max_length=120)
    scope: list[str]
    days: int = Field(default=90, ge=1, le=3650)
    message: str | None = Field(default=None, max_length=1000)

    @model_validator(mode="after")
    def _valid(self) -> DataRequest:
        check_purpose(self.purpose)
        self.scope = _check_scope(self.scope)
        return self
