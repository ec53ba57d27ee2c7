"""The embedded engine: parallel scoring gives what one process gives; candidates find the truth."""

from __future__ import annotations

import csv
import gc
import io
import itertools
import multiprocessing
import os
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import generated_store
from tiescreen.engine import local
from tiescreen.engine.local import name_index
from tiescreen.index.plan import plan_query
from tiescreen.ingest import read_people
from tiescreen.match import scorer, tokens
from tiescreen.match.scorer import Scorer
from tiescreen.model import Query
from tiescreen.normalize import variants
from tiescreen.pipeline import screen, screen_queries, summarise
from tiescreen.report.jsonl import JsonLinesWriter, _line
from tiescreen.store import open_store
from tiescreen.store.registry import RegistryStore


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    d = tmp_path_factory.mktemp("gen")
    return generated_store(d, 400, 11, queries=160, bulk=True), d / "queries.csv", d / "truth.csv"


def _small_parts(monkeypatch: pytest.MonkeyPatch, chunk: int, block: int | None = None) -> None:
    """Screen even a few queries on the workers, in chunks (and blocks) this small."""
    monkeypatch.setattr(local, "MIN_PARALLEL", 0)
    monkeypatch.setattr(local, "CHUNK", chunk)
    if block is not None:
        monkeypatch.setattr(local, "TASK", block)
        monkeypatch.setattr(local, "WALK", block)


def test_candidates_hold_the_true_person(generated: tuple[Path, Path, Path]) -> None:
    db, queries, truth_path = generated
    truth = {r["id"]: r["truth"] for r in csv.DictReader(truth_path.open(encoding="utf-8"))}
    with open_store(db, read_only=True) as store:
        index = name_index(store)
        found = total = 0
        for q in read_people(queries):
            if not truth[q.id]:
                continue
            total += 1
            numbers = index.candidates(plan_query(q.name, q.birth_date), 20)
            ids = {e.id for e in store.people(numbers.tolist()).values()}
            found += bool(ids & set(truth[q.id].split(";")))
    assert total == 80
    assert found / total >= 0.95


