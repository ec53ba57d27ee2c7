"""Word key -> the people whose names carry it, sliced on demand from one flat array.

The warm cache keeps every word's people end to end in one array with their offsets. Making
a slice for each of the 86,000 words of a million-person registry at load took 0.1 s of
every screening's start-up; a query meets a few dozen of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["Postings"]

IntArray = npt.NDArray[np.int64]


class Postings(Mapping[str, IntArray]):
    """``words[i]``'s people are ``flat[offsets[i]:offsets[i + 1]]`` (sorted numbers)."""

    __slots__ = ("_at", "_flat", "_offsets")

    def __init__(self, words: Sequence[str], flat: IntArray, offsets: npt.NDArray[np.integer]) -> None:
        if len(offsets) != len(words) + 1:
            raise ValueError(f"{len(words)} words need {len(words) + 1} offsets, not {len(offsets)}")
        self._at = dict(zip(words, range(len(words)), strict=True))
        self._flat = flat
        self._offsets = offsets

    def get(self, word: str, default: IntArray | None = None) -> IntArray | None:  # type: ignore[override]
        i = self._at.get(word)
        if i is None:
            return default
        return self._flat[int(self._offsets[i]) : int(self._offsets[i + 1])]

    def __getitem__(self, word: str) -> IntArray:
        people = self.get(word)
        if people is None:
            raise KeyError(word)
        return people

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def __contains__(self, word: object) -> bool:
        return word in self._at
