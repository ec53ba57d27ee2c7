"""``tiescreen score-pairs``."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import click

from tiescreen.cli.common import input_options, say, write_output
from tiescreen.errors import InputError
from tiescreen.match.defaults import DEFAULT_THRESHOLD

if TYPE_CHECKING:
    from tiescreen.ingest.reading import Problems
    from tiescreen.ingest.rows import Row


@click.command("score-pairs")
@click.argument("pairs", type=click.Path(dir_okay=False))
@click.option("-o", "--output", default=None, help="Write to this file instead of standard output.")
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="Score at or above which `match` is true.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Also add an `explanation` column: what was compared, part by part (person names).",
)
@input_options
def command(
    pairs: str, output: str | None, threshold: float, explain: bool, skip_bad_rows: bool, encoding: str | None
) -> None:
    """Score name pairs: reads a CSV with name1,name2 and adds score and match columns.

    An optional `schema` column (FtM schema: Person, Company, Organization...) makes
    non-person names compare as organisation names.
    """
    from tiescreen.ingest.reading import Problems, read_text
    from tiescreen.ingest.rows import read_rows
    from tiescreen.match.scorer import PERSON_SCHEMATA, explain_names, score_names, warm_up
    from tiescreen.report.safe import csv_cell

    text = read_text(pairs, encoding)
    problems = Problems(text.path, skip=skip_bad_rows)
    columns, rows = read_rows(text, problems, "csv")
    missing = [c for c in ("name1", "name2") if c not in columns]
    if missing:
        raise InputError.single(
            text.path,
            "header",
            f"has no {' or '.join(repr(m) for m in missing)} column",
            "the CSV needs columns name1,name2",
        )
    rows = [row for row in rows if _names_fit(row, problems)]
    problems.finish()
    out = io.StringIO()
    added = ["score", "match", *(["explanation"] if explain else [])]
    extra = [c for c in columns if c not in added]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*extra, *added])
    warm_up(orgs=any(row.cells.get("schema", "Person") not in PERSON_SCHEMATA for row in rows))
    for row in rows:
        name1, name2 = row.cells.get("name1", ""), row.cells.get("name2", "")
        schema = row.cells.get("schema", "") or "Person"
        score = score_names(name1, name2, schema)
        cells = [
            *(csv_cell(row.cells.get(c, "")) for c in extra),
            f"{score:.4f}",
            "true" if score >= threshold else "false",
        ]
        if explain:
            why = "; ".join(e.detail for e in explain_names(name1, name2)[1]) if schema == "Person" else ""
            cells.append(csv_cell(why))
        writer.writerow(cells)
    if problems.found:
        say(f"{text.path}: skipped {problems.skipped} bad row(s)")
    write_output(out.getvalue(), output)


def _names_fit(row: Row, problems: Problems) -> bool:
    """False (with a located problem) when a name is longer than a name can be."""
    from tiescreen.normalize.names import MAX_NAME_CHARS

    fit = True
    for column in ("name1", "name2"):
        size = len(row.cells.get(column, ""))
        if size > MAX_NAME_CHARS:
            problems.add(
                f"{row.where}, column {column!r}", f"name is {size} characters long, more than {MAX_NAME_CHARS}"
            )
            fit = False
    return fit
