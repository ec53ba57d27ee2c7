"""The embedded engine: parallel scoring gives what one process gives; candidates find the truth."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tiescreen.engine import local
from tiescreen.engine.ingest import ingest
from tiescreen.engine.local import name_index
from tiescreen.generate import write_queries, write_registry
from tiescreen.index.plan import plan_query
from tiescreen.ingest import read_people
from tiescreen.pipeline import screen_queries
from tiescreen.store import open_store


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    d = tmp_path_factory.mktemp("gen")
    write_registry(d / "registry.ftm.json", 400, seed=11)
    write_queries(d / "queries.csv", d / "truth.csv", 400, 160, seed=11)
    with open_store(d / "s.duckdb") as store:
        ingest(store, d / "registry.ftm.json", bulk_from=0)
    return d / "s.duckdb", d / "queries.csv", d / "truth.csv"


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
    monkeypatch.setattr(local, "MIN_PARALLEL", 0)
    monkeypatch.setattr(local, "CHUNK", 7)
    with open_store(db, read_only=True) as store:
        one = [r.to_dict() for r in screen_queries(store, people, workers=1)]
        two = [r.to_dict() for r in screen_queries(store, people, workers=2)]
    assert one == two
    assert any(r["matches"] for r in one)
