"""Every route of the whole app × every role (+ anonymous) against the declared policy.

A route missing from `jobbnav.people.policy.POLICY` fails the test; for each covered route the
test calls it as each role (with a real session and a valid request) and checks that the
roles the policy denies get 401/403 (or, on pages, the login redirect) and the others do not.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from people_world import PASSWORD, World, build_world, fake_enricher
from sqlalchemy import Engine

from jobbnav.api import create_app
from jobbnav.people import cv
from jobbnav.people.policy import ANONYMOUS, EVERYONE, allowed_roles

ROLE_ACCOUNT = {"job_seeker": "bert", "case_worker": "handlaggare", "employer": "arbetsgivare",
                "analyst": "analytiker", "administrator": "admin"}
PURPOSE = {"case_worker": "case_work", "employer": "recruitment:ad-1", "analyst": "statistics"}
# Run last, in this order: they end sessions or erase accounts.
FINAL = [("DELETE", "/v1/me/cv/proposals/{proposal_id}"), ("DELETE", "/v1/keys/{key_id}"),
         ("DELETE", "/v1/accounts/{account_id}"), ("POST", "/v1/auth/logout"),
         ("POST", "/logout"), ("DELETE", "/v1/me")]
OWN_PREFIXES = ("/v1/me", "/v1/auth", "/v1/persons", "/v1/requests", "/v1/candidates",
                "/v1/statistics", "/v1/accounts", "/v1/organisations", "/v1/keys", "/me",
                "/login", "/logout", "/.well-known", "/v1/verify")


def app_routes(app: Any) -> list[tuple[str, str]]:
    try:
        from fastapi.routing import iter_route_contexts

        contexts: Any = list(iter_route_contexts(app.routes))
    except ImportError:  # older FastAPI: routes are flat
        contexts = app.routes
    out = set()
    for rc in contexts:
        for method in getattr(rc, "methods", None) or ():
            if method != "HEAD":
                out.add((method, rc.path))
    return sorted(out)


def test_every_route_is_in_the_policy(engine: Engine) -> None:
    missing = [f"{m} {p}" for m, p in app_routes(create_app(warm=False))
               if allowed_roles(m, p) is None]
    assert not missing, f"routes without an access policy in jobbnav.people.policy: {missing}"


class Caller:
    def __init__(self, client: TestClient, w: World) -> None:
        self.client, self.w = client, w
        self.sessions: dict[str, list[tuple[str, str]]] = {}
        r = client.get("/login")
        self.anon_csrf = r.cookies["jobbnav_csrf"]
        for role, name in ROLE_ACCOUNT.items():
            self.sessions[role] = [self._login(name) for _ in range(3)]

    def _login(self, name: str) -> tuple[str, str]:
        r = self.client.post("/v1/auth/login", json={"username": name, "password": PASSWORD})
        assert r.status_code == 200, r.text
        return r.cookies["jobbnav_session"], r.json()["csrf_token"]

    def fill(self, path: str) -> str:
        w = self.w
        values = {"account_id": w.ids["anna"], "consent_id": w.extra["consent_cw"],
                  "interest_id": w.extra["interest"], "proposal_id": w.extra["proposal"],
                  "handle": w.extra["handle"], "key_id": w.extra["anna_key_id"],
                  "name": "jobbnav.css", "code": "41101"}
        return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "x"), path)

    def body(self, method: str, path: str, role: str) -> dict[str, Any]:
        w = self.w
        samples: dict[tuple[str, str], Any] = {
            ("PUT", "/v1/me/profile"): {"summary": "matrix"},
            ("PATCH", "/v1/me/profile"): {"summary": "matrix patch"},
            ("POST", "/v1/me/cv"): {"text": "Python"},
            ("POST", "/v1/me/cv/proposals/{proposal_id}/confirm"): {"accept": []},
            ("POST", "/v1/me/consents"): {"recipient_kind": "organisation",
                                          "recipient_id": w.orgs["af"],
                                          "purpose": "case_work", "scope": ["skills"]},
            ("POST", "/v1/me/import"): {},
            ("POST", "/v1/verify"): {},
            ("POST", "/v1/auth/login"): {"username": "bert", "password": PASSWORD},
            ("POST", "/v1/requests"): {"subject": "anna", "scope": ["skills"],
                                       "purpose": PURPOSE.get(role, "case_work")},
            ("POST", "/v1/candidates/{handle}/interest"): {},
            ("POST", "/v1/organisations"): {"name": f"Org {role}", "kind": "employer"},
            ("POST", "/v1/accounts"): {"username": f"new-{role}".replace("_", "-"),
                                       "role": "analyst", "display_name": "Ny"},
            ("POST", "/v1/accounts/{account_id}/keys"): {},
            ("POST", "/v1/persons/{account_id}/legal-basis"): {
                "organisation_id": w.orgs["other"], "basis": "SFS 2022:811",
                "scope": ["skills"]},
            ("POST", "/enrich"): {"documents_input": []},
        }
        if (method, path) == ("POST", "/v1/me/cv/upload"):
            return {"files": {"file": ("cv.txt", b"Python och SQL", "text/plain")}}
        if path in ("/login", "/logout") or path.startswith("/me"):
            form = {"csrf": self.anon_csrf if role == ANONYMOUS else
                    self.sessions[role][2 if path == "/logout" else 0][1]}
            form |= {"/login": {"username": "bert", "password": PASSWORD},
                     "/me/cv": {"text": "Python"},
                     "/me/consents": {"action": "revoke", "consent_id": "none"},
                     "/me/profile": {"visibility": "hidden"}}.get(path, {})
            return {"data": form}
        if method in ("POST", "PUT", "PATCH") and (method, path) in samples:
            return {"json": samples[(method, path)]}
        return {"json": {}} if method in ("POST", "PUT", "PATCH") else {}

    def call(self, method: str, path: str, role: str) -> Any:
        headers: dict[str, str] = {}
        if role == ANONYMOUS:
            headers["Cookie"] = f"jobbnav_csrf={self.anon_csrf}"
        else:
            which = 1 if path == "/v1/auth/logout" else 2 if path == "/logout" else 0
            cookie, csrf = self.sessions[role][which]
            headers |= {"Cookie": f"jobbnav_session={cookie}", "X-CSRF-Token": csrf}
        params = ({"purpose": PURPOSE.get(role, "case_work")}
                  if path == "/v1/persons/{account_id}/profile" else None)
        return self.client.request(method, self.fill(path), headers=headers, params=params,
                                   follow_redirects=False, **self.body(method, path, role))


def _denied(response: Any) -> bool:
    if response.status_code in (401, 403):
        return True
    return response.status_code in (302, 303, 307) and \
        response.headers.get("location", "").endswith("/login")


def test_access_matrix(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cv, "_default_enricher", fake_enricher)
    w = build_world(engine, passwords=True)
    app = create_app(warm=False)
    routes = app_routes(app)
    ordered = [r for r in routes if r not in FINAL] + [r for r in FINAL if r in routes]
    assert len(ordered) == len(routes)
    failures: list[str] = []
    with TestClient(app, raise_server_exceptions=False) as client:
        caller = Caller(client, w)
        for method, path in ordered:
            allowed = allowed_roles(method, path)
            assert allowed is not None
            own = path.startswith(OWN_PREFIXES)
            roles = [ANONYMOUS, *ROLE_ACCOUNT] if own or allowed != EVERYONE else [ANONYMOUS]
            for role in roles:
                r = caller.call(method, path, role)
                if own and r.status_code >= 500:
                    failures.append(f"{method} {path} as {role}: {r.status_code} {r.text[:200]}")
                elif _denied(r) == (role in allowed):
                    verdict = "denied" if _denied(r) else "allowed"
                    failures.append(f"{method} {path} as {role}: {verdict} "
                                    f"({r.status_code} {r.text[:160]})")
    assert not failures, "\n".join(failures)
