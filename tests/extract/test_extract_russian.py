"""Russian names, roles and organisations in the nominative."""

from __future__ import annotations

import pytest

from tiescreen.extract.russian import name_case, nominative_name, nominative_phrase, surname_nominatives


@pytest.mark.parametrize(
    ("words", "nominative"),
    [
        ("Олесей Шигиной", "Олеся Шигина"),
        ("Дмитрия Пескова", "Дмитрий Песков"),
        ("Ивановым", "Иванов"),
        ("Шигиной", "Шигина"),
        ("Светланой Владимировной Агуевой", "Светлана Владимировна Агуева"),
        ("Марии Достоевской", "Мария Достоевская"),
        ("Игорем Щербаком", "Игорь Щербак"),
        ("Ирины Тас-оол", "Ирина Тас-оол"),
        ("Анны Ооржак", "Анна Ооржак"),
        ("Олеся Шигина", "Олеся Шигина"),
    ],
)
def test_names_in_the_nominative(words: str, nominative: str) -> None:
    assert nominative_name(words.split()) == nominative


def test_name_case() -> None:
    assert name_case(["Олесей", "Шигиной"]) == "ablt"
    assert name_case(["Дмитрий", "Песков"]) == "nomn"


@pytest.mark.parametrize(
    ("phrase", "nominative"),
    [
        ("депутатом Мосгордумы", "депутат Мосгордумы"),
        ("пресс-секретарём Кремля", "пресс-секретарь Кремля"),
        ("многодетной матерью", "многодетная мать"),
        ("Единой России", "Единая Россия"),
        ("Общероссийского народного фронта", "Общероссийский народный фронт"),
        ("депутат Мосгордумы", "депутат Мосгордумы"),
    ],
)
def test_phrases_in_the_nominative(phrase: str, nominative: str) -> None:
    assert nominative_phrase(phrase.split()) == nominative


def test_a_lone_surname_may_be_either_gender() -> None:
    assert set(surname_nominatives("Иванова")) >= {"Иванова", "Иванов"}
