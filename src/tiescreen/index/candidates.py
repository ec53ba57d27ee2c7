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
from typing import Any

import numpy as np
import numpy.typing as npt

from tiescreen.index.runs import run_starts

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
SEARCH_COST = 4  # a binary search per candidate and word costs about this many dense reads
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
            hit = h.people.take(np.searchsorted(h.people, candidates), mode="clip") == candidates
            np.maximum(best, h.weight, out=best, where=hit)
            found |= hit
        return best, found

    def _weigh_dense(self, candidates: IntArray) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
        # Many candidates: mark them in a scratch array over all numbers, read each registry
        # word's people's marks (one pass over its people, no search) and write the word's
        # weight at the candidates found, the heaviest word last so it wins.
        size = max(_size([h.people for h in self.hits]), 1 + int(candidates.max(initial=-1)))
        marks = _marks(size)
        marks[candidates] = True
        try:
            best = np.zeros(len(candidates))
            for h in sorted(self.hits, key=lambda h: h.weight):
                best[np.searchsorted(candidates, h.people[marks[h.people]])] = h.weight
        finally:
            marks[candidates] = False
        return best, best > 0


_LOCAL = threading.local()


def _marks(size: int) -> npt.NDArray[np.bool_]:
    """A cleared mask of at least ``size`` numbers, kept per thread (callers clear what they set)."""
    marks: npt.NDArray[np.bool_] | None = getattr(_LOCAL, "marks", None)
    if marks is None or len(marks) < size:
        marks = np.zeros(max(size, 1024), dtype=bool)
        _LOCAL.marks = marks
    return marks


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


SMALL_UNION = 65_536  # below this many numbers a sort is cheaper than a mask over everyone


def _mask(arrays: Sequence[IntArray], size: int) -> npt.NDArray[np.bool_]:
    mask = np.zeros(size, dtype=bool)
    for people in arrays:
        mask[people] = True
    return mask


def _size(arrays: Sequence[IntArray]) -> int:
    return 1 + max((int(a[-1]) for a in arrays if len(a)), default=-1)  # each array is sorted


def union(arrays: Sequence[IntArray]) -> IntArray:
    """The sorted union of sorted arrays of person numbers.

    A sort and a look at neighbours, not ``np.unique`` (which hashes, ten times slower here);
    very large unions mark a boolean mask over the numbers instead, cheaper than sorting them.
    """
    arrays = [a for a in arrays if len(a)]
    if not arrays:
        return np.empty(0, dtype=np.int64)
    if len(arrays) == 1:
        return arrays[0]
    if sum(len(a) for a in arrays) <= SMALL_UNION:
        joined = np.concatenate(arrays).astype(np.int64, copy=False)
        joined.sort()
        return joined[run_starts(joined)]
    return np.flatnonzero(_mask(arrays, _size(arrays))).astype(np.int64)


def _intersection(a: PositionSet, b: PositionSet) -> IntArray:
    small, large = sorted((a, b), key=lambda s: s.total)
    if small.total + large.total <= SMALL_UNION:
        few, many = sorted((small.people(), large.people()), key=len)
        kept: IntArray = few[many.take(np.searchsorted(many, few), mode="clip") == few]
        return kept
    # Mark the smaller word's people, keep the larger word's marked ones: no mask over everyone.
    marks = _marks(max(_size([h.people for h in a.hits]), _size([h.people for h in b.hits])))
    try:
        for h in small.hits:
            marks[h.people] = True
        return union([h.people[marks[h.people]] for h in large.hits])
    finally:
        for h in small.hits:
            marks[h.people] = False


@dataclass(frozen=True, slots=True)
class _Generated:
    """The people the rare positions point at, each rare position's weights for them, and their match count."""

    people: IntArray
    weights: FloatArray  # one row per rare position, in their order
    count: IntArray


