"""The embedded engine: candidates from the warm name index, everything else on every core.

Worker processes forked from this one inherit the warm index
(:class:`~tiescreen.index.memory.NameIndex`, loaded once per store). The queries are screened
a round at a time (up to :data:`TASK` queries per worker): in a round every worker claims
chunks of queries (:data:`CHUNK`) one after the other until none is left, scoring each
query's candidates from the index against the people's scoring records it holds; then it
finishes what it claimed (:func:`~tiescreen.engine.finish.finish_queries`): it reads the kept
people from the store, which it opens read-only itself, in one scan, walks their ties and
renders the results chunk by chunk. Queries cost unevenly (a common surname costs ten rare
ones), so claiming as they go, the workers end a round together, however the costly queries
fall. Only the rendered results come back: this process hands out the rounds, answers the
workers' look-ups of rigour's name groups (:mod:`tiescreen.engine.groups`) and writes the
results in order (so nothing but them is passed between processes). A round is large, since a
scan costs about as much for a thousand people as for ten thousand. Scoring is deterministic,
so the result does not depend on the number of workers or which chunks each claimed.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.pool
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from multiprocessing.pool import AsyncResult
from multiprocessing.sharedctypes import Synchronized
from typing import Any

from tiescreen.engine.finish import Pairs, finish_queries, shown
from tiescreen.engine.groups import GroupService, GroupsPending, deferring
from tiescreen.gcpause import paused_gc
from tiescreen.index import cache
from tiescreen.index.memory import NameIndex
from tiescreen.index.plan import plan_query
from tiescreen.index.records import birth_dates, parse_record
from tiescreen.match.scorer import PairScore, Scorer, warm_up
from tiescreen.model import PersonResult, Query
from tiescreen.store.registry import RegistryStore, open_store
from tiescreen.ties.graph import RefGraph
from tiescreen.ties.prefetch import Prefetched
from tiescreen.ties.walk import TieWalker

__all__ = ["CANDIDATES", "Block", "candidates_for", "default_workers", "name_index", "screen_blocks", "screen_people"]

CANDIDATES = 20  # candidates scored for a result of the default ten matches (candidates_for)
MATCHES = 10  # matches kept per person
BLOCK = 5_000  # queries whose people are read together (screen_blocks)
CHUNK = 250  # queries a worker claims at a time, scored between two settlings of the garbage collector
LAST_CHUNK = 25  # the fewest it claims as a round runs out (so that the workers end their scoring together)
TASK = 5_000  # queries per worker in a round (a worker finishes what it claimed of a round in one store scan)
IN_FLIGHT = 2  # rounds handed out ahead (a worker never waits for its next one)
TICK = 0.25  # seconds between updates of the progress bar
WALK = 5_000  # the most queries finished at once without workers
MIN_PARALLEL = 400
WORKER_CACHE = "600MB"  # DuckDB's cache in each worker (its default is most of the machine)
PREFETCH_MIN = 64  # people in a block from which reading its rows at once beats reading step by step
GRAPH_CACHE = "200MB"  # ... when the reference graph makes a block's walk one scan (nothing to reuse)
NEAR_MISS = 0.15  # kept below the threshold: a region found among the ties may lift them
Progress = Callable[[int, int], None]
Render = Callable[[list[PersonResult]], Any]
Scored = list[tuple[PairScore, int]]  # one query's scored pairs and the people's numbers
Numbered = list[Scored]
Deferred = list[Scored | None]  # None: set aside until rigour's groups are ready


@dataclass(frozen=True, slots=True)
class Block:
    """Scored candidates of a block of queries: ``scored[i]`` for query ``start + i``."""

    start: int
    scored: list[Pairs]


@dataclass(frozen=True, slots=True)
class _Job:
    """What a worker needs, inherited through the fork."""

    scorer: Scorer
    queries: Sequence[Query]
    index: NameIndex
    threshold: float
    candidates: int
    matches: int = MATCHES
    path: str | None = None  # the store the workers open (screen_people)
    near_misses: bool = False  # keep every near miss (screen_blocks), not only a region's
    render: Render | None = None  # what the workers make of finished results (screen_people)

    def floor(self, query: Query) -> float:
        """The lowest score kept for ``query``: a near miss only when a region among the ties
        may lift it (finishing drops the others unread)."""
        return self.threshold - NEAR_MISS if self.near_misses or query.region else self.threshold


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def candidates_for(limit: int) -> int:
    """How many candidates a query scores when its result may show ``limit`` matches: twice as
    many, and never fewer than :data:`CANDIDATES` (a flood of namesakes has more than twenty)."""
    return max(CANDIDATES, 2 * limit)


def name_index(store: RegistryStore) -> NameIndex:
    """The store's warm name index, loaded on first use and kept until the store changes."""
    cached = getattr(store, "_warm_index", None)
    stamp = tuple((s.name, s.content_hash, s.loaded_at) for s in store.sources())
    if cached is not None and cached[0] == stamp:
        return cached[1]  # type: ignore[no-any-return]
    index = NameIndex.from_store(store)
    store._warm_index = (stamp, index)  # type: ignore[attr-defined]
    return index


