"""People services used by other domains and the edges: my log, statistics, demo accounts."""

from __future__ import annotations

from collections import Counter
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from jobbnav.db import get_engine
from jobbnav.errors import PermissionDenied
from jobbnav.people import audit
from jobbnav.people.model import Actor
from jobbnav.people.store import account, organisation, profile

__all__ = ["active_job_seeker_counts", "load_demo", "my_audit_log", "statistics"]


def my_audit_log(actor: Actor, *, limit: int = 200,
                 engine: Engine | None = None) -> list[dict[str, Any]]:
    """The person's own log: who (role, organisation, account name while it exists) did what."""
    if actor.role != "job_seeker":
        raise PermissionDenied("the personal log is the job seeker's own")
    with (engine or get_engine()).connect() as conn:
        entries = audit.entries_for(conn, actor.pseudonym, limit=limit)
        refs = {e["actor_ref"] for e in entries}
        names = {r.pseudonym: r.username for r in conn.execute(
            sa.select(account.c.pseudonym, account.c.username)
            .where(account.c.pseudonym.in_(refs)))}
        orgs = {r.id: r.name for r in conn.execute(sa.select(organisation.c.id,
                                                             organisation.c.name))}
    out = []
    for e in entries:
        who = ("you" if e["actor_ref"] == actor.pseudonym
               else names.get(e["actor_ref"], e["actor_ref"] if e["actor_ref"] in (
                   "operator", "system") else "erased account"))
        out.append({"seq": e["seq"], "at": e["at"], "who": who, "role": e["actor_role"],
                    "organisation": orgs.get(e["organisation_id"] or ""),
                    "action": e["action"], "what": e["what"], "purpose": e["purpose"],
                    "consent_id": e["consent_id"], "hash": e["hash"]})
    return out


def _cells(data: dict[str, Any]) -> list[tuple[str, str]]:
    occupations = list(dict.fromkeys(data.get("goals", {}).get("target_occupations", [])))
    if not occupations:
        dated = [e for e in data.get("experiences", []) if e.get("occupation_id")]
        if dated:
            latest = max(dated, key=lambda e: (e.get("end") or "9999-12-31",
                                               e.get("start") or ""))
            occupations = [latest["occupation_id"]]
    places = data.get("search", {}).get("places", [])
    place = places[0] if places else data.get("home_municipality")
    if not place:
        return []
    return [(occ, place) for occ in occupations]


def active_job_seeker_counts(*, engine: Engine | None = None) -> list[tuple[str, str, int]]:
    """(occupation id, municipality id, count) over profiles with an unemployment start date.

    Occupation: each target occupation, else the latest experience's; place: the first preferred
    place, else the home municipality. Counts only (a person seeking two occupations counts in
    both cells); erased people have no profile left, so they are never counted. Small cells are
    the caller's to suppress.
    """
    counts: Counter[tuple[str, str]] = Counter()
    with (engine or get_engine()).connect() as conn:
        for (data,) in conn.execute(sa.select(profile.c.data)
                                    .where(profile.c.unemployment_since.is_not(None))):
            counts.update(_cells(data))
    return sorted((occ, place, n) for (occ, place), n in counts.items())


def statistics(actor: Actor, *, min_cell: int = 5,
               engine: Engine | None = None) -> list[dict[str, Any]]:
    """Active job seekers per occupation × place for analysts, cells under `min_cell` hidden."""
    if actor.role not in ("analyst", "administrator"):
        raise PermissionDenied("statistics are for analysts")
    return [{"occupation_id": o, "place_id": p, "job_seekers": n}
            for o, p, n in active_job_seeker_counts(engine=engine) if n >= min_cell]


def load_demo(*, engine: Engine | None = None) -> list[tuple[str, str, str]]:
    from jobbnav.people.demo import load_demo as _load

    return _load(engine=engine)
