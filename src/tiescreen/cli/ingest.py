"""``tiescreen ingest``."""

from __future__ import annotations

import click

from tiescreen.cli.common import build_mapping, db_option, input_options, mapping_options, progress_bar, say


@click.command("ingest")
@click.argument("registries", nargs=-1, required=True, metavar="REGISTRY...")
@click.option("--name", default=None, help="Source name (default: the file name). Only with one registry.")
@db_option
@mapping_options
@input_options
def command(
    registries: tuple[str, ...],
    name: str | None,
    db: str | None,
    mapping: str | None,
    maps: tuple[str, ...],
    skip_bad_rows: bool,
    encoding: str | None,
) -> None:
    """Load registries (FtM JSON lines, CSV/JSON lines with a mapping, or URLs) into the store."""
    if name and len(registries) > 1:
        raise click.UsageError("--name works with one registry at a time")
    from tiescreen.engine.ingest import ingest
    from tiescreen.engine.local import name_index
    from tiescreen.store import open_store

    column_mapping = build_mapping(mapping, maps)
    with open_store(db) as store:
        for registry in registries:
            with progress_bar(f"loading {registry}") as bar:
                report = ingest(
                    store,
                    registry,
                    name=name,
                    mapping=column_mapping,
                    skip_bad_rows=skip_bad_rows,
                    encoding=encoding,
                    progress=bar,
                )
            say(report.summary())
            for problem in report.problems[:20]:
                say(f"  skipped {problem}")
        say(
            f"store {store.db.path if hasattr(store.db, 'path') else ''}: {store.count()} entities, "
            f"{store.people_count()} people"
        )
    # The warm cache (index and reference graph) now, not in the first screening's time; from
    # a new read-only connection, once the loading one has freed its memory.
    with open_store(db, read_only=True) as store:
        name_index(store)
