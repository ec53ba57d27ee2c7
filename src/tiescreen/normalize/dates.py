"""Dates as registries and lists write them, brought to ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD)."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["parse_date", "same_date", "year_of"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_MY = re.compile(r"^(\d{1,2})[./](\d{4})$")


def parse_date(value: str) -> str:
    """Return the ISO prefix of a date, or raise ValueError saying why it is not one.

    >>> parse_date("19.06.1964"), parse_date("1964-06-19T00:00:00Z"), parse_date("1964")
    ('1964-06-19', '1964-06-19', '1964')
    """
    text = value.strip()
    m = _ISO.match(text)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3)
    elif (m := _DMY.match(text)) is not None:
        day, month, year = m.group(1), m.group(2), m.group(3)
    elif (m := _MY.match(text)) is not None:
        day, month, year = None, m.group(1), m.group(2)
    else:
        raise ValueError(f"{value!r} is not a date")
    y = int(year)
    if not 1000 <= y <= 2100:
        raise ValueError(f"{value!r} has an implausible year")
    if month is None:
        return f"{y:04d}"
    mo = int(month)
    if not 1 <= mo <= 12:
        raise ValueError(f"{value!r} has no month {mo}")
    if day is None:
        return f"{y:04d}-{mo:02d}"
    try:
        return date(y, mo, int(day)).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a date (no day {int(day)} in that month)") from None


def year_of(value: str | None) -> int | None:
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    return int(value[:4])


def same_date(a: str, b: str) -> bool | None:
    """True when two ISO prefixes agree as far as both go, False when they conflict."""
    n = min(len(a), len(b))
    if n < 4:
        return None
    return a[:n] == b[:n]
