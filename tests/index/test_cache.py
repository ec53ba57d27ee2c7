"""The warm cache: the mapped index equals the store's, is never stale, and is never required."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tiescreen.engine.ingest import ingest
from tiescreen.generate import write_registry
from tiescreen.index import cache
from tiescreen.index.memory import NameIndex
from tiescreen.index.plan import plan_query
from tiescreen.store import open_store

NAMES = ("Шигина Олеся", "Olesya Shigina", "Иванов Иван Иванович")


def _same(a: NameIndex, b: NameIndex) -> None:
    assert a.vocab.words == b.vocab.words
    assert np.array_equal(a.vocab.hashes, b.vocab.hashes) and np.array_equal(a.vocab.word_ids, b.vocab.word_ids)
    assert a.postings.keys() == b.postings.keys()
    assert all(np.array_equal(a.postings[w], b.postings[w]) for w in a.postings)
    assert np.array_equal(a.masks, b.masks) and np.array_equal(a.years, b.years)
    assert a.records is not None and b.records is not None
    assert all(a.records.entity(no) == b.records.entity(no) for no in range(len(a.masks) + 1))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    write_registry(tmp_path / "registry.ftm.json", 120, seed=11)
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, tmp_path / "registry.ftm.json", name="officials", bulk_from=0)
    return tmp_path / "s.duckdb"


def test_the_mapped_index_is_the_stores_index(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(store_path, read_only=True) as store:
        monkeypatch.setenv("TIESCREEN_WARM_CACHE", "0")
        direct = NameIndex.from_store(store)
        assert cache.cache_dir(store) is None
        monkeypatch.delenv("TIESCREEN_WARM_CACHE")
        target = cache.cache_dir(store)
        assert target is not None and not target.exists()
        written = NameIndex.from_store(store)  # reads the store, writes the cache
        assert target.is_dir()
        mapped = NameIndex.from_store(store)
        assert isinstance(mapped.records.data if mapped.records else None, memoryview)
    _same(direct, written)
    _same(direct, mapped)
    for name in NAMES:
        plan = plan_query(name)
        assert mapped.candidates(plan, 20).tolist() == direct.candidates(plan, 20).tolist()


def test_a_new_ingest_is_never_served_from_the_old_cache(tmp_path: Path) -> None:
    path = tmp_path / "officials.ftm.json"
    write_registry(path, 60, seed=1)
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        ingest(store, path, bulk_from=0)
        before = NameIndex.from_store(store)
        old = cache.cache_dir(store)
        assert old is not None and old.is_dir()
        write_registry(path, 60, seed=2)  # same file, same source, other people (often in the same second)
        assert ingest(store, path, bulk_from=0).status == "replaced"
        after = NameIndex.from_store(store)
        new = cache.cache_dir(store)
        with open_store(tmp_path / "fresh.duckdb") as fresh:
            ingest(fresh, path, bulk_from=0)
            expected = NameIndex.from_store(fresh)
    assert new != old and new is not None and new.is_dir() and not old.exists()
    assert after.postings.keys() != before.postings.keys()
    assert after.postings.keys() == expected.postings.keys()
    assert after.records is not None and expected.records is not None
    assert after.records.entity(1) == expected.records.entity(1)


def test_a_damaged_cache_is_read_from_the_store_and_rewritten(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_path, read_only=True) as store:
        NameIndex.from_store(store)  # writes the cache (and maps it)
        monkeypatch.setenv("TIESCREEN_WARM_CACHE", "0")
        good = NameIndex.from_store(store)  # read from the store: no mapping of the file damaged below
        monkeypatch.delenv("TIESCREEN_WARM_CACHE")
        target = cache.cache_dir(store)
        assert target is not None
        (target / "hashes.npy").write_bytes(b"damaged")
        again = NameIndex.from_store(store)
        assert (target / "hashes.npy").stat().st_size > 100  # written anew
        _same(good, again)
        _same(good, NameIndex.from_store(store))


def test_an_in_memory_store_has_no_cache() -> None:
    with open_store(":memory:") as store:
        assert cache.cache_dir(store) is None


def test_writing_a_cache_removes_older_ones_and_abandoned_parts(store_path: Path) -> None:
    import os
    import shutil

    with open_store(store_path, read_only=True) as store:
        target = cache.cache_dir(store)
        assert target is not None
        NameIndex.from_store(store)
        shutil.rmtree(target)
        older, abandoned, live = (target.parent / n for n in ("0" * 24, ".part-old", ".part-live"))
        for d in (older, abandoned, live):
            d.mkdir()
        os.utime(abandoned, (1, 1))
        NameIndex.from_store(store)
    assert target.is_dir() and live.is_dir()
    assert not older.exists() and not abandoned.exists()
