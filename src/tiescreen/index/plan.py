"""What a query asks of the index: its words' keys, its initials, its birth year.

Both engines start from the same :class:`QueryPlan`, so they look for the same registry words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from tiescreen.index.keys import split_words, word_blocking_keys, word_readings
from tiescreen.index.traits import initial_bit
from tiescreen.model.quickinit import quick_init
from tiescreen.normalize.given_names import lookup
from tiescreen.normalize.text import fold_text

__all__ = ["QueryPlan", "QueryWord", "plan_query", "word_similarity"]

FUZZY_CEILING = 0.95

_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")


@quick_init
@dataclass(frozen=True, slots=True)
class QueryWord:
    """One full word of a query: its exact readings and every blocking key."""

    pos: int
    raw: str
    exact: frozenset[str]
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QueryPlan:
    """The words, initials (bit mask) and birth year (0 if unknown) of one query.

    ``repeated``: the letters of two initials or more (А. А. Полякикский: a person needs two words in А).
    """

    words: tuple[QueryWord, ...]
    initials: int
    year: int
    repeated: int = 0


def _word(pos: int, raw: str) -> QueryWord | None:
    found = _reading(raw)
    if found is None:
        return None
    return found if found.pos == pos else QueryWord(pos, raw, found.exact, found.keys)


@lru_cache(maxsize=100_000)
def _reading(raw: str) -> QueryWord | None:
    """A word's readings and keys, worked out once wherever it stands in a name (as the first word)."""
    readings = word_readings(raw)
    if not readings:
        return None
    exact = set(readings)
    # A short form (Саша, Леся) also looks for the full name the registry writes.
    for given in lookup(fold_text(raw)):
        full = word_readings(given.name)
        if full:
            exact.add(full[0])
    keys = tuple(dict.fromkeys((*word_blocking_keys(raw), *sorted(exact))))
    return QueryWord(0, raw, frozenset(exact), keys)


def word_similarity(word: QueryWord, wkey: str) -> float:
    """How close a registry word key is to a query word: 1 for a reading of it, else edit similarity.

    >>> word_similarity(plan_query("Shigina").words[0], "sigina")
    1.0
    """
    if wkey in word.exact:
        return 1.0
    best = max(Levenshtein.normalized_similarity(reading, wkey) for reading in word.exact)
    return min(FUZZY_CEILING, best)


def _initial(raw: str) -> int:
    letters = [ch for ch in fold_text(raw) if ch.isalpha()]
    if len(letters) != 1:
        return 0
    from tiescreen.normalize.translit import keys_for

    key = keys_for(letters[0])[0]
    return initial_bit(key) if key else 0


def plan_query(name: str, birth_date: str | None = None) -> QueryPlan:
    """Plan one query: full words with their keys, initials as a mask, the birth year."""
    words: list[QueryWord] = []
    initials = repeated = 0
    for raw in split_words(name):
        word = _word(len(words), raw)
        if word is not None:
            words.append(word)
        else:
            bit = _initial(raw)
            repeated |= initials & bit
            initials |= bit
    match = _YEAR.search(birth_date or "")
    return QueryPlan(tuple(words), initials, int(match.group(1)) if match else 0, repeated)
