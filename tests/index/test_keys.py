"""Blocking keys: spellings of one name meet, typos stay in reach, SQL and Python split alike."""

from __future__ import annotations

import duckdb
import pytest

from tiescreen.index.keys import SQL_WORD_SPLIT, query_keys, split_words, word_blocking_keys, word_key
from tiescreen.normalize import translit


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Шигина", "Shigina"),
        ("Щербаков", "Schtscherbakow"),
        ("Юлия", "Iuliia"),
        ("Шигинa", "Шигина"),  # Latin "a" hidden in Cyrillic
        ("Алексеева", "Алексёева"),
        ("Тас-оол", "Tasool"),
    ],
)
def test_spellings_of_one_word_share_the_word_key(a: str, b: str) -> None:
    assert word_key(a) == word_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Шигина", "Шигна"),  # deletion
        ("Шигина", "Шигинаа"),  # insertion
        ("Шигина", "Шигиза"),  # substitution
        ("Belekhova", "Belechova"),
        ("Kostiuk", "Kosytuk"),
        ("Барананев", "Барааннев"),  # two edits in a long word
        ("Шигина", "Chiguina"),  # French: one of the readings of "ch" and "gu"
    ],
)
def test_typos_share_a_blocking_key(a: str, b: str) -> None:
    assert set(word_blocking_keys(a)) & set(word_blocking_keys(b))


def _spelled_out_keys(key: str) -> set[str]:
    """A reading and every variant of it with one letter deleted (two in long words), one by one."""
    once = {key[:i] + key[i + 1 :] for i in range(len(key))} if len(key) >= 4 else set()
    twice = {k[:j] + k[j + 1 :] for k in once for j in range(len(k))} if len(key) >= 7 else set()
    return {key} | once | twice


@pytest.mark.parametrize("word", ["Ли", "Олег", "Шигина", "Барананев", "Верхорыбакецская", "Aaaaaaaa"])
def test_blocking_keys_are_the_readings_and_their_deletions(word: str) -> None:
    readings = translit.keys_for(word.lower())[:3]
    loose = {"~" + k for k in translit.loose_keys(word.lower())[:2]}
    expected = set().union(*(_spelled_out_keys(k) for k in readings)) | loose
    keys = word_blocking_keys(word)
    assert set(keys) == expected
    assert len(keys) == len(expected)  # each once


def test_different_names_do_not_meet() -> None:
    assert not set(word_blocking_keys("Шигина")) & set(word_blocking_keys("Кузнецова"))


def test_initials_have_no_keys() -> None:
    assert word_key("О") is None
    assert query_keys("О. В.") == set()


@pytest.mark.parametrize(
    "name",
    [
        "Шигина, Олеся Владимировна",
        "О.В. Шигина",
        "SHIGINA Olesya (deputy)",
        "Олеся\u00a0Шигина",
        "Тас-оол «Ирина» / Ivanova; Petrova",
        "Ши\u200bгина  Олеся",
    ],
)
def test_sql_and_python_split_names_alike(name: str) -> None:
    con = duckdb.connect()
    from_sql = con.execute("SELECT regexp_split_to_array(?, ?)", [name, SQL_WORD_SPLIT]).fetchone()
    assert from_sql is not None
    expected = [w for w in from_sql[0] if w.strip("-'`")]
    assert split_words(name) == expected
