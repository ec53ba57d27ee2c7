"""Russian given names: gender and short forms, keyed in the shared Latin key space.

The table (``data/given_names.tsv``) is compiled for this project from facts of the language:
canonical names with their gender and the short forms in everyday use (Саша, Шура for
Александр; Леся for Олеся). Keys come from :func:`tiescreen.normalize.translit.keys_for`, so a
Latin "Sasha" finds the same entry as "Саша".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from tiescreen.normalize.text import fold_text
from tiescreen.normalize.translit import keys_for

__all__ = ["GivenName", "lookup", "same_given_name"]


@dataclass(frozen=True, slots=True)
class GivenName:
    name: str
    gender: str
    short: bool  # True when the looked-up form is a short form of ``name``


@lru_cache(maxsize=1)
def _table() -> dict[str, list[GivenName]]:
    table: dict[str, list[GivenName]] = {}
    text = files("tiescreen").joinpath("data/given_names.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = ([*line.split("\t"), "", ""])[:3]
        name, gender, shorts = cols[0].strip(), cols[1].strip(), cols[2]
        forms = [(name, False)] + [(s.strip(), True) for s in shorts.split(",") if s.strip()]
        for form, short in forms:
            for key in keys_for(fold_text(form)):
                table.setdefault(key, []).append(GivenName(name, gender, short))
    return table


def lookup(word: str) -> list[GivenName]:
    """Entries for a given name or short form in any script (empty when unknown).

    >>> sorted({g.name for g in lookup("Sasha")})
    ['Александр', 'Александра']
    """
    found: dict[tuple[str, bool], GivenName] = {}
    for key in keys_for(fold_text(word)):
        for entry in _table().get(key, []):
            found.setdefault((entry.name, entry.short), entry)
    return list(found.values())


def same_given_name(a: str, b: str) -> str | None:
    """``"exact"`` when both are the same full name, ``"short"`` when one is a short form of
    the other's name (or both short forms of one name), else None."""
    la, lb = lookup(a), lookup(b)
    if not la or not lb:
        return None
    for x in la:
        for y in lb:
            if x.name == y.name:
                return "exact" if not x.short and not y.short else "short"
    return None
