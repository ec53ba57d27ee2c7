"""The warm cache's copy of the entity rows: the store's entities, read without the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import generated_store
from tiescreen.engine.ingest import ingest
from tiescreen.generate import write_registry
from tiescreen.index import cache
from tiescreen.index.memory import NameIndex
from tiescreen.model import RegistryEntity
from tiescreen.store import open_store
from tiescreen.store.registry import RegistryStore
from tiescreen.store.rowcache import RowTexts, write_rows
from tiescreen.ties.graph import RefGraph
from tiescreen.ties.prefetch import Prefetched

# Names from hostile places: the separators the cache and JSON use, quotes, a backslash,
# line breaks, a character beyond the BMP, right-to-left text, a formula.
HOSTILE = 'Ши\x1fгина\x1e "Оле\\ся"\n\t🙂 مريم =cmd|" /c calc"!A0'


def _fields(found: list[tuple[RegistryEntity, int | None, int]]) -> list[tuple[object, ...]]:
    """What a read gives, every field (an entity's equality leaves its properties out)."""
    return [(e.id, e.schema, e.caption, dict(e.properties), e.provenance, no, row) for e, no, row in found]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> RegistryStore:
    return open_store(generated_store(tmp_path_factory.mktemp("rows"), 150, 7, bulk=True), read_only=True)


def _rows(store: RegistryStore) -> int:
    return int(store.db.query("test", "SELECT count(*) FROM entities")[0][0])


def test_the_cached_rows_are_the_stores_entities(store: RegistryStore, tmp_path: Path) -> None:
    rows = _rows(store)
    assert write_rows(store, tmp_path, rows)
    texts = RowTexts.load(tmp_path, rows)
    assert texts is not None and len(texts) == rows
    every = list(range(rows))
    assert _fields(texts.at_rows(every)) == _fields(store.at_rows(every))
    some = [rows - 1, 5, 0, 5, 17]  # any order, repeated: each once, by row
    assert _fields(texts.at_rows(some)) == _fields(store.at_rows(some))
    assert texts.at_rows([]) == []
    assert {no for _, no, _ in texts.at_rows(every)} - {None}  # people keep their numbers


def test_hostile_names_and_missing_values_survive_the_cache(tmp_path: Path) -> None:
    entities = [
        {"id": "p-1", "schema": "Person", "properties": {"name": [HOSTILE], "birthDate": ["1970"]}},
        {
            "id": 'p-"2"',
            "schema": "Person",
            "properties": {"name": ["Иванов Иван"], "sourceUrl": ["https://x/?a=\x1f"]},
        },
        {"id": "pos-1", "schema": "Position", "properties": {"name": [HOSTILE]}},
        {"id": "occ-1", "schema": "Occupancy", "properties": {"holder": ["p-1"], "post": ["pos-1"]}},
    ]
    registry = tmp_path / "hostile.ftm.json"
    registry.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities), encoding="utf-8")
    with open_store(tmp_path / "s.duckdb") as opened:
        ingest(opened, registry, bulk_from=0)
        rows = _rows(opened)
        assert write_rows(opened, tmp_path, rows)
        texts = RowTexts.load(tmp_path, rows)
        assert texts is not None
        every = list(range(rows))
        assert _fields(texts.at_rows(every)) == _fields(opened.at_rows(every))
        assert HOSTILE in {e.caption for e, _, _ in texts.at_rows(every)}


def test_no_rows_are_cached_when_a_sources_rows_differ_in_provenance(tmp_path: Path) -> None:
    write_registry(tmp_path / "registry.ftm.json", 30, seed=4)
    with open_store(tmp_path / "s.duckdb") as opened:
        ingest(opened, tmp_path / "registry.ftm.json", bulk_from=0)
        opened.db.query("test", "UPDATE entities SET content_hash = 'sha256:other' WHERE rowid = 2")
        rows = _rows(opened)
        assert not write_rows(opened, tmp_path, rows)
        assert not (tmp_path / "rows.bin").exists() and RowTexts.load(tmp_path, rows) is None


