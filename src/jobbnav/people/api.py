"""HTTP API of the people domain: login, the person's own data, recipients, administration.

Routes authenticate (who is calling) and parse; the services decide what that caller may do.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response

from jobbnav.errors import InvalidInput
from jobbnav.people import accounts, consent, cv, employers, erasure, export, keys, profile
from jobbnav.people import service as people
from jobbnav.people.api_common import (
    Confirm,
    CvText,
    Interest,
    LegalBasis,
    Login,
    NewAccount,
    NewKey,
    NewOrganisation,
    read_upload,
    strict_query,
)
from jobbnav.people.auth import (
    COOKIE,
    RateLimiter,
    create_session,
    end_session,
    require_actor,
    secure_request,
)
from jobbnav.people.model import Actor, ConsentGrant, DataRequest, check_purpose
from jobbnav.people.settings import people_settings

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(strict_query)])
me = APIRouter(prefix="/v1/me", tags=["people: my data"])
recipients = APIRouter(prefix="/v1", tags=["people: recipients"])
admin = APIRouter(prefix="/v1", tags=["people: administration"])
_login_limiter = RateLimiter()
Auth = Depends(require_actor)


@router.get("/.well-known/jobbnav-keys", tags=["people: portability"])
def public_keys() -> dict[str, Any]:
    """The service's Ed25519 public key (JWK, and raw base64) to verify signed exports."""
    return keys.jwks()


@router.post("/v1/verify", tags=["people: portability"])
def verify_document(doc: dict[str, Any]) -> dict[str, Any]:
    """Check that a document was signed by this service and not changed since."""
    return {"valid": True, "key_id": export.verify(doc)}


@router.post("/v1/auth/login", tags=["people: accounts"])
def login(body: Login, request: Request, response: Response) -> dict[str, Any]:
    """Log in with a password: sets an HttpOnly, SameSite=Lax session cookie; returns the CSRF
    token to send as X-CSRF-Token on unsafe requests."""
    _login_limiter.check(f"login:{body.username.lower()}", 10)
    actor = accounts.authenticate_password(body.username, body.password)
    cookie, csrf = create_session(actor)
    response.set_cookie(COOKIE, cookie, httponly=True, samesite="lax", path="/",
                        secure=secure_request(request),
                        max_age=int(people_settings().session_hours * 3600))
    return {"role": actor.role, "csrf_token": csrf}


@router.post("/v1/auth/logout", tags=["people: accounts"])
def logout(request: Request, response: Response, actor: Actor = Auth) -> dict[str, Any]:
    if (cookie := request.cookies.get(COOKIE)) is not None:
        end_session(cookie)
    response.delete_cookie(COOKIE, path="/")
    return {"logged_out": True}


@me.get("")
def whoami(actor: Actor = Auth) -> dict[str, Any]:
    row = accounts.account_info(actor.account_id)
    return {"id": actor.account_id, "username": row["username"],
            "display_name": row["display_name"], "email": row["email"], "role": actor.role,
            "organisation_id": actor.organisation_id, "via": actor.via}


@me.delete("")
def erase_me(actor: Actor = Auth) -> dict[str, Any]:
    """Erase my account and everything held about me (the log keeps only a pseudonym)."""
    return erasure.erase(actor)


@me.get("/profile")
def my_profile(actor: Actor = Auth) -> dict[str, Any]:
    return profile.get_own(actor)


@me.put("/profile")
def put_profile(body: dict[str, Any], actor: Actor = Auth) -> dict[str, Any]:
    """Replace my WHOLE profile: every section left out is emptied (use PATCH to change some).
    Unknown fields (and protected attributes) are refused; personnummer in free text are masked
    and reported under `warnings`."""
    return profile.put_own(actor, body)


@me.patch("/profile")
def patch_profile(body: dict[str, Any], actor: Actor = Auth) -> dict[str, Any]:
    """Change only the sections sent (JSON Merge Patch, RFC 7396: objects such as `search`
    merge key by key, lists replace, `null` clears). Validated, masked and logged like PUT."""
    return profile.patch_own(actor, body)


