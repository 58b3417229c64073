"""`jobbnav geo …` commands on the demo geography."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from jobbnav.cli.app import app

DEMO_GEO = Path(__file__).resolve().parents[2] / "src" / "jobbnav" / "demo" / "data" / "geo"


def test_import_travel_reach_commute(engine: Engine) -> None:
    runner = CliRunner()
    imported = runner.invoke(app, ["geo", "import", str(DEMO_GEO)])
    assert imported.exit_code == 0, imported.output
    assert "municipalities" in imported.output and "43" in imported.output
    again = runner.invoke(app, ["geo", "import", str(DEMO_GEO)])
    assert "unchanged" in again.output
    travel = runner.invoke(app, ["geo", "travel", "Umeå", "Skellefteå"])
    assert travel.exit_code == 0 and "min by car" in travel.output
    reach = runner.invoke(app, ["geo", "reach", "Stockholm", "45"])
    assert reach.exit_code == 0 and "Nacka" in reach.output
    commute = runner.invoke(app, ["geo", "commute", "Nacka", "Stockholm", "--work-hours", "8"])
    assert commute.exit_code == 0 and "yes" in commute.output
