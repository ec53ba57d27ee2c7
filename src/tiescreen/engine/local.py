"""The embedded engine: candidates from the warm name index, scoring on every core.

Queries are screened in blocks. For each block the warm index
(:class:`~tiescreen.index.memory.NameIndex`, loaded once per store) names the candidates, the
store reads them in one query, and the pairs are scored by worker processes forked from this
one (they inherit the index, the candidates and the scorer's caches, and send back only the
pairs worth keeping). Scoring is deterministic, so the result does not depend on the number
of workers.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from tiescreen.index.memory import NameIndex
from tiescreen.index.plan import plan_query
from tiescreen.match.scorer import PairScore, Scorer
from tiescreen.model import Query, RegistryEntity
from tiescreen.store.registry import RegistryStore

__all__ = ["CANDIDATES", "Block", "default_workers", "name_index", "screen_blocks"]

CANDIDATES = 20
BLOCK = 20_000
CHUNK = 250
MIN_PARALLEL = 400
NEAR_MISS = 0.15  # kept below the threshold: a region found among the ties may lift them
Progress = Callable[[int, int], None]
Pairs = list[tuple[PairScore, RegistryEntity]]


@dataclass(frozen=True, slots=True)
class Block:
    """Scored candidates of a block of queries: ``scored[i]`` for query ``start + i``."""

    start: int
    scored: list[Pairs]


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def name_index(store: RegistryStore) -> NameIndex:
    """The store's warm name index, loaded on first use and kept until the store changes."""
    cached = getattr(store, "_warm_index", None)
    stamp = tuple((s.name, s.content_hash, s.loaded_at) for s in store.sources())
    if cached is not None and cached[0] == stamp:
        return cached[1]  # type: ignore[no-any-return]
    index = NameIndex.from_store(store)
    store._warm_index = (stamp, index)  # type: ignore[attr-defined]
    return index


def _candidates(index: NameIndex, queries: Sequence[Query], limit: int) -> list[list[int]]:
    return [[int(n) for n in index.candidates(plan_query(q.name, q.birth_date), limit)] for q in queries]


# The job a forked worker reads: set just before the pool starts, inherited by the workers.
_JOB: tuple[Scorer, Sequence[Query], list[list[int]], dict[int, RegistryEntity], float] | None = None


def _score_range(bounds: tuple[int, int]) -> list[list[tuple[PairScore, int]]]:
    assert _JOB is not None
    scorer, queries, candidates, people, floor = _JOB
    out: list[list[tuple[PairScore, int]]] = []
    for i in range(*bounds):
        kept = []
        for no in candidates[i]:
            entity = people.get(no)
            if entity is None:
                continue
            pair = scorer.score(queries[i], entity)
            if pair.score >= floor:
                kept.append((pair, no))
        out.append(kept)
    return out


def _score_block(
    scorer: Scorer,
    queries: Sequence[Query],
    candidates: list[list[int]],
    people: dict[int, RegistryEntity],
    floor: float,
    workers: int,
    tick: Callable[[int], None],
    min_parallel: int = MIN_PARALLEL,
) -> list[Pairs]:
    global _JOB
    bounds = [(s, min(s + CHUNK, len(queries))) for s in range(0, len(queries), CHUNK)]
    _JOB = (scorer, queries, candidates, people, floor)
    results: list[list[tuple[PairScore, int]]] = []
    try:
        if workers > 1 and len(queries) >= min_parallel and sys.platform == "linux":
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for (lo, hi), part in zip(bounds, pool.imap(_score_range, bounds), strict=True):
                    results.extend(part)
                    tick(hi - lo)
        else:
            for lo, hi in bounds:
                results.extend(_score_range((lo, hi)))
                tick(hi - lo)
    finally:
        _JOB = None
    return [[(pair, people[no]) for pair, no in kept] for kept in results]


def screen_blocks(
    store: RegistryStore,
    queries: Sequence[Query],
    scorer: Scorer,
    threshold: float,
    *,
    workers: int | None = None,
    limit: int = CANDIDATES,
    progress: Progress | None = None,
    min_parallel: int | None = None,
) -> Iterator[Block]:
    """Score each query's candidates, block by block, on ``workers`` processes (default: all cores).

    Fewer than ``min_parallel`` queries are scored in this process (forking costs more).

    Yields:
        One :class:`Block` per block of queries, in order, with the pairs scoring at least
        ``threshold - NEAR_MISS``.
    """
    index = name_index(store)
    workers = workers or default_workers()
    done = 0
    total = len(queries)

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)

    for start in range(0, total, BLOCK):
        block = queries[start : start + BLOCK]
        candidates = _candidates(index, block, limit)
        people = store.people({n for c in candidates for n in c})
        floor = threshold - NEAR_MISS
        least = MIN_PARALLEL if min_parallel is None else min_parallel
        scored = _score_block(scorer, block, candidates, people, floor, workers, tick, least)
        yield Block(start, scored)