@me.post("/cv")
def cv_text(body: CvText, actor: Actor = Auth) -> dict[str, Any]:
    """Paste a CV: returns proposed concepts to confirm (nothing is saved to the profile yet)."""
    return cv.propose(actor, body.text, source="text")


@me.post("/cv/upload")
async def cv_upload(request: Request, actor: Actor = Auth) -> dict[str, Any]:
    """Upload a CV (.txt, .docx or .pdf, multipart field `file`): returns proposals."""
    cv.require_job_seeker(actor)  # refuse before reading any upload
    name, ctype, data = await read_upload(request)
    text = cv.extract_text(name, ctype, data)
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else "file"
    return cv.propose(actor, text, source=suffix[:16])


@me.get("/cv/proposals")
def cv_pending(actor: Actor = Auth) -> list[dict[str, Any]]:
    return cv.pending(actor)


@me.post("/cv/proposals/{proposal_id}/confirm")
def cv_confirm(proposal_id: str, body: Confirm, actor: Actor = Auth) -> dict[str, Any]:
    """Save the concepts listed in `accept`; all other proposals are dropped."""
    return cv.confirm(actor, proposal_id, body.accept)


@me.delete("/cv/proposals/{proposal_id}")
def cv_discard(proposal_id: str, actor: Actor = Auth) -> dict[str, Any]:
    cv.discard(actor, proposal_id)
    return {"discarded": proposal_id}


@me.get("/consents")
def my_consents(actor: Actor = Auth) -> list[dict[str, Any]]:
    """My consents and the data requests waiting for my answer (status `requested`)."""
    return consent.list_mine(actor)


@me.post("/consents")
def give_consent(body: ConsentGrant, actor: Actor = Auth) -> dict[str, Any]:
    return consent.grant(actor, body)


@me.post("/consents/{consent_id}/revoke")
def revoke_consent(consent_id: str, actor: Actor = Auth) -> dict[str, Any]:
    return consent.revoke(actor, consent_id)


@me.post("/consents/{consent_id}/approve")
def approve_request(consent_id: str, actor: Actor = Auth) -> dict[str, Any]:
    return consent.decide(actor, consent_id, approve=True)


@me.post("/consents/{consent_id}/deny")
def deny_request(consent_id: str, actor: Actor = Auth) -> dict[str, Any]:
    return consent.decide(actor, consent_id, approve=False)


@me.get("/interests")
def my_interests(actor: Actor = Auth) -> list[dict[str, Any]]:
    return employers.my_interests(actor)


@me.post("/interests/{interest_id}/accept")
def accept_interest(interest_id: str, actor: Actor = Auth) -> dict[str, Any]:
    """Accept an employer's interest: they then see my name and e-mail address."""
    return employers.decide_interest(actor, interest_id, accept=True)


@me.post("/interests/{interest_id}/decline")
def decline_interest(interest_id: str, actor: Actor = Auth) -> dict[str, Any]:
    return employers.decide_interest(actor, interest_id, accept=False)


@me.get("/audit")
def my_log(actor: Actor = Auth,
           limit: int = Query(200, ge=1, le=5000)) -> list[dict[str, Any]]:
    """Who read or changed my data: when, role, organisation, purpose, consent."""
    return people.my_audit_log(actor, limit=limit)


@me.get("/export")
def my_export(actor: Actor = Auth) -> dict[str, Any]:
    """Everything held about me, as one JSON document signed with the service's Ed25519 key."""
    return export.export_person(actor)


@me.post("/import")
def my_import(doc: dict[str, Any], actor: Actor = Auth) -> dict[str, Any]:
    """Import a signed export from another jobbnav instance into my profile."""
    return export.import_person(actor, doc)