def ref_graph(store: RegistryStore, index: NameIndex) -> RefGraph | None:
    """The store's reference graph from the warm cache written with ``index`` (None without
    one), mapped once per index (so without asking the store again whether it changed)."""
    cached = getattr(store, "_warm_graph", None)
    if cached is None or cached[0] is not index:
        cached = (index, cache.load_graph(store))
        store._warm_graph = cached  # type: ignore[attr-defined]
    return cached[1]


# The job forked workers read: set just before the pool starts, inherited by the workers.
_JOB: _Job | None = None
# How many queries the workers have scored, shared with them while a pool runs (the progress
# bar's count; a worker adds each chunk it has scored).
_SCORED: Synchronized[int] | None = None
# The rounds of a pool's queries (first, end) and, shared with the workers, the first query
# of each round that no worker has claimed yet; and how many workers claim them.
_ROUNDS: list[tuple[int, int]] = []
_WORKERS = 1
_CLAIMED: Any = None  # a shared array of int64, one per round, under its lock
# Each worker's own connection to the store, tie walker and reference graph, opened on its first walk.
_OPENED: tuple[RegistryStore, TieWalker, RefGraph | None] | None = None


def _score_range(job: _Job, bounds: tuple[int, int]) -> Numbered:
    """Candidates and their scores for queries ``bounds``, from the warm index alone."""
    return [_score_one(job, query) for query in job.queries[bounds[0] : bounds[1]]]


def _score_one(job: _Job, query: Query) -> Scored:
    records = job.index.records
    assert records is not None
    kept = []
    floor = job.floor(query)
    numbers = job.index.candidates(plan_query(query.name, query.birth_date), job.candidates)
    for no, text in zip(numbers.tolist(), records.texts(numbers), strict=True):
        if text is None or job.scorer.out_of_reach(query, birth_dates(text), floor):
            continue  # no record, or a birth date that keeps the pair below the floor: no entity built
        pair = job.scorer.score(query, parse_record(no, text), floor=floor)
        if pair.score >= floor:
            kept.append((pair, no))
    return kept


def _with_people(store: RegistryStore | Prefetched, scored: Numbered) -> list[Pairs]:
    """The scored pairs with the full person entities (one read for all of them)."""
    people = store.people({no for pairs in scored for _, no in pairs})
    return [[(pair, people[no]) for pair, no in pairs if no in people] for pairs in scored]


