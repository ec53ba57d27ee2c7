"""The Scorer on queries with attributes: patronymic, birth date and region as evidence."""

from __future__ import annotations

import pytest

from tiescreen.match import DEFAULT_THRESHOLD, Scorer, scorer
from tiescreen.model import Query, RegistryEntity

ENTITY = RegistryEntity(
    "p-1",
    "Person",
    "Шигина Олеся Владимировна",
    {"name": ("Шигина Олеся Владимировна",), "birthDate": ("1975-04-02",), "address": ("Москва",)},
)


def test_name_only_match_has_no_independent_agreement() -> None:
    result = Scorer().score(Query("q1", "Olesya Shigina"), ENTITY)
    assert result.score >= DEFAULT_THRESHOLD
    assert result.agreements == () and result.conflicts == ()
    assert result.relation == "same_person"
    assert result.evidence[0].feature == "name"


def test_agreeing_patronymic_and_birth_date_are_independent_agreements() -> None:
    query = Query("q1", "Shigina Olesya Vladimirovna", birth_date="1975-04-02")
    result = Scorer().score(query, ENTITY)
    assert set(result.agreements) == {"patronymic", "birth_date"}
    assert result.score > Scorer().score(Query("q1", "Olesya Shigina"), ENTITY).score


def test_conflicting_birth_date_is_strong_evidence_against() -> None:
    result = Scorer().score(Query("q1", "Olesya Shigina", birth_date="1981-10-10"), ENTITY)
    assert "birth_date" in result.conflicts
    assert result.score < DEFAULT_THRESHOLD


def test_region_agreement_counts() -> None:
    result = Scorer().score(Query("q1", "Olesya Shigina", region="Москва"), ENTITY)
    assert "region" in result.agreements


def test_other_gender_surname_is_a_possible_relative() -> None:
    result = Scorer().score(Query("q1", "Олеся Шигин"), ENTITY)
    assert result.relation == "possible_relative"
    assert "surname_gender" in result.conflicts
    assert result.score < DEFAULT_THRESHOLD


def test_best_of_several_name_forms_is_used() -> None:
    entity = RegistryEntity(
        "p-2", "Person", "Ivan Petrov", {"name": ("Ivan Petrov",), "alias": ("Петров Иван Сергеевич",)}
    )
    result = Scorer().score(Query("q1", "Петров Иван Сергеевич"), entity)
    assert result.matched_name == "Петров Иван Сергеевич"
    assert "patronymic" in result.agreements


def test_floor_drops_only_the_evidence_of_pairs_below_it() -> None:
    far = Query("q1", "Olesya Shigina", birth_date="1981-10-10")  # a conflicting birth date pulls it down
    near = Query("q2", "Shigina Olesya Vladimirovna", birth_date="1975-04-02")
    for query in (far, near):
        full = Scorer().score(query, ENTITY)
        floored = Scorer().score(query, ENTITY, floor=0.55)
        assert (floored.score >= 0.55) == (full.score >= 0.55)
        if full.score >= 0.55:
            assert floored == full
        else:
            assert floored.evidence == () and "birth_date" in floored.conflicts
    assert Scorer().score(far, ENTITY).score < 0.55 <= Scorer().score(near, ENTITY).score


def test_a_conflicting_birth_date_below_the_floor_compares_no_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # Halved by the birth date, even identical names stay at 0.5: the names are never compared.
    query = Query("q1", "Шигина Олеся Владимировна", birth_date="1981-10-10")
    full = Scorer().score(query, ENTITY)
    monkeypatch.setattr(scorer, "compare_names", _no_comparing)
    scorer._compared.cache_clear()
    floored = Scorer().score(query, ENTITY, floor=0.7)
    assert floored.score < 0.7 and full.score < 0.7
    assert full.score <= floored.score  # the highest such a pair could score
    assert floored.evidence == () and floored.conflicts == ("birth_date",)


def test_a_region_that_could_lift_a_pair_to_the_floor_is_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    # A conflicting birth date leaves 0.5, an agreeing region lifts it to 0.625: above 0.55.
    query = Query("q1", "Шигина Олеся Владимировна", birth_date="1981-10-10", region="Москва")
    assert Scorer().score(query, ENTITY, floor=0.55).score >= 0.55
    monkeypatch.setattr(scorer, "compare_names", _no_comparing)
    scorer._compared.cache_clear()
    with pytest.raises(AssertionError, match="compared"):
        Scorer().score(query, ENTITY, floor=0.55)


def _no_comparing(*_: object) -> None:
    raise AssertionError("compared")


@pytest.mark.parametrize("region", [None, "Москва", "Казань"])
@pytest.mark.parametrize("born", [None, "1975-04-02", "1975", "1981-10-10", "1981"])
@pytest.mark.parametrize("dates", [(), ("1975-04-02",), ("unknown",), ("unknown", "1981-10-10"), ("2.4.1975", "1990")])
def test_out_of_reach_is_a_bound_on_the_score(region: str | None, born: str | None, dates: tuple[str, ...]) -> None:
    entity = RegistryEntity("p-3", "Person", "", {**ENTITY.properties, "birthDate": dates})
    query = Query("q1", "Шигина Олеся Владимировна", birth_date=born, region=region)
    for floor in (0.0, 0.55, 0.6, 0.7):
        if Scorer().out_of_reach(query, dates, floor):
            assert Scorer().score(query, entity, floor=floor).score < floor
            assert Scorer().score(query, entity).score < floor  # even the full score


def test_out_of_reach_needs_a_conflicting_birth_date_and_no_region_that_could_lift_it() -> None:
    born = Query("q1", "Olesya Shigina", birth_date="1981-10-10")
    assert Scorer().out_of_reach(born, ("1975-04-02",), 0.7)
    assert Scorer().out_of_reach(born, ("unknown", "02.04.1975"), 0.7)
    assert not Scorer().out_of_reach(born, ("1975-04-02",), 0.5)  # 0.5 is as high as it goes
    assert not Scorer().out_of_reach(born, ("1981-10-10", "1975-04-02"), 0.7)  # one date agrees
    assert not Scorer().out_of_reach(born, ("unknown",), 0.7)  # no date in the registry
    assert not Scorer().out_of_reach(Query("q1", "Olesya Shigina"), ("1975-04-02",), 0.7)
    regional = Query("q1", "Olesya Shigina", birth_date="1981-10-10", region="Москва")
    assert not Scorer().out_of_reach(regional, ("1975-04-02",), 0.55)  # a region may lift it to 0.625
    assert Scorer().out_of_reach(regional, ("1975-04-02",), 0.7)


def test_registry_dates_that_are_no_dates_are_skipped_and_remembered() -> None:
    entity = RegistryEntity(
        "p-2", "Person", "Шигина Олеся", {"name": ("Шигина Олеся",), "birthDate": ("unknown", "02.04.1975")}
    )
    for _ in range(2):  # the second time from the cache of parsed registry dates
        result = Scorer().score(Query("q1", "Olesya Shigina", birth_date="1975-04-02"), entity)
        assert "birth_date" in result.agreements
        assert any(e.feature == "birth_date" and e.right == "1975-04-02" for e in result.evidence)


def test_a_pair_score_crosses_processes_whole() -> None:
    import pickle

    pair = Scorer().score(
        Query("1", "Olesya Shigina", "1975-03-02"),
        RegistryEntity("p1", "Person", "Шигина Олеся Владимировна", {"name": ("Шигина Олеся Владимировна",)}),
    )
    back = pickle.loads(pickle.dumps(pair))
    assert back == pair
    assert back.evidence and back.matched_name == "Шигина Олеся Владимировна"
