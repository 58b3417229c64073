"""CV → proposed concepts → the person's confirmation. Nothing proposed is saved unconfirmed.

The CV text itself is never stored: it is read (pasted, .docx or .pdf), personnummer are
masked, the enrichment service proposes concepts, and only the proposals (concept id, label,
type, confidence) wait in `people_cv_proposal`, keyed to the person, until confirmed or removed.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from jobbnav.db import get_engine
from jobbnav.errors import InvalidInput, JobbnavError, NotFound, PayloadTooLarge, PermissionDenied
from jobbnav.people import audit
from jobbnav.people.accounts import new_id
from jobbnav.people.model import Actor, Experience, Language, Profile
from jobbnav.people.pnr import mask_personnummer
from jobbnav.people.settings import people_settings
from jobbnav.people.store import cv_proposal, profile, utc, utcnow

__all__ = ["UnsupportedMediaType", "confirm", "discard", "export_pending", "extract_text",
           "pending", "propose", "require_job_seeker"]

Enricher = Callable[[str], list[dict[str, Any]]]
MAX_TEXT_CHARS = 100_000
PROPOSAL_TTL = dt.timedelta(days=7)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Concept type → the profile section a confirmed concept goes to.
SECTION_OF_TYPE = {"occupation-name": "experiences", "skill": "skills", "trait": "skills",
                   "skill-headline": "skills", "language": "languages",
                   "driving-licence": "driving_licences"}


class UnsupportedMediaType(JobbnavError):
    status = 415
    title = "Unsupported media type"


def _docx_text(data: bytes) -> str:
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            # Refuse zip bombs before python-docx inflates anything.
            if sum(i.file_size for i in zf.infolist()) > 50 * 1024 * 1024:
                raise InvalidInput("the .docx unpacks to more than 50 MB", field="file")
            if "word/document.xml" not in zf.namelist():
                raise InvalidInput("not a Word document (.docx)", field="file")
        document = docx.Document(io.BytesIO(data))
    except InvalidInput:
        raise
    except Exception:
        raise InvalidInput("the .docx file is damaged or not a Word document",
                           field="file") from None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > 50:
            raise InvalidInput("a CV has at most 50 pages", field="file")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except InvalidInput:
        raise
    except Exception:
        raise InvalidInput("the .pdf file is damaged or not a PDF", field="file") from None


def extract_text(filename: str, content_type: str | None, data: bytes) -> str:
    """The text of an uploaded CV (.txt, .docx, .pdf); checks size, type and magic bytes."""
    limit = people_settings().max_upload_bytes
    if len(data) > limit:
        raise PayloadTooLarge(f"the file is {len(data)} bytes; the limit is {limit}",
                              field="file")
    if not data:
        raise InvalidInput("the file is empty", field="file")
    name = filename.lower()
    ctype = (content_type or "").split(";")[0].strip().lower()
    if name.endswith(".docx") or ctype == DOCX_TYPE:
        if not data.startswith(b"PK\x03\x04"):
            raise InvalidInput("the file is not a .docx (wrong content)", field="file")
        text = _docx_text(data)
    elif name.endswith(".pdf") or ctype == "application/pdf":
        if not data.startswith(b"%PDF-"):
            raise InvalidInput("the file is not a PDF (wrong content)", field="file")
        text = _pdf_text(data)
    elif name.endswith(".txt") or ctype == "text/plain":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInput("a text CV must be UTF-8", field="file") from None
    else:
        raise UnsupportedMediaType(
            f"unsupported file type {ctype or name!r}: send .txt, .docx or .pdf", field="file")
    if not text.strip():
        raise InvalidInput("no text found in the file", field="file")
    return text


def _default_enricher(text: str) -> list[dict[str, Any]]:
    from jobbnav.enrich.service import enrich  # the enrichment domain's public contract

    result = enrich(text, kind="cv")
    return [h.as_dict() for h in result.hits]


def _proposals(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    for h in hits:
        ctype = h.get("concept_type") or h.get("type")
        if h.get("context") == "negated" or ctype not in SECTION_OF_TYPE:
            continue
        cid = str(h["concept_id"])
        conf = float(h.get("confidence", 0.0))
        if cid not in best or conf > best[cid]["confidence"]:
            best[cid] = {"concept_id": cid, "type": ctype,
                         "label": h.get("preferred_label") or h.get("label") or cid,
                         "confidence": round(conf, 3), "section": SECTION_OF_TYPE[ctype]}
    return sorted(best.values(), key=lambda p: (p["section"], -p["confidence"], p["label"]))


def require_job_seeker(actor: Actor) -> None:
    if actor.role != "job_seeker":
        raise PermissionDenied("only a job seeker adds a CV to their profile")


def propose(actor: Actor, text: str, *, source: str = "text", enricher: Enricher | None = None,
            engine: Engine | None = None) -> dict[str, Any]:
    require_job_seeker(actor)
    if not text.strip():
        raise InvalidInput("the CV text is empty", field="text")
    if len(text) > MAX_TEXT_CHARS:
        raise PayloadTooLarge(f"a CV has at most {MAX_TEXT_CHARS} characters", field="text")
    masked, n_pnr = mask_personnummer(text)
    proposals = _proposals((enricher or _default_enricher)(masked))
    proposal_id = new_id()
    with (engine or get_engine()).begin() as conn:
        conn.execute(sa.delete(cv_proposal).where(cv_proposal.c.created_at
                                                  < utcnow() - PROPOSAL_TTL))
        audit.append(conn, actor, action="write",
                     what=f"CV read ({source}): {len(proposals)} concepts proposed, text not kept",
                     subject_ref=actor.pseudonym)
        conn.execute(sa.insert(cv_proposal).values(id=proposal_id, account_id=actor.account_id,
                                                   source=source, hits=proposals,
                                                   created_at=utcnow()))
    warnings = ([{"field": "text", "problem": f"{n_pnr} personnummer masked before reading"}]
                if n_pnr else [])
    return {"id": proposal_id, "proposals": proposals, "warnings": warnings}


def pending(actor: Actor, *, engine: Engine | None = None) -> list[dict[str, Any]]:
    require_job_seeker(actor)
    with (engine or get_engine()).connect() as conn:
        rows = conn.execute(sa.select(cv_proposal).where(
            cv_proposal.c.account_id == actor.account_id,
            cv_proposal.c.created_at >= utcnow() - PROPOSAL_TTL)
            .order_by(cv_proposal.c.created_at.desc())).all()
    return [{"id": r.id, "source": r.source, "proposals": r.hits,
             "created_at": utc(r.created_at).isoformat()} for r in rows]


def _load(conn: Any, actor: Actor, proposal_id: str) -> Any:
    row = conn.execute(sa.select(cv_proposal).where(cv_proposal.c.id == proposal_id)).first()
    if row is None or row.account_id != actor.account_id:
        raise NotFound(f"no pending CV proposal {proposal_id!r}", field="proposal_id")
    return row


def discard(actor: Actor, proposal_id: str, *, engine: Engine | None = None) -> None:
    require_job_seeker(actor)
    with (engine or get_engine()).begin() as conn:
        _load(conn, actor, proposal_id)
        audit.append(conn, actor, action="write", what="CV proposals discarded",
                     subject_ref=actor.pseudonym)
        conn.execute(sa.delete(cv_proposal).where(cv_proposal.c.id == proposal_id))


def _merge(p: Profile, accepted: list[dict[str, Any]]) -> Profile:
    for item in accepted:
        cid, section = item["concept_id"], item["section"]
        if section == "skills" and cid not in p.skills:
            p.skills.append(cid)
        elif section == "experiences" and cid not in {e.occupation_id for e in p.experiences}:
            p.experiences.append(Experience(occupation_id=cid))
        elif section == "languages" and cid not in {lang.concept_id for lang in p.languages}:
            p.languages.append(Language(concept_id=cid))
        elif section == "driving_licences":
            cls = cid.rsplit("-", 1)[-1].upper()
            if cls not in p.driving_licences:
                p.driving_licences.append(cls)
    return p


def confirm(actor: Actor, proposal_id: str, accept: list[str], *,
            engine: Engine | None = None) -> dict[str, Any]:
    """Save the accepted concepts into the profile; everything else of the proposal is dropped."""
    from jobbnav.people.profile import parse_profile, put_own

    require_job_seeker(actor)
    engine = engine or get_engine()
    with engine.connect() as conn:
        row = _load(conn, actor, proposal_id)
        current = conn.execute(sa.select(profile.c.data).where(
            profile.c.account_id == actor.account_id)).scalar()
    offered = {h["concept_id"]: h for h in row.hits}
    for i, cid in enumerate(accept):
        if cid not in offered:
            raise InvalidInput(f"accept[{i}]: {cid!r} was not proposed", field=f"accept[{i}]")
    chosen = [offered[c] for c in dict.fromkeys(accept)]
    merged = _merge(parse_profile(current or {}), chosen)
    result = put_own(actor, merged, engine=engine, what=f"profile updated from CV: "
                     f"{len(chosen)} confirmed, {len(offered) - len(chosen)} removed")
    with engine.begin() as conn:
        conn.execute(sa.delete(cv_proposal).where(cv_proposal.c.id == proposal_id))
    return result


def export_pending(account_id: str, *, engine: Engine) -> list[dict[str, Any]]:
    """Pending proposals of a person, for their export (derived data)."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(cv_proposal).where(
            cv_proposal.c.account_id == account_id)).all()
    return [{"id": r.id, "source": r.source, "proposals": r.hits,
             "created_at": utc(r.created_at).isoformat()} for r in rows]
