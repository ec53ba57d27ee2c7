"""Rank the registry people a query may be, from the people each query word points at.

The one function both engines call: the embedded engine feeds it from the in-memory postings
of :class:`~tiescreen.index.memory.NameIndex`, the Spark engine from joined rows. Given, for
each word of the query, the people whose names have a word that may be it (and a weight:
rarer words weigh more, exact readings more than one-typo neighbours), it keeps the people
found through a word rare enough to generate candidates (or, when every word is common,
through the two rarest words together), who match enough words and every initial, and ranks
them by weight, a birth year that agrees, and then by number.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "GENERATE_CAP",
    "PositionSet",
    "Traits",
    "WordHits",
    "merge_hits",
    "rank_candidates",
    "smallest_two",
    "word_weight",
]

GENERATE_CAP = 5_000
YEAR_BONUS = 0.5
FUZZY = 0.8
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
Traits = Callable[[IntArray], tuple[IntArray, IntArray]]


@dataclass(frozen=True, slots=True)
class WordHits:
    """The people (sorted numbers) carrying one registry word, and that word's weight."""

    people: IntArray
    weight: float


@dataclass(frozen=True, slots=True)
class PositionSet:
    """The registry words one query word may be, each with its people and weight.

    ``largest`` is the frequency of its most common registry word and ``total`` the sum of
    their frequencies: they decide, without uniting the people, whether the word generates.
    """

    pos: int
    hits: tuple[WordHits, ...]
    largest: int
    total: int

    @property
    def generates(self) -> bool:
        return self.largest <= GENERATE_CAP

    def people(self) -> IntArray:
        """Everyone this query word may point at (sorted, unique)."""
        if len(self.hits) == 1:
            return self.hits[0].people
        return np.unique(np.concatenate([h.people for h in self.hits]))

    def weigh(self, candidates: IntArray) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
        """For each candidate, the best weight of a registry word it carries, and whether it has one."""
        best = np.zeros(len(candidates))
        found = np.zeros(len(candidates), dtype=bool)
        for h in self.hits:
            if not len(h.people):
                continue
            idx = np.minimum(np.searchsorted(h.people, candidates), len(h.people) - 1)
            hit = h.people[idx] == candidates
            best = np.where(hit, np.maximum(best, h.weight), best)
            found |= hit
        return best, found


def word_weight(similarity: float, frequency: int) -> float:
    """Weight of a matched registry word: closer spellings first, then rarer words.

    Similarity counts ten times the rarity term, so an exact reading outweighs any typo
    neighbour: in a large registry a common surname has many rare neighbours one or two
    letters away, which would otherwise crowd out the person the query names.
    """
    return 10.0 * similarity + 1.0 / math.log(2 + frequency)


def merge_hits(pos: int, hits: Sequence[WordHits]) -> PositionSet:
    """The position of one query word from the registry words it matched."""
    sizes = [len(h.people) for h in hits]
    return PositionSet(pos, tuple(hits), max(sizes), sum(sizes))


def smallest_two(sets: Sequence[PositionSet]) -> list[PositionSet]:
    """The two positions that generate together when no word is rare enough alone."""
    return sorted(sets, key=lambda s: (s.total, s.pos))[:2]


def _generate(sets: list[PositionSet]) -> IntArray:
    rare = [s.people() for s in sets if s.generates]
    if rare:
        return np.unique(np.concatenate(rare)) if len(rare) > 1 else rare[0]
    if len(sets) == 1:
        return sets[0].people()
    a, b = smallest_two(sets)
    return np.intersect1d(a.people(), b.people(), assume_unique=True)


def rank_candidates(
    sets: Sequence[PositionSet],
    need: int,
    limit: int,
    *,
    initials: int = 0,
    year: int = 0,
    traits: Traits | None = None,
) -> IntArray:
    """The best ``limit`` people for one query, best first.

    Args:
        sets: one :class:`PositionSet` per query word that matched anything.
        need: how many query words a person must match (2 for names of two words or more).
        limit: the most candidates returned.
        initials: bit mask of the query's initials (a person must have a word for each).
        year: the query's birth year (0 when unknown); agreeing years rank first.
        traits: gives, for an array of person numbers, their initials masks and birth years.

    A query word generates candidates when none of its registry words is carried by more
    than :data:`GENERATE_CAP` people; when no word does, the two with the fewest people do
    together. The sets of the other words need only hold the generated people.
    """
    sets = [s for s in sets if s.total]
    if not sets:
        return np.empty(0, dtype=np.int64)
    candidates = _generate(list(sets))
    score = np.zeros(len(candidates))
    count = np.zeros(len(candidates), dtype=np.int64)
    for s in sets:
        weights, hit = s.weigh(candidates)
        score += weights
        count += hit
    keep = count >= need
    if traits is not None and (initials or year):
        masks, years = traits(candidates)
        if initials:
            keep &= (masks & initials) == initials
        if year:
            score += np.where(years == year, YEAR_BONUS, 0.0)
    candidates, score = candidates[keep], score[keep]
    order = np.lexsort((candidates, -np.round(score, 9)))[:limit]
    return candidates[order]
