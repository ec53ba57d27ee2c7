"""Blocking key -> registry words, as sorted 64-bit hashes (compact, quick to load).

A registry of a million people has about a hundred thousand distinct name words and ten
million (key, word) pairs: as a Python dictionary that is gigabytes and most of a minute
to load. Here each key is its MD5's lower 64 bits (the store computes the same number with
DuckDB's ``md5_number_lower``), kept sorted beside the number of its word, so loading is a
few numpy arrays; a look-up reads, for each key, the few hashes that share its top bits
(where they start is worked out once, at load). Two keys that share a hash (about one pair
in 10^10 here) would only add a candidate word, which the scorer then judges.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import numpy as np
import numpy.typing as npt

from tiescreen.index.runs import run_starts

__all__ = ["KeyTable", "key_hash", "key_hashes"]

_md5: Callable[[bytes], Any]
try:  # CPython's own MD5: a third of hashlib's time on short keys (no OpenSSL context per call)
    from _md5 import md5 as _md5  # type: ignore[no-redef]
except ImportError:  # pragma: no cover - other Pythons
    _md5 = partial(hashlib.md5, usedforsecurity=False)
_digest = type(_md5(b"")).digest


def key_hash(key: str) -> int:
    """The lower 64 bits of the key's MD5, as DuckDB's ``md5_number_lower`` gives them."""
    return int.from_bytes(_md5(key.encode("utf-8")).digest()[8:], "little")


class KeyTable:
    """Sorted key hashes, the word each points at, and the words by number."""

    def __init__(
        self,
        hashes: npt.NDArray[np.uint64],
        word_ids: npt.NDArray[np.int64],
        words: Sequence[str],
        runs: npt.NDArray[np.int64] | None = None,
    ) -> None:
        """``runs``: the :attr:`runs` of a table of these same (sorted) hashes, kept from before
        (the warm cache): then neither the order is checked nor the runs worked out again."""
        self._shift = np.uint64(64 - max(1, len(hashes).bit_length() - 4))
        if runs is not None and len(runs) == (1 << (64 - int(self._shift))) + 1:
            self.hashes, self.word_ids, self.words, self.runs = hashes, word_ids, list(words), runs
            return
        order = np.argsort(hashes, kind="stable") if len(hashes) and np.any(hashes[1:] < hashes[:-1]) else None
        self.hashes = hashes if order is None else hashes[order]
        self.word_ids = word_ids if order is None else word_ids[order]
        self.words = list(words)
        # Where each run of hashes sharing their top bits starts (eight to sixteen hashes a run): a
        # look-up reads one short run instead of a binary search over megabytes of hashes.
        tops = np.arange(1 << (64 - int(self._shift)), dtype=np.uint64) << self._shift
        self.runs = np.append(np.searchsorted(self.hashes, tops), len(self.hashes)).astype(np.int64)

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
        wanted = key_hashes(keys)
        top = (wanted >> self._shift).astype(np.intp)
        starts = self.runs[top]
        lengths = self.runs[top + 1] - starts
        # Every place of every run, end to end, kept where the hash is the key's.
        ends = np.cumsum(lengths)
        places = np.arange(int(ends[-1])) + np.repeat(starts - ends + lengths, lengths)
        ids = self.word_ids[places[self.hashes[places] == np.repeat(wanted, lengths)]]
        ids.sort()
        return [self.words[i] for i in ids[run_starts(ids)].tolist()]


def key_hashes(keys: Sequence[str]) -> npt.NDArray[np.uint64]:
    """:func:`key_hash` of many keys at once (the digests' upper halves read as one array)."""
    # Chained maps: encoded, hashed and digested in C, with no Python frame per key (about 7% less).
    digests = b"".join(map(_digest, map(_md5, map(str.encode, keys))))
    return np.frombuffer(digests, dtype="<u8")[1::2].astype(np.uint64)
