"""`jobbnav people …`, `jobbnav audit verify` and `jobbnav verify FILE`: thin calls of the
people services (the operator on the server acts as "operator", never as a person)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from rich.console import Console

from jobbnav.errors import InvalidInput
from jobbnav.people.model import Actor

__all__ = ["app", "audit_app", "verify_app"]

app = typer.Typer(help="Accounts, API keys, export, import and erasure of personal data.",
                  no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log of personal data.",
                        no_args_is_help=True)
verify_app = typer.Typer(help="Verify a signed jobbnav export (Ed25519).",
                         invoke_without_command=True)
out = Console()


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{path}: not a readable JSON file ({exc})", field="file") from None


@app.command("create-organisation")
def create_organisation(name: str, kind: str = typer.Option(
        "employer", help="employer, public or service")) -> None:
    """Create an organisation (employer or public body); prints its id."""
    from jobbnav.people.accounts import create_organisation as create

    out.print(create(name, kind))


@app.command("create-account")
def create_account(
    username: str,
    role: str = typer.Option(..., help="job_seeker, case_worker, employer, analyst, "
                             "administrator"),
    name: str = typer.Option(..., help="Display name."),
    email: str = typer.Option(None, help="E-mail address."),
    organisation: str = typer.Option(None, help="Organisation id (case workers, employers)."),
    password: bool = typer.Option(True, help="Ask for a password (--no-password: API only)."),
) -> None:
    """Create an account; prints its id."""
    from jobbnav.people.accounts import create_account as create

    secret = typer.prompt("password", hide_input=True, confirmation_prompt=True) \
        if password else None
    out.print(create(username, role, password=secret, display_name=name, email=email,
                     organisation_id=organisation))


@app.command("create-key")
def create_key(username: str, label: str = typer.Option("cli", help="What the key is for.")
               ) -> None:
    """Issue an API key for an account and print it (only this once)."""
    from jobbnav.people.accounts import create_api_key, find_account

    key_id, token = create_api_key(Actor.operator(), find_account(username)["id"], label=label)
    out.print(f"key id {key_id}")
    typer.echo(token)


@app.command("revoke-key")
def revoke_key(key_id: str) -> None:
    """Revoke an API key (effective on its next request)."""
    from jobbnav.people.accounts import revoke_api_key

    revoke_api_key(Actor.operator(), key_id)
    out.print(f"revoked {key_id}")


@app.command("export")
def export(username: str, output: Path = typer.Option(..., "--out", help="File to write.")
           ) -> None:
    """Write a person's signed export (a right-of-access request handled by the operator)."""
    from jobbnav.people.accounts import find_account
    from jobbnav.people.export import export_person

    doc = export_person(Actor.operator(), find_account(username)["id"])
    output.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    out.print(f"wrote {output} (signed by key {doc['signature']['key_id']})")


@app.command("import")
def import_(file: Path, username: str = typer.Option(..., help="The account to import into."),
            key: str = typer.Option(None, help="Trusted issuer key: base64, or a JWKS file.")
            ) -> None:
    """Import a signed export from another jobbnav instance into an account's profile."""
    from jobbnav.people.accounts import actor_for, find_account
    from jobbnav.people.export import import_person

    trusted = _key(key) if key else None
    actor = actor_for(find_account(username)["id"], via="cli")
    result = import_person(actor, _read_json(file), trusted_key=trusted)
    out.print(f"imported {', '.join(result['imported'])} (issuer key {result['issuer_key_id']})")


@app.command("erase")
def erase(username: str, yes: bool = typer.Option(False, "--yes", help="Do not ask.")) -> None:
    """Erase an account and everything held about it (the log keeps a pseudonym only)."""
    from jobbnav.people.accounts import find_account
    from jobbnav.people.erasure import erase as do_erase

    account_id = find_account(username)["id"]
    if not yes:
        typer.confirm(f"erase {username} and all their data?", abort=True)
    result = do_erase(Actor.operator(), account_id)
    out.print(f"erased {username}: {result['removed']}")


@app.command("demo")
def demo() -> None:
    """Create the demo accounts (one per role; DEMO-ONLY passwords) and print them."""
    from jobbnav.people.service import load_demo

    for role, username, password in load_demo():
        out.print(f"{role:<14} {username:<14} {password}")


@app.command("keys")
def public_keys() -> None:
    """Print the service's public signing key (the JWKS served at /.well-known/jobbnav-keys)."""
    from jobbnav.people.keys import jwks

    typer.echo(json.dumps(jwks(), indent=2))


@audit_app.command("verify")
def audit_verify(key: str = typer.Option(
        None, help="The service's public key (base64, JWK or JWKS file, e.g. saved from "
        "/.well-known/jobbnav-keys); default: the key in the secrets directory.")) -> None:
    """Check the whole hash chain and the head's Ed25519 signature; exit 1 and list the entries
    that were changed or removed."""
    from jobbnav.cli.progress import progress_hook
    from jobbnav.db import get_engine
    from jobbnav.people.audit import verify

    trusted = _key(key) if key else None
    with progress_hook() as hook:
        report = verify(get_engine(), public_key=trusted, progress=hook)
    if report.ok:
        out.print(f"audit log intact: {report.entries} entries")
        return
    for problem in report.problems:
        out.print(f"[red]{problem}[/]")
    sys.exit(1)


@audit_app.command("head")
def audit_head() -> None:
    """Print the signed head (seq, hash, signature, key id) as JSON, to anchor it elsewhere."""
    from jobbnav.db import get_engine
    from jobbnav.people.audit import head

    typer.echo(json.dumps(head(get_engine()), indent=2))


def _key(text: str) -> Ed25519PublicKey:
    from jobbnav.people.keys import public_key_from_text

    path = Path(text)
    try:
        return public_key_from_text(path.read_text() if path.is_file() else text)
    except (ValueError, KeyError, json.JSONDecodeError):
        raise InvalidInput("--key: not an Ed25519 public key (base64 or JWK/JWKS)",
                           field="key") from None


@verify_app.callback()
def verify(file: Path = typer.Argument(..., help="The signed JSON document."),
           key: str = typer.Option(None, help="Public key (base64, JWK or JWKS file); "
                                   "default: this service's key.")) -> None:
    """Verify a signed jobbnav export: exit 0 when the signature holds, 1 when not."""
    from jobbnav.people.export import verify as do_verify

    try:
        key_id = do_verify(_read_json(file), _key(key) if key else None)
    except InvalidInput as exc:
        out.print(f"[red]NOT VALID[/]: {exc.detail}")
        sys.exit(1)
    out.print(f"valid: signed by key {key_id}")
