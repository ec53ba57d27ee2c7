"""A store of an earlier schema: refused with the command that upgrades it, then upgraded in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import assert_clean_error, run
from tests.conftest import NAMESAKE_QUERIES, namesake_lines
from tiescreen.engine.ingest import ingest
from tiescreen.errors import StoreError
from tiescreen.index.memory import NameIndex
from tiescreen.store import open_store


def _candidates(db: Path) -> list[list[int]]:
    with open_store(db, read_only=True) as store:
        index = NameIndex.from_store(store, records=False)
        return [index.lookup(name, limit=50).tolist() for name in NAMESAKE_QUERIES]


def _as_schema_3(db: Path) -> None:
    """The store as tiescreen wrote it with schema 3: a person index without the traits."""
    with open_store(db) as store:
        store.db.query("t", "ALTER TABLE person_index DROP COLUMN twice")
        store.db.query("t", "ALTER TABLE person_index DROP COLUMN fewest")
        store.db.query("t", "UPDATE meta SET value = '3' WHERE key = 'schema_version'")


@pytest.fixture
def old_store(tmp_path: Path) -> tuple[Path, list[list[int]]]:
    (tmp_path / "r.ftm.json").write_text(namesake_lines(), encoding="utf-8")
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, tmp_path / "r.ftm.json", bulk_from=0)
    fresh = _candidates(tmp_path / "s.duckdb")
    _as_schema_3(tmp_path / "s.duckdb")
    return tmp_path / "s.duckdb", fresh


def test_a_schema_3_store_is_refused_read_only_with_the_upgrade_command(old_store: tuple[Path, object]) -> None:
    with pytest.raises(StoreError, match=r"schema version 3.*tiescreen upgrade --db"):
        open_store(old_store[0], read_only=True)


def test_upgrade_in_place_gives_the_fresh_stores_candidates(old_store: tuple[Path, list[list[int]]]) -> None:
    db, fresh = old_store
    folder = db.parent
    (folder / "q.csv").write_text("name\n" + "\n".join(NAMESAKE_QUERIES) + "\n", encoding="utf-8")
    assert_clean_error(run("screen", "q.csv", "--db", db, "-o", "out.jsonl", cwd=folder), 1, "tiescreen upgrade")
    done = run("upgrade", "--db", db, cwd=folder)
    assert done.returncode == 0, done.stderr
    assert "schema version 4" in done.stderr
    assert _candidates(db) == fresh
    assert any(fresh)
    again = run("upgrade", "--db", db, cwd=folder)  # nothing to do: the same store
    assert again.returncode == 0, again.stderr
    assert _candidates(db) == fresh
    screened = run("screen", "q.csv", "--db", db, "-o", "out.jsonl", cwd=folder)
    assert screened.returncode == 0, screened.stderr


def test_upgrade_of_no_store_is_one_clear_line(tmp_path: Path) -> None:
    assert_clean_error(run("upgrade", "--db", tmp_path / "none.duckdb", cwd=tmp_path), 1, "no store here")
    assert not (tmp_path / "none.duckdb").exists()


def test_the_traits_masks_are_rebuilt_not_left_as_they_were(old_store: tuple[Path, list[list[int]]]) -> None:
    db, _ = old_store
    with open_store(db) as store:  # opened for writing: upgraded
        rows = store.db.query("t", "SELECT count(*), count(fewest), max(fewest) FROM person_index")
    count, filled, most = rows[0]
    assert count == filled > 0 and most >= 3
