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
import threading
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
    "union",
    "word_weight",
]

GENERATE_CAP = 5_000
YEAR_BONUS = 0.5
FUZZY = 0.8
SEARCH_COST = 4  # a binary search per candidate and word costs about this many dense writes
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
        return union([h.people for h in self.hits])

    def weigh(self, candidates: IntArray) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
        """For each candidate, the best weight of a registry word it carries, and whether it has one."""
        if len(candidates) * len(self.hits) * SEARCH_COST > self.total:
            return self._weigh_dense(candidates)
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

    def _weigh_dense(self, candidates: IntArray) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
        # Many candidates: write each word's weight at its people's numbers (the heaviest
        # last, so it wins) and read the candidates back, instead of a search per word.
        size = max(_size([h.people for h in self.hits]), 1 + int(candidates.max(initial=-1)))
        dense = _scratch(size)
        try:
            for h in sorted(self.hits, key=lambda h: h.weight):
                dense[h.people] = h.weight
            best = dense[candidates]
        finally:
            for h in self.hits:
                dense[h.people] = 0.0
        return best, best > 0


_LOCAL = threading.local()


def _scratch(size: int) -> FloatArray:
    """A zeroed array of at least ``size`` floats, kept per thread (callers zero what they write)."""
    dense: FloatArray | None = getattr(_LOCAL, "dense", None)
    if dense is None or len(dense) < size:
        dense = np.zeros(max(size, 1024))
        _LOCAL.dense = dense
    return dense


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


SMALL_UNION = 4_096  # below this many numbers a sort is cheaper than a mask over everyone


def _mask(arrays: Sequence[IntArray], size: int) -> npt.NDArray[np.bool_]:
    mask = np.zeros(size, dtype=bool)
    for people in arrays:
        mask[people] = True
    return mask


def _size(arrays: Sequence[IntArray]) -> int:
    return 1 + max((int(a[-1]) for a in arrays if len(a)), default=-1)  # each array is sorted


def union(arrays: Sequence[IntArray]) -> IntArray:
    """The sorted union of sorted arrays of person numbers.

    Large unions mark a boolean mask over the numbers instead of sorting: common words
    carry tens of thousands of people each, and sorting them per query costs milliseconds.
    """
    arrays = [a for a in arrays if len(a)]
    if not arrays:
        return np.empty(0, dtype=np.int64)
    if len(arrays) == 1:
        return arrays[0]
    if sum(len(a) for a in arrays) <= SMALL_UNION:
        return np.unique(np.concatenate(arrays))
    return np.flatnonzero(_mask(arrays, _size(arrays))).astype(np.int64)


def _intersection(a: PositionSet, b: PositionSet) -> IntArray:
    arrays_a = [h.people for h in a.hits]
    arrays_b = [h.people for h in b.hits]
    size = max(_size(arrays_a), _size(arrays_b))
    both = _mask(arrays_a, size)
    both &= _mask(arrays_b, size)
    return np.flatnonzero(both).astype(np.int64)


def _generate(sets: list[PositionSet]) -> IntArray:
    rare = [s for s in sets if s.generates]
    if rare:
        return union([h.people for s in rare for h in s.hits])
    if len(sets) == 1:
        return sets[0].people()
    a, b = smallest_two(sets)
    return _intersection(a, b)


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
