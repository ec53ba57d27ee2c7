"""The project's bundled tables (``src/tiescreen/data/``): given names, pet forms, surnames."""

from __future__ import annotations

from importlib.resources import files

__all__ = ["table_rows"]


def table_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a bundled table, without blank lines and ``#`` comments."""
    text = files("tiescreen").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
