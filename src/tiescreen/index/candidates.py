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
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from tiescreen.index.runs import run_starts
from tiescreen.index.traits import InitialsRule
from tiescreen.model.quickinit import quick_init

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
PROBE = 64  # per place asked, the best candidates whose traits bound a large list (one in fifty shares a birth year)
MASK_LIMIT = 1 << 26  # person numbers up to this are marked in a scratch mask (one byte each, kept per thread)
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
Traits = Callable[[IntArray], tuple[IntArray, IntArray]]


@quick_init
@dataclass(frozen=True, slots=True)
class WordHits:
    """The people (sorted numbers) carrying one registry word, and that word's weight."""

    people: IntArray
    weight: float
    bits: npt.NDArray[np.uint8] | None = None  # the same people as a bitmap over all numbers (common words)
    letter: int = 0  # the bit of the word's first letter (tiescreen.index.traits.initial_bit); 0: not known


@quick_init
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

    def weigh(self, candidates: IntArray, places: _BitPlaces | None = None) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
        """For each candidate, the best weight of a registry word it carries, and whether it has one.

        Each registry word is read the cheapest way: a common word's bitmap at the candidates
        (their ``places`` in a bitmap, worked out once a query); a word of many more people than
        candidates by a binary search per candidate; any other by one pass over its people
        against the candidates marked in a scratch mask.
        """
        best = np.zeros(len(candidates))
        marked = []
        for h in self.hits:
            if h.bits is not None:
                places = places or _BitPlaces(candidates)
                hit = np.bitwise_and(h.bits.take(places.byte), places.bit).astype(bool)
                np.maximum(best, h.weight, out=best, where=hit)
            elif len(h.people) > len(candidates) * SEARCH_COST:
                _weigh_searched(candidates, h, best)
            elif len(h.people):
                marked.append(h)
        if marked and _size([h.people for h in marked] + [candidates]) <= MASK_LIMIT:
            _weigh_marked(candidates, marked, best)
        else:
            for h in marked:  # numbers too large for a scratch mask
                _weigh_searched(candidates, h, best)
        return best, best > 0  # every weight is positive


class _BitPlaces:
    """Each candidate's byte in a bitmap over all numbers and its bit there (lowest bit first)."""

    __slots__ = ("bit", "byte")

    def __init__(self, candidates: IntArray) -> None:
        self.byte = candidates >> 3
        self.bit = np.left_shift(np.uint8(1), (candidates & 7).astype(np.uint8))


def _weigh_searched(candidates: IntArray, h: WordHits, best: FloatArray) -> None:
    """Raise ``best`` to the word's weight at the candidates among its people (a binary search each)."""
    hit = h.people.take(np.searchsorted(h.people, candidates), mode="clip") == candidates
    np.maximum(best, h.weight, out=best, where=hit)


