"""``python -m tiescreen.generate DIR --people N --queries M [--seed S]``."""

from __future__ import annotations

import time
from pathlib import Path

import click

from tiescreen.generate.registry import write_queries, write_registry


@click.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--people", type=click.IntRange(1), default=100_000, show_default=True, help="Registry people.")
@click.option("--queries", type=click.IntRange(0), default=10_000, show_default=True, help="People to screen.")
@click.option("--seed", type=int, default=7, show_default=True, help="Random seed (same seed, same files).")
def main(directory: str, people: int, queries: int, seed: int) -> None:
    """Write a generated registry, a query list and its truth into DIRECTORY."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    entities = write_registry(out / "registry.ftm.json", people, seed)
    if queries:
        write_queries(out / "queries.csv", out / "truth.csv", people, queries, seed, registry=out / "registry.ftm.json")
    click.echo(
        f"{out}: {people} people, {entities} entities, {queries} queries in {time.perf_counter() - started:.1f} s",
        err=True,
    )


if __name__ == "__main__":
    main()
