"""Blocking key -> registry words, as sorted 64-bit hashes (compact, quick to load).

A registry of a million people has about a hundred thousand distinct name words and ten
million (key, word) pairs: as a Python dictionary that is gigabytes and most of a minute
to load. Here each key is its MD5's lower 64 bits (the store computes the same number with
DuckDB's ``md5_number_lower``), kept sorted beside the number of its word, so loading is a
few numpy arrays and a look-up is a binary search. Two keys that share a hash (about one
pair in 10^10 here) would only add a candidate word, which the scorer then judges.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

__all__ = ["KeyTable", "key_hash"]


@lru_cache(maxsize=100_000)  # recent keys: similar words share many; a batch meets millions
def key_hash(key: str) -> int:
    """The lower 64 bits of the key's MD5, as DuckDB's ``md5_number_lower`` gives them."""
    return int.from_bytes(hashlib.md5(key.encode("utf-8"), usedforsecurity=False).digest()[8:], "little")


class KeyTable:
    """Sorted key hashes, the word each points at, and the words by number."""

    def __init__(self, hashes: npt.NDArray[np.uint64], word_ids: npt.NDArray[np.int64], words: Sequence[str]) -> None:
        order = np.argsort(hashes, kind="stable") if len(hashes) and np.any(hashes[1:] < hashes[:-1]) else None
        self.hashes = hashes if order is None else hashes[order]
        self.word_ids = word_ids if order is None else word_ids[order]
        self.words = list(words)

    @classmethod
    def from_pairs(cls, pairs: Sequence[tuple[str, str]]) -> KeyTable:
        """From ``(key, word)`` pairs (tests, small registries)."""
        words = sorted({w for _, w in pairs})
        number = {w: i for i, w in enumerate(words)}
        unique = sorted(set(pairs))
        hashes = np.array([key_hash(k) for k, _ in unique], dtype=np.uint64)
        return cls(hashes, np.array([number[w] for _, w in unique], dtype=np.int64), words)

    def __len__(self) -> int:
        return len(self.hashes)

    def lookup(self, keys: Sequence[str]) -> list[str]:
        """The registry words any of ``keys`` points at (each once, in word-number order)."""
        if not keys or not len(self.hashes):
            return []
        # Sorted needles walk the table in one direction (a word has about 90 keys).
        wanted = np.unique(np.fromiter((key_hash(k) for k in keys), dtype=np.uint64, count=len(keys)))
        lo = np.searchsorted(self.hashes, wanted, side="left")
        hi = np.searchsorted(self.hashes, wanted, side="right")
        hit = hi > lo
        if not hit.any():
            return []
        lo, hi = lo[hit], hi[hit]
        if int((hi - lo).max()) == 1:
            ids = self.word_ids[lo]
        else:
            ids = np.concatenate([self.word_ids[a:b] for a, b in zip(lo.tolist(), hi.tolist(), strict=True)])
        return [self.words[i] for i in np.unique(ids).tolist()]
