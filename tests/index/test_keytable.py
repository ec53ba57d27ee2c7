"""The key table finds the words of a key as a dictionary would, with hashes the store agrees on."""

from __future__ import annotations

import duckdb
from hypothesis import given
from hypothesis import strategies as st

from tiescreen.index.keytable import KeyTable, key_hash


@given(st.text(max_size=30))
def test_python_and_duckdb_agree_on_the_key_hash(key: str) -> None:
    (h,) = duckdb.execute("SELECT md5_number_lower(?)", [key]).fetchone() or (None,)
    assert key_hash(key) == h


@given(st.lists(st.tuples(st.sampled_from("abcdefgh"), st.sampled_from(["sigina", "ivanov", "petrov"])), max_size=30))
def test_lookup_equals_a_dictionary(pairs: list[tuple[str, str]]) -> None:
    table = KeyTable.from_pairs(pairs)
    expected: dict[str, set[str]] = {}
    for key, word in pairs:
        expected.setdefault(key, set()).add(word)
    for key in "abcdefghz":
        assert set(table.lookup([key])) == expected.get(key, set())
    assert set(table.lookup(list("ab"))) == expected.get("a", set()) | expected.get("b", set())
