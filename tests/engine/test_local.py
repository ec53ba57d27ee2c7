"""The embedded engine: parallel scoring gives what one process gives; candidates find the truth."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest

from tests.conftest import generated_store
from tiescreen.engine import local
from tiescreen.engine.local import name_index
from tiescreen.index.plan import plan_query
from tiescreen.ingest import read_people
from tiescreen.match import tokens
from tiescreen.normalize import variants
from tiescreen.pipeline import screen, screen_queries, summarise
from tiescreen.report.jsonl import JsonLinesWriter, _line
from tiescreen.store import open_store


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    d = tmp_path_factory.mktemp("gen")
    return generated_store(d, 400, 11, queries=160, bulk=True), d / "queries.csv", d / "truth.csv"


def _small_parts(monkeypatch: pytest.MonkeyPatch, chunk: int, walk: int | None = None) -> None:
    """Screen even a few queries on the workers, in chunks (and walk blocks) this small."""
    monkeypatch.setattr(local, "MIN_PARALLEL", 0)
    monkeypatch.setattr(local, "CHUNK", chunk)
    if walk is not None:
        monkeypatch.setattr(local, "WALK", walk)


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
    _small_parts(monkeypatch, chunk=8, walk=20)  # several blocks: lines in order, counts added up
    out = io.StringIO()
    writer = JsonLinesWriter(out)
    with open_store(db, read_only=True) as store:
        kept = screen_queries(store, people, workers=2, sink=writer)
        results = screen_queries(store, people, workers=1)
    assert kept == []  # a sink's results are not kept
    assert out.getvalue() == "".join(_line(r) + "\n" for r in results)
    assert writer.summary == summarise(results)
    assert writer.summary["tied"] and writer.summary["screened"] == 90
