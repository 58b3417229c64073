"""Server-rendered pages: login, my profile (with CV → confirm), consents, my log.

Every form POST carries a CSRF token (the session's; before login a double-submit cookie's).
Service errors are shown on the page they came from, with the service's message.
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from jobbnav.errors import InvalidInput, JobbnavError, PermissionDenied
from jobbnav.people import accounts, consent, cv, profile
from jobbnav.people import service as people
from jobbnav.people.auth import (
    COOKIE,
    CSRF_COOKIE,
    check_form_csrf,
    create_session,
    end_session,
    page_actor,
    secure_request,
    session_csrf,
)
from jobbnav.people.model import PROFILE_SECTIONS, Actor, ConsentGrant
from jobbnav.people.settings import people_settings
from jobbnav.web.templating import templates

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
NAV = [{"href": "/me/profile", "label": "Min profil"},
       {"href": "/me/consents", "label": "Samtycken"},
       {"href": "/me/audit", "label": "Min logg"}]


def _label(concept_id: str | None) -> str:
    if not concept_id:
        return ""
    from jobbnav.taxonomy.service import index

    found = index().concepts.get(concept_id)
    return found.preferred_label if found else concept_id


def _render(request: Request, name: str, context: dict[str, Any], *,
            status: int = 200) -> HTMLResponse:
    actor = page_actor(request)
    base = {"nav_links": NAV if actor and actor.role == "job_seeker" else [],
            "actor": actor, "csrf": session_csrf(request), "label": _label}
    return templates.TemplateResponse(request, f"people/{name}", {**base, **context},
                                      status_code=status)


def _login_redirect() -> RedirectResponse:
    return RedirectResponse("/login", status_code=303)


def _gate(request: Request) -> Actor | Response:
    """The logged-in job seeker, or the answer for everyone else (login, or 403)."""
    actor = page_actor(request)
    if actor is None:
        return _login_redirect()
    if actor.role != "job_seeker":
        return _render(request, "forbidden.html", {"reason": "Sidan är för arbetssökande."},
                       status=403)
    return actor


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
    response = _render(request, "login.html", {
        "login_csrf": token, "error": None,
        "logged_out": request.query_params.get("logged_out") == "1"})
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/",
                        secure=secure_request(request))
    return response


@router.post("/login")
def login_submit(request: Request, username: str = Form(..., max_length=120),
                 password: str = Form(..., max_length=200),
                 csrf: str = Form("", max_length=100)) -> Response:
    try:
        check_form_csrf(request, csrf)
        actor = accounts.authenticate_password(username, password)
    except JobbnavError as exc:
        return _render(request, "login.html", {"login_csrf": request.cookies.get(CSRF_COOKIE),
                                               "error": exc.detail}, status=exc.status)
    cookie, _ = create_session(actor)
    target = "/me/profile" if actor.role == "job_seeker" else "/me"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, cookie, httponly=True, samesite="lax", path="/",
                        secure=secure_request(request),
                        max_age=int(people_settings().session_hours * 3600))
    return response


@router.post("/logout")
def logout_submit(request: Request, csrf: str = Form("", max_length=100)) -> Response:
    if page_actor(request) is None:
        return _login_redirect()
    check_form_csrf(request, csrf)
    if (cookie := request.cookies.get(COOKIE)) is not None:
        end_session(cookie)
    response = RedirectResponse("/login?logged_out=1", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/me", response_class=HTMLResponse)
def me_page(request: Request) -> Response:
    actor = page_actor(request)
    if actor is None:
        return _login_redirect()
    return _render(request, "me.html", {"account": accounts.account_info(actor.account_id)})


def _profile_context(actor: Actor) -> dict[str, Any]:
    return {"own": profile.get_own(actor), "pending": cv.pending(actor)}


@router.get("/me/profile", response_class=HTMLResponse)
def profile_page(request: Request) -> Response:
    actor = _gate(request)
    if not isinstance(actor, Actor):
        return actor
    return _render(request, "profile.html", {**_profile_context(actor), "error": None,
                                             "warnings": []})


def _job_seeker_form(request: Request, csrf: str) -> Actor:
    actor = page_actor(request)
    if actor is None:
        raise InvalidInput("log in first", field="session")
    if actor.role != "job_seeker":
        raise PermissionDenied("the page is for job seekers", field="session")
    check_form_csrf(request, csrf)
    return actor


def _profile_error(request: Request, actor: Actor | None, exc: JobbnavError) -> Response:
    gate = _gate(request)
    if not isinstance(gate, Actor):
        return gate
    if actor is None:
        return _login_redirect()
    return _render(request, "profile.html", {**_profile_context(actor), "error": exc.detail,
                                             "warnings": []}, status=exc.status)


@router.post("/me/profile")
def profile_submit(request: Request, csrf: str = Form("", max_length=100),
                   visibility: str = Form("hidden", max_length=20),
                   unemployment_since: str = Form("", max_length=20),
                   summary: str = Form("", max_length=4000)) -> Response:
    actor = page_actor(request)
    try:
        actor = _job_seeker_form(request, csrf)
        current = profile.get_own(actor)["profile"]
        current.update(visibility=visibility, unemployment_since=unemployment_since or None,
                       summary=summary or None)
        saved = profile.put_own(actor, current)
    except JobbnavError as exc:
        return _profile_error(request, actor, exc)
    return _render(request, "profile.html", {**_profile_context(actor), "error": None,
                                             "warnings": saved["warnings"], "saved": True})


@router.post("/me/cv")
def cv_submit(request: Request, csrf: str = Form("", max_length=100),
              text: str = Form(..., max_length=cv.MAX_TEXT_CHARS)) -> Response:
    actor = page_actor(request)
    try:
        actor = _job_seeker_form(request, csrf)
        cv.propose(actor, text, source="text")
    except JobbnavError as exc:
        return _profile_error(request, actor, exc)
    return RedirectResponse("/me/profile#proposals", status_code=303)


@router.post("/me/cv/{proposal_id}/confirm")
async def cv_confirm_submit(request: Request, proposal_id: str) -> Response:
    form = await request.form(max_fields=1100)
    actor = page_actor(request)
    try:
        actor = _job_seeker_form(request, str(form.get("csrf", "")))
        accept = [str(v) for v in form.getlist("accept")]
        cv.confirm(actor, proposal_id, accept)
    except JobbnavError as exc:
        return _profile_error(request, actor, exc)
    return RedirectResponse("/me/profile", status_code=303)


def _consents_context(actor: Actor) -> dict[str, Any]:
    return {"consents": consent.list_mine(actor), "sections": PROFILE_SECTIONS,
            "organisations": accounts.list_organisations()}


@router.get("/me/consents", response_class=HTMLResponse)
def consents_page(request: Request) -> Response:
    actor = _gate(request)
    if not isinstance(actor, Actor):
        return actor
    return _render(request, "consents.html", {**_consents_context(actor), "error": None})


@router.post("/me/consents")
async def consent_submit(request: Request) -> Response:
    form = await request.form(max_fields=50)
    actor = page_actor(request)
    try:
        actor = _job_seeker_form(request, str(form.get("csrf", "")))
        action, consent_id = str(form.get("action", "")), str(form.get("consent_id", ""))
        if action == "grant":
            grant = ConsentGrant.model_validate({
                "recipient_kind": "organisation",
                "recipient_id": str(form.get("recipient_id", "")),
                "purpose": str(form.get("purpose", "")),
                "scope": [str(s) for s in form.getlist("scope")],
                "days": int(str(form.get("days", "365")) or 365)})
            consent.grant(actor, grant)
        elif action == "revoke":
            consent.revoke(actor, consent_id)
        elif action in ("approve", "deny"):
            consent.decide(actor, consent_id, approve=action == "approve")
        else:
            raise InvalidInput(f"unknown action {action!r}", field="action")
    except (JobbnavError, ValueError) as exc:
        gate = _gate(request)
        if not isinstance(gate, Actor):
            return gate
        detail = exc.detail if isinstance(exc, JobbnavError) else _first_error(exc)
        status = exc.status if isinstance(exc, JobbnavError) else 400
        return _render(request, "consents.html", {**_consents_context(gate), "error": detail},
                       status=status)
    return RedirectResponse("/me/consents", status_code=303)


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return f"{'.'.join(str(p) for p in first['loc']) or 'form'}: {first['msg']}"
    return str(exc)


@router.get("/me/audit", response_class=HTMLResponse)
def audit_page(request: Request) -> Response:
    actor = _gate(request)
    if not isinstance(actor, Actor):
        return actor
    return _render(request, "audit.html", {"entries": people.my_audit_log(actor, limit=500)})
