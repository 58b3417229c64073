"""What an ad puts in the search index's concept fields."""

from __future__ import annotations

from jobbnav.ads.search.index import document_fields


def test_enriched_occupations_are_indexed_but_predicted_groups_are_not() -> None:
    ad = {"headline": "Sjuksköterska", "description": {"text": "Vi söker en sjuksköterska."},
          "occupation": {"concept_id": "stated-name"},
          "enrichment": {"occupations": [
              {"concept_id": "named-in-text", "context": "required"},
              {"concept_id": "guessed-group", "context": "predicted"}]}}
    fields = document_fields(1, ad)
    assert {"stated-name", "named-in-text"} <= set(fields["occupation"])
    assert "guessed-group" not in fields["occupation"]
