"""When rigour's Wikidata name groups are asked (its tagger takes seconds to build), and when
our own given-name table decides alone."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tiescreen.match import DEFAULT_THRESHOLD, score_names, scorer, tokens, warm_up
from tiescreen.normalize import variants


def _clear_caches() -> None:
    tokens._similarity.cache_clear()
    scorer._person_score.cache_clear()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Name groups switched on, rigour replaced by a stand-in that puts every word it is asked
    about into one group: any pair that reaches it comes out as the same name."""
    monkeypatch.setenv("TIESCREEN_NAME_VARIANTS", "1")
    words: list[str] = []

    def every_word_one_group(word: str) -> frozenset[str]:
        words.append(word)
        return frozenset({"name:Q1"})

    monkeypatch.setattr(variants, "_groups", every_word_one_group)
    _clear_caches()
    yield words
    _clear_caches()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Arkaša Krivofomjalin", "Кривофомин Аркадий"),  # a table name against a surname, across roles
        ("Valentina Dolgovarlamanov", "Долговарламенов Валентин"),
        ("Жанна Толстоорляолва", "Толстоорляова Диана"),  # a long word that cannot be a given name
        ("A.Ia. Kalinin", "Калинин Александр Яковлевич"),  # initials written together
    ],
)
def test_table_names_against_words_that_are_no_given_names_never_ask_rigour(asked: list[str], a: str, b: str) -> None:
    score_names(a, b)
    assert asked == []


def test_two_table_names_are_two_names_whatever_the_name_groups_say(asked: list[str]) -> None:
    # The stand-in would call Олеся and Ольга one name; the table knows both and decides.
    assert score_names("Олеся Кривофомина", "Ольга Кривофомина") < DEFAULT_THRESHOLD
    assert asked == []


def test_a_form_the_table_lacks_asks_the_name_groups(asked: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # Микита is the Belarusian and Ukrainian Никита; the table does not have it, Wikidata does.
    assert score_names("Микита Шевченко", "Никита Шевченко") >= DEFAULT_THRESHOLD
    assert "микита" in asked
    monkeypatch.setenv("TIESCREEN_NAME_VARIANTS", "0")
    _clear_caches()
    assert score_names("Микита Шевченко", "Никита Шевченко") < DEFAULT_THRESHOLD


def test_warm_up_loads_what_persons_need_and_nothing_else(asked: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    orgs: list[str] = []
    monkeypatch.setattr(scorer, "score_org_names", lambda a, b: orgs.append(a) or 0.0)
    try:
        warm_up()
        assert asked == [] and orgs == []
        assert gc.get_freeze_count() > 0
        warm_up(orgs=True, variants=True)
        assert asked and orgs
    finally:
        gc.unfreeze()
