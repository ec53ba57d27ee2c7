"""Pairs are scored without rigour's name groups when the groups cannot change what is kept.

The first look-up of a word's groups builds rigour's tagger (seconds of CPU), so a batch
asks only for the pairs whose kept result depends on the answer. Here a small table stands
for rigour, and each pair's score is compared with the one the answers give.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from tiescreen.match import Scorer, scorer, tokens
from tiescreen.model import Query, RegistryEntity
from tiescreen.normalize import variants

FLOOR = 0.7
GROUPS = {  # word -> the groups a table like rigour's gives it
    "eugene": {"name:Q1"},
    "евгений": {"name:Q1"},
    "ted": {"nick:Q2"},
    "theodore": {"name:Q3", "nick:Q2"},
    "harry": {"name:Q4"},
    "larry": {"name:Q5"},
    "ivan": {"name:Q6"},
    "иван": {"name:Q6"},
    "ульяна": {"name:Q7"},
    "юлия": {"name:Q8"},
    "iuliia": {"name:Q8"},
    "анатолий": {"name:Q9"},
}
PAIRS = [
    ("Eugene Kuznetsov", "Кузнецов Евгений Петрович"),
    ("Ted Walker", "Theodore Walker"),
    ("Harry Smith", "Larry Smith"),
    ("Ivan Petrov", "Петров Иван Сергеевич"),
    ("Iuliia Zubecva", "Зубикова Ульяна Александровна"),
    ("Iuliia Zubkova", "Зубкова Юлия Александровна"),
    ("Pavel Ilich Drozdkinskii", "Дроздкинский Анатолий Ильич"),
    ("Pavel Ilich Drozdkinskii", "Дроздкинский Павел Ильич"),
    ("Tedd Walker", "Theodore Walker"),
    ("Evgenii Kuznetsov", "Eugene Kuznetsov"),
]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The words rigour is asked about, with the table above standing for it."""
    log: list[str] = []

    def table(word: str) -> frozenset[str]:
        log.append(word)
        return frozenset(GROUPS.get(word.lower(), ()))

    monkeypatch.setenv("TIESCREEN_NAME_VARIANTS", "1")
    monkeypatch.setattr(variants, "rigour_groups", table)
    _forget()
    yield log
    _forget()


def _forget() -> None:
    """A fresh process: no groups answered yet, no word pair or name pair remembered."""
    variants.ask_elsewhere(None)
    tokens._similarity.cache_clear()
    scorer._compared.cache_clear()


def _scores(pairs: list[tuple[str, str]]) -> list[scorer.PairScore]:
    return [
        Scorer().score(Query("q", query), RegistryEntity("p", "Person", name, {"name": (name,)}), floor=FLOOR)
        for query, name in pairs
    ]


def test_supposing_gives_the_scores_the_answers_give(asked: list[str]) -> None:
    supposed = _scores(PAIRS)
    _forget()
    variants.name_groups("warm")  # answered once: from now on every pair asks
    answered = _scores(PAIRS)
    assert [s.score >= FLOOR for s in supposed] == [s.score >= FLOOR for s in answered]
    assert [s for s in supposed if s.score >= FLOOR] == [s for s in answered if s.score >= FLOOR]
    assert any(s.score >= FLOOR for s in answered) and any(s.score < FLOOR for s in answered)


def test_a_pair_the_groups_cannot_lift_or_change_asks_nothing(asked: list[str]) -> None:
    # Зубикова Ульяна is matched on the surname; Ульяна against Zubecva, in the swapped reading,
    # loses whatever the groups say. Анатолий is no Pavel, and Ilich is the patronymic Ильич.
    _scores([PAIRS[4], PAIRS[6], PAIRS[7]])
    assert asked == []


def test_a_pair_only_the_groups_can_lift_asks_them(asked: list[str]) -> None:
    [ted] = _scores([PAIRS[1]])
    assert {"ted", "theodore"} <= set(asked)
    assert ted.score >= FLOOR  # Ted is a nickname of Theodore: the groups say so


def test_once_answered_the_groups_are_asked_as_before(asked: list[str]) -> None:
    variants.name_groups("warm")
    assert not variants.supposable()
    _scores([PAIRS[4]])
    assert len(asked) > 1  # no more supposing: the look-up is cheap now


def test_what_one_thread_supposes_another_does_not_see(asked: list[str]) -> None:
    # The web app scores requests in threads side by side.
    entered, done = threading.Event(), threading.Event()

    def suppose() -> None:
        with variants.supposing({("ted", "theodore"): ("name", True)}):
            entered.set()
            done.wait(5)

    other = threading.Thread(target=suppose)
    other.start()
    try:
        assert entered.wait(5)
        assert variants.share_name_group("ted", "theodore") == "nick"  # asked: not supposed here
    finally:
        done.set()
        other.join()
    assert {"ted", "theodore"} <= set(asked)
