"""Who may call which endpoint: the declared access policy of the whole HTTP surface.

One row per (method, path pattern). Patterns use fnmatch (`*` matches across '/'). The access
matrix test (tests/people/test_access_matrix.py) enumerates every route of the app, fails for a
route no row covers, and checks allow/deny for every role and for anonymous callers.

"Allowed" means the role passes the gate; the services still decide per record (a case worker
reads a profile only with a consent or legal basis; someone else's consent id is a 404).
Open-data endpoints (taxonomy, ads, stream, enrichment, market, geography) are public by design.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from jobbnav.people.model import ROLES

__all__ = ["ANONYMOUS", "AUTHENTICATED", "EVERYONE", "POLICY", "allowed_roles"]

ANONYMOUS = "anonymous"
AUTHENTICATED = frozenset(ROLES)
EVERYONE = frozenset({ANONYMOUS, *ROLES})
SEEKER = frozenset({"job_seeker"})
ADMIN = frozenset({"administrator"})
RECIPIENTS = frozenset({"case_worker", "employer", "analyst"})
EMPLOYER = frozenset({"employer"})

POLICY: tuple[tuple[str, str, frozenset[str]], ...] = (
    # Open data and the application shell: public.
    ("*", "/openapi.json", EVERYONE), ("*", "/docs", EVERYONE), ("*", "/docs/*", EVERYONE),
    ("*", "/redoc", EVERYONE), ("GET", "/health", EVERYONE), ("GET", "/", EVERYONE),
    ("GET", "/static/*", EVERYONE), ("GET", "/favicon.ico", EVERYONE),
    ("GET", "/jobb", EVERYONE), ("GET", "/jobb/{ad_id}", EVERYONE),
    ("*", "/v1/taxonomy/*", EVERYONE), ("GET", "/taxonomy", EVERYONE),
    ("GET", "/taxonomy/*", EVERYONE),
    ("GET", "/search", EVERYONE), ("GET", "/historical/search", EVERYONE),
    ("GET", "/ad/*", EVERYONE), ("GET", "/complete", EVERYONE), ("GET", "/stream", EVERYONE),
    ("GET", "/snapshot", EVERYONE),
    ("POST", "/enrich", EVERYONE), ("POST", "/enrichtextdocuments", EVERYONE),
    ("POST", "/enrichtextdocumentsbinary", EVERYONE),
    ("GET", "/geo/*", EVERYONE), ("GET", "/market", EVERYONE), ("GET", "/market/*", EVERYONE),
    # Portability and login: public.
    ("GET", "/.well-known/jobbnav-keys", EVERYONE), ("POST", "/v1/verify", EVERYONE),
    ("POST", "/v1/auth/login", EVERYONE), ("GET", "/login", EVERYONE),
    ("POST", "/login", EVERYONE),
    # Any account, about itself.
    ("POST", "/v1/auth/logout", AUTHENTICATED), ("POST", "/logout", AUTHENTICATED),
    ("GET", "/v1/me", AUTHENTICATED), ("DELETE", "/v1/me", AUTHENTICATED),
    ("GET", "/v1/me/export", AUTHENTICATED), ("GET", "/me", AUTHENTICATED),
    # The job seeker's own data and control panel.
    ("GET", "/v1/me/profile", SEEKER), ("PUT", "/v1/me/profile", SEEKER),
    ("PATCH", "/v1/me/profile", SEEKER), ("*", "/v1/me/cv", SEEKER), ("*", "/v1/me/cv/*", SEEKER),
    ("*", "/v1/me/consents", SEEKER), ("*", "/v1/me/consents/*", SEEKER),
    ("*", "/v1/me/interests", SEEKER), ("*", "/v1/me/interests/*", SEEKER),
    ("GET", "/v1/me/audit", SEEKER), ("POST", "/v1/me/import", SEEKER),
    ("*", "/me/profile", SEEKER), ("POST", "/me/cv", SEEKER), ("POST", "/me/cv/*", SEEKER),
    ("*", "/me/consents", SEEKER), ("GET", "/me/audit", SEEKER),
    # Recipients of personal data (with the person's consent, checked per record).
    ("*", "/v1/requests", RECIPIENTS), ("GET", "/v1/persons/*/profile", RECIPIENTS),
    ("GET", "/v1/candidates", EMPLOYER), ("GET", "/v1/candidates/*", EMPLOYER),
    ("POST", "/v1/candidates/*/interest", EMPLOYER),
    ("GET", "/v1/statistics/job-seekers", frozenset({"analyst", "administrator"})),
    # Administration (an account may also manage its own API keys).
    ("POST", "/v1/organisations", ADMIN), ("*", "/v1/accounts", ADMIN),
    ("DELETE", "/v1/accounts/*", ADMIN), ("*", "/v1/accounts/*/keys", ADMIN),
    ("DELETE", "/v1/keys/*", ADMIN), ("POST", "/v1/persons/*/legal-basis", ADMIN),
)


def allowed_roles(method: str, path: str) -> frozenset[str] | None:
    """The roles allowed for a route (its path template), or None when no row covers it.

    The most specific row wins: exact paths before patterns, longer patterns before shorter.
    """
    rows = [(p, roles) for m, p, roles in POLICY
            if (m == "*" or m == method) and fnmatchcase(path, p)]
    if not rows:
        return None
    rows.sort(key=lambda r: ("*" in r[0], -len(r[0])))
    return rows[0][1]
