"""The registry store: bulk and row-by-row loads agree, bad lines are located, loads are atomic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tiescreen.engine.ingest import ingest
from tiescreen.errors import InputError
from tiescreen.generate import write_registry
from tiescreen.store import open_store
from tiescreen.store.base import Backend
from tiescreen.store.registry import RegistryStore


def _snapshot(store: RegistryStore) -> dict[str, object]:
    q = store.db.query
    return {
        "entities": q("t", "SELECT id, schema, caption FROM entities ORDER BY id"),
        "refs": q("t", "SELECT src, prop, dst FROM refs ORDER BY ALL"),
        "postings": q("t", "SELECT p.wkey, len(p.nos) FROM postings p ORDER BY ALL"),
        "people": sorted(e.to_ftm()["properties"]["name"][0] for e in store.people(range(10**6)).values()),
    }


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gen") / "registry.ftm.json"
    write_registry(path, 150, seed=3)
    return path


def test_bulk_and_row_loads_build_the_same_store(registry: Path, tmp_path: Path) -> None:
    with open_store(tmp_path / "bulk.duckdb") as bulk, open_store(tmp_path / "rows.duckdb") as rows:
        a = ingest(bulk, registry, bulk_from=0)
        b = ingest(rows, registry, bulk_from=1 << 40)
        assert a.source.records == b.source.records > 150
        assert _snapshot(bulk) == _snapshot(rows)


def test_unchanged_file_is_not_loaded_again(registry: Path, tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        assert ingest(store, registry, bulk_from=0).status == "loaded"
        assert ingest(store, registry, bulk_from=0).status == "unchanged"
        count = store.count()
    with open_store(tmp_path / "s.duckdb", read_only=True) as store:  # the index is kept across runs
        assert store.count() == count and store.name_index()[1]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps({"id": "p-1", "schema": "Person", "properties": {"name": ["Шигина Олеся"]}}, ensure_ascii=False)


def test_bad_lines_are_reported_with_their_line_numbers(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "bad.ftm.json",
        [
            GOOD,
            "{not json",
            json.dumps({"id": "x", "schema": "Spaceship", "properties": {}}),
            json.dumps({"schema": "Person", "properties": {}}),
            json.dumps({"id": "o-1", "schema": "Occupancy", "properties": {"holder": ["p-1"], "post": ["nowhere"]}}),
        ],
    )
    with open_store(tmp_path / "s.duckdb") as store:
        with pytest.raises(InputError) as err:
            ingest(store, path, bulk_from=0)
        text = str(err.value)
        assert "line 2: invalid JSON" in text
        assert "line 3: entity 'x' has unknown schema 'Spaceship'" in text
        assert "line 4: entity has no 'id'" in text
        assert store.count() == 0  # nothing was kept
        report = ingest(store, path, bulk_from=0, skip_bad_rows=True)
        assert report.source.records == 1 and report.source.skipped == 4
        assert "line 5: Occupancy 'o-1' refers in 'post' to 'nowhere'" in " ".join(report.problems)


def test_an_interrupted_load_leaves_the_store_as_it_was(registry: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        ingest(store, registry, name="officials", bulk_from=0)
        before = _snapshot(store)
    changed = tmp_path / "changed.ftm.json"
    changed.write_text(registry.read_text(encoding="utf-8") + GOOD.replace("p-1", "p-new") + "\n", encoding="utf-8")

    def interrupt(done: int, total: int | None) -> None:
        if done == 5:  # in the middle of building the name index
            raise KeyboardInterrupt

    with open_store(db) as store, pytest.raises(KeyboardInterrupt):
        ingest(store, changed, name="officials", bulk_from=0, progress=interrupt)
    with open_store(db) as store:
        assert _snapshot(store) == before
        assert not store.has_entity("p-new")


def test_a_new_version_replaces_the_old_one(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    path = _write(tmp_path / "officials.ftm.json", [GOOD])
    with open_store(db) as store:
        ingest(store, path, bulk_from=0)
        _write(path, [GOOD.replace("Шигина Олеся", "Иванова Анна")])
        assert ingest(store, path, bulk_from=0).status == "replaced"
        assert [e.caption for e in store.people(range(100)).values()] == ["Иванова Анна"]
        assert "sigina" not in store.name_index()[1]


def test_same_id_in_two_sources_is_merged(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.ftm.json", [GOOD])
    other = json.dumps({"id": "p-1", "schema": "Person", "properties": {"alias": ["Olesya Shigina"]}})
    second = _write(tmp_path / "b.ftm.json", [other])
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, first, bulk_from=0)
        ingest(store, second, bulk_from=0)
        merged = store.entities(["p-1"])["p-1"]
        assert merged.get("name") == ("Шигина Олеся",) and merged.get("alias") == ("Olesya Shigina",)
        assert store.people_count() == 1


def test_blank_lines_and_crlf_endings_are_counted_like_lines(tmp_path: Path) -> None:
    other = GOOD.replace("p-1", "p-2")
    blank = tmp_path / "blank.ftm.json"
    blank.write_text(GOOD + "\n\n" + other + "\n", encoding="utf-8")
    crlf = tmp_path / "crlf.ftm.json"
    crlf.write_bytes((GOOD + "\r\n{broken\r\n" + other + "\r\n").encode("utf-8"))
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest(store, blank, bulk_from=0)
        assert report.source.records == 2 and not report.problems
        with pytest.raises(InputError) as err:
            ingest(store, crlf, bulk_from=0)
        assert "line 2: invalid JSON" in str(err.value)
        assert ingest(store, crlf, bulk_from=0, skip_bad_rows=True).source.records == 2


def _numbers(store: RegistryStore) -> dict[str, int]:
    return {str(i): int(n) for i, n in store.db.query("t", "SELECT id, no FROM entities WHERE no IS NOT NULL")}


def test_people_are_numbered_by_their_lines_after_those_loaded_before(tmp_path: Path) -> None:
    person = json.loads(GOOD)
    lines = [
        json.dumps({"id": "o-1", "schema": "PublicBody", "properties": {"name": ["Дума"]}}, ensure_ascii=False),
        GOOD,
        json.dumps({**person, "id": "p-2"}, ensure_ascii=False),
        GOOD,  # the same line again: one person, numbered by the first
        json.dumps({**person, "id": "p-3"}, ensure_ascii=False).replace('"Person"', '"\\u0050erson"'),
    ]
    first = _write(tmp_path / "a.ftm.json", [json.dumps({**person, "id": "p-0"}, ensure_ascii=False)])
    second = _write(tmp_path / "b.ftm.json", lines)
    with open_store(tmp_path / "bulk.duckdb") as bulk, open_store(tmp_path / "rows.duckdb") as rows:
        for store, size in ((bulk, 0), (rows, 1 << 40)):
            ingest(store, first, bulk_from=size)
            ingest(store, second, bulk_from=size)
        # the escaped schema hides the third person from the pass by hashes: all numbered by id
        assert _numbers(bulk) == {"p-0": 1, "p-1": 3, "p-2": 4, "p-3": 6}
        numbers = _numbers(rows)
        assert sorted(numbers, key=numbers.get) == ["p-0", "p-1", "p-2", "p-3"]


def test_people_are_numbered_by_the_hashes_of_their_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tiescreen.store import bulk

    def by_ids(*args: object) -> None:
        raise AssertionError("numbered again by their ids")

    monkeypatch.setattr(bulk, "_number_people", by_ids)  # the pass by hashes alone numbers them
    path = _write(tmp_path / "a.ftm.json", [GOOD.replace("p-1", f"p-{i}") for i in range(1, 6)])
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, path, bulk_from=0)
        assert _numbers(store) == {f"p-{i}": i for i in range(1, 6)}


def test_people_given_one_number_are_numbered_again_by_their_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tiescreen.store import bulk

    found = bulk._person_lines

    def one_line_for_all(db: Backend, path: Path | str) -> None:  # as if the lines shared a hash
        found(db, path)
        db.query("t", f"UPDATE {bulk._PERSON_LINES} SET line = 1")

    monkeypatch.setattr(bulk, "_person_lines", one_line_for_all)
    path = _write(tmp_path / "a.ftm.json", [GOOD.replace("p-1", f"p-{i}") for i in range(1, 4)])
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, path, bulk_from=0)
        assert _numbers(store) == {"p-1": 1, "p-2": 2, "p-3": 3}
