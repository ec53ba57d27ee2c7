"""Scoring records: the warm index scores a person exactly as the full record would."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.conftest import generated_store
from tiescreen.engine.local import name_index
from tiescreen.index.records import FIELD, VALUE, ScoringRecords, birth_dates, parse_record
from tiescreen.ingest import read_people
from tiescreen.match.scorer import Scorer
from tiescreen.model.entity import SCORING_PROPS
from tiescreen.store import open_store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("records")
    return generated_store(d, 150, 5, queries=40), d / "queries.csv"


def test_every_person_has_a_record_with_the_scored_properties(store_path: tuple[Path, Path]) -> None:
    db, _ = store_path
    with open_store(db, read_only=True) as store:
        records = name_index(store).records
        assert records is not None
        nos, _, _ = store.scoring_records()
        people = store.people(range(int(nos.max()) + 1))
        assert len(records) == len(people) == 150
        for no, full in people.items():
            lite = records.entity(no)
            assert lite is not None
            assert lite.names() == full.names()
            for prop in SCORING_PROPS:
                assert lite.get(prop) == full.get(prop), (no, prop)


def test_scores_from_records_equal_scores_from_full_entities(store_path: tuple[Path, Path]) -> None:
    db, queries = store_path
    scorer = Scorer()
    with open_store(db, read_only=True) as store:
        index = name_index(store)
        assert index.records is not None
        compared = 0
        for q in read_people(queries):
            numbers = index.lookup(q.name, q.birth_date).tolist()
            for no, full in store.people(numbers).items():
                lite = index.records.entity(no)
                assert lite is not None
                a, b = scorer.score(q, lite), scorer.score(q, full)
                assert (a.score, a.evidence, a.relation, a.matched_name) == (
                    b.score,
                    b.evidence,
                    b.relation,
                    b.matched_name,
                )
                compared += 1
        assert compared > 50


def test_records_survive_separator_characters_and_missing_people() -> None:
    text = "\x1f".join(["Иванов Иван", "", "", "", "Иван", "", "", "Иванов", "1970"] + [""] * 7) + "\x1f"
    records = ScoringRecords.build([[(2, text)]], 4)
    assert records.entity(0) is None and records.entity(3) is None and records.entity(99) is None
    person = records.entity(2)
    assert person is not None
    assert person.get("name") == ("Иванов Иван",) and person.get("birthDate") == ("1970",)
    assert person.names() == ["Иванов Иван"]
    nameless = parse_record(5, "\x1f" * len(SCORING_PROPS) + "Caption Only")
    assert nameless.names() == ["Caption Only"]


@pytest.mark.parametrize(
    "field", ["", " ", "1970", f"1970{VALUE}", f" {VALUE}1970{VALUE}1971-02", f"{VALUE}", "1970 (about)"]
)
def test_birth_dates_are_read_as_the_entity_holds_them(field: str) -> None:
    before = FIELD.join(["Иванов Иван", "", "", "", "Иван", "", "", "Иванов"])
    for text in (
        f"{before}{FIELD}{field}",
        f"{before}{FIELD}{field}{FIELD}Москва{FIELD}ru",
        f"{before}{FIELD}{field}{FIELD * 8}Caption",
    ):
        assert birth_dates(text) == parse_record(1, text).get("birthDate"), text
    assert birth_dates(before) == () == parse_record(1, before).get("birthDate")  # a record cut short


def test_text_is_the_stored_record() -> None:
    text = FIELD.join(["Иванов Иван", "", "", "", "Иван", "", "", "Иванов", "1970"])
    records = ScoringRecords.build([[(2, text)]], 4)
    assert records.text(2) == text
    assert records.text(0) is None and records.text(3) is None and records.text(-1) is None and records.text(4) is None
    wanted = [2, 0, 2, 3, 1]
    assert records.texts(np.array(wanted, dtype=np.int64)) == [records.text(no) for no in wanted]
    beyond = [4, 2, -1]  # numbers of no person at all: None, as text() gives
    assert records.texts(np.array(beyond, dtype=np.int64)) == [None, text, None]
    assert records.texts(np.empty(0, dtype=np.int64)) == []


@pytest.mark.parametrize(
    "field", ["", " ", "\t", "x", " x ", f"x{VALUE}", f" {VALUE}x{VALUE}y z", f"{VALUE}", f"{VALUE} {VALUE}"]
)
def test_every_property_holds_its_non_blank_values(field: str) -> None:
    expected = tuple(v for v in field.split(VALUE) if v.strip())
    for at, prop in enumerate(SCORING_PROPS):
        fields = [""] * len(SCORING_PROPS)
        fields[at] = field
        person = parse_record(3, FIELD.join(fields) + FIELD + "Caption")
        assert person.get(prop) == expected, (prop, field)
        assert (prop in person.properties) == bool(expected)  # no empty property is kept
