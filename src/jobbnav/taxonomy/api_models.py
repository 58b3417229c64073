"""Request and response models of the taxonomy HTTP API.

Query models spell their parameters as the JobTech Taxonomy API v1 does (`preferred-label`,
`related-ids`, …). List parameters may be repeated (`id=a&id=b`) or given space- or
comma-separated in one value (`type=ssyk-level-1 ssyk-level-2`), as JobTech clients send them.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from jobbnav.taxonomy.model import Concept
from jobbnav.taxonomy.query import ConceptDetails
from jobbnav.taxonomy.service import RELATION_NAMES

__all__ = [
    "CODE_FIELDS",
    "SPECIFIC",
    "AutocompleteQuery",
    "ConceptDetailsOut",
    "ConceptRef",
    "ConceptsQuery",
    "GraphQuery",
    "NeighbourOut",
    "SpecificConceptsQuery",
    "TermOut",
    "query_names",
]

_LIST_SPLIT = re.compile(r"[\s,]+")
_MAX_LIMIT = 100_000


def _split(value: object) -> object:
    items = value if isinstance(value, list) else [value]
    texts = [i for i in items if isinstance(i, str)]
    if len(texts) != len(items):
        return value  # let the list[str] validation name what is wrong
    return [part for text in texts for part in _LIST_SPLIT.split(text) if part]


SpacedList = Annotated[list[str], BeforeValidator(_split)]


class _Query(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=False)


class ConceptsQuery(_Query):
    id: SpacedList = Field(default_factory=list, description="Concept ids (repeat or separate "
                           "with spaces/commas). An old, deprecated id still resolves.")
    type: SpacedList = Field(default_factory=list, description="Concept types, e.g. "
                             "`ssyk-level-1 ssyk-level-2`.")
    preferred_label: str | None = Field(None, alias="preferred-label", max_length=500,
                                        description="Exact preferred label (case-insensitive).")
    deprecated: bool | None = Field(None, description="true: only deprecated concepts; false: "
                                    "only current ones.")
    include_deprecated: bool = Field(False, alias="include-deprecated",
                                     description="Also list deprecated concepts.")
    relation: str | None = Field(None, description=f"One of {', '.join(RELATION_NAMES)}: the "
                                 "concepts standing in this relation to `related-ids` "
                                 "(`narrower` of a group = its members).")
    related_ids: SpacedList = Field(default_factory=list, alias="related-ids")
    offset: int = Field(0, ge=0)
    limit: int | None = Field(None, ge=0, le=_MAX_LIMIT)


# External code fields as the JobTech API names them (stored without the `taxonomy/` prefix).
CODE_FIELDS = (
    "ssyk-code-2012", "isco-code-08", "lau-2-code-2015", "national-nuts-level-3-code-2019",
    "nuts-level-3-code-2013", "iso-3166-1-alpha-2-2013", "iso-3166-1-alpha-3-2013",
    "iso-639-1-2002", "iso-639-2-1998", "iso-639-3-2007", "sun-education-field-code-2020",
    "sun-education-level-code-2020", "sni-level-code-2007", "driving-licence-code-2013",
)


class SpecificConceptsQuery(ConceptsQuery):
    """The concepts query plus a filter on each external code; each endpoint allows its own."""

    ssyk_code_2012: str | None = Field(None, alias="ssyk-code-2012")
    isco_code_08: str | None = Field(None, alias="isco-code-08")
    lau_2_code_2015: str | None = Field(None, alias="lau-2-code-2015")
    national_nuts_level_3_code_2019: str | None = Field(None,
                                                        alias="national-nuts-level-3-code-2019")
    nuts_level_3_code_2013: str | None = Field(None, alias="nuts-level-3-code-2013")
    iso_3166_1_alpha_2_2013: str | None = Field(None, alias="iso-3166-1-alpha-2-2013")
    iso_3166_1_alpha_3_2013: str | None = Field(None, alias="iso-3166-1-alpha-3-2013")
    iso_639_1_2002: str | None = Field(None, alias="iso-639-1-2002")
    iso_639_2_1998: str | None = Field(None, alias="iso-639-2-1998")
    iso_639_3_2007: str | None = Field(None, alias="iso-639-3-2007")
    sun_education_field_code_2020: str | None = Field(None, alias="sun-education-field-code-2020")
    sun_education_level_code_2020: str | None = Field(None, alias="sun-education-level-code-2020")
    sni_level_code_2007: str | None = Field(None, alias="sni-level-code-2007")
    driving_licence_code_2013: str | None = Field(None, alias="driving-licence-code-2013")

    def code_filters(self) -> dict[str, str]:
        return {code: value for code in CODE_FIELDS
                if (value := getattr(self, code.replace("-", "_"))) is not None}


# /v1/taxonomy/specific/concepts/{name}: the concept types it lists and the codes it shows.
SPECIFIC: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ssyk": (("ssyk-level-1", "ssyk-level-2", "ssyk-level-3", "ssyk-level-4"),
             ("ssyk-code-2012",)),
    "isco": (("isco-level-4",), ("isco-code-08",)),
    "municipality": (("municipality",), ("lau-2-code-2015",)),
    "region": (("region",), ("national-nuts-level-3-code-2019", "nuts-level-3-code-2013")),
    "country": (("country",), ("iso-3166-1-alpha-2-2013", "iso-3166-1-alpha-3-2013")),
    "language": (("language",), ("iso-639-1-2002", "iso-639-2-1998", "iso-639-3-2007")),
    "skill": (("skill",), ()),
    "sun-education-field": (("sun-education-field-1", "sun-education-field-2",
                             "sun-education-field-3", "sun-education-field-4"),
                            ("sun-education-field-code-2020",)),
    "sun-education-level": (("sun-education-level-1", "sun-education-level-2",
                             "sun-education-level-3"), ("sun-education-level-code-2020",)),
    "sni-level": (("sni-level-1", "sni-level-2", "sni-level-3", "sni-level-4", "sni-level-5"),
                  ("sni-level-code-2007",)),
    "driving-licence": (("driving-licence",), ("driving-licence-code-2013",)),
}


class GraphQuery(_Query):
    edge_relation_type: str = Field(alias="edge-relation-type",
                                    description="broader, narrower, related or substitutability")
    source_concept_type: str = Field(alias="source-concept-type")
    target_concept_type: str = Field(alias="target-concept-type")
    include_deprecated: bool = Field(False, alias="include-deprecated")
    offset: int = Field(0, ge=0)
    limit: int | None = Field(None, ge=0, le=_MAX_LIMIT)


class AutocompleteQuery(_Query):
    query_string: str = Field(alias="query-string", min_length=1, max_length=200,
                              description="What the user has typed so far.")
    type: SpacedList = Field(default_factory=list)
    relation: str | None = None
    related_ids: SpacedList = Field(default_factory=list, alias="related-ids")
    include_deprecated: bool = Field(False, alias="include-deprecated")
    offset: int = Field(0, ge=0)
    limit: int = Field(100, ge=0, le=1000, description="As in JobTech: 100 unless told.")


def query_names(model: type[BaseModel]) -> set[str]:
    """The query-parameter names a model accepts (its aliases)."""
    return {f.alias or name for name, f in model.model_fields.items()}


# --- the native concept endpoint ---------------------------------------------------------------

class ConceptRef(BaseModel):
    id: str
    type: str
    preferred_label: str
    deprecated: bool = False


class NeighbourOut(ConceptRef):
    percentage: int | None = None


class TermOut(BaseModel):
    term: str
    kind: str
    misspelled: bool


class ConceptDetailsOut(BaseModel):
    id: str
    type: str
    preferred_label: str
    definition: str | None
    codes: dict[str, str]
    deprecated: bool
    replaced_by: ConceptRef | None
    local: bool
    terms: list[TermOut]
    broader: list[ConceptRef] = Field(description="The broader chain, nearest first.")
    narrower: list[ConceptRef]
    related: list[ConceptRef]
    substitutes: list[NeighbourOut] = Field(
        description="Occupations this one can stand in for, with substitutability percentage.")
    substituted_by: list[NeighbourOut] = Field(
        description="Occupations that can stand in for this one, with percentage.")

    @classmethod
    def of(cls, details: ConceptDetails) -> ConceptDetailsOut:
        c = details.concept

        def ref(x: Concept) -> ConceptRef:
            return ConceptRef(id=x.id, type=x.type, preferred_label=x.preferred_label,
                              deprecated=x.deprecated)

        return cls(
            id=c.id, type=c.type, preferred_label=c.preferred_label, definition=c.definition,
            codes=c.codes, deprecated=c.deprecated,
            replaced_by=ref(details.replaced_by) if details.replaced_by else None, local=c.local,
            terms=[TermOut(term=t.term, kind=t.kind, misspelled=t.misspelled)
                   for t in details.terms],
            broader=[ref(x) for x in details.broader],
            narrower=[ref(x) for x in details.narrower],
            related=[ref(x) for x in details.related],
            substitutes=[NeighbourOut(**ref(n.concept).model_dump(), percentage=n.percentage)
                         for n in details.substitutes],
            substituted_by=[NeighbourOut(**ref(n.concept).model_dump(), percentage=n.percentage)
                            for n in details.substituted_by])
