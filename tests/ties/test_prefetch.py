"""The reference graph and the prefetched walk: the same ties as the walk read step by step."""

from __future__ import annotations

import gc
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import generated_store
from tiescreen.engine.ingest import ingest
from tiescreen.generate import write_registry
from tiescreen.index import cache
from tiescreen.index.memory import NameIndex
from tiescreen.model import TieKind
from tiescreen.store import open_store
from tiescreen.store.registry import RegistryStore
from tiescreen.ties.graph import RefGraph
from tiescreen.ties.prefetch import Prefetched
from tiescreen.ties.walk import HOLDS, TieWalker


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> RegistryStore:
    return open_store(generated_store(tmp_path_factory.mktemp("graph"), 300, 5, bulk=True), read_only=True)


def _graph(store: RegistryStore) -> RefGraph:
    graph = RefGraph.from_store(store)
    assert graph is not None
    return graph


def _numbers(store: RegistryStore) -> list[int]:
    return [int(r[0]) for r in store.db.query("test", "SELECT no FROM entities WHERE no IS NOT NULL ORDER BY no")]


def test_the_graph_holds_every_reference_between_entities(store: RegistryStore) -> None:
    graph = _graph(store)
    ids = dict(store.db.query("test", "SELECT rowid, id FROM entities"))
    expected = {
        (str(s), str(p), str(d))
        for s, p, d in store.db.query(
            "test",
            "SELECT src, prop, dst FROM refs WHERE src IN (SELECT id FROM entities) AND dst IN (SELECT id FROM entities)",
        )
    }
    into = {
        (ids[int(src)], graph.props[int(prop)], ids[row])
        for row in range(len(graph.into) - 1)
        for src, prop in zip(
            graph.into_src[graph.into[row] : graph.into[row + 1]],
            graph.into_prop[graph.into[row] : graph.into[row + 1]],
            strict=True,
        )
    }
    out = {
        (ids[row], graph.props[int(prop)], ids[int(dst)])
        for row in range(len(graph.out) - 1)
        for dst, prop in zip(
            graph.out_dst[graph.out[row] : graph.out[row + 1]],
            graph.out_prop[graph.out[row] : graph.out[row + 1]],
            strict=True,
        )
    }
    assert expected and into == expected and out == expected
    people = {n: ids[int(graph.people[n])] for n in _numbers(store)}
    assert {e.id for e in store.people(people).values()} == set(people.values())


def test_prefetched_walk_gives_the_stores_ties(store: RegistryStore) -> None:
    numbers = _numbers(store)
    read = Prefetched(store, _graph(store), numbers)
    people = store.people(numbers)
    fetched = read.people(numbers)
    assert fetched == people
    assert all(fetched[n].properties == people[n].properties for n in numbers)
    known = {e.id: e for e in people.values()}
    direct = TieWalker(store).ties(known, known=known)
    assert TieWalker(read).ties(known, known=known) == direct
    assert {t.kind for ties in direct.values() for t in ties} >= {TieKind.OFFICE, TieKind.RELATIVE}


def test_the_walk_reads_nothing_the_prefetch_lacks(store: RegistryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    numbers = _numbers(store)
    read = Prefetched(store, _graph(store), numbers)
    known = {e.id: e for e in read.people(numbers).values()}
    reads: list[str] = []
    query = store.db.query
    monkeypatch.setattr(store.db, "query", lambda step, *a: reads.append(step) or query(step, *a))
    TieWalker(read).ties(known, known=known)
    assert reads == []


def test_what_the_prefetch_lacks_is_read_from_the_store(store: RegistryStore) -> None:
    numbers = _numbers(store)
    read = Prefetched(store, _graph(store), numbers[:3])  # the others' rows are not read at first
    people = store.people(numbers)
    assert read.people(numbers) == people
    ids = [e.id for e in people.values()]
    assert read.referring(ids) == store.referring(ids)
    assert (
        read.referring(ids, HOLDS) == store.referring(ids, HOLDS) == [r for r in store.referring(ids) if r[1] in HOLDS]
    )
    assert read.entities([*ids, "no-such-id"]) == store.entities(ids)


def test_the_warm_cache_maps_the_graph(store: RegistryStore) -> None:
    NameIndex.from_store(store)  # writes the cache
    mapped = cache.load_graph(store)
    built = _graph(store)
    assert mapped is not None and mapped.props == built.props
    assert np.array_equal(mapped.people, built.people)
    assert _edges(mapped.into, mapped.into_src, mapped.into_prop) == _edges(built.into, built.into_src, built.into_prop)
    assert _edges(mapped.out, mapped.out_dst, mapped.out_prop) == _edges(built.out, built.out_dst, built.out_prop)


def _edges(offsets: np.ndarray, ends: np.ndarray, props: np.ndarray) -> set[tuple[int, int, int]]:
    """Each row's references (in no order: a build may order a row's references differently)."""
    rows = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
    return set(zip(rows.tolist(), ends.tolist(), props.tolist(), strict=True))


def test_no_graph_when_rows_are_not_numbered_densely(tmp_path: Path) -> None:
    write_registry(tmp_path / "registry.ftm.json", 40, seed=2)
    with open_store(tmp_path / "s.duckdb") as opened:
        ingest(opened, tmp_path / "registry.ftm.json", bulk_from=0)
        opened.db.query("test", "DELETE FROM entities WHERE rowid = 3")
        assert RefGraph.from_store(opened) is None


def test_the_block_is_read_with_the_collector_paused(store: RegistryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    at_rows = store.at_rows

    def watched(rows: object) -> object:
        seen.append(gc.isenabled())
        return at_rows(rows)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "at_rows", watched)
    read = Prefetched(store, _graph(store), _numbers(store)[:20])
    assert seen == [False]
    assert gc.isenabled()
    assert len(read.people(_numbers(store)[:20])) == 20