def _finish(
    job: _Job,
    queries: Sequence[Query],
    scored: Numbered,
    store: RegistryStore,
    walker: TieWalker,
    graph: RefGraph | None,
) -> list[PersonResult]:
    """Results for ``queries``, whose candidates ``scored`` holds: people read, ties walked.

    With the store's reference graph and many people, the people and every row their walk
    needs are read at once (one scan, not one per step of the walk); a few people are read
    through the store's id index, step by step, which is quicker for them.
    """
    numbers = {no for scored_pairs in scored for _, no in scored_pairs}
    if graph is None or len(numbers) < PREFETCH_MIN:
        pairs = _with_people(store, scored)
    else:
        scored = _shown(store, queries, scored, job.matches)
        read = Prefetched(store, graph, {no for scored_pairs in scored for _, no in scored_pairs})
        pairs, walker = _with_people(read, scored), TieWalker(read)
    return finish_queries(store, walker, job.scorer, queries, pairs, job.threshold, job.matches, job.index.frequency)


def _shown(store: RegistryStore, queries: Sequence[Query], scored: Numbered, limit: int) -> Numbered:
    """Each query's pairs that its result can show (:func:`~tiescreen.engine.finish.shown`),
    before the people are read: the ids that order a query's pairs beyond ``limit`` come from
    the store, for all such queries at once (a few columns of their rows: cheap). Pairs of
    numbers of no person are dropped, as reading the people drops them."""
    over = [i for i, (q, pairs) in enumerate(zip(queries, scored, strict=True)) if len(pairs) > limit and not q.region]
    if not over:
        return scored
    ids = store.person_ids({no for i in over for _, no in scored[i]})
    out = list(scored)
    for i in over:
        out[i] = shown(queries[i], [(pair, no) for pair, no in scored[i] if no in ids], limit, ids.__getitem__)
    return out


def _score_claimed(job: _Job, round_no: int) -> tuple[list[tuple[int, int]], list[Query], Numbered]:
    """In a worker: claim chunks of a round's queries and score them until none is left.

    A query that needs a word's name groups while rigour's tagger is still being built is set
    aside, and the worker goes on with the rest; then it scores the queries set aside again,
    waiting for their groups (by then the server has mostly built the tagger).

    Returns:
        The chunks claimed (first, end), in the order claimed, and their queries and scored pairs, end to end.
    """
    claimed: list[tuple[int, int]] = []
    scored: Deferred = []
    while (bounds := _claim(round_no)) is not None:
        claimed.append(bounds)
        with deferring():
            for query in job.queries[bounds[0] : bounds[1]]:
                try:
                    scored.append(_score_one(job, query))
                except GroupsPending:
                    scored.append(None)
        _settle()
        _count(bounds[1] - bounds[0])
    queries = [q for first, end in claimed for q in job.queries[first:end]]
    rescored = [_score_one(job, q) if pairs is None else pairs for q, pairs in zip(queries, scored, strict=True)]
    return claimed, queries, rescored


