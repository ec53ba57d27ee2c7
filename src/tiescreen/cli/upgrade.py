"""``tiescreen upgrade``."""

from __future__ import annotations

from pathlib import Path

import click

from tiescreen.cli.common import db_option, say


@click.command("upgrade")
@db_option
def command(db: str | None) -> None:
    """Upgrade a store written by an earlier tiescreen in place (its name index is rebuilt)."""
    from tiescreen.engine.local import name_index
    from tiescreen.errors import StoreError
    from tiescreen.store import open_store
    from tiescreen.store.registry import DEFAULT_DB, SCHEMA_VERSION

    target = Path(db or DEFAULT_DB)
    if not target.is_file():
        raise StoreError(f"{target}: no store here")
    with open_store(target) as store:  # opened for writing: upgraded (nothing to do when it is current)
        say(f"store {target}: schema version {SCHEMA_VERSION}, {store.people_count()} people")
    with open_store(target, read_only=True) as store:  # the warm cache, as after an ingest
        name_index(store)
