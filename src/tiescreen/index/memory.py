"""The warm index: the store's name index held in memory for fast candidate generation.

Loaded once from the embedded store (:meth:`NameIndex.from_store`): for each blocking key
the registry words that carry it, for each registry word the people whose names have it,
and per person the initials of their name words and their birth year. A query then costs
a few dictionary look-ups and numpy set operations, not a database round trip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from tiescreen.index.candidates import PositionSet, WordHits, merge_hits, rank_candidates, word_weight
from tiescreen.index.plan import QueryPlan, QueryWord, plan_query, word_similarity

if TYPE_CHECKING:
    from tiescreen.store.registry import RegistryStore

__all__ = ["NameIndex"]

IntArray = npt.NDArray[np.int64]


class NameIndex:
    """Blocking keys -> registry words -> people, in memory."""

    def __init__(
        self,
        vocab: dict[str, tuple[str, ...]],
        postings: dict[str, IntArray],
        masks: IntArray,
        years: IntArray,
    ) -> None:
        self.vocab = vocab
        self.postings = postings
        self.masks = masks
        self.years = years

    @classmethod
    def from_store(cls, store: RegistryStore) -> NameIndex:
        """Load the index the store keeps (built at ingest)."""
        vocab, postings, masks, years = store.name_index()
        return cls(vocab, postings, masks, years)

    def __len__(self) -> int:
        return len(self.postings)

    def frequency(self, wkey: str) -> int:
        """How many registry people have this word in their names."""
        people = self.postings.get(wkey)
        return 0 if people is None else len(people)

    def word_sets(self, word: QueryWord) -> PositionSet | None:
        """The people one query word may point at, with weights."""
        wkeys: dict[str, None] = {}
        for key in word.keys:
            for wkey in self.vocab.get(key, ()):
                wkeys.setdefault(wkey, None)
        hits = [
            WordHits(self.postings[w], word_weight(word_similarity(word, w), len(self.postings[w])))
            for w in sorted(wkeys)
            if w in self.postings
        ]
        return merge_hits(word.pos, hits) if hits else None

    def candidates(self, plan: QueryPlan, limit: int) -> IntArray:
        """The numbers of the best ``limit`` registry people for a planned query."""
        sets = [s for s in (self.word_sets(w) for w in plan.words) if s is not None]
        return rank_candidates(
            sets,
            min(2, len(sets)),
            limit,
            initials=plan.initials,
            year=plan.year,
            traits=self.traits,
        )

    def traits(self, people: IntArray) -> tuple[IntArray, IntArray]:
        """Initials masks and birth years of people by number."""
        return self.masks[people], self.years[people]

    def lookup(self, name: str, birth_date: str | None = None, limit: int = 20) -> IntArray:
        """Plan and look up one name."""
        return self.candidates(plan_query(name, birth_date), limit)