def test_rows_that_do_not_fit_the_graph_are_not_used(store: RegistryStore, tmp_path: Path) -> None:
    rows = _rows(store)
    assert write_rows(store, tmp_path, rows)
    assert RowTexts.load(tmp_path, rows + 1) is None  # another graph's rows
    data = (tmp_path / "rows.bin").read_bytes()
    (tmp_path / "rows.bin").write_bytes(data[:-10])  # cut short
    assert RowTexts.load(tmp_path, rows) is None


def test_the_prefetched_walk_reads_the_warm_caches_rows(store: RegistryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    NameIndex.from_store(store)  # writes the cache
    graph = cache.load_graph(store)
    assert graph is not None and graph.texts is not None
    numbers = [int(r[0]) for r in store.db.query("test", "SELECT no FROM entities WHERE no IS NOT NULL")]
    expected = Prefetched(store, RefGraph.from_store(store), numbers).people(numbers)  # type: ignore[arg-type]

    def no_reads(rows: object) -> object:
        raise AssertionError("read from the store")

    monkeypatch.setattr(store, "at_rows", no_reads)
    fetched = Prefetched(store, graph, numbers).people(numbers)
    assert fetched == expected
    assert all(fetched[n].properties == expected[n].properties for n in numbers)
    assert all(fetched[n].provenance == expected[n].provenance for n in numbers)


def _mapped_kb(path: Path) -> int:
    """Resident kB of this process's mapping of ``path`` (Linux's /proc/self/smaps)."""
    found, rss = False, 0
    for line in Path("/proc/self/smaps").read_text().splitlines():
        if "-" in line.split(" ", 1)[0]:  # a mapping's header line
            found = line.endswith(str(path))
        elif found and line.startswith("Rss:"):
            rss += int(line.split()[1])
    return rss


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="reads Linux's /proc/self/smaps")
def test_a_read_lets_go_of_the_pages_it_mapped(store: RegistryStore, tmp_path: Path) -> None:
    rows = _rows(store)
    assert write_rows(store, tmp_path, rows)
    texts = RowTexts.load(tmp_path, rows)
    assert texts is not None
    bytes(texts.data[: len(texts.data)])  # touch every page, as reads do
    assert _mapped_kb(tmp_path / "rows.bin") > 0
    assert len(texts.at_rows(range(rows))) == rows
    assert _mapped_kb(tmp_path / "rows.bin") == 0
    assert _fields(texts.at_rows([3])) == _fields(store.at_rows([3]))  # and reads again after


def test_the_warm_cache_keeps_rows_only_beside_a_graph_that_numbers_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_registry(tmp_path / "registry.ftm.json", 30, seed=5)
    with open_store(tmp_path / "s.duckdb") as opened:
        ingest(opened, tmp_path / "registry.ftm.json", bulk_from=0)
        NameIndex.from_store(opened)  # writes the cache: the graph, and the rows beside it (a thread)
        written = cache.cache_dir(opened)
        assert written is not None and (written / "rows.bin").is_file() and (written / "graph.json").is_file()
        texts = RowTexts.load(written, _rows(opened))
        assert texts is not None and _fields(texts.at_rows(range(_rows(opened)))) == _fields(
            opened.at_rows(range(_rows(opened)))
        )
        # a store whose row numbers cannot stand for its entities has no graph: the rows,
        # written meanwhile, are not kept either
        monkeypatch.setattr(RefGraph, "from_store", classmethod(lambda cls, store: None))
        opened.db.query("test", "UPDATE sources SET records = records - 1")  # (a new state: a new cache)
        NameIndex.from_store(opened)
        again = cache.cache_dir(opened)
        assert again is not None and again != written and again.is_dir()
        assert not (again / "graph.json").exists() and not (again / "rows.bin").exists()
