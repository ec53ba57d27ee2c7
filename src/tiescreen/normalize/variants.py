"""Wikidata name-variant groups, as OpenSanctions' ``rigour`` ships them (offline).

rigour tags each word of a person's name with the Wikidata items of the given names it can be
(Iryna and Ирина share an item; so do Eugene and Евгений). Two words that share an item are
the same name in two languages: good evidence, a little below an identical name.

Loading rigour's name data takes several seconds once per process, so it happens on first use,
and ``TIESCREEN_NAME_VARIANTS=0`` in the environment turns the lookup off (tests that do not
need it, quick scripts).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache

__all__ = ["ask_elsewhere", "enabled", "name_groups", "rigour_groups", "share_name_group"]


_SETTING: list[tuple[str, bool]] = []


def enabled() -> bool:
    """False when ``TIESCREEN_NAME_VARIANTS`` is set to ``0``, ``false`` or ``no``."""
    raw = os.environ.get("TIESCREEN_NAME_VARIANTS", "1")
    if not _SETTING or _SETTING[0][0] != raw:  # reading the environment is cheap; parsing it once is cheaper
        _SETTING[:] = [(raw, raw.strip().lower() not in {"0", "false", "no"})]
    return _SETTING[0][1]


def name_groups(word: str) -> frozenset[str]:
    """The Wikidata given-name items one word can stand for (empty when unknown or disabled)."""
    if not word or not enabled():
        return frozenset()
    return _groups(word)


# Where a worker process gets a word's groups instead of building rigour's tagger itself
# (see :func:`ask_elsewhere`); empty: here.
_ELSEWHERE: list[Callable[[str], frozenset[str]]] = []


def ask_elsewhere(lookup: Callable[[str], frozenset[str]] | None) -> None:
    """Get name groups from ``lookup`` (another process that loads rigour's data once for
    several), or from rigour in this process again when None."""
    _ELSEWHERE[:] = [lookup] if lookup is not None else []
    _groups.cache_clear()


@lru_cache(maxsize=200_000)
def _groups(word: str) -> frozenset[str]:
    return _ELSEWHERE[0](word) if _ELSEWHERE else rigour_groups(word)


def rigour_groups(word: str) -> frozenset[str]:
    """The groups rigour tags one word with (its first call builds the tagger: about 6 s)."""
    from rigour.names import analyze_names
    from rigour.names.symbol import Symbol
    from rigour.names.tag import NameTypeTag

    groups: set[str] = set()
    for name in analyze_names(NameTypeTag.PER, [word], phonetics=False, numerics=False):
        for symbol in name.symbols:
            if symbol.category == Symbol.Category.NAME:
                groups.add(f"name:{symbol.id}")
            elif symbol.category == Symbol.Category.NICK:
                groups.add(f"nick:{symbol.id}")
    return frozenset(groups)


def share_name_group(a: str, b: str) -> str | None:
    """``"name"`` when two words are forms of one given name in Wikidata's name groups
    (Iryna = Ирина), ``"nick"`` when they share a nickname (Ted = Theodore), else None.

    >>> share_name_group("Iryna", "Ирина")  # doctest: +SKIP
    'name'
    """
    shared = name_groups(a) & name_groups(b)
    if any(g.startswith("name:") for g in shared):
        return "name"
    return "nick" if shared else None