def test_parallel_screening_matches_one_process(
    generated: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, queries, _ = generated
    people = read_people(queries)[:60]
    _small_parts(monkeypatch, chunk=7)
    with open_store(db, read_only=True) as store:
        one = [r.to_dict() for r in screen_queries(store, people, workers=1)]
        two = [r.to_dict() for r in screen_queries(store, people, workers=2)]
    assert one == two
    assert any(r["matches"] for r in one)


@pytest.mark.parametrize("workers", [1, 2])
def test_pairs_beyond_the_limit_are_dropped_before_people_are_read_with_the_same_results(
    generated: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """With a limit of one match, every query with namesakes has pairs its result cannot
    show: dropped by the ids read at once, before the block's rows are read and walked. The
    results are those of walking every pair (the result's order picks the same ones)."""
    db, queries, _ = generated
    namesakes = [Query(f"n{i}", name) for i, name in enumerate(["Андреищский Аркадий", "Абрамина А.", "Абрамалев А."])]
    people = [replace(q, region=None) for q in read_people(queries)] + namesakes
    _small_parts(monkeypatch, chunk=9)
    monkeypatch.setattr(local, "PREFETCH_MIN", 1)  # the small store's blocks read their rows at once too
    asked: list[int] = []
    person_ids = RegistryStore.person_ids

    def counted(self: RegistryStore, numbers: Iterable[int]) -> dict[int, str]:
        found = person_ids(self, numbers)
        asked.append(len(found))
        return found

    with open_store(db, read_only=True) as store:
        monkeypatch.setattr(RegistryStore, "person_ids", counted)
        early = [r.to_dict() for r in screen_queries(store, people, limit=1, workers=workers)]
        monkeypatch.setattr(local, "_shown", lambda _store, _queries, scored, _limit: scored)
        late = [r.to_dict() for r in screen_queries(store, people, limit=1, workers=workers)]
    assert early == late
    assert all(len(r["matches"]) <= 1 for r in early) and any(r["matches"] for r in early)
    assert all(r["matches"] for r in early[-3:])  # each of two namesakes alike: the id picks one
    if workers == 1:  # (the workers' calls are not seen here)
        assert sum(asked) >= 2


def test_workers_screen_a_store_this_process_has_open_for_writing(
    tmp_path: Path, generated: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `tiescreen screen --registry` ingests, then screens: the workers open the file read-only
    # while this process holds it for writing, so it is closed meanwhile and reopened after.
    _, queries, _ = generated
    registry = queries.parent / "registry.ftm.json"
    people = read_people(queries)[:40]
    _small_parts(monkeypatch, chunk=5)
    parallel = screen(people, [registry], db=tmp_path / "rw.duckdb", workers=2)
    alone = screen(people, db=tmp_path / "rw.duckdb", workers=1)
    assert [p.to_dict() for p in parallel] == [p.to_dict() for p in alone]
    assert parallel.run.sources == alone.run.sources  # the store was readable again afterwards
    with open_store(tmp_path / "rw.duckdb") as store:  # and nothing holds it now
        assert store.people_count() == 400


def test_progress_counts_every_query_once(generated: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    db, queries, _ = generated
    people = read_people(queries)[:30]
    _small_parts(monkeypatch, chunk=4)
    seen: list[tuple[int, int]] = []
    with open_store(db, read_only=True) as store:
        results = screen_queries(store, people, workers=2, progress=lambda done, total: seen.append((done, total)))
    assert [r.query.id for r in results] == [q.id for q in people]
    assert seen[-1] == (30, 30)
    assert all(total == 30 and 0 <= done <= 30 for done, total in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)  # a bar never goes backwards


def test_queries_set_aside_for_name_groups_are_scored_the_same(
    tmp_path: Path, generated: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A slow server (rigour's tagger being built): workers set queries aside and score them again.
    built: list[bool] = []

    def slow_rigour(word: str) -> frozenset[str]:
        with (tmp_path / "asked.txt").open("a", encoding="utf-8") as f:
            f.write(word + "\n")
        if not built:  # the tagger is built on the first question
            time.sleep(1.0)
            built.append(True)
        return frozenset({f"name:{word.lower()[:3]}"})

    db, queries, _ = generated
    people = read_people(queries)[:120]
    monkeypatch.setenv("TIESCREEN_NAME_VARIANTS", "1")
    monkeypatch.setattr(variants, "rigour_groups", slow_rigour)
    monkeypatch.setattr(tokens, "_table_decides", lambda *_: False)  # every given-name pair asks
    tokens._similarity.cache_clear()
    scorer._compared.cache_clear()  # (comparisons cached by earlier tests would ask nothing)
    _small_parts(monkeypatch, chunk=6)
    with open_store(db, read_only=True) as store:
        two = [r.to_dict() for r in screen_queries(store, people, workers=2)]
        variants.ask_elsewhere(None)  # forget the answers cached here (none: the workers asked)
        one = [r.to_dict() for r in screen_queries(store, people, workers=1)]
    assert len((tmp_path / "asked.txt").read_text(encoding="utf-8").split()) > 10  # the server was asked
    assert one == two
    assert any(r["matches"] for r in one)


def test_json_lines_rendered_in_the_workers_are_the_results_lines(
    generated: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, queries, _ = generated
    people = read_people(queries)[:90]
    _small_parts(monkeypatch, chunk=8, block=20)  # several blocks: lines in order, counts added up
    out = io.StringIO()
    writer = JsonLinesWriter(out)
    with open_store(db, read_only=True) as store:
        kept = screen_queries(store, people, workers=2, sink=writer)
        results = screen_queries(store, people, workers=1)
    assert kept == []  # a sink's results are not kept
    assert out.getvalue() == "".join(_line(r) + "\n" for r in results)
    assert writer.summary == summarise(results)
    assert writer.summary["tied"] and writer.summary["screened"] == 90


def test_the_warm_index_counts_a_words_people_as_the_store_does(generated: tuple[Path, Path, Path]) -> None:
    # finishing counts a surname's registry people from the index, as it once asked the store
    db, _, _ = generated
    with open_store(db, read_only=True) as store:
        index = name_index(store)
        words = list(index.postings)
        counts = store.name_counts([*words, "no-such-word"])
        assert len(words) > 100 and counts == {w: index.frequency(w) for w in words}
        assert index.frequency("no-such-word") == 0


def test_finishing_a_block_collects_its_garbage_once_and_freezes_what_it_keeps(
    generated: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # what a block makes is in no cycle: a collection on the way would walk it all for nothing;
    # one young collection at the end frees any cycle before the rest is frozen
    db, queries, _ = generated
    people = read_people(queries)[:80]
    with open_store(db, read_only=True) as store:
        job = local._Job(Scorer(0.7), people, name_index(store), 0.7, 20, path=str(db))
        scored = local._score_range(job, (0, len(people)))
    monkeypatch.setattr(local, "_JOB", job)
    monkeypatch.setattr(local, "_OPENED", local._open_walk(str(db)))
    collections: list[tuple[str, int]] = []
    callback = lambda phase, info: collections.append((phase, info["generation"]))  # noqa: E731
    threshold = gc.get_threshold()
    gc.set_threshold(100)  # with the collector on, a collection every 100 new objects
    gc.collect()  # from no new object
    gc.callbacks.append(callback)
    try:
        results = local._finished(people, scored)
    finally:
        gc.callbacks.remove(callback)
        gc.set_threshold(*threshold)
        local._OPENED[0].close()
        gc.unfreeze()
    assert collections == [("start", 0), ("stop", 0)] and gc.isenabled()
    assert sum(len(r.matches) for r in results) > 0


@pytest.mark.parametrize(("total", "workers"), [(1, 2), (249, 2), (400, 2), (10_000, 2), (12_000, 2), (100_000, 3)])
def test_the_rounds_cover_the_queries_once_and_their_chunks_are_claimed_once(
    total: int, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rounds = local._rounds(total, workers)
    assert rounds[0][0] == 0 and rounds[-1][1] == total
    assert all(a[1] == b[0] for a, b in itertools.pairwise(rounds))  # contiguous, in order
    assert all(end - start <= local.TASK * workers for start, end in rounds)
    assert len(rounds) == -(-total // (local.TASK * workers))  # few rounds: one store scan each per worker
    monkeypatch.setattr(local, "_ROUNDS", rounds)
    monkeypatch.setattr(local, "_CLAIMED", multiprocessing.get_context("fork").Array("q", [s for s, _ in rounds]))
    for round_no, (start, end) in enumerate(rounds):
        chunks = list(iter(lambda: local._claim(round_no), None))  # noqa: B023 - called at once
        assert chunks[0][0] == start and chunks[-1][1] == end
        assert all(a[1] == b[0] for a, b in itertools.pairwise(chunks))
        assert all(0 < last - first <= local.CHUNK for first, last in chunks)
        assert local._claim(round_no) is None  # all claimed: a worker that comes late gets nothing


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_chunks_grow_smaller_as_a_round_runs_out(workers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Guided claiming: whole chunks while the round is long, then a quarter of each worker's
    share of what is left, never fewer than LAST_CHUNK; so the last chunk a worker scores is small."""
    rounds = local._rounds(10_000, workers)
    monkeypatch.setattr(local, "_ROUNDS", rounds)
    monkeypatch.setattr(local, "_WORKERS", workers)
    monkeypatch.setattr(local, "_CLAIMED", multiprocessing.get_context("fork").Array("q", [s for s, _ in rounds]))
    sizes = [last - first for first, last in iter(lambda: local._claim(0), None)]
    assert sum(sizes) == rounds[0][1] - rounds[0][0]
    assert sizes[0] == local.CHUNK
    assert sizes == sorted(sizes, reverse=True)  # never a larger chunk after a smaller one
    assert all(size >= local.LAST_CHUNK for size in sizes[:-1])
    assert sizes[-1] <= local.LAST_CHUNK < local.CHUNK  # the round ends on a small chunk


def test_workers_that_claim_unevenly_still_give_every_result_in_order(
    generated: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One worker is slowed down on its first chunk: the other claims most of the round, and
    the chunks come back out of order; what is written is still the queries in order."""
    db, queries, _ = generated
    people = read_people(queries)[:90]
    _small_parts(monkeypatch, chunk=5, block=20)
    score_one = local._score_one
    slow = {"pid": 0}

    def slowed(job: local._Job, query: Query) -> local.Scored:
        if query is job.queries[0]:
            slow["pid"] = os.getpid()  # (in the worker: its own copy)
        if slow["pid"] == os.getpid():
            time.sleep(0.01)
        return score_one(job, query)

    monkeypatch.setattr(local, "_score_one", slowed)
    with open_store(db, read_only=True) as store:
        one = [r.to_dict() for r in screen_queries(store, people, workers=1)]
        # each chunk as the worker that finished it made it: its process and its results
        monkeypatch.setattr(local, "_rendered", lambda job, results: (os.getpid(), results))
        parts = list(local.screen_people(store, people, Scorer(), 0.7, workers=2))
    results = [r.to_dict() for _, part in parts for r in part]
    assert results == one
    assert [r["query"]["id"] for r in results] == [p.id for p in people]
    pids = [pid for pid, _ in parts]
    assert len(set(pids)) == 2  # both workers had chunks
    assert pids.count(slow["pid"]) < pids.count(next(p for p in pids if p != slow["pid"]))  # the quick one took more
