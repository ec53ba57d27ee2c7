"""Hypocorisms of given names outside Russian (Bibi = Benjamin, Peggy = Margaret, Paco = Francisco).

rigour's Wikidata name groups know many nicknames (Bill = William), but not all the pet forms in
everyday use; ``data/nicknames.tsv`` is a curated table of the common ones in English, German,
Spanish, Italian and Hebrew (facts of the languages, sources in the file). A form is linked to its
full name, and two forms of one full name to each other; two full names that share a pet form
(Alfred and Frederick, both Fred) stay two names.

A second, rule-based kind of short form is the clipped name: the first syllables of a longer name
used as the name (Abiy for Abiyot, Greg for Gregory), which :func:`clipped` recognises.
"""

from __future__ import annotations

from functools import lru_cache

from tiescreen.match.typos import latin_form
from tiescreen.tables import table_rows

__all__ = ["CLIPPED_MIN", "clipped", "same_nickname"]

CLIPPED_MIN = 4  # a clipped form keeps at least this many letters (Abiy): shorter ones say little


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """Each form (ASCII, lower case) and the full names it stands for."""
    table: dict[str, set[str]] = {}
    for row in table_rows("nicknames.tsv"):
        full, forms = row[0], "\t".join(row[1:])
        name = latin_form(full)
        table.setdefault(name, set()).add(name)
        for form in forms.split(","):
            if latin_form(form):
                table.setdefault(latin_form(form), set()).add(name)
    return {form: frozenset(names) for form, names in table.items()}


@lru_cache(maxsize=200_000)
def same_nickname(a: str, b: str) -> bool:
    """True when one word is a pet form of the other, or both pet forms of one full name.

    >>> same_nickname("Bibi", "Benjamin"), same_nickname("Alfred", "Frederick")
    (True, False)
    """
    x, y = latin_form(a), latin_form(b)
    if x == y:
        return False
    table = _table()
    names_x, names_y = table.get(x, frozenset()), table.get(y, frozenset())
    if not names_x & names_y:
        return False
    return not (x in names_x and y in names_y)  # two full names sharing a form are two names


def clipped(a: str, b: str) -> bool:
    """True when the shorter word is the longer one cut after its first letters (Abiy, Abiyot).

    The cut must keep :data:`CLIPPED_MIN` letters and drop at least two: one letter more is a
    typo or a gender ending (Daniel, Daniela), which other rules judge.
    """
    x, y = sorted((latin_form(a), latin_form(b)), key=len)
    return len(x) >= CLIPPED_MIN and len(y) - len(x) >= 2 and y.startswith(x)
