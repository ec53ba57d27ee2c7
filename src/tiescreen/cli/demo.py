"""``tiescreen demo``."""

from __future__ import annotations

from pathlib import Path

import click

from tiescreen.cli.common import say


@click.command("demo")
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False),
    default="tiescreen-demo",
    show_default=True,
    help="Folder for the sample registry, attendee list, store and report.",
)
def command(folder: str) -> None:
    """Generate a fictional registry and staged event, screen it, and write the HTML report."""
    from tiescreen.demo import write_demo
    from tiescreen.pipeline import screen
    from tiescreen.report import render

    files = write_demo(folder)
    say(f"wrote the sample registry {files.registry} and attendee list {files.people}")
    result = screen(
        files.people,
        [files.registry],
        db=Path(folder) / "tiescreen.duckdb",
        title="Meeting with “ordinary mothers” (fictional demo event)",
    )
    for fmt, name in (
        ("html", "report.html"),
        ("jsonl", "report.jsonl"),
        ("csv", "report.csv"),
        ("md", "report.md"),
        ("ftm", "findings.ftm.jsonl"),
    ):
        (Path(folder) / name).write_text(render(result, fmt), encoding="utf-8")
    s = result.summary()
    say(
        f"screened {s['screened']}: {s['tied']} with a tie, {s['possible']} possible only, "
        f"{s['no_tie_found']} with no tie found"
    )
    say(f"report: {files.report.resolve()}")
