"""The embedded engine: candidates from the warm name index, scoring on every core.

Queries are screened in blocks by worker processes forked from this one: they inherit the
warm index (:class:`~tiescreen.index.memory.NameIndex`, loaded once per store), name each
query's candidates from it, score them against the people's scoring records it holds, and
send back only the pairs worth keeping. While they score on, this process reads each block's
kept people in one query and hands the block on (the pipeline walks their ties). Scoring is
deterministic, so the result does not depend on the number of workers.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from tiescreen.index.memory import NameIndex
from tiescreen.index.plan import plan_query
from tiescreen.match.scorer import PairScore, Scorer, warm_up
from tiescreen.model import Query, RegistryEntity
from tiescreen.store.registry import RegistryStore

__all__ = ["CANDIDATES", "Block", "default_workers", "name_index", "screen_blocks"]

CANDIDATES = 20
BLOCK = 5_000  # queries whose people are read and ties walked together
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


# The job a forked worker reads: set just before the pool starts, inherited by the workers.
_JOB: tuple[Scorer, Sequence[Query], NameIndex, float, int] | None = None


def _screen_range(bounds: tuple[int, int]) -> list[list[tuple[PairScore, int]]]:
    """Candidates and their scores for queries ``bounds``, from the warm index alone."""
    assert _JOB is not None
    scorer, queries, index, floor, limit = _JOB
    records = index.records
    assert records is not None
    out: list[list[tuple[PairScore, int]]] = []
    for i in range(*bounds):
        kept = []
        for no in index.candidates(plan_query(queries[i].name, queries[i].birth_date), limit).tolist():
            entity = records.entity(no)
            if entity is None:
                continue
            pair = scorer.score(queries[i], entity)
            if pair.score >= floor:
                kept.append((pair, no))
        out.append(kept)
    return out


def _scored(
    scorer: Scorer,
    queries: Sequence[Query],
    index: NameIndex,
    floor: float,
    limit: int,
    workers: int,
    min_parallel: int = MIN_PARALLEL,
) -> Iterator[list[list[tuple[PairScore, int]]]]:
    """Each chunk's kept pairs, in query order, as the workers finish them."""
    global _JOB
    bounds = [(s, min(s + CHUNK, len(queries))) for s in range(0, len(queries), CHUNK)]
    _JOB = (scorer, queries, index, floor, limit)
    try:
        if workers > 1 and len(queries) >= min_parallel and sys.platform == "linux":
            # Load the name data once here, not in every worker, and freeze what is loaded so
            # that the workers' garbage collector does not copy the shared pages.
            warm_up()
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                yield from pool.imap(_screen_range, bounds)
        else:
            for bound in bounds:
                yield _screen_range(bound)
    finally:
        _JOB = None


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
    """Score each query's candidates on ``workers`` processes (default: all cores), block by block.

    Fewer than ``min_parallel`` queries are scored in this process (forking costs more).
    The workers score ahead while the caller handles the blocks already yielded.

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

    floor = threshold - NEAR_MISS
    least = MIN_PARALLEL if min_parallel is None else min_parallel
    start = 0
    pending: list[list[tuple[PairScore, int]]] = []
    # The workers go on scoring while the caller handles a block (reads people, walks ties).
    for part in _scored(scorer, queries, index, floor, limit, workers, least):
        pending.extend(part)
        tick(len(part))
        if len(pending) >= BLOCK or start + len(pending) == total:
            people = store.people({no for pairs in pending for _, no in pairs})
            yield Block(start, [[(pair, people[no]) for pair, no in pairs if no in people] for pairs in pending])
            start += len(pending)
            pending = []
