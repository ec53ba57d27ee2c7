"""Reports: JSON lines (the stable contract), JSON, CSV, Markdown, a self-contained HTML file,
and FtM JSON lines of the findings (for Aleph and OpenSanctions tools)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tiescreen.pipeline import ScreenResult

__all__ = ["FORMATS", "render"]

FORMATS = ("jsonl", "json", "csv", "md", "html", "ftm")


def render(result: ScreenResult, fmt: str) -> str:
    """Render a screening result in one of :data:`FORMATS`."""
    if fmt == "jsonl":
        from tiescreen.report.jsonl import render_jsonl

        return render_jsonl(result)
    if fmt == "json":
        from tiescreen.report.jsonl import render_json

        return render_json(result)
    if fmt == "csv":
        from tiescreen.report.tabular import render_csv

        return render_csv(result)
    if fmt == "md":
        from tiescreen.report.markdown import render_markdown

        return render_markdown(result)
    if fmt == "html":
        from tiescreen.report.html import render_html

        return render_html(result)
    if fmt == "ftm":
        from tiescreen.report.ftm import render_ftm

        return render_ftm(result)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
