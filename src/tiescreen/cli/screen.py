"""``tiescreen screen``."""

from __future__ import annotations

import contextlib

import click

from tiescreen.cli.common import (
    build_mapping,
    db_option,
    input_options,
    mapping_options,
    output_stream,
    progress_bar,
    say,
    write_output,
)
from tiescreen.match.defaults import DEFAULT_THRESHOLD
from tiescreen.report import FORMATS, render
from tiescreen.stats.event import DEFAULT_BASE_RATE, DEFAULT_PRECISION, DEFAULT_RECALL, StatsConfig


@click.command("screen")
@click.argument("people", type=click.Path(dir_okay=False), required=False)
@click.option(
    "--from-article",
    metavar="ARTICLE",
    default=None,
    help="Screen everyone this article (HTML file, text file or URL) names instead of PEOPLE; "
    "its role statements are attached as claimed evidence.",
)
@click.option(
    "-r",
    "--registry",
    "registries",
    multiple=True,
    metavar="FILE|URL",
    help="Registry to screen against (FtM JSON lines or CSV); loaded into the store unless unchanged. "
    "Repeatable. Without it, the store prepared with `tiescreen ingest` is used.",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True, help="Output format."
)
@click.option("-o", "--output", default=None, help="Write to this file instead of standard output.")
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="Lowest score reported as a match.",
)
@click.option(
    "--limit",
    type=click.IntRange(1, 1000),
    default=10,
    show_default=True,
    help="Most matches reported per person (twice as many candidates are scored, at least 20).",
)
@click.option("--title", default=None, help="Title of the report.")
@click.option(
    "--base-rate",
    type=click.FloatRange(0, 1),
    default=DEFAULT_BASE_RATE,
    show_default=True,
    help="Share of the population the audience was said to come from that has such ties; the default is "
    "an upper estimate from party and Rosstat figures (docs/ties.md).",
)
@click.option(
    "--precision",
    type=click.FloatRange(0, 1, min_open=True),
    default=DEFAULT_PRECISION,
    show_default=True,
    help="The matcher's precision on confirmed ties, for the statistics' sensitivity band.",
)
@click.option(
    "--recall",
    type=click.FloatRange(0, 1, min_open=True),
    default=DEFAULT_RECALL,
    show_default=True,
    help="The matcher's recall of real ties, for the statistics' sensitivity band.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=None,
    help="Processes that score candidates (default: every core this process may use).",
)
@click.option(
    "--engine",
    type=click.Choice(("local", "spark")),
    default="local",
    show_default=True,
    help="Where candidates are found and scored: here, or as a Spark job ($SPARK_MASTER; "
    "needs pip install 'tiescreen[spark]').",
)
@click.option("--fail-on-match", is_flag=True, help="Exit with code 3 when anyone has a tie.")
@db_option
@mapping_options
@input_options
def command(
    people: str | None,
    from_article: str | None,
    registries: tuple[str, ...],
    fmt: str,
    output: str | None,
    threshold: float,
    limit: int,
    title: str | None,
    base_rate: float,
    precision: float,
    recall: float,
    workers: int | None,
    engine: str,
    fail_on_match: bool,
    db: str | None,
    mapping: str | None,
    maps: tuple[str, ...],
    skip_bad_rows: bool,
    encoding: str | None,
) -> None:
    """Screen PEOPLE (CSV, JSON lines or one name per line), or an article's people, for ties to the state."""
    from functools import partial
    from pathlib import Path

    from tiescreen.pipeline import screen, screen_article, summarise
    from tiescreen.report.jsonl import JsonLinesWriter
    from tiescreen.store import DEFAULT_DB

    if bool(people) == bool(from_article):
        raise click.UsageError("give either PEOPLE or --from-article ARTICLE")
    run = partial(screen_article, from_article) if from_article else partial(screen, people or "")

    if not registries and not Path(db or DEFAULT_DB).exists():
        raise click.UsageError(f"no --registry given and no store at {db or DEFAULT_DB}; run `tiescreen ingest` first")

    def reported(report: object) -> None:
        say(report.summary())  # type: ignore[attr-defined]
        for problem in getattr(report, "problems", ())[:20]:
            say(f"  skipped {problem}")

    streamed = fmt == "jsonl" and not from_article  # written as it comes: a large batch in flat memory
    with contextlib.ExitStack() as stack:
        writer = JsonLinesWriter(stack.enter_context(output_stream(output))) if streamed else None
        bar = stack.enter_context(progress_bar("screening"))
        result = run(
            registries,
            db=db,
            threshold=threshold,
            limit=limit,
            mapping=build_mapping(mapping, maps),
            skip_bad_rows=skip_bad_rows,
            encoding=encoding,
            progress=bar,
            on_ingest=reported,
            warn=say,
            title=title,
            workers=workers,
            engine=engine,
            sink=writer,
        )
        summary = (writer.summary or summarise([])) if writer is not None else result.summary()
        say(
            f"screened {summary['screened']}: {summary['tied']} with a tie, {summary['possible']} possible only, "
            f"{summary['no_tie_found']} with no tie found in the sources screened"
        )
    result.stats_config = StatsConfig(base_rate=base_rate, precision=precision, recall=recall)
    if writer is None:
        write_output(render(result, fmt), output)
    if fail_on_match and summary["tied"]:
        raise SystemExit(3)
