"""Make names from hostile places safe in exports."""

from __future__ import annotations

__all__ = ["csv_cell"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def csv_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run: formulas are prefixed with a quote.

    >>> csv_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> csv_cell(-0.5)
    '-0.5'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    # A bare carriage return inside a cell is not quoted by a writer whose line ending is "\n",
    # and a spreadsheet reads it as a new row: a way to start a row with a formula.
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(("=", "+", "@")):
        return "'" + text
    return text
