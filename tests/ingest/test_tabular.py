"""CSV/JSON-lines registries through a column mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import shared_path
from tiescreen.errors import ConfigError, InputError
from tiescreen.ingest import ColumnMapping, ingest_registry, load_mapping
from tiescreen.store import open_store
from tiescreen.ties.walk import TieWalker

MAYORS = ColumnMapping(
    name="mayorLabel", id="mayor", position="Mayor of {itemLabel}", body="Administration of {itemLabel}",
    region="itemLabel", start="appointed", birth_date="birth_date", url="mayor",
)  # fmt: skip


def test_ru_mayors_with_surname_first_names(tmp_path: Path) -> None:
    mayors = shared_path("registries", "ru-mayors", "ru_mayors.jsonl")
    with open_store(tmp_path / "s.duckdb") as store:
        rows = len([line for line in mayors.read_text(encoding="utf-8").splitlines() if line.strip()])
        report = ingest_registry(store, mayors, mapping=MAYORS)
        assert store.people_count() == rows
        assert report.source.records > rows * 3  # person, occupancy, position (+ shared bodies)
        people = [e for e in store.entities(_ids(store)).values() if e.schema == "Person"]
        astrakhan = next(p for p in people if "Полумордвинов" in p.caption)
        assert astrakhan.get("birthDate") == ("1964-06-19",)
        assert astrakhan.provenance and astrakhan.provenance.url == "http://www.wikidata.org/entity/Q19910730"
        ties = TieWalker(store).ties([astrakhan.id])[astrakhan.id]
        assert [(t.kind.value, t.role, t.body, t.start) for t in ties] == [
            ("office", "Mayor of Астрахань", "Administration of Астрахань", "2022-04-29")
        ]


def _ids(store: object) -> list[str]:
    return [r[0] for r in store.db.query("ids", "SELECT id FROM entities")]  # type: ignore[attr-defined]


def test_csv_with_guessed_columns_and_party(tmp_path: Path) -> None:
    path = tmp_path / "deputies.csv"
    path.write_text(
        "id,name,position,body,region,party,start_date,end_date\n"
        "d1,Шигина Олеся Владимировна,Депутат,Совет депутатов муниципального округа Отрадное,Москва,Единая Россия,2017-09-10,\n"
        "d2,Иванов Пётр,Советник,Правительство Курской области,Курская область,,2015-01-01,2019-12-31\n",
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.duckdb") as store:
        ingest_registry(store, path)
        people = {e.caption: e for e in store.entities(_ids(store)).values() if e.schema == "Person"}
        ties = TieWalker(store).ties([p.id for p in people.values()])
        kinds = {name: sorted(t.kind.value for t in ties[p.id]) for name, p in people.items()}
        assert kinds == {"Шигина Олеся Владимировна": ["office", "party"], "Иванов Пётр": ["former_office"]}


def test_mapping_file_and_its_errors(tmp_path: Path) -> None:
    good = tmp_path / "m.yaml"
    good.write_text("name: full\nposition: post\n", encoding="utf-8")
    assert load_mapping(good) == ColumnMapping(name="full", position="post")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: full\nwhatever: x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown field"):
        load_mapping(bad)


def test_mapping_names_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("fio,post\nИван Петров,Депутат\n", encoding="utf-8")
    with open_store(tmp_path / "s.duckdb") as store, pytest.raises(ConfigError, match="'name'"):
        ingest_registry(store, path)


def test_bad_date_in_a_row_is_located(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("name,position,start_date\nИван Петров,Депутат,31.02.1970\nОльга Петрова,Депутат,2001\n",
                    encoding="utf-8")  # fmt: skip
    with open_store(tmp_path / "s.duckdb") as store:
        with pytest.raises(InputError, match=r"row 1 \(line 2\), column 'start_date': '31.02.1970' is not a date"):
            ingest_registry(store, path)
        report = ingest_registry(store, path, skip_bad_rows=True)
        assert store.people_count() == 1 and report.source.skipped == 1