def _weigh_marked(candidates: IntArray, hits: Sequence[WordHits], best: FloatArray) -> None:
    """Raise ``best`` to each word's weight at the candidates among its people (found through a scratch mask)."""
    marks = _marks(_size([h.people for h in hits] + [candidates]))
    marks[candidates] = True
    try:
        for h in hits:
            at = np.searchsorted(candidates, h.people[marks[h.people]])
            best[at] = np.maximum(best[at], h.weight)
    finally:
        marks[candidates] = False


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
    """The people both positions point at (sorted).

    The smaller position's people are marked in a scratch mask and the larger's read against
    it: a few passes over their people, where uniting one of them (often a hundred thousand
    people) and weighing the other at them cost ten times more.
    """
    small, large = sorted((a, b), key=lambda s: s.total)
    marked = [h.people for h in small.hits if len(h.people)]
    scanned = [h.people for h in large.hits if len(h.people)]
    size = _size(marked + scanned)
    if size > MASK_LIMIT:  # numbers too large for a scratch mask
        people = small.people()
        return people[large.weigh(people)[1]]
    marks = _marks(size)
    for people in marked:
        marks[people] = True
    try:
        return union([people[marks[people]] for people in scanned])
    finally:
        for people in marked:
            marks[people] = False


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
    if len(rare) == 1:
        return _generate_one(rare[0])
    ordered = [sorted((h for h in s.hits if len(h.people)), key=lambda h: h.weight) for s in rare]
    width = max(map(len, ordered))  # a registry word's code: its position * width + its rank there
    span = len(rare) * width
    keys, weights = _sorted_keys(ordered, width, span)
    pairs = keys // width  # person * len(rare) + position
    keys = keys[_run_ends(pairs)]
    people = keys // span
    first = run_starts(people)
    row = np.cumsum(first) - 1
    size = int(row[-1]) + 1
    codes = keys - people * span
    table = np.zeros(len(rare) * size)
    table[codes // width * size + row] = weights[codes]
    return _Generated(people[first].astype(np.int64), table.reshape(len(rare), size), np.bincount(row, minlength=size))


def _generate_one(rare: PositionSet) -> _Generated:
    """:func:`_generate_weighed` of one rare position (most queries have one rare word).

    The same sort without rows to number: each (person, registry word) is ``person * words +
    rank`` (ranked by weight), and the last of each person's run holds their best weight.
    """
    hits = sorted((h for h in rare.hits if len(h.people)), key=lambda h: h.weight)
    if len(hits) == 1:  # a third of them: its people as they are
        people = hits[0].people.astype(np.int64, copy=False)
        return _Generated(people, np.full((1, len(people)), hits[0].weight), np.ones(len(people), dtype=np.int64))
    width = len(hits)
    keys, weights = _sorted_keys([hits], width, width)
    people = keys // width
    last = _run_ends(people)
    keys, people = keys[last], people[last]
    keys -= people * width
    return _Generated(people.astype(np.int64), weights.take(keys)[np.newaxis], np.ones(len(people), dtype=np.int64))


def _run_ends(ordered: npt.NDArray[np.integer]) -> npt.NDArray[np.bool_]:
    """Where each run of equal numbers in a sorted array ends."""
    last = np.empty(len(ordered), dtype=bool)
    last[-1:] = True
    np.not_equal(ordered[1:], ordered[:-1], out=last[:-1])
    return last


_INT32_MAX = int(np.iinfo(np.int32).max)


def _key_kind(top: int) -> type[np.signedinteger[Any]]:
    """32-bit sort keys when they fit (half the memory to sort, and sorted twice as fast), else 64-bit."""
    return np.int32 if top <= _INT32_MAX else np.int64


def _sorted_keys(
    ordered: list[list[WordHits]], width: int, span: int
) -> tuple[npt.NDArray[np.signedinteger[Any]], FloatArray]:
    """``person * span + code`` of every person of every registry word, sorted; the weight of each code."""
    codes = [j * width + rank for j, hits in enumerate(ordered) for rank in range(len(hits))]
    weights = np.zeros(span)
    weights[codes] = [h.weight for hits in ordered for h in hits]
    everyone = [h.people for hits in ordered for h in hits]
    kind = _key_kind((1 + max(int(people[-1]) for people in everyone)) * span)
    keys: npt.NDArray[np.signedinteger[Any]] = np.concatenate(everyone, dtype=kind, casting="same_kind")
    keys *= span
    keys += np.repeat(np.array(codes, dtype=kind), [len(people) for people in everyone])
    keys.sort()
    return keys, weights


def rank_candidates(
    sets: Sequence[PositionSet],
    need: int,
    limit: int,
    *,
    initials: int = 0,
    year: int = 0,
    traits: Traits | None = None,
    words: int = 0,
    repeated: int = 0,
) -> IntArray:
    """The best ``limit`` people for one query, best first.

    Args:
        sets: one :class:`PositionSet` per query word that matched anything.
        need: how many query words a person must match (2 for names of two words or more).
        limit: the most candidates returned.
        initials: bit mask of the query's initials (a person must have a word for each, see
            :class:`~tiescreen.index.traits.InitialsRule`).
        year: the query's birth year (0 when unknown); agreeing years rank first.
        traits: gives, for an array of person numbers, their traits masks and birth years.
        words: how many full words the query has (0: not known; its initials are then asked
            of everyone, whatever their shortest name form).
        repeated: the letters of two or more of the query's initials (a person needs two words in each).

    A query word generates candidates when none of its registry words is carried by more
    than :data:`GENERATE_CAP` people; when no word does, the two with the fewest people do
    together (a one-word query's word alone). The sets of the other words need only hold the generated people.
    """
    sets = [s for s in sets if s.total]
    if not sets:
        return np.empty(0, dtype=np.int64)
    generating = _generating(sets, need)
    generated = _generate_weighed(generating) if generating else None
    candidates = generated.people if generated else _intersection(*smallest_two(sets))
    score, count = _weigh_all(sets, candidates, generated, generating)
    keep = count >= need
    candidates, score = candidates[keep], score[keep]
    if traits is not None and (initials or year) and len(candidates):
        taken, released = _taken(sets, need, initials)
        asked = _Asked(InitialsRule(initials, taken | repeated, words), year, traits, released, repeated)
        if limit > 0 and len(candidates) > limit * PROBE * 4:  # (a lone common word: tens of thousands)
            candidates, score = _contenders(candidates, score, limit, asked)
        candidates, score = asked.apply(candidates, score)
    return _best(candidates, score, limit)


def _taken(sets: Sequence[PositionSet], need: int, initials: int) -> tuple[int, tuple[WordHits, ...]]:
    """The initials' letters that a full word of the query takes for itself, and the registry
    words that release a candidate from that.

    When every candidate matches every position (it must), a position whose registry words
    start with an initial's letter takes that letter in the candidates it matches through those
    words: the initial then needs another word in it. A candidate that also carries one of the
    position's words in another letter may have matched through that one, and needs only one
    (the words returned).
    """
    if not initials or need < len(sets):
        return 0, ()
    taken = 0
    others: list[WordHits] = []
    for s in sets:
        hits = [h for h in s.hits if len(h.people)]
        if not all(h.letter for h in hits):
            continue  # letters not known: nothing taken
        letters = 0
        for h in hits:
            letters |= h.letter
        mine = letters & initials
        if mine & (mine - 1) == 0 and mine:  # one initial's letter (a word has one first letter)
            taken |= mine
            others.extend(h for h in hits if h.letter != mine)
    return taken, tuple(others)


@dataclass(frozen=True, slots=True)
class _Asked:
    """The traits a query asks of its candidates: its initials and birth year (0 for none).

    ``released``: registry words whose people the query's full words take no letter from (see
    :func:`_taken`): they need two words only in the letters of repeated initials (``repeated``).
    """

    initials: InitialsRule
    year: int
    traits: Traits
    released: tuple[WordHits, ...] = ()
    repeated: int = 0

    def apply(self, candidates: IntArray, score: FloatArray) -> tuple[IntArray, FloatArray]:
        """The candidates whose initials agree, with the year bonus added to their scores."""
        masks, years = self.traits(candidates)  # a gather per person
        if self.year:
            score = score + np.where(years == self.year, YEAR_BONUS, 0.0)
        if self.initials.initials:
            agree = self.initials.agree(masks)
            if self.released and not agree.all():
                once = replace(self.initials, twice=self.repeated).agree(masks)
                agree |= once & _carries(self.released, candidates)
            candidates, score = candidates[agree], score[agree]
        return candidates, score


def _carries(hits: tuple[WordHits, ...], candidates: IntArray) -> npt.NDArray[np.bool_]:
    """Which candidates (in any order) carry one of the registry words ``hits``."""
    order = np.argsort(candidates, kind="stable")
    carried = np.empty(len(candidates), dtype=bool)
    carried[order] = PositionSet(-1, hits, 0, 0).weigh(candidates[order])[1]
    return carried


def _contenders(candidates: IntArray, score: FloatArray, limit: int, asked: _Asked) -> tuple[IntArray, FloatArray]:
    """The candidates (and their scores) that may still be among the best ``limit`` once their traits are known.

    The best-scored ``limit * PROBE`` get their traits first; the ``limit``-th best of them
    (its rank, then its number) bounds everyone else: a candidate whose rank stays below it
    even with the year bonus cannot be chosen. A lone common word (tens of thousands of
    candidates) then reads the traits of a few thousand.
    """
    rank = score.round(9)
    probe = _top(rank, limit * PROBE)
    found, final = asked.apply(candidates[probe], score[probe])
    if len(found) < limit:  # too few agree with the initials to bound the rest
        return candidates, score
    final = final.round(9)
    cut = np.lexsort((found, -final))[limit - 1]
    bound = (score + YEAR_BONUS).round(9) if asked.year else rank
    may = (bound > final[cut]) | ((bound == final[cut]) & (candidates <= found[cut]))
    return candidates[may], score[may]


def _top(rank: FloatArray, size: int) -> IntArray:
    """The places of ``size`` highest ranks (the first places on a tie at the cut)."""
    edge = np.partition(rank, len(rank) - size)[len(rank) - size]
    above = np.flatnonzero(rank > edge)
    return np.concatenate((above, np.flatnonzero(rank == edge)[: size - len(above)]))


def _generating(sets: list[PositionSet], need: int) -> list[PositionSet]:
    """The positions whose people are the candidates (none: the two rarest meet instead).

    Every rare position generates, and a lone common one (one sort of its people, cheaper than
    uniting then weighing them); when a person must match every position, the rarest rare
    one alone holds everyone who can be kept, and the others are weighed at its people.
    """
    rare = [s for s in sets if s.generates] or (sets if len(sets) == 1 else [])
    if need >= len(sets) and len(rare) > 1:
        return [min(rare, key=lambda s: s.total)]
    return rare


def _weigh_all(
    sets: list[PositionSet], candidates: IntArray, generated: _Generated | None, generating: list[PositionSet]
) -> tuple[FloatArray, IntArray]:
    """Each candidate's summed weight over the positions and how many positions it matches."""
    score = np.zeros(len(candidates))
    count = generated.count.copy() if generated else np.zeros(len(candidates), dtype=np.int64)
    rows = iter(generated.weights if generated else ())
    places = None
    for s in sets:  # summed in this order, so scores are the same floats whichever way they are found
        if any(s is g for g in generating):
            score += next(rows)
            continue
        if places is None and any(h.bits is not None for h in s.hits):
            places = _BitPlaces(candidates)  # shared by every common word of the query
        weights, hit = s.weigh(candidates, places)
        score += weights
        count += hit
    return score, count


def _best(candidates: IntArray, score: FloatArray, limit: int) -> IntArray:
    """The ``limit`` candidates of the highest scores (to 9 decimals), the lower number first on a tie."""
    rank = score.round(9)
    np.negative(rank, out=rank)
    if 0 < limit < len(rank) // 4:  # sort only the best (with every tie at the cut: the same order)
        near = rank <= np.partition(rank, limit - 1)[limit - 1]
        candidates, rank = candidates[near], rank[near]
    chosen: IntArray = candidates[np.lexsort((candidates, rank))[:limit]]
    return chosen