def _generate_weighed(rare: Sequence[PositionSet]) -> _Generated:
    """Unite and weigh the rare positions in one sort (their people are the candidates).

    Each (person, registry word) becomes one number, ordered by person, then position, then
    the word's weight: the last of each (person, position) run holds that position's best weight.
    """
    ordered = [sorted((h for h in s.hits if len(h.people)), key=lambda h: h.weight) for s in rare]
    width = max(map(len, ordered))  # a registry word's code: its position * width + its rank there
    span = len(rare) * width
    keys, weights = _sorted_keys(ordered, width, span)
    pairs = keys // width  # person * len(rare) + position
    last = np.empty(len(keys), dtype=bool)
    last[-1:] = True
    np.not_equal(pairs[1:], pairs[:-1], out=last[:-1])
    keys = keys[last]
    people = keys // span
    first = run_starts(people)
    row = np.cumsum(first) - 1
    size = int(row[-1]) + 1
    codes = keys - people * span
    table = np.zeros(len(rare) * size)
    table[codes // width * size + row] = weights[codes]
    return _Generated(people[first].astype(np.int64), table.reshape(len(rare), size), np.bincount(row, minlength=size))


def _sorted_keys(
    ordered: list[list[WordHits]], width: int, span: int
) -> tuple[npt.NDArray[np.signedinteger[Any]], FloatArray]:
    """``person * span + code`` of every person of every registry word, sorted; the weight of each code."""
    codes = [j * width + rank for j, hits in enumerate(ordered) for rank in range(len(hits))]
    weights = np.zeros(span)
    weights[codes] = [h.weight for hits in ordered for h in hits]
    everyone = [h.people for hits in ordered for h in hits]
    # 32-bit numbers when they fit: half the memory to sort, and sorted twice as fast.
    top = (1 + max(int(people[-1]) for people in everyone)) * span
    kind = np.int32 if top <= np.iinfo(np.int32).max else np.int64
    keys: npt.NDArray[np.signedinteger[Any]] = np.concatenate(everyone, dtype=kind, casting="same_kind")
    keys *= span
    keys += np.repeat(np.array(codes, dtype=kind), [len(people) for people in everyone])
    keys.sort()
    return keys, weights


def _common_candidates(sets: list[PositionSet]) -> IntArray:
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
    rare = [s for s in sets if s.generates]
    generated = _generate_weighed(rare) if rare else None
    candidates = generated.people if generated else _common_candidates(sets)
    score, count = _weigh_all(sets, candidates, generated)
    keep = count >= need
    candidates, score = candidates[keep], score[keep]
    if traits is not None and (initials or year) and len(candidates):
        masks, years = traits(candidates)  # of the people kept so far only: a gather per person
        if year:
            score += np.where(years == year, YEAR_BONUS, 0.0)
        if initials:
            agree = (masks & initials) == initials
            candidates, score = candidates[agree], score[agree]
    return _best(candidates, score, limit)


def _weigh_all(
    sets: list[PositionSet], candidates: IntArray, generated: _Generated | None
) -> tuple[FloatArray, IntArray]:
    """Each candidate's summed weight over the positions and how many positions it matches."""
    score = np.zeros(len(candidates))
    count = generated.count.copy() if generated else np.zeros(len(candidates), dtype=np.int64)
    rows = iter(generated.weights if generated else ())
    for s in sets:  # summed in this order, so scores are the same floats whichever way they are found
        if s.generates:
            score += next(rows)
            continue
        weights, hit = s.weigh(candidates)
        score += weights
        count += hit
    return score, count


def _best(candidates: IntArray, score: FloatArray, limit: int) -> IntArray:
    """The ``limit`` candidates of the highest scores (to 9 decimals), the lower number first on a tie."""
    rank = -np.round(score, 9)
    if 0 < limit < len(rank) // 4:  # sort only the best (with every tie at the cut: the same order)
        near = rank <= np.partition(rank, limit - 1)[limit - 1]
        candidates, rank = candidates[near], rank[near]
    chosen: IntArray = candidates[np.lexsort((candidates, rank))[:limit]]
    return chosen
