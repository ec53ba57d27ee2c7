"""The warm index: common registry words' bitmaps change no candidate."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import generated_store
from tiescreen.index import candidates, memory
from tiescreen.index.candidates import PositionSet, merge_hits
from tiescreen.index.memory import NameIndex
from tiescreen.index.plan import QueryWord, plan_query
from tiescreen.ingest import read_people
from tiescreen.store import open_store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("memory")
    return generated_store(d, 300, 11, queries=80), d / "queries.csv"


def _all_candidates(db: Path, queries: Path) -> list[list[int]]:
    with open_store(db, read_only=True) as store:
        index = NameIndex.from_store(store, records=False)
        return [index.lookup(q.name, q.birth_date).tolist() for q in read_people(queries)]


def test_bitmaps_give_the_candidates_the_people_give(
    store_path: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(candidates, "GENERATE_CAP", 3)  # most words common: weighed, not generating
    monkeypatch.setattr(memory, "BITMAP_MIN", 10**9)
    without = _all_candidates(*store_path)
    monkeypatch.setattr(memory, "BITMAP_MIN", 0)  # every registry word gets one (up to BITMAPS)
    monkeypatch.setattr(memory, "BITMAPS", 10**6)
    assert _all_candidates(*store_path) == without
    monkeypatch.setattr(memory, "BITMAPS", 3)  # the rest read their people
    assert _all_candidates(*store_path) == without
    assert any(without)


def test_bitmaps_are_bounded(store_path: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "BITMAP_MIN", 0)
    monkeypatch.setattr(memory, "BITMAPS", 5)
    with open_store(store_path[0], read_only=True) as store:
        index = NameIndex.from_store(store, records=False)
        for q in read_people(store_path[1]):
            index.lookup(q.name, q.birth_date)
        assert len(index._bitmaps) == 5


def _same(got: PositionSet | None, want: PositionSet | None) -> bool:
    if got is None or want is None:
        return got is want
    return (got.pos, got.largest, got.total) == (want.pos, want.largest, want.total) and all(
        a.people is b.people and a.weight == b.weight and a.bits is b.bits
        for a, b in zip(got.hits, want.hits, strict=True)
    )


def test_word_sets_kept_between_queries_are_each_words_own(store_path: tuple[Path, Path]) -> None:
    with open_store(store_path[0], read_only=True) as store:
        index = NameIndex.from_store(store, records=False)
        words = [w for q in read_people(store_path[1]) for w in plan_query(q.name).words]
        words += [QueryWord(w.pos + 1, w.raw, w.exact, w.keys) for w in words]  # the same words at other places
        nothing = QueryWord(0, "Qqqqqq", frozenset({"qqqqqq"}), ("qqqqqq",))
        assert index._word_hits(nothing) == ()
        for _ in range(2):  # asked first, then kept
            for word in [*words, nothing]:
                hits = index._word_hits(word)
                assert _same(index.word_sets(word), merge_hits(word.pos, hits) if hits else None)
        assert index.word_sets(nothing) is None
        assert len(index._hits) < len(words)  # words repeat: the cache is used
