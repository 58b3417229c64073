"""`jobbnav taxonomy search` (and `import` feeding it) through the real command tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from taxonomy_helpers import DEV, SKILL_TESTING, write_tiny_taxonomy
from typer.testing import CliRunner

from jobbnav.cli.app import app
from jobbnav.errors import InvalidInput
from jobbnav.taxonomy import cli as taxonomy_cli

runner = CliRunner()


@pytest.fixture
def imported(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setattr(taxonomy_cli.out, "width", 200)  # no wrapped table cells
    result = runner.invoke(app, ["taxonomy", "import", str(write_tiny_taxonomy(tmp_path / "t"))])
    assert result.exit_code == 0, result.output
    return engine


def test_search_lists_best_match_first(imported: Engine) -> None:
    result = runner.invoke(app, ["taxonomy", "search", "mjukvaruutvekl", "--limit", "3"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if "Tst" in line]
    assert DEV in rows[0] and "Mjukvaruutvecklare" in rows[0] and "fuzzy" in rows[0]


def test_search_type_filter_and_hidden_terms(imported: Engine) -> None:
    skills = runner.invoke(app, ["taxonomy", "search", "mjukv", "--type", "skill"])
    assert skills.exit_code == 0 and SKILL_TESTING in skills.output and DEV not in skills.output
    hidden = runner.invoke(app, ["taxonomy", "search", "programutv"])
    assert "Programutvecklare (hidden-term)" in hidden.output


def test_search_without_match_and_with_bad_type(imported: Engine) -> None:
    none = runner.invoke(app, ["taxonomy", "search", "xqzwv"])
    assert none.exit_code == 0 and "no concept matches 'xqzwv'" in none.output
    bad = runner.invoke(app, ["taxonomy", "search", "mjukv", "--type", "skills"])
    assert bad.exit_code != 0 and isinstance(bad.exception, InvalidInput)
    assert bad.exception.field == "type" and "skills" in bad.exception.detail
