"""Wikidata name-variant groups, as OpenSanctions' ``rigour`` ships them (offline).

rigour tags each word of a person's name with the Wikidata items of the given names it can be
(Iryna and Ирина share an item; so do Eugene and Евгений). Two words that share an item are
the same name in two languages: good evidence, a little below an identical name.

Loading rigour's name data takes several seconds once per process, so it happens on first use,
and ``TIESCREEN_NAME_VARIANTS=0`` in the environment turns the lookup off (tests that do not
need it, quick scripts). Until the first answer has come, a scorer can *suppose* instead
(:func:`supposing`): a question then raises :class:`Unsupposed`, or takes the outcome supposed
for its pair of words, so that a pair can be shown to stay below what is kept whatever the
groups say, and the data is never loaded for it.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache

__all__ = [
    "OUTCOMES",
    "Outcome",
    "Pair",
    "Unsupposed",
    "ask_elsewhere",
    "both_named",
    "enabled",
    "name_groups",
    "rigour_groups",
    "share_name_group",
    "supposable",
    "supposing",
    "supposing_some",
]

# What a pair of words' name groups decide: the kind of group they share ("name", "nick" or
# None), and whether both words are in some group. These four are every possible answer.
Outcome = tuple[str | None, bool]
OUTCOMES: tuple[Outcome, ...] = ((None, False), (None, True), ("name", True), ("nick", True))
Pair = tuple[str, str]


class Unsupposed(Exception):
    """A pair's name groups were asked while supposing, and nothing is supposed for the pair.

    Control flow between the scorer and this module, never a user's error.
    """

    def __init__(self, pair: Pair) -> None:
        super().__init__(pair)
        self.pair = pair


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


class _Supposing(threading.local):
    """While supposing, in this thread: the outcomes supposed per pair of words (None: not
    supposing). Per thread: the web app scores requests side by side."""

    supposed: Mapping[Pair, Outcome] | None = None


_SUPPOSING = _Supposing()
_ANSWERED = [False]  # an answer has come in this process: the data is loaded, asking is cheap


@contextlib.contextmanager
def supposing(supposed: Mapping[Pair, Outcome] | None = None) -> Iterator[None]:
    """While it lasts, and until this process has had its first answer, a question about a
    pair of words takes the outcome ``supposed`` for it, or raises :class:`Unsupposed`."""
    before = _SUPPOSING.supposed
    _SUPPOSING.supposed = supposed or {}
    try:
        yield
    finally:
        _SUPPOSING.supposed = before


def supposable() -> bool:
    """True until this process has had its first answer (and the groups are not turned off)."""
    return not _ANSWERED[0] and enabled()


def supposing_some() -> bool:
    """True while an outcome is supposed: what is worked out then must not be cached."""
    return bool(_SUPPOSING.supposed) and not _ANSWERED[0]


def _supposed(a: str, b: str) -> Outcome | None:
    supposed = _SUPPOSING.supposed
    if supposed is None or _ANSWERED[0] or not (a and b and enabled()):
        return None
    pair = (a, b) if a <= b else (b, a)
    if pair not in supposed:
        raise Unsupposed(pair)
    return supposed[pair]


# Where a worker process gets a word's groups instead of building rigour's tagger itself
# (see :func:`ask_elsewhere`); empty: here.
_ELSEWHERE: list[Callable[[str], frozenset[str]]] = []


def ask_elsewhere(lookup: Callable[[str], frozenset[str]] | None) -> None:
    """Get name groups from ``lookup`` (another process that loads rigour's data once for
    several), or from rigour in this process again when None."""
    _ELSEWHERE[:] = [lookup] if lookup is not None else []
    _groups.cache_clear()
    _ANSWERED[0] = False


@lru_cache(maxsize=200_000)
def _groups(word: str) -> frozenset[str]:
    groups = _ELSEWHERE[0](word) if _ELSEWHERE else rigour_groups(word)
    _ANSWERED[0] = True
    return groups


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
    if (supposed := _supposed(a, b)) is not None:
        return supposed[0]
    shared = name_groups(a) & name_groups(b)
    if any(g.startswith("name:") for g in shared):
        return "name"
    return "nick" if shared else None


def both_named(a: str, b: str) -> bool:
    """True when both words are in some Wikidata given-name group (not necessarily one)."""
    if (supposed := _supposed(a, b)) is not None:
        return supposed[1]
    return bool(name_groups(a)) and bool(name_groups(b))
