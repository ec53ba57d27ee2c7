"""Options and helpers shared by the commands."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from tiescreen.errors import ConfigError

if TYPE_CHECKING:
    from tiescreen.ingest.tabular import ColumnMapping

F = Callable[..., Any]


def db_option(f: F) -> F:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        default=None,
        help="The embedded store file (default: tiescreen.duckdb in the current folder).",
    )(f)


def mapping_options(f: F) -> F:
    f = click.option(
        "--map",
        "maps",
        multiple=True,
        metavar="FIELD=COLUMN",
        help="Map a registry field (name, id, position, body, region, party, start, end, birth_date, "
        "url, country) to a column or a {column} template. Repeatable.",
    )(f)
    f = click.option(
        "--mapping",
        type=click.Path(exists=True, dir_okay=False),
        default=None,
        help="YAML file mapping registry fields to CSV/JSON columns.",
    )(f)
    return f


def input_options(f: F) -> F:
    f = click.option("--encoding", default=None, help="Read input files in this encoding (e.g. cp1251).")(f)
    f = click.option(
        "--skip-bad-rows",
        is_flag=True,
        help="Keep the good rows of a partly bad file and report the bad ones (default: stop).",
    )(f)
    return f


def build_mapping(mapping: str | None, maps: tuple[str, ...]) -> ColumnMapping | None:
    if not mapping and not maps:
        return None
    from tiescreen.ingest.tabular import ColumnMapping, load_mapping

    base = load_mapping(mapping) if mapping else ColumnMapping()
    pairs: dict[str, str | None] = {}
    for item in maps:
        field, sep, column = item.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise click.UsageError(f"--map expects FIELD=COLUMN, got {item!r}")
        pairs[field.strip()] = column.strip()
    try:
        ColumnMapping.from_dict(dict(pairs), "--map")
    except ConfigError as err:
        raise click.UsageError(str(err)) from None
    return base.merged(pairs)


def say(message: str) -> None:
    """A message for the user, on standard error."""
    click.echo(message, err=True)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int | None], None]]:
    """A rich progress bar on standard error, shown only on a terminal."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@contextmanager
def output_stream(output: str | None) -> Iterator[TextIO]:
    """Standard output, or ``-o FILE`` written through ``FILE.partial`` and renamed when all
    is written: an interrupted run never leaves a half-written FILE."""
    if not output or output == "-":
        yield sys.stdout
        return
    path = Path(output)
    if path.exists() and not path.is_file():  # /dev/null, a pipe: written in place, never replaced
        try:
            with path.open("w", encoding="utf-8") as special:
                yield special
        except OSError as exc:
            raise click.ClickException(f"{path}: cannot write: {exc.strerror or exc}") from None
        return
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        out = partial.open("w", encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with out:
            yield out
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    say(f"wrote {path}")


def write_output(text: str, output: str | None) -> None:
    """Write data to ``-o FILE`` or standard output."""
    if output and output != "-":
        path = Path(output)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"{path}: cannot write: {exc.strerror or exc}") from None
        say(f"wrote {path}")
        return
    sys.stdout.write(text)
    sys.stdout.flush()
