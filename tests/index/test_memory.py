"""The warm index: common registry words' bitmaps change no candidate."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import generated_store
from tiescreen.index import candidates, memory
from tiescreen.index.memory import NameIndex
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
