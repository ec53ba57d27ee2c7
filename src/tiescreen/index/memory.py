"""The warm index: the store's name index held in memory for fast candidate generation.

Loaded once from the embedded store (:meth:`NameIndex.from_store`): for each blocking key
the registry words that carry it, for each registry word the people whose names have it,
per person the initials of their name words and their birth year, and each person's scoring
record (:mod:`tiescreen.index.records`). A query then costs a few dictionary look-ups and
numpy set operations, and its candidates are scored without a database round trip.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from tiescreen.index.candidates import PositionSet, WordHits, merge_hits, rank_candidates, word_weight
from tiescreen.index.keytable import KeyTable
from tiescreen.index.plan import QueryPlan, QueryWord, plan_query, word_similarity
from tiescreen.index.records import ScoringRecords
from tiescreen.index.traits import initial_bit

if TYPE_CHECKING:
    from tiescreen.store.registry import RegistryStore

__all__ = ["NameIndex"]

IntArray = npt.NDArray[np.int64]
# Registry words of more people than this get a bitmap over all numbers (an eighth of a byte a
# number: 430 kB at 3.5M), in which a query's few thousand candidates are looked up directly
# instead of a pass over the word's tens of thousands of people. About fifty such words in a
# million people; BITMAPS bounds the memory (28 MB at 3.5M numbers).
BITMAP_MIN = 10_000
BITMAPS = 64
HITS_CACHE = 50_000  # query words whose registry words are kept between queries
_NO_HITS = PositionSet(-1, (), 0, 0)  # kept for a query word that matches no registry word


class NameIndex:
    """Blocking keys -> registry words -> people, in memory."""

    def __init__(
        self,
        vocab: KeyTable,
        postings: Mapping[str, IntArray],
        masks: IntArray,
        years: IntArray,
        records: ScoringRecords | None = None,
    ) -> None:
        self.vocab = vocab
        self.postings = postings
        self.masks = masks
        self.years = years
        self.records = records
        self._hits: dict[tuple[tuple[str, ...], frozenset[str]], PositionSet] = {}
        self._bitmaps: dict[str, npt.NDArray[np.uint8]] = {}

    @classmethod
    def from_store(cls, store: RegistryStore, records: bool = True) -> NameIndex:
        """Load the index the store keeps (built at ingest), with the scoring records unless told not to.

        Mapped from the store's warm cache when it has one for the store as it is now
        (:mod:`tiescreen.index.cache`); else read from the store, and the cache written.
        """
        from tiescreen.index import cache

        cached = cache.load(store)
        if cached is not None:
            keys, postings, masks, years, scoring = cached
            return cls(keys, postings, masks, years, scoring if records else None)
        if not records:
            return cls(*store.name_index())
        with ThreadPoolExecutor(max_workers=1) as pool:  # DuckDB reads the records while Python builds the rest
            pending = pool.submit(store.scoring_records)
            vocab, postings, masks, years = store.name_index()
            loaded = ScoringRecords.from_parts(*pending.result())
        if cache.save(store, (vocab, postings, masks, years, loaded)) is not None:
            # Map what was just written, as every later run will: the pages are the page
            # cache's, shared with the workers, and the copies read from the store are freed.
            written = cache.load(store)
            if written is not None:
                return cls(*written)
        return cls(vocab, postings, masks, years, loaded)

    def __len__(self) -> int:
        return len(self.postings)

    def frequency(self, wkey: str) -> int:
        """How many registry people have this word in their names."""
        people = self.postings.get(wkey)
        return 0 if people is None else len(people)

    def word_sets(self, word: QueryWord) -> PositionSet | None:
        """The people one query word may point at, with weights."""
        # Names repeat (Александр, Ивановна...), and one in seven new words shares its keys with
        # another word (Oleg, Олег): the registry words found are kept by keys and readings,
        # merged (their sizes summed once, not per query).
        found = (word.keys, word.exact)
        merged = self._hits.get(found)
        if merged is None:
            hits = self._word_hits(word)
            merged = merge_hits(word.pos, hits) if hits else _NO_HITS
            if len(self._hits) >= HITS_CACHE:
                self._hits.clear()
            self._hits[found] = merged  # (arrays are shared, not copied)
        if merged is _NO_HITS:
            return None
        return merged if merged.pos == word.pos else PositionSet(word.pos, merged.hits, merged.largest, merged.total)

    def _word_hits(self, word: QueryWord) -> tuple[WordHits, ...]:
        """The registry words a query word may be, by key: each with its people, weight and (if common) bitmap."""
        hits = []
        for wkey in sorted(self.vocab.lookup(word.keys)):
            people = self.postings.get(wkey)
            if people is not None:
                weight = word_weight(word_similarity(word, wkey), len(people))
                bits = self._bitmap(wkey, people) if len(people) > BITMAP_MIN else None
                hits.append(WordHits(people, weight, bits, initial_bit(wkey)))
        return tuple(hits)

    def _bitmap(self, wkey: str, people: IntArray) -> npt.NDArray[np.uint8] | None:
        """A common registry word's people as a bitmap over all numbers (made on first use, at most BITMAPS)."""
        bits = self._bitmaps.get(wkey)
        if bits is None and len(self._bitmaps) < BITMAPS:
            marks = np.zeros(len(self.masks), dtype=bool)
            marks[people] = True
            bits = self._bitmaps[wkey] = np.packbits(marks, bitorder="little")
        return bits

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
            words=len(plan.words),
            repeated=plan.repeated,
        )

    def traits(self, people: IntArray) -> tuple[IntArray, IntArray]:
        """Traits masks (:mod:`tiescreen.index.traits`) and birth years of people by number."""
        return self.masks[people], self.years[people]

    def lookup(self, name: str, birth_date: str | None = None, limit: int = 20) -> IntArray:
        """Plan and look up one name."""
        return self.candidates(plan_query(name, birth_date), limit)