def _claim(round_no: int) -> tuple[int, int] | None:
    """The next chunk of the round that no worker has claimed (None: the round is all claimed).

    A chunk is :data:`CHUNK` queries until the round runs short; then a quarter of what each
    worker has left, down to :data:`LAST_CHUNK` (guided self-scheduling): a last chunk of 250
    queries is a third of a second of one worker's scoring that the other would wait for.
    """
    assert _CLAIMED is not None
    end = _ROUNDS[round_no][1]
    with _CLAIMED.get_lock():
        first = int(_CLAIMED[round_no])
        if first >= end:
            return None
        size = min(CHUNK, max(LAST_CHUNK, (end - first) // (4 * _WORKERS)))
        _CLAIMED[round_no] = last = min(first + size, end)
    return first, last


def _count(scored: int) -> None:
    """Add to the queries scored (in a worker of a pool that counts them)."""
    if _SCORED is not None:
        with _SCORED.get_lock():
            _SCORED.value += scored


def _scored() -> int:
    """The queries the pool's workers have scored so far."""
    return 0 if _SCORED is None else int(_SCORED.value)


def _score_waiting(bounds: tuple[int, int]) -> Numbered:
    """In a worker: score a chunk of queries, waiting for name groups when they need them."""
    assert _JOB is not None
    return _score_range(_JOB, bounds)


def _settle() -> None:
    """After a task: free its garbage in cycles, if any, and exempt what survived it from
    garbage collection.

    What survives is mostly the name caches, kept for the whole batch; left in the
    collector's care, every full collection walks them again (about 9% of a worker's time
    on a large batch). Objects frozen are still freed when no longer referenced. The young
    collection first costs one pass over what the task made with the collector off (a walk).
    """
    gc.collect(0)
    gc.freeze()


def _rendered(job: _Job, results: list[PersonResult]) -> Any:
    return results if job.render is None else job.render(results)


def _round_task(round_no: int) -> list[tuple[int, int, Any]]:
    """In a worker: score what it claims of a round, finish it and render it chunk by chunk.

    Returns:
        Per chunk claimed: its first query, its size and its rendered results.
    """
    assert _JOB is not None
    claimed, queries, scored = _score_claimed(_JOB, round_no)
    if not claimed:
        return []  # the other workers claimed the whole round
    results = _finished(queries, scored)
    parts, at = [], 0
    for first, end in claimed:
        parts.append((first, end - first, _rendered(_JOB, results[at : at + end - first])))
        at += end - first
    return parts


def _finished(queries: Sequence[Query], scored: Numbered) -> list[PersonResult]:
    """In a worker, through its own store connection: finish scored queries."""
    global _OPENED
    assert _JOB is not None and _JOB.path is not None
    if _OPENED is None:
        _OPENED = _open_walk(_JOB.path)
    # No collection from the first row read to the freeze: what a round makes is in no cycle,
    # and each collection on the way (a dozen a round) walked it all again for nothing.
    with paused_gc():
        try:
            return _finish(_JOB, queries, scored, *_OPENED)
        finally:
            _settle()


def _open_walk(path: str) -> tuple[RegistryStore, TieWalker, RefGraph | None]:
    """A worker's own read-only store and its walker, with the store's reference graph when
    the warm cache holds one (then DuckDB's cache is kept small: it serves one scan a block)."""
    store = open_store(path, read_only=True, memory=GRAPH_CACHE)
    graph = cache.load_graph(store)
    if graph is None:  # each step of the walk scans the store: the later scans reuse the cache
        store.close()
        store = open_store(path, read_only=True, memory=WORKER_CACHE)
    return store, TieWalker(store), graph


def _bounds(total: int, size: int, start: int = 0) -> list[tuple[int, int]]:
    return [(s, min(s + size, total)) for s in range(start, total, size)]


def _rounds(total: int, workers: int) -> list[tuple[int, int]]:
    """The rounds of ``total`` queries: :data:`TASK` queries per worker each (the last one what is left)."""
    return _bounds(total, TASK * workers)


def _parallel(workers: int, total: int, min_parallel: int | None) -> bool:
    least = MIN_PARALLEL if min_parallel is None else min_parallel
    return workers > 1 and total >= least and sys.platform == "linux"


@contextlib.contextmanager
def _forked(job: _Job, workers: int) -> Iterator[multiprocessing.pool.Pool]:
    """A pool of ``workers`` processes forked with ``job`` to read, asking this process for
    rigour's name groups (:mod:`tiescreen.engine.groups`)."""
    global _JOB, _SCORED, _ROUNDS, _CLAIMED, _WORKERS
    # Load the name data once here, not in every worker, and freeze what is loaded so that
    # the workers' garbage collector does not copy the shared pages.
    warm_up()
    context = multiprocessing.get_context("fork")
    _JOB = job
    _SCORED = context.Value("q", 0)
    _ROUNDS = _rounds(len(job.queries), workers)
    _WORKERS = workers
    _CLAIMED = context.Array("q", [first for first, _ in _ROUNDS] or [0])
    try:
        with GroupService(context, workers) as groups, context.Pool(workers, initializer=groups.attach) as pool:
            yield pool
    finally:
        _JOB = _SCORED = _CLAIMED = None
        _ROUNDS, _WORKERS = [], 1


def _in_parallel(
    pool: multiprocessing.pool.Pool, total: int, workers: int, tick: Callable[[int], None]
) -> Iterator[tuple[int, Any]]:
    """Each worker claims, scores, finishes and renders chunks of a round at a time; the
    results in order, and meanwhile ``tick`` with the queries scored.

    Every worker is handed each round (one that finds it all claimed gives nothing back);
    the chunks come back in the order they were claimed and are passed on in query order.
    """
    tasks = iter([round_no for round_no in range(len(_ROUNDS)) for _ in range(workers)])
    running: deque[AsyncResult[list[tuple[int, int, Any]]]] = deque()
    waiting: dict[int, tuple[int, Any]] = {}  # first query -> (size, rendered) of chunks not yet passed on
    next_first = 0
    while True:
        while len(running) < IN_FLIGHT * workers and (round_no := next(tasks, None)) is not None:
            running.append(pool.apply_async(_round_task, (round_no,)))
        if not running:
            break
        result = running.popleft()
        while not result.ready():
            result.wait(TICK)
            tick(min(_scored(), total - 1))  # done only when the last is finished
        for first, size, part in result.get():
            waiting[first] = (size, part)
        while next_first in waiting:
            size, part = waiting.pop(next_first)
            next_first += size
            yield size, part
    if waiting or next_first != total:  # pragma: no cover - every chunk is claimed once
        raise RuntimeError(f"chunks of queries from {next_first} of {total} were not screened")


def screen_people(
    store: RegistryStore,
    queries: Sequence[Query],
    scorer: Scorer,
    threshold: float,
    *,
    limit: int = MATCHES,
    candidates: int = CANDIDATES,
    workers: int | None = None,
    progress: Progress | None = None,
    min_parallel: int | None = None,
    render: Render | None = None,
) -> Iterator[Any]:
    """Screen queries on ``workers`` processes (default: all cores), in order, block by block.

    Fewer than ``min_parallel`` queries are screened in this process (forking costs more).
    While the workers run, ``store`` is closed (they open the file themselves): the caller
    must not use it until the iterator is exhausted or closed.

    Yields:
        Per block, one :class:`PersonResult` per query, with at most ``limit`` matches; or,
        given ``render``, what it makes of them, made in the worker that finished the block
        (JSON lines, for one: side by side, and cheaper to pass on than the results).
    """
    job = _Job(scorer, queries, name_index(store), threshold, candidates, limit, render=render)
    workers = workers or default_workers()
    shown = 0

    def tick(done: int) -> None:  # never backwards
        nonlocal shown
        shown = max(shown, done)
        if progress is not None:
            progress(shown, len(queries))

    done = 0
    with contextlib.ExitStack() as stack:
        path = None
        if _parallel(workers, len(queries), min_parallel):
            path = stack.enter_context(store.detached())
        if path is None:
            opened = (store, TieWalker(store), ref_graph(store, job.index))
            parts: Iterator[tuple[int, Any]] = (
                (
                    end - start,
                    _rendered(job, _finish(job, queries[start:end], _score_range(job, (start, end)), *opened)),
                )
                for start, end in _bounds(len(queries), WALK)
            )
        else:
            pool = stack.enter_context(_forked(replace(job, path=path), workers))
            parts = _in_parallel(pool, len(queries), workers, tick)
        for size, part in parts:
            done += size
            tick(done)
            yield part


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
    """The scored candidates alone (no ties), block by block: what the Spark engine gives too.

    Yields:
        One :class:`Block` per block of queries, in order, with the pairs scoring at least
        ``threshold - NEAR_MISS``.
    """
    job = _Job(scorer, queries, name_index(store), threshold, limit, near_misses=True)
    workers = workers or default_workers()
    bounds = _bounds(len(queries), CHUNK)
    if _parallel(workers, len(queries), min_parallel):
        with _forked(job, workers) as pool:
            parts = pool.map(_score_waiting, bounds)
    else:
        parts = [_score_range(job, b) for b in bounds]
    scored = [pairs for part in parts for pairs in part]
    for start in range(0, len(scored), BLOCK):
        yield Block(start, _with_people(store, scored[start : start + BLOCK]))
        if progress is not None:
            progress(min(start + BLOCK, len(scored)), len(scored))
