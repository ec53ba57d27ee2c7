"""The tie walk: own ties, then ties through relatives (not through their relatives), read in
steps that serve everyone walked."""

from __future__ import annotations

import json

import pytest

from tiescreen.engine.ingest import ingest
from tiescreen.model import TieKind
from tiescreen.store import open_store
from tiescreen.store.registry import RegistryStore
from tiescreen.ties.walk import TieWalker

ROWS = [
    ("PublicBody", "council", {"name": "Совет депутатов муниципального округа №7"}),
    ("PublicBody", "admin", {"name": "Администрация Кировского района"}),
    ("Organization", "party", {"name": "Всероссийская политическая партия «Единая Россия»"}),
    ("Position", "pos-council", {"name": "Депутат", "organization": "council"}),
    ("Position", "pos-admin", {"name": "Глава администрации", "organization": "admin"}),
    ("Person", "son", {"name": "Уваров Дмитрий Сергеевич"}),
    ("Person", "mother", {"name": "Уварова Галина Петровна"}),
    ("Person", "aunt", {"name": "Петрова Анна Петровна"}),
    ("Occupancy", "occ-son", {"holder": "son", "post": "pos-admin", "startDate": "2022-01-10"}),
    ("Occupancy", "occ-mother", {"holder": "mother", "post": "pos-council", "startDate": "2015-09-01"}),
    ("Membership", "mem-mother", {"member": "mother", "organization": "party"}),
    ("Occupancy", "occ-aunt", {"holder": "aunt", "post": "pos-admin", "startDate": "2010-01-01"}),
    ("Family", "fam", {"person": "son", "relative": "mother", "relationship": "mother"}),
    ("Family", "fam-aunt", {"person": "mother", "relative": "aunt", "relationship": "sister"}),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> RegistryStore:
    folder = tmp_path_factory.mktemp("walk")
    path = folder / "registry.ftm.json"
    lines = [{"id": i, "schema": s, "properties": {k: [v] for k, v in props.items()}} for s, i, props in ROWS]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    opened = open_store(folder / "store.duckdb")
    ingest(opened, path)
    return opened


def test_own_ties_come_first_then_the_relatives_own_ties(store: RegistryStore) -> None:
    ties = TieWalker(store).ties(["son"])["son"]
    assert [(t.kind, t.body) for t in ties] == [
        (TieKind.OFFICE, "Администрация Кировского района"),
        (TieKind.RELATIVE, "Всероссийская политическая партия «Единая Россия»"),
        (TieKind.RELATIVE, "Совет депутатов муниципального округа №7"),
    ]
    assert ties[2].path == ("son", "fam", "mother", "occ-mother", "pos-council", "council")
    assert TieWalker(store).ties(["son"], relatives=False)["son"] == ties[:1]


def test_reads_do_not_grow_with_the_people_walked(store: RegistryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    query = store.db.query
    monkeypatch.setattr(store.db, "query", lambda step, *a: reads.append(step) or query(step, *a))
    TieWalker(store).ties(["son"])
    alone = len(reads)
    reads.clear()
    ties = TieWalker(store).ties(["son", "mother", "aunt"])
    assert [t.kind for t in ties["mother"]] == [TieKind.PARTY, TieKind.OFFICE, TieKind.RELATIVE, TieKind.RELATIVE]
    # each step of the walk is one read for everyone walked (a read scans the table)
    assert len(reads) <= alone, reads
