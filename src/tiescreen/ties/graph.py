"""The store's reference graph by row number, in memory, so that a walk reads the store once.

Each step of the tie walk asked the store for a list of ids (people, their references,
the links, the positions, the bodies, the relatives, ...): each read scans the table, about
ten scans a block. The graph here holds every reference between two entities as row numbers
(DuckDB's ``rowid``), both ways, and each person's row by person number. From the people of
a block it finds every row the walk can read (:meth:`RefGraph.reach`), so one read by row
number fetches them all (:class:`~tiescreen.ties.prefetch.Prefetched`).

Kept in the warm cache (:mod:`tiescreen.index.cache`), memory-mapped and shared by the
workers. Built only when the rows are numbered densely and ids and person numbers are
unique, so that a row number names one entity for as long as the cache's stamp holds.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tiescreen.ties.walk import HOLDS, ONWARD

if TYPE_CHECKING:
    from tiescreen.store.registry import RegistryStore
    from tiescreen.store.rowcache import RowTexts

__all__ = ["RefGraph"]

IntArray = npt.NDArray[np.int64]
Array = npt.NDArray[Any]
_FAMILY = ("person", "relative")  # a Family link's people (see ties/walk.py)


@dataclass(frozen=True, slots=True)
class RefGraph:
    """References as rows: ``into_*`` by the row referred to, ``out_*`` by the referring row.

    ``into_src[into[r]:into[r + 1]]`` are the rows referring to row ``r`` (in no particular
    order) and ``into_prop`` their properties (codes into ``props``); ``out_dst``/``out_prop``
    likewise from row ``r``.
    ``people[no]`` is the row of person number ``no`` (-1: none).
    """

    props: tuple[str, ...]
    people: Array
    into: Array
    into_src: Array
    into_prop: Array
    out: Array
    out_dst: Array
    out_prop: Array
    # The entities' rows as text, when the warm cache keeps them (a read of rows then skips the store).
    texts: RowTexts | None = field(default=None, compare=False)

    ARRAYS = ("people", "into", "into_src", "into_prop", "out", "out_dst", "out_prop")

    @classmethod
    def from_store(cls, store: RegistryStore) -> RefGraph | None:
        """The store's graph; None when its row numbers cannot stand for entities."""
        read = store.graph_rows()
        if read is None:
            return None
        rows, (numbers, at), (src, prop, dst), props = read
        return cls(props, _people(numbers, at), *_csr(dst, src, prop, rows), *_csr(src, dst, prop, rows))

    def arrays(self) -> dict[str, Array]:
        """The arrays by name (what the cache writes)."""
        return {name: getattr(self, name) for name in self.ARRAYS}

    @classmethod
    def from_arrays(cls, props: list[str], arrays: dict[str, Array], texts: RowTexts | None = None) -> RefGraph:
        """The graph of arrays by name (what the cache maps) and its property names."""
        people, into, into_src, into_prop, out, out_dst, out_prop = (arrays[name] for name in cls.ARRAYS)
        return cls(tuple(props), people, into, into_src, into_prop, out, out_dst, out_prop, texts)

    @property
    def rows(self) -> int:
        """How many rows the graph numbers."""
        return len(self.into) - 1

    def person_rows(self, numbers: IntArray) -> IntArray:
        """The rows of these person numbers (-1 for a number the graph does not know)."""
        known = (numbers >= 0) & (numbers < len(self.people))
        return np.where(known, self.people[np.where(known, numbers, 0)], -1).astype(np.int64)

    def reach(self, people: IntArray) -> IntArray:
        """Every row the tie walk of these people's rows may read, sorted.

        The people, their links, the links' posts, bodies and employers and their
        organisations, the relatives and the same for them, and the owners of those bodies.
        It holds all the walk reads (more: the owners of bodies the walk classifies by name);
        were the walk to read more, that would be read from the store as before.
        """
        links = self._into(people)
        relatives = self._out(links, _FAMILY)
        their_links = self._into(relatives, HOLDS)
        onward = self._out(np.concatenate([links, their_links]), ONWARD)
        bodies = np.concatenate([onward, self._out(onward, ("organization",))])
        ownerships = self._into(bodies, ("asset",))
        parts = (people, links, relatives, their_links, bodies, ownerships, self._out(ownerships, ("owner",)))
        return np.unique(np.concatenate(parts))

    def referring(self, rows: IntArray, props: Collection[str] | None = None) -> tuple[IntArray, IntArray, IntArray]:
        """``(row, referring row, property code)`` for every reference to one of ``rows`` (through ``props``)."""
        at, index = _runs(self.into, rows)
        codes = self._codes(props)
        if codes is not None:
            keep = np.isin(self.into_prop[index], codes)
            at, index = at[keep], index[keep]
        return at, self.into_src[index], self.into_prop[index]

    def _into(self, rows: IntArray, props: Collection[str] | None = None) -> IntArray:
        return _follow(self.into, self.into_src, self.into_prop, rows, self._codes(props))

    def _out(self, rows: IntArray, props: Collection[str] | None = None) -> IntArray:
        return _follow(self.out, self.out_dst, self.out_prop, rows, self._codes(props))

    def _codes(self, props: Collection[str] | None) -> list[int] | None:
        return None if props is None else [i for i, p in enumerate(self.props) if p in props]


def _follow(offsets: Array, ends: Array, props: Array, rows: IntArray, codes: list[int] | None) -> IntArray:
    """The rows at the other end of the references of ``rows`` (with these property codes)."""
    _at, index = _runs(offsets, np.unique(rows))
    found = ends[index]
    if codes is not None:
        found = found[np.isin(props[index], codes)]
    return found.astype(np.int64)


def _runs(offsets: Array, rows: IntArray) -> tuple[IntArray, IntArray]:
    """For each reference of ``rows``: its row, and its index in the arrays ``offsets`` indexes."""
    starts = offsets[rows].astype(np.int64)
    sizes = offsets[rows + 1].astype(np.int64) - starts
    # A reference's index: its row's start, plus its place in the row's run.
    index = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))
    return np.repeat(rows, sizes), index


def _csr(key: IntArray, other: IntArray, prop: Array, rows: int) -> tuple[Array, Array, Array]:
    """Offsets by ``key`` row, and ``other``/``prop`` in that order."""
    order = np.argsort(key.astype(np.int32), kind="stable")  # a radix sort: five times as fast
    counts = np.bincount(key, minlength=rows)
    wide = np.int64 if len(key) >= 2**31 else np.int32  # half the pages mapped, for most stores
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(wide)
    codes = np.int8 if int(prop.max(initial=0)) < 2**7 else np.int16  # FtM has about 90 entity properties
    return offsets, other[order].astype(np.int32), prop[order].astype(codes)


def _people(numbers: IntArray, at: IntArray) -> Array:
    """Each person number's row (-1: no person has the number)."""
    people = np.full(int(numbers.max()) + 1 if len(numbers) else 1, -1, dtype=np.int32)
    people[numbers] = at
    return people
