"""Runs of equal numbers: deduplicating a sorted array as np.unique would."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from tiescreen.index.runs import run_starts


@given(st.lists(st.integers(-5, 5), max_size=40))
def test_run_starts_deduplicate_like_unique(numbers: list[int]) -> None:
    ordered = np.sort(np.asarray(numbers, dtype=np.int64))
    assert ordered[run_starts(ordered)].tolist() == np.unique(ordered).tolist()
