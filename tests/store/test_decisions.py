"""One suite for the review store, run against SQLite (WAL) and PostgreSQL.

PostgreSQL runs when TIESCREEN_TEST_PG holds a DSN (`.ci/postgres.sh` starts a throwaway
cluster and sets it); each test gets its own schema.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("alembic")

from sqlalchemy import create_engine, text

from tiescreen.errors import StoreError
from tiescreen.review.model import Candidate, NewDecision, Role, RunRecord, Verdict
from tiescreen.store.decisions import DecisionStore, engine_for
from tiescreen.store.decisions.migrate import current_revision, head_revision, upgrade

PG = os.environ.get("TIESCREEN_TEST_PG")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not PG, reason="TIESCREEN_TEST_PG is unset (source .ci/postgres.sh to start one)"),
    ),
]


def pg_schema_url() -> Iterator[str]:
    """A DSN whose search_path is a fresh schema, dropped afterwards."""
    assert PG
    schema = "t_" + secrets.token_hex(6)
    admin = create_engine("postgresql+psycopg://" + PG.split("://", 1)[1])
    with admin.begin() as con:
        con.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG else "?"
    yield f"{PG}{sep}options={quote(f'-csearch_path={schema}')}"
    with admin.begin() as con:
        con.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "review.sqlite")
    else:
        yield from pg_schema_url()


@pytest.fixture
def store(target: str) -> Iterator[DecisionStore]:
    s = DecisionStore.open(target)
    yield s
    s.close()


def _new(verdict: Verdict, user: str = "ann", entity: str = "e1", digest: str = "h1", **kw: object) -> NewDecision:
    return NewDecision(
        "olesya shigina", "Olesya Shigina", entity, digest, verdict, kw.pop("note", None), user, "r1", **kw
    )  # type: ignore[arg-type]


def test_open_migrates_to_the_newest_revision(store: DecisionStore) -> None:
    assert current_revision(store.engine) == head_revision()


def test_upgrade_keeps_data_written_under_the_first_revision(target: str) -> None:
    engine = engine_for(target)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as con:
        con.execute(
            text(
                "INSERT INTO run_candidates (run_id, person_idx, entity_id, query_id, query_name, query_key,"
                " entity_hash, caption, score, tie_kinds) VALUES ('r0', 0, 'e1', 'q1', 'A B', 'a b', 'h', 'AB', 0.9, '')"
            )
        )
    engine.dispose()
    store = DecisionStore.open(target)
    assert current_revision(store.engine) == head_revision()
    [candidate] = store.candidates("r0")
    assert (candidate.entity_id, candidate.confidence) == ("e1", "possible")
    store.close()


def test_a_new_decision_supersedes_the_old_which_stays_in_history(store: DecisionStore) -> None:
    first = store.append([_new(Verdict.CONFIRM, note="same birth date")])[0]
    second = store.append([_new(Verdict.REJECT, user="bob", note="different patronymic", supersedes=first.id)])[0]
    assert second.id > first.id
    current = store.current([("olesya shigina", "e1"), ("olesya shigina", "e2")])
    assert list(current) == [("olesya shigina", "e1")]
    assert current[("olesya shigina", "e1")].verdict == Verdict.REJECT
    history = store.history("olesya shigina", "e1")
    assert [(d.verdict, d.user_name, d.note) for d in history] == [
        (Verdict.REJECT, "bob", "different patronymic"),
        (Verdict.CONFIRM, "ann", "same birth date"),
    ]
    assert all(d.created_at for d in history)
    assert store.histories([("olesya shigina", "e1")])[("olesya shigina", "e1")] == history


def test_decisions_filter_by_run_user_and_entity(store: DecisionStore) -> None:
    store.append([_new(Verdict.CONFIRM), _new(Verdict.UNSURE, user="bob", entity="e2")])
    assert [d.entity_id for d in store.decisions(user="bob")] == ["e2"]
    assert len(store.decisions(run_id="r1")) == 2
    assert [d.user_name for d in store.decisions(entity_id="e1")] == ["ann"]


def test_users_and_api_keys(store: DecisionStore) -> None:
    store.add_user("ann", Role.ADMIN, "hash", by="cli")
    with pytest.raises(StoreError):
        store.add_user("ann", Role.VIEWER, None)
    store.set_user("ann", role=Role.REVIEWER)
    assert store.user("ann") is not None and store.user("ann").role == Role.REVIEWER  # type: ignore[union-attr]
    store.add_api_key("k" * 64, "ann", "tool", "ann")
    assert store.user_for_key("k" * 64).name == "ann"  # type: ignore[union-attr]
    store.revoke_api_key("k" * 64)
    assert store.user_for_key("k" * 64) is None
    assert store.api_keys()[0].revoked_at


def test_runs_and_candidates_round_trip(store: DecisionStore) -> None:
    run = RunRecord("r1", "Event", "running", "2026-01-01T00:00:00+00:00", "ann", threshold=0.7)
    store.create_run(run)
    assert store.run("r1").status == "running"  # type: ignore[union-attr]
    done = RunRecord(
        "r1", "Event", "done", run.created_at, "ann", "0.1.0", 0.7,
        ({"name": "officials", "content_hash": "sha256:ab"},), "people.csv", {"screened": 2},
    )  # fmt: skip
    cands = [
        Candidate("r1", 0, "e1", "q1", "Анна Ли", "анна ли", "h1", "Ли Анна", 0.91, ("office", "party"), "probable")
    ]
    store.finish_run(done, {"people": [], "run": {}}, cands)
    assert store.run("r1") == done
    assert store.runs()[0].sources[0]["content_hash"] == "sha256:ab"
    assert store.candidates("r1") == cands
    assert store.run_result("r1") == {"people": [], "run": {}}


def test_meta_default_is_kept(store: DecisionStore) -> None:
    assert store.meta_set_default("session_secret", "one") == "one"
    assert store.meta_set_default("session_secret", "two") == "one"


def test_sqlite_is_in_wal_mode_and_waits_for_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    store = DecisionStore.open(path)
    other = sqlite3.connect(path, isolation_level=None)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    other.execute("INSERT INTO meta VALUES ('cli', 'busy')")
    done: list[int] = []
    writer = threading.Thread(target=lambda: done.append(store.append([_new(Verdict.CONFIRM)])[0].id))
    writer.start()
    time.sleep(0.3)
    assert store.meta_get("session_secret") is None  # readers are not blocked meanwhile
    other.execute("COMMIT")
    writer.join(10)
    assert done and store.meta_get("cli") == "busy"
    other.close()
    store.close()


def test_a_bad_target_is_a_config_error(tmp_path: Path) -> None:
    from tiescreen.errors import ConfigError

    with pytest.raises(ConfigError, match="postgresql"):
        DecisionStore.open("mysql://x/y")


def test_conditional_append_writes_only_over_the_state_seen(store: DecisionStore) -> None:
    from tiescreen.errors import Conflict

    first = store.append_if(_new(Verdict.CONFIRM), expected=0)
    assert first.supersedes is None
    with pytest.raises(Conflict) as caught:
        store.append_if(_new(Verdict.REJECT, user="bob"), expected=0)
    assert caught.value.current is not None and caught.value.current["id"] == first.id
    assert caught.value.current["user"] == "ann" and "not saved" in str(caught.value)
    second = store.append_if(_new(Verdict.REJECT, user="bob"), expected=first.id)
    assert second.supersedes == first.id
    unchecked = store.append_if(_new(Verdict.UNSURE), expected=None)
    assert unchecked.supersedes == second.id
    assert [d.id for d in store.history("olesya shigina", "e1")] == [unchecked.id, second.id, first.id]


def test_batches_and_single_decisions_racing_leave_a_chain(store: DecisionStore) -> None:
    """8 threads: half append batches over 3 pairs, half single decisions; no two rows supersede one."""
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            for k in range(6):
                if i % 2:
                    store.append([_new(Verdict.REJECT, user=f"u{i}", entity=f"e{j}") for j in range(3)])
                else:
                    store.append_if(_new(Verdict.CONFIRM, user=f"u{i}", entity=f"e{k % 3}"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    for entity in ("e0", "e1", "e2"):
        rows = sorted(store.history("olesya shigina", entity), key=lambda d: d.id)
        assert [d.supersedes for d in rows] == [None] + [d.id for d in rows[:-1]]
    assert len(store.decisions(limit=10_000)) == 4 * 6 * 3 + 4 * 6
