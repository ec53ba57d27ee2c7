"""The generator: reproducible, valid FtM, and queries whose truth points into the registry."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tiescreen.generate import iter_people, write_queries, write_registry
from tiescreen.generate.names import patronymic


def test_same_seed_same_people() -> None:
    assert list(iter_people(50, seed=1)) == list(iter_people(50, seed=1))
    assert list(iter_people(50, seed=1)) != list(iter_people(50, seed=2))


def test_patronymics_follow_the_rules() -> None:
    assert patronymic("Владимир", "f") == "Владимировна"
    assert patronymic("Сергей", "m") == "Сергеевич"
    assert patronymic("Анатолий", "f") == "Анатольевна"
    assert patronymic("Никита", "m") == "Никитич"


def test_registry_and_queries_with_truth(tmp_path: Path) -> None:
    registry = tmp_path / "registry.ftm.json"
    count = write_registry(registry, 200, seed=5)
    lines = registry.read_text(encoding="utf-8").splitlines()
    assert count == len(lines)
    entities = [json.loads(line) for line in lines]
    ids = {e["id"] for e in entities}
    people = {e["id"] for e in entities if e["schema"] == "Person"}
    assert len(people) == 200
    for e in entities:  # every reference resolves
        for prop in ("holder", "post", "member", "organization", "employee", "employer", "person", "relative"):
            assert set(e["properties"].get(prop, [])) <= ids
    write_queries(tmp_path / "q.csv", tmp_path / "t.csv", 200, 100, seed=5, registry=registry)
    queries = list(csv.DictReader((tmp_path / "q.csv").open(encoding="utf-8")))
    truth = {r["id"]: r for r in csv.DictReader((tmp_path / "t.csv").open(encoding="utf-8"))}
    assert len(queries) == 100 and {q["id"] for q in queries} == set(truth)
    positives = [t for t in truth.values() if t["truth"]]
    assert len(positives) == 50
    assert all(set(t["truth"].split(";")) <= people for t in positives)
    kinds = {t["kind"] for t in truth.values()}
    assert {"not_in_registry", "other_gender"} <= kinds
    assert all(not t["truth"] for t in truth.values() if t["kind"] in ("not_in_registry", "other_gender"))
    names = {e["id"]: e["properties"]["name"][0] for e in entities if e["schema"] == "Person"}
    exact = [q for q in queries if truth[q["id"]]["kind"] == "exact"]
    assert exact and all(names[next(iter(truth[q["id"]]["truth"].split(";")))] == q["name"] for q in exact)
