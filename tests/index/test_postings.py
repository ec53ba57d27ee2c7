"""Word postings sliced on demand from the warm cache's flat array."""

from __future__ import annotations

import numpy as np
import pytest

from tiescreen.index.postings import Postings


def test_each_word_gets_its_own_slice_of_the_flat_array() -> None:
    flat = np.array([1, 5, 9, 2, 3, 7], dtype=np.int64)
    postings = Postings(["ivanov", "petrov", "sidorov"], flat, np.array([0, 3, 3, 6]))
    assert postings["ivanov"].tolist() == [1, 5, 9]
    assert postings["petrov"].tolist() == []  # a word with no people left
    assert postings.get("sidorov").tolist() == [2, 3, 7]  # type: ignore[union-attr]
    assert postings.get("smirnov") is None and "smirnov" not in postings and "ivanov" in postings
    assert list(postings) == ["ivanov", "petrov", "sidorov"] and len(postings) == 3
    with pytest.raises(KeyError):
        postings["smirnov"]
    assert np.shares_memory(postings["ivanov"], flat)  # a view: nothing copied


def test_offsets_must_fit_the_words() -> None:
    with pytest.raises(ValueError, match="2 words need 3 offsets"):
        Postings(["a", "b"], np.zeros(2, dtype=np.int64), np.array([0, 2]))
