"""The key table finds the words of a key as a dictionary would, with hashes the store agrees on."""

from __future__ import annotations

import duckdb
from hypothesis import given
from hypothesis import strategies as st

from tiescreen.index.keytable import KeyTable, key_hash, key_hashes


@given(st.text(max_size=30))
def test_python_and_duckdb_agree_on_the_key_hash(key: str) -> None:
    (h,) = duckdb.execute("SELECT md5_number_lower(?)", [key]).fetchone() or (None,)
    assert key_hash(key) == h


@given(st.lists(st.text(max_size=12), max_size=20))
def test_key_hashes_are_the_key_hash_of_each_key(keys: list[str]) -> None:
    assert key_hashes(keys).tolist() == [key_hash(k) for k in keys]


@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from(["sigina", "ivanov", "petrov"])), max_size=30))
def test_lookup_equals_a_dictionary(pairs: list[tuple[str, str]]) -> None:
    table = KeyTable.from_pairs(pairs)
    expected: dict[str, set[str]] = {}
    for key, word in pairs:
        expected.setdefault(key, set()).add(word)
    for key in "abcdefghz":
        assert set(table.lookup([key])) == expected.get(key, set())
    assert set(table.lookup(list("ab"))) == expected.get("a", set()) | expected.get("b", set())


def test_lookup_in_a_large_table_equals_a_dictionary() -> None:
    # Thousands of keys: the table's runs by top bits are many and short, some empty.
    pairs = [(f"k{i % 3001}", f"w{i % 97}") for i in range(6000)]
    table = KeyTable.from_pairs(pairs)
    expected: dict[str, set[str]] = {}
    for key, word in pairs:
        expected.setdefault(key, set()).add(word)
    for keys in (["k1"], ["k5", "k77", "nope"], [f"k{i}" for i in range(0, 3100, 7)], ["nope"]):
        wanted = set().union(*(expected.get(k, set()) for k in keys))
        assert table.lookup(keys) == sorted(wanted, key=table.words.index)


def test_a_table_made_again_with_its_runs_finds_the_same_words() -> None:
    # The warm cache keeps the runs beside the hashes: a table mapped from it skips working them out.
    pairs = [(f"k{i % 3001}", f"w{i % 97}") for i in range(6000)]
    table = KeyTable.from_pairs(pairs)
    again = KeyTable(table.hashes, table.word_ids, table.words, table.runs)
    assert again.runs is table.runs
    keys = [f"k{i}" for i in range(0, 3100, 7)] + ["nope"]
    assert again.lookup(keys) == table.lookup(keys) and again.lookup(["k5"]) == table.lookup(["k5"])
    # runs of another table's size are not trusted: worked out anew
    other = KeyTable(table.hashes, table.word_ids, table.words, table.runs[:-2])
    assert len(other.runs) == len(table.runs) and other.lookup(keys) == table.lookup(keys)
