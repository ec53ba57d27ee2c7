"""Given names: gender, short forms and the same name in other languages, in the shared key space.

The table (``data/given_names.tsv``) is compiled for this project from facts of the language:
canonical Russian names with their gender, the short forms in everyday use (Саша, Шура for
Александр; Леся for Олеся), and the same name as Ukrainian, Belarusian and other languages
write it (Олександр, Аляксандр, Alexander). Keys come from
:func:`tiescreen.normalize.translit.keys_for`, so a Latin "Sasha" finds the same entry as "Саша".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tiescreen.normalize.text import fold_text
from tiescreen.normalize.translit import keys_for
from tiescreen.tables import table_rows

__all__ = ["GivenName", "lookup", "same_given_name", "same_name_by_keys"]

FULL, SHORT, OTHER_LANGUAGE = "full", "short", "other_language"


@dataclass(frozen=True, slots=True)
class GivenName:
    """One table entry reached from a looked-up form.

    Attributes:
        name: the canonical Russian name.
        gender: ``"m"`` or ``"f"``.
        short: True when the looked-up form is a short form of ``name``.
        form: ``"full"``, ``"short"`` or ``"other_language"``.
    """

    name: str
    gender: str
    short: bool
    form: str = FULL


def _forms(cols: list[str]) -> list[tuple[str, str]]:
    name, shorts, others = cols[0].strip(), cols[2], cols[3]
    forms = [(name, FULL)]
    forms += [(s.strip(), SHORT) for s in shorts.split(",") if s.strip()]
    forms += [(s.strip(), OTHER_LANGUAGE) for s in others.split(",") if s.strip()]
    return forms


@lru_cache(maxsize=1)
def _table() -> dict[str, list[GivenName]]:
    table: dict[str, list[GivenName]] = {}
    for row in table_rows("given_names.tsv"):
        cols = ([*row, "", "", ""])[:4]
        name, gender = cols[0].strip(), cols[1].strip()
        for form, kind in _forms(cols):
            for key in keys_for(fold_text(form)):
                table.setdefault(key, []).append(GivenName(name, gender, kind == SHORT, kind))
    return table


@lru_cache(maxsize=100_000)
def _lookup(word: str) -> tuple[GivenName, ...]:
    found: dict[tuple[str, str], GivenName] = {}
    for key in keys_for(fold_text(word)):
        for entry in _table().get(key, []):
            found.setdefault((entry.name, entry.form), entry)
    return tuple(found.values())


def lookup(word: str) -> list[GivenName]:
    """Entries for a given name, short form or foreign form in any script (empty when unknown).

    >>> sorted({g.name for g in lookup("Sasha")})
    ['Александр', 'Александра']
    """
    return list(_lookup(word))


_RANK = {(FULL, FULL): "exact", (OTHER_LANGUAGE, FULL): "other_language", (OTHER_LANGUAGE, OTHER_LANGUAGE): "exact"}


@lru_cache(maxsize=200_000)
def same_given_name(a: str, b: str) -> str | None:
    """How two words relate as given names.

    Returns:
        ``"exact"`` when both are the same name, ``"other_language"`` when one is the
        Ukrainian, Belarusian or foreign form of the other (Олександр = Александр), ``"short"``
        when a short form is involved (Саша = Александр), else None.
    """
    best: str | None = None
    order = ("exact", "other_language", "short")
    for x in _lookup(a):
        for y in _lookup(b):
            if x.name != y.name:
                continue
            short = SHORT in (x.form, y.form)
            rank = "short" if short else _RANK.get((x.form, y.form)) or _RANK[(y.form, x.form)]
            if best is None or order.index(rank) < order.index(best):
                best = rank
    return best


def same_name_by_keys(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two key sets reach one table name (the fathers' names inside two patronymics:
    Володимир- and Владимир-)."""
    table = _table()
    # Full forms only: a patronymic is made from the father's full name, and short forms are
    # shared between names (Алекс is short for both Александр and Алексей).
    names_a = {e.name for k in a for e in table.get(k, ()) if not e.short}
    return bool(names_a) and any(e.name in names_a for k in b for e in table.get(k, ()) if not e.short)
