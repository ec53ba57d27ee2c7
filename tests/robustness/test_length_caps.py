"""Names longer than a name can be: the library scores only their first 1,000 characters and
64 words (and says so), the readers and the API refuse them with a located message.

The timings before and after the cap are in docs/reliability.md; these tests check the bound
itself (what is parsed and compared), not the time.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tiescreen.errors import InputError
from tiescreen.ingest.people import read_people
from tiescreen.match.scorer import Scorer, explain_names, score_names
from tiescreen.model import Query, RegistryEntity
from tiescreen.normalize.names import MAX_NAME_CHARS, MAX_NAME_WORDS, cap_name, parse_name

WORDS = ["Ivan", "Petrov", "Иванов", "Olesya", "Shigina", "Владимирович", "ibn", "Abdullah", "Тас-оол"]


def _long(seed: int, size: int = 100_000) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(size // 6))[:size]


@pytest.mark.parametrize(
    "name",
    [
        _long(1),
        "a" * 100_000,
        "Ivan " * 20_000,
        ",".join(["Ivan"] * 20_000),  # words split on commas, not spaces
        "Ив" * 50_000,
        "\u0301" * 100_000,  # combining marks only
    ],
    ids=["mixed", "one-word", "repeated", "commas", "cyrillic", "marks"],
)
def test_parse_name_reads_at_most_the_cap(name: str) -> None:
    parsed = parse_name(name)
    assert len(parsed.tokens) <= MAX_NAME_WORDS
    assert len(parsed.original) <= MAX_NAME_CHARS


def test_cap_name_keeps_real_names_whole_and_cuts_at_words() -> None:
    for real in ("Шигина Олеся Владимировна", "Muhammad bin Salman bin Abdulaziz Al Saud", "Ş" * 999):
        assert cap_name(real) == real
    cut = cap_name(" ".join(f"w{i}" for i in range(100)))
    assert cut.split() == [f"w{i}" for i in range(MAX_NAME_WORDS)]
    assert len(cap_name("x" * 5000)) == MAX_NAME_CHARS


def test_score_names_compares_the_capped_name() -> None:
    long = "Olesya Shigina " + _long(2)
    assert score_names(long, "Olesya Shigina") == score_names(cap_name(long), "Olesya Shigina")
    assert score_names(long, "Olesya Shigina") == score_names("Olesya Shigina", long)
    assert 0.0 <= score_names("a" * 100_000, "Ivan Petrov") <= 1.0
    score, _ = explain_names("Ivan " * 20_000, "Ivan Petrov")
    assert 0.0 <= score <= 1.0


def test_the_scorer_says_when_it_compared_only_part_of_a_name() -> None:
    entity = RegistryEntity("p-1", "Person", "Olesya Shigina", {"name": ("Olesya Shigina",)})
    long = Query("q1", "Olesya Shigina " + "Petrova " * 20_000)
    pair = Scorer().score(long, entity)
    name = pair.evidence[0]
    assert name.feature == "name" and "first 64 words" in name.detail
    assert len(name.left) <= MAX_NAME_CHARS and len(name.left.split()) <= MAX_NAME_WORDS
    short = Scorer().score(Query("q2", "Olesya Shigina"), entity)
    assert "first 64 words" not in short.evidence[0].detail


def test_the_people_reader_refuses_a_long_name_where_it_is(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        f"name,region\nOlesya Shigina,Москва\n{'Ivan ' * 300},Тыва\nIrina Tas-ool,Тыва\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        read_people(people)
    assert str(caught.value) == f"{people}: row 2 (line 3), column 'name': name is 1499 characters long, more than 1000"
    assert [q.name for q in read_people(people, skip_bad_rows=True)] == ["Olesya Shigina", "Irina Tas-ool"]