@recipients.post("/requests", status_code=202)
def ask_for_data(body: DataRequest, actor: Actor = Auth) -> dict[str, Any]:
    """Ask a person (username or candidate handle) for data for a purpose and scope.

    Always 202 with the same shape: whether the name belongs to a job seeker is not revealed;
    if it does, they see the request and approve or deny it."""
    return consent.request_data(actor, body)


@recipients.get("/requests")
def my_requests(actor: Actor = Auth) -> list[dict[str, Any]]:
    return consent.list_outgoing(actor)


@recipients.get("/persons/{account_id}/profile")
def person_profile(account_id: str, actor: Actor = Auth,
                   purpose: str = Query(..., max_length=120)) -> dict[str, Any]:
    """A person's profile as far as a valid consent (or legal basis) for `purpose` allows."""
    try:
        check_purpose(purpose)
    except ValueError as exc:
        raise InvalidInput(str(exc), field="purpose") from None
    return profile.read_for(actor, account_id, purpose)


@recipients.get("/candidates")
def list_candidates(actor: Actor = Auth, occupation: str | None = Query(None, max_length=64),
                    limit: int = Query(20, ge=1, le=50)) -> list[dict[str, Any]]:
    """Opted-in profiles, anonymous (employers)."""
    return employers.candidates(actor, occupation=occupation, limit=limit)


@recipients.get("/candidates/{handle}")
def get_candidate(handle: str, actor: Actor = Auth) -> dict[str, Any]:
    return employers.candidate(actor, handle)


@recipients.post("/candidates/{handle}/interest")
def show_interest(handle: str, body: Interest, actor: Actor = Auth) -> dict[str, Any]:
    return employers.express_interest(actor, handle, ad_id=body.ad_id, message=body.message)


@recipients.get("/statistics/job-seekers")
def job_seeker_statistics(actor: Actor = Auth) -> list[dict[str, Any]]:
    """Active job seekers per occupation × place; cells under 5 are not shown."""
    return people.statistics(actor)


@admin.post("/organisations")
def new_organisation(body: NewOrganisation, actor: Actor = Auth) -> dict[str, Any]:
    return {"id": accounts.create_organisation(body.name, body.kind, actor=actor)}


@admin.get("/accounts")
def list_accounts(actor: Actor = Auth) -> list[dict[str, Any]]:
    return accounts.list_accounts(actor)


@admin.post("/accounts")
def new_account(body: NewAccount, actor: Actor = Auth) -> dict[str, Any]:
    account_id = accounts.create_account(
        body.username, body.role, password=body.password, display_name=body.display_name,
        email=body.email, organisation_id=body.organisation_id, actor=actor)
    return {"id": account_id}


@admin.delete("/accounts/{account_id}")
def erase_account(account_id: str, actor: Actor = Auth) -> dict[str, Any]:
    return erasure.erase(actor, account_id)


@admin.post("/accounts/{account_id}/keys")
def new_key(account_id: str, body: NewKey, actor: Actor = Auth) -> dict[str, Any]:
    """Issue an API key. The key is in this answer only: it is stored hashed."""
    key_id, token = accounts.create_api_key(actor, account_id, label=body.label, role=body.role)
    return {"id": key_id, "key": token, "note": "shown once: store it now"}


@admin.get("/accounts/{account_id}/keys")
def list_keys(account_id: str, actor: Actor = Auth) -> list[dict[str, Any]]:
    return accounts.list_api_keys(actor, account_id)


@admin.delete("/keys/{key_id}")
def revoke_key(key_id: str, actor: Actor = Auth) -> dict[str, Any]:
    accounts.revoke_api_key(actor, key_id)
    return {"revoked": key_id}


@admin.post("/persons/{account_id}/legal-basis")
def add_legal_basis(account_id: str, body: LegalBasis, actor: Actor = Auth) -> dict[str, Any]:
    """Record a legal basis on which an organisation processes a person's data (admin)."""
    return {"id": consent.record_legal_basis(actor, account_id, body.organisation_id,
                                             body.basis, body.scope)}


router.include_router(me)
router.include_router(recipients)
router.include_router(admin)
