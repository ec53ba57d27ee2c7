"""A block's tie walk answered from one read of its rows.

:class:`Prefetched` reads, by row number, every row the walk of a block's people may need
(:meth:`~tiescreen.ties.graph.RefGraph.reach`) at once, instead of a scan for each step
of the walk: from the warm cache's copy of the rows when it keeps one
(:mod:`tiescreen.store.rowcache`), else in one scan of the store. It answers the walk's
reads (people, entities, references) the way the store does. Whatever it does not hold it
reads from the store as before, so the walk's result does not depend on what it holds.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import numpy as np

from tiescreen.gcpause import paused_gc
from tiescreen.model import RegistryEntity
from tiescreen.store.registry import RegistryStore
from tiescreen.ties.graph import RefGraph

__all__ = ["Prefetched"]


class Prefetched:
    """The rows a block's walk may read, read at once; the same reads as a store answers."""

    def __init__(self, store: RegistryStore, graph: RefGraph, numbers: Iterable[int]) -> None:
        self.store = store
        self.graph = graph
        self._by_id: dict[str, tuple[RegistryEntity, int]] = {}
        self._ids: dict[int, str] = {}  # row -> id
        self._people: dict[int, RegistryEntity] = {}
        rows = graph.person_rows(np.fromiter(set(numbers), dtype=np.int64))
        with paused_gc():  # a block's rows make about a million objects, none in a cycle
            self._read(graph.reach(rows[rows >= 0]).tolist())

    def _read(self, rows: Iterable[int]) -> None:
        texts = self.graph.texts  # the warm cache's copy of the rows, when it has one
        for entity, no, row in (self.store if texts is None else texts).at_rows(rows):
            self._by_id[entity.id] = (entity, row)
            self._ids[row] = entity.id
            if no is not None:
                self._people[int(no)] = entity

    def people(self, numbers: Iterable[int]) -> dict[int, RegistryEntity]:
        """Person entities by their number in the name index (as the store's ``people``)."""
        wanted = sorted({int(n) for n in numbers})
        rows = self.graph.person_rows(np.asarray(wanted, dtype=np.int64)).tolist()
        self._read(row for n, row in zip(wanted, rows, strict=True) if row >= 0 and n not in self._people)
        found = {n: self._people[n] for n in wanted if n in self._people}
        if len(found) < len(wanted):  # numbers of no person (a row is keyed by the number it holds)
            found.update(self.store.people(n for n in wanted if n not in found))
        return found

    def entities(self, ids: Iterable[str], *, cited: bool = False) -> dict[str, RegistryEntity]:
        """Entities by id (as the store's ``entities``; those read here with their full provenance)."""
        found: dict[str, RegistryEntity] = {}
        rest: list[str] = []
        for i in ids:
            held = self._by_id.get(i)
            if held is None:
                rest.append(i)
            else:
                found[i] = held[0]
        if rest:
            found.update(self.store.entities(rest, cited=cited))
        return found

    def referring(self, ids: Iterable[str], props: Collection[str] | None = None) -> list[tuple[str, str, str]]:
        """``(src, prop, dst)`` for every reference to one of ``ids`` (through ``props``, if
        given), sorted: the store's, but for references from ids of no entity (the walk finds
        no link there and skips them)."""
        rows: list[int] = []
        rest: list[str] = []
        for i in dict.fromkeys(ids):
            held = self._by_id.get(i)
            if held is None:
                rest.append(i)
            else:
                rows.append(held[1])
        out = self._referring(rows, props)
        if rest:  # not read here: the store's references (the same, and any from outside the graph)
            out.extend(self.store.referring(rest, props))
        return sorted(set(out))

    def _referring(self, rows: list[int], props: Collection[str] | None) -> list[tuple[str, str, str]]:
        dst, src, prop = (a.tolist() for a in self.graph.referring(np.asarray(rows, dtype=np.int64), props))
        ids = self._ids
        self._read({s for s in src if s not in ids})
        names = self.graph.props
        return [(ids[s], names[p], ids[d]) for d, s, p in zip(dst, src, prop, strict=True) if s in ids]
