"""Shared fixtures: tiny registries and people lists written by the project, and the path
to ../shared/data (tests that use it skip with a reason when it is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """A file under ../shared/data, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared/data is absent)")
    return path


# A registry of namesakes (FtM Person properties by id): one surname, people of several
# initials, names of one or two words, a typo in the surname's first letter.
NAMESAKES = {
    "am": {"name": ["Алексенева Мария Ивановна"]},
    "aa": {"name": ["Алексенева Анна Алексеевна"]},
    "an": {"name": ["Алексенева Анна Николаевна"], "alias": ["Alekseneva Anna"]},
    "ai": {"name": ["Алексенева Ирина Андреевна"]},
    "lone": {"name": ["Алексенева"]},
    "two": {"name": ["Алексенева Ольга"]},
    "parts": {"lastName": ["Алексенева"], "firstName": ["Мария"]},
    "typo": {"name": ["Олексенева Анна Петровна"]},
    "pa": {"name": ["Полякикский Александр Александрович"]},
    "pn": {"name": ["Полякикский Никита Александрович"]},
    "odd": {"name": ["  ", "-- Алексенева ,, Мария «Ивановна»"], "weakAlias": ["Маша"]},
}
NAMESAKE_QUERIES = [
    "А. Алексенева",
    "А. А. Алексенева",
    "М. Алексенева",
    "Алексенева Анна А.",
    "Алексенева Ольга М.",
    "И. Алексенева",
    "А. А. Полякикский",
    "Н. А. Полякикский",
    "A. Alekseneva",
    "А. Олексенева",
]


def namesake_lines() -> str:
    """:data:`NAMESAKES` as FtM JSON lines."""
    return "\n".join(
        json.dumps({"id": pid, "schema": "Person", "properties": props}) for pid, props in NAMESAKES.items()
    )


def generated_store(folder: Path, people: int, seed: int, queries: int = 0, *, bulk: bool = False) -> Path:
    """``folder/s.duckdb`` with ``people`` generated officials ingested (from
    ``registry.ftm.json``, through the bulk loader when ``bulk``), and, given ``queries``,
    that many generated queries in ``queries.csv`` with their truth in ``truth.csv``."""
    from tiescreen.engine.ingest import BULK_FROM, ingest
    from tiescreen.generate import write_queries, write_registry
    from tiescreen.store import open_store

    write_registry(folder / "registry.ftm.json", people, seed=seed)
    if queries:
        write_queries(folder / "queries.csv", folder / "truth.csv", people, queries, seed=seed)
    with open_store(folder / "s.duckdb") as store:
        ingest(store, folder / "registry.ftm.json", bulk_from=0 if bulk else BULK_FROM)
    return folder / "s.duckdb"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def peps(tmp_path: Path) -> Path:
    """A small FtM registry: a deputy with an office and a party, his mother, a civil servant."""
    entities = [
        {
            "id": "p-1",
            "schema": "Person",
            "properties": {
                "name": ["Шигина Олеся Владимировна"],
                "birthDate": ["1975-04-02"],
                "address": ["Москва"],
                "sourceUrl": ["https://example.org/p-1"],
            },
        },
        {
            "id": "body-1",
            "schema": "PublicBody",
            "properties": {"name": ["Совет депутатов муниципального округа Отрадное"]},
        },
        {"id": "pos-1", "schema": "Position", "properties": {"name": ["Депутат"], "organization": ["body-1"]}},
        {
            "id": "occ-1",
            "schema": "Occupancy",
            "properties": {"holder": ["p-1"], "post": ["pos-1"], "startDate": ["2017-09-10"]},
        },
        {"id": "party-1", "schema": "Organization", "properties": {"name": ["Единая Россия"]}},
        {"id": "mem-1", "schema": "Membership", "properties": {"member": ["p-1"], "organization": ["party-1"]}},
        {"id": "p-2", "schema": "Person", "properties": {"name": ["Тас-оол Ирина Михайловна"]}},
        {"id": "body-2", "schema": "PublicBody", "properties": {"name": ["Администрация Каа-Хемского района"]}},
        {
            "id": "emp-1",
            "schema": "Employment",
            "properties": {"employee": ["p-2"], "employer": ["body-2"], "role": ["начальник отдела"]},
        },
        {"id": "p-3", "schema": "Person", "properties": {"name": ["Шигина Анна Петровна"]}},
        {
            "id": "fam-1",
            "schema": "Family",
            "properties": {"person": ["p-1"], "relative": ["p-3"], "relationship": ["mother"]},
        },
    ]
    path = tmp_path / "peps.ftm.json"
    path.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in entities) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def attendees(tmp_path: Path) -> Path:
    path = tmp_path / "attendees.csv"
    path.write_text(
        "id,name,region,birth_date,role\n"
        "q1,Olesya Shigina,Москва,,mother\n"
        "q2,TASOOL Irina,,,\n"
        "q3,Anna Shigina,,,\n"
        "q4,Пётр Сидоров,,,\n",
        encoding="utf-8",
    )
    return path
