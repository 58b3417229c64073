from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from jobbnav.cli.app import app
from jobbnav.errors import NotFound
from jobbnav.market import queries
from jobbnav.taxonomy.service import index


@pytest.fixture
def read_only(real_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    # the shared real database is read-only by convention: no lazy rebuild of market tables
    monkeypatch.setattr(queries, "ensure_fresh", lambda _engine: None)
    return real_engine


def test_areas_by_name_and_code(read_only: Engine) -> None:
    with read_only.connect() as conn:
        lan = queries.resolve_area(conn, "Stockholm", field="region")
        assert lan[0] == "region"
        assert queries.resolve_area(conn, "Stockholms län", field="region") == lan
        assert queries.resolve_area(conn, "01", field="region") == lan
        assert queries.resolve_area(conn, lan[1], field="region") == lan
        solna = queries.resolve_area(conn, "Solna")
        assert solna[0] == "municipality"
        assert queries.resolve_area(conn, "0184") == solna
        assert queries.resolve_area(conn, "Stockholm")[0] == "municipality"  # kommun as area
        with pytest.raises(NotFound) as err:
            queries.resolve_area(conn, "Atlantis", field="region")
        assert err.value.field == "region" and "name" in err.value.detail


def test_occupations_by_label_and_code(read_only: Engine) -> None:
    idx = index(read_only)
    group = next(c for cid in idx.by_type["ssyk-level-4"]
                 if (c := idx.concepts[cid]).codes.get("ssyk-code-2012") == "2512")
    name = idx.concepts[sorted(idx.by_type["occupation-name"])[0]]
    with read_only.connect() as conn:
        assert queries.resolve_occupation(conn, "2512") == ("group", group.id)
        assert queries.resolve_occupation(conn, group.preferred_label) == ("group", group.id)
        assert queries.resolve_occupation(conn, group.preferred_label.upper())[1] == group.id
        assert queries.resolve_occupation(conn, name.preferred_label)[1] in {
            name.id, *idx.ids_by_label(name.preferred_label.casefold())}


def test_cli_report_takes_a_lan_name(read_only: Engine) -> None:
    result = CliRunner().invoke(app, ["market", "report", "--occupation", "2512",
                                      "--region", "Stockholm", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["demand"]["area"]["level"] == "region"
    assert "Stockholm" in body["demand"]["area"]["label"]
