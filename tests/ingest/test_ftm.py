"""FtM registries: real OpenSanctions data, provenance, idempotent loading, located errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import shared_path
from tiescreen.errors import InputError
from tiescreen.ingest import ingest_registry
from tiescreen.store import open_store


def _write(tmp_path: Path, lines: list[str], name: str = "reg.ftm.json") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_real_opensanctions_cluster(tmp_path: Path) -> None:
    zala = shared_path("registries", "zala", "entities.ftm.json")
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest_registry(store, zala)
        assert report.status == "loaded"
        assert store.count() == 91
        assert store.people_count() == 6
        person = store.entities(["NK-2Tbri3s6GgNtAwsSXh4qpL"])["NK-2Tbri3s6GgNtAwsSXh4qpL"]
        assert "Мария Александровна Осетрова" in person.names()
        prov = person.provenance
        assert prov is not None
        assert prov.source == "entities" and prov.record == "NK-2Tbri3s6GgNtAwsSXh4qpL"
        assert prov.content_hash and prov.content_hash.startswith("sha256:")
        assert prov.loaded_at and prov.url and prov.url.startswith("https://")


def test_same_file_twice_adds_nothing(tmp_path: Path, peps: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        first = ingest_registry(store, peps)
        count = store.count()
        keys = store.db.query("t", "SELECT COUNT(*) FROM name_words")[0][0]
        second = ingest_registry(store, peps)
        assert (first.status, second.status) == ("loaded", "unchanged")
        assert store.count() == count
        assert store.db.query("t", "SELECT COUNT(*) FROM name_words")[0][0] == keys


def test_changed_file_replaces_its_records(tmp_path: Path, peps: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        ingest_registry(store, peps)
        lines = peps.read_text(encoding="utf-8").splitlines()[:1]  # keep only the first person
        peps.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = ingest_registry(store, peps)
        assert report.status == "replaced"
        assert store.count() == 1
        assert len(store.sources()) == 1


def test_invalid_json_is_located_by_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "p", "schema": "Person", "properties": {"name": ["A B"]}})
    lines = [good.replace('"p"', f'"p{i}"') for i in range(56)] + ['{"id": "x", "schema": ']
    path = _write(tmp_path, lines)
    with open_store(tmp_path / "s.duckdb") as store, pytest.raises(InputError) as err:
        ingest_registry(store, path)
    assert f"{path}: line 57: invalid JSON" in str(err.value)
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.count() == 0  # nothing half-loaded


def test_unknown_schema_and_dangling_reference(tmp_path: Path) -> None:
    path = _write(tmp_path, [
        json.dumps({"id": "p1", "schema": "Person", "properties": {"name": ["Иван Петров"]}}),
        json.dumps({"id": "x1", "schema": "Spaceship", "properties": {}}),
        json.dumps({"id": "o1", "schema": "Occupancy", "properties": {"holder": ["p1"], "post": ["nowhere"]}}),
    ])  # fmt: skip
    with open_store(tmp_path / "s.duckdb") as store, pytest.raises(InputError) as err:
        ingest_registry(store, path)
    text = str(err.value)
    assert "2 problems" in text
    assert "line 2: entity 'x1' has unknown schema 'Spaceship'" in text
    assert "line 3: Occupancy 'o1' refers in 'post' to 'nowhere', which is not in the file" in text


def test_skip_bad_rows_keeps_good_ones_and_counts_the_rest(tmp_path: Path) -> None:
    path = _write(tmp_path, [
        json.dumps({"id": "p1", "schema": "Person", "properties": {"name": ["Иван Петров"]}}),
        "not json at all",
        json.dumps({"id": "x1", "schema": "Spaceship"}),
    ])  # fmt: skip
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest_registry(store, path, skip_bad_rows=True)
        assert store.count() == 1
        assert report.source.skipped == 2
        assert any("line 2" in p for p in report.problems)


def test_reference_to_an_entity_already_in_the_store_is_fine(tmp_path: Path, peps: Path) -> None:
    extra = _write(tmp_path, [json.dumps({"id": "occ-9", "schema": "Occupancy",
                                          "properties": {"holder": ["p-2"], "post": ["pos-1"]}})], "extra.ftm.json")  # fmt: skip
    with open_store(tmp_path / "s.duckdb") as store:
        ingest_registry(store, peps)
        assert ingest_registry(store, extra).status == "loaded"
