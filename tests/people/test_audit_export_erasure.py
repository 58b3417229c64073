"""The hash-chained log, signed export/import, erasure that leaves no trace, market counts."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from people_world import World, build_world
from sqlalchemy import Engine
from typer.testing import CliRunner

from jobbnav.errors import InvalidInput
from jobbnav.people import audit, export, profile
from jobbnav.people.erasure import erase
from jobbnav.people.service import active_job_seeker_counts, my_audit_log
from jobbnav.settings import get_settings


def _db_path() -> Path:
    return Path(get_settings().effective_database_url.split("///", 1)[1])


def test_log_verifies_and_detects_change_removal_and_truncation(world: World) -> None:
    assert audit.verify(world.engine).ok
    n = audit.verify(world.engine).entries
    assert n > 10
    db = sqlite3.connect(_db_path())
    db.execute("UPDATE people_audit_log SET what = 'nothing' WHERE seq = 5")
    db.commit()
    assert any("entry 5: content changed" in p for p in audit.verify(world.engine).problems)
    db.execute("DELETE FROM people_audit_log WHERE seq = 5")
    db.commit()
    problems = audit.verify(world.engine).problems
    assert any("entry 5 is missing" in p for p in problems)
    db.execute("DELETE FROM people_audit_log WHERE seq >= 6")
    db.commit()
    assert any("were removed" in p for p in audit.verify(world.engine).problems)
    db.close()


def _rewrite_log_consistently(seq: int, what: str) -> None:
    """What someone with write access to the database (but not to var/secrets) can do: change an
    entry, recompute every later hash and link, and move the head along."""
    db = sqlite3.connect(_db_path())
    db.row_factory = sqlite3.Row
    db.execute("UPDATE people_audit_log SET what = ? WHERE seq = ?", (what, seq))
    prev = db.execute("SELECT prev_hash FROM people_audit_log WHERE seq = ?", (seq,)).fetchone()[0]
    for row in db.execute("SELECT * FROM people_audit_log WHERE seq >= ? ORDER BY seq",
                          (seq,)).fetchall():
        digest = audit.entry_hash(prev, dict(row))
        db.execute("UPDATE people_audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                   (prev, digest, row["seq"]))
        prev = digest
    db.execute("UPDATE people_audit_head SET hash = ? WHERE id = 1", (prev,))
    db.commit()
    db.close()


def test_consistent_rewrite_of_log_and_head_is_detected(world: World) -> None:
    from jobbnav.cli.app import app

    assert audit.verify(world.engine).ok
    _rewrite_log_consistently(4, "nothing happened here")
    problems = audit.verify(world.engine).problems
    # Every hash and link holds again; only the head's signature gives the rewrite away.
    assert not any("entry" in p for p in problems)
    assert len(problems) == 1 and "signature does not hold" in problems[0]
    bad = CliRunner().invoke(app, ["audit", "verify"])
    assert bad.exit_code == 1 and "signature" in bad.output
    # Dropping the signature instead does not help either.
    db = sqlite3.connect(_db_path())
    db.execute("UPDATE people_audit_head SET signature = NULL WHERE id = 1")
    db.commit()
    db.close()
    assert any("not signed" in p for p in audit.verify(world.engine).problems)


def test_head_signature_checks_with_the_published_key(world: World, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from jobbnav.cli.app import app
    from jobbnav.people import keys

    head = audit.head(world.engine)
    assert head is not None and head["key_id"] == keys.key_id()
    published = tmp_path / "jwks.json"
    published.write_text(json.dumps(keys.jwks()))
    ok = CliRunner().invoke(app, ["audit", "verify", "--key", str(published)])
    assert ok.exit_code == 0, ok.output
    stranger = Ed25519PrivateKey.generate().public_key()
    assert not audit.verify(world.engine, public_key=stranger).ok


def test_audit_verify_command_exit_codes(world: World) -> None:
    from jobbnav.cli.app import app

    ok = CliRunner().invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0 and "intact" in ok.output
    db = sqlite3.connect(_db_path())
    db.execute("UPDATE people_audit_log SET purpose = 'x' WHERE seq = 3")
    db.commit()
    db.close()
    bad = CliRunner().invoke(app, ["audit", "verify"])
    assert bad.exit_code == 1 and "entry 3" in bad.output


def test_person_sees_who_read_their_data(world: World) -> None:
    anna = world.actors["anna"]
    profile.read_for(world.actors["handlaggare"], world.ids["anna"], "case_work",
                     engine=world.engine)
    entry = my_audit_log(anna, engine=world.engine)[0]
    assert entry["who"] == "handlaggare" and entry["role"] == "case_worker"
    assert entry["organisation"] == "Arbetsförmedlingen"
    assert entry["purpose"] == "case_work" and entry["consent_id"] == world.extra["consent_cw"]
    assert entry["action"] == "read"


def test_export_is_signed_and_complete_and_tampering_is_detected(world: World,
                                                                  tmp_path: Path) -> None:
    from jobbnav.cli.app import app

    doc = export.export_person(world.actors["anna"], engine=world.engine)
    assert doc["profile"]["data"]["skills"] == ["skill-python", "skill-sql"]
    assert {c["id"] for c in doc["consents"]} >= {world.extra["consent_cw"]}
    assert doc["derived"]["cv_proposals"][0]["id"] == world.extra["proposal"]
    assert doc["interests"] and doc["audit_log"]
    assert export.verify(doc)
    path = tmp_path / "anna.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert CliRunner().invoke(app, ["verify", str(path)]).exit_code == 0
    doc["person"]["email"] = "mallory@example.org"
    with pytest.raises(InvalidInput, match="changed or signed by another key"):
        export.verify(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(path)])
    assert result.exit_code == 1 and "NOT VALID" in result.output


def test_import_into_another_instance(world: World, tmp_path: Path) -> None:
    from tests_people_instance import second_instance

    from jobbnav.db import reset_engine

    doc = export.export_person(world.actors["anna"], engine=world.engine)
    with second_instance(tmp_path / "other") as (engine2, newcomer):
        result = export.import_person(newcomer, doc, engine=engine2)
        assert result["imported"] == ["profile"]
        assert result["not_imported"]["consents"] == len(doc["consents"])
        got = profile.get_own(newcomer, engine=engine2)["profile"]
        assert got["skills"] == ["skill-python", "skill-sql"]
        assert got["experiences"][0]["employer"] == "Volvo IT"
        forged = json.loads(json.dumps(doc))
        forged["profile"]["data"]["skills"] = []
        with pytest.raises(InvalidInput, match="signature"):
            export.import_person(newcomer, forged, engine=engine2)
    reset_engine()


def test_erasure_leaves_no_trace_in_any_table_or_file(world: World) -> None:
    anna_id, handle = world.ids["anna"], world.extra["handle"]
    pseudonym = world.actors["anna"].pseudonym
    profile.read_for(world.actors["handlaggare"], anna_id, "case_work", engine=world.engine)
    needles = [anna_id, handle, "anna@example.org", "Anna Testsson", "Volvo IT",
               "Hemlig fritext", "Chalmers datateknik", world.extra["consent_cw"],
               world.extra["proposal"], world.extra["anna_key_id"], "Flexibla tider"]
    result = erase(world.actors["anna"], engine=world.engine)
    assert result["removed"]["profile"] == 1
    engine: Engine = world.engine
    found: list[str] = []
    with engine.connect() as conn:
        tables = sa.inspect(engine).get_table_names()
        assert "people_profile" in tables and len(tables) > 10
        for table in tables:
            for row in conn.execute(sa.text(f'SELECT * FROM "{table}"')):
                text = " ".join(str(v) for v in row)
                for needle in needles:
                    if needle in text and not (table == "people_audit_log"
                                               and needle.startswith(world.extra["consent_cw"])):
                        found.append(f"{table}: {needle}")
                if pseudonym in text and table != "people_audit_log":
                    found.append(f"{table}: pseudonym")
    assert not found, found
    # The consent id stays in the log (it is what the log must keep), without any link back.
    assert audit.verify(engine).ok
    raw = b"".join(p.read_bytes() for p in _db_path().parent.glob("jobbnav.sqlite3*"))
    for needle in ("anna@example.org", "Anna Testsson", "Hemlig fritext", "Volvo IT"):
        assert needle.encode() not in raw, f"{needle} still in the database file"
    index_dir = get_settings().index_dir
    for path in index_dir.rglob("*") if index_dir.exists() else []:
        if path.is_file():
            assert b"anna@example.org" not in path.read_bytes(), path


def test_active_job_seeker_counts(world: World) -> None:
    assert active_job_seeker_counts(engine=world.engine) == [("occ-dev", "mun-gbg", 1)]
    profile.put_own(world.actors["bert"], {"experiences": [
        {"occupation_id": "occ-nurse", "start": "2010-01-01", "end": "2015-01-01"},
        {"occupation_id": "occ-dev", "start": "2016-01-01", "end": "2025-01-01"}],
        "home_municipality": "mun-sthlm", "unemployment_since": "2026-01-10"},
        engine=world.engine)
    assert active_job_seeker_counts(engine=world.engine) == [
        ("occ-dev", "mun-gbg", 1), ("occ-dev", "mun-sthlm", 1)]
    erase(world.actors["anna"], engine=world.engine)
    assert active_job_seeker_counts(engine=world.engine) == [("occ-dev", "mun-sthlm", 1)]


def test_demo_accounts(engine: Engine) -> None:
    from jobbnav.people.accounts import authenticate_password
    from jobbnav.people.service import load_demo

    accounts = load_demo(engine=engine)
    assert {role for role, _, _ in accounts} == {"job_seeker", "case_worker", "employer",
                                                 "analyst", "administrator"}
    assert load_demo(engine=engine) == accounts  # idempotent
    role, username, password = accounts[0]
    assert authenticate_password(username, password, engine=engine).role == role


_ = build_world
