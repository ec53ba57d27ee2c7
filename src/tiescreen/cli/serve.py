"""``tiescreen serve``: the review web app and the yente-compatible HTTP API."""

from __future__ import annotations

import ipaddress
import os
import threading
from pathlib import Path

import click

from tiescreen.cli.common import say

ROLES = ("viewer", "reviewer", "admin")
DEFAULT_REVIEW_DB = "tiescreen-review.sqlite"  # as store.decisions.connect (not imported: needs [web])


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (local only by default).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option(
    "--db",
    "review_db",
    default=DEFAULT_REVIEW_DB,
    show_default=True,
    envvar="TIESCREEN_REVIEW_DB",
    help="Review store: a SQLite file, or postgresql://user@host/db to share decisions in a team.",
)
@click.option(
    "--registry-db",
    type=click.Path(dir_okay=False),
    default=None,
    help="The registry store (DuckDB) to screen against, prepared with `tiescreen ingest`; read-only here "
    "(default: tiescreen.duckdb in the current folder).",
)
@click.option(
    "-r", "--registry", "registries", multiple=True, metavar="FILE|URL", help="Ingest this registry first. Repeatable."
)
@click.option(
    "--trusted-header",
    default=None,
    metavar="NAME",
    help="Take the user's name from this header, set by a reverse proxy that signs users in.",
)
@click.option("--header-role", type=click.Choice(ROLES), default="viewer", show_default=True,
              help="Role of header users without an account here.")  # fmt: skip
@click.option("--anonymous-role", type=click.Choice(ROLES), default=None, help="Let visitors in without signing in.")
@click.option("--add-user", metavar="NAME", default=None, help="Add (or update) a local account, then exit.")
@click.option("--role", type=click.Choice(ROLES), default="reviewer", show_default=True, help="Role for --add-user.")
@click.option(
    "--api-key", "key_user", metavar="NAME", default=None, help="Create an API key for a user, print it, exit."
)
@click.option("--secure-cookies", is_flag=True, help="Send cookies over HTTPS only (behind a TLS proxy).")
def command(
    host: str,
    port: int,
    review_db: str,
    registry_db: str | None,
    registries: tuple[str, ...],
    trusted_header: str | None,
    header_role: str,
    anonymous_role: str | None,
    add_user: str | None,
    role: str,
    key_user: str | None,
    secure_cookies: bool,
) -> None:
    """Serve the review web app and the HTTP API (yente-compatible /match)."""
    from tiescreen.review.model import Role
    from tiescreen.store.registry import DEFAULT_DB  # here: the store's libraries cost every command 0.5 s

    registry_db = registry_db or DEFAULT_DB

    try:
        from tiescreen.store.decisions import DecisionStore
    except ImportError as exc:
        raise click.ClickException(f"serve needs `pip install 'tiescreen[web]'` ({exc.name} is missing)") from None
    store = DecisionStore.open(review_db)
    if add_user or key_user:
        _accounts(store, add_user, Role(role), key_user)
        return
    _ingest(registries, registry_db)
    _warn_exposed(host, trusted_header)
    from tiescreen.web import ServeSettings, create_app

    settings = ServeSettings(
        review_db=review_db,
        registry_db=Path(registry_db),
        trusted_header=trusted_header,
        header_role=Role(header_role),
        anonymous_role=Role(anonymous_role) if anonymous_role else None,
        secret=os.environ.get("TIESCREEN_SECRET"),
        secure_cookies=secure_cookies,
    )
    app = create_app(settings, store)
    if not store.users() and not trusted_header and not anonymous_role:
        say("no accounts yet: add one with `tiescreen serve --add-user NAME --role admin`")
    import uvicorn

    threading.Thread(target=_warm_up, name="tiescreen-warm-up", daemon=True).start()
    say(f"serving http://{host}:{port}/ (review store: {store.backend}, registry: {registry_db})")
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=bool(trusted_header))


def _accounts(store: object, name: str | None, role: object, key_user: str | None) -> None:
    from tiescreen.review.auth import hash_password, new_api_key
    from tiescreen.review.model import Role
    from tiescreen.store.decisions import DecisionStore

    assert isinstance(store, DecisionStore) and isinstance(role, Role)
    if name:
        password = os.environ.get("TIESCREEN_PASSWORD") or click.prompt(
            f"password for {name}", hide_input=True, confirmation_prompt=True, err=True
        )
        digest = hash_password(password)
        if store.user(name) is None:
            store.add_user(name, role, digest, by="cli")
        else:
            store.set_user(name, role=role, password_hash=digest)
        say(f"{name} can sign in as {role}")
    if key_user:
        if store.user(key_user) is None:
            raise click.ClickException(f"no user {key_user!r}; add it first with --add-user")
        key, digest = new_api_key()
        store.add_api_key(digest, key_user, "cli", "cli")
        say(f"API key for {key_user} (shown once; send it as `Authorization: ApiKey KEY`):")
        click.echo(key)


def _ingest(registries: tuple[str, ...], registry_db: str) -> None:
    if not registries:
        return
    from tiescreen.ingest import ingest_registry
    from tiescreen.store.registry import open_store

    with open_store(registry_db) as store:
        for registry in registries:
            say(ingest_registry(store, registry).summary())


def _warn_exposed(host: str, trusted_header: str | None) -> None:
    try:
        local = ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = host == "localhost"
    if not local:
        say(f"warning: listening on {host}: anyone who can reach it sees the sign-in page; use HTTPS in front")
        if trusted_header:
            say(f"warning: --trusted-header {trusted_header} lets any client that reaches {host} claim any name")


def _warm_up() -> None:
    """Load the name data the matcher uses once, so the first request is not the slow one."""
    from tiescreen.match.scorer import score_names

    score_names("Шигина Олеся Владимировна", "Olesya Shigina")
