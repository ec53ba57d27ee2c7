"""The review store: users, API keys, runs and the append-only decision log.

One class over SQLAlchemy Core runs on both backends; what differs (WAL pragmas, the
PostgreSQL driver) lives in ``connect.py``. Every method is one short transaction, so a
web app and a CLI can share the store.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from tiescreen.errors import Conflict, StoreError
from tiescreen.review.model import ApiKey, Candidate, Decision, NewDecision, Role, RunRecord, User, Verdict
from tiescreen.store.decisions import tables as t
from tiescreen.store.decisions.connect import engine_for, is_postgres
from tiescreen.store.decisions.migrate import upgrade

_IN_CHUNK = 500


def now() -> str:
    """The current UTC time as an ISO string (seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class DecisionStore:
    """Review data in SQLite (WAL) or PostgreSQL, migrated to the newest schema on open."""

    def __init__(self, engine: Engine, *, migrate: bool = True) -> None:
        self.engine = engine
        self.backend = engine.dialect.name
        if migrate:
            upgrade(engine)

    @classmethod
    def open(cls, target: str | Path) -> DecisionStore:
        """Open the store at a SQLite path or a ``postgresql://`` URL."""
        return cls(engine_for(target))

    @property
    def shared(self) -> bool:
        return is_postgres(str(self.engine.url))

    def close(self) -> None:
        self.engine.dispose()

    def _read(self, stmt: Any) -> list[Any]:
        try:
            with self.engine.connect() as con:
                return list(con.execute(stmt).all())
        except SQLAlchemyError as exc:
            raise StoreError(f"review store ({self.backend}): {exc.__class__.__name__}: {exc}") from exc

    def _write(self, *stmts: Any) -> list[Any]:
        try:
            with self.engine.begin() as con:
                return [con.execute(s) for s in stmts]
        except IntegrityError as exc:
            raise StoreError(f"review store ({self.backend}): already exists ({exc.orig})") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"review store ({self.backend}): {exc.__class__.__name__}: {exc}") from exc

    # -- meta ------------------------------------------------------------------------------

    def meta_get(self, key: str) -> str | None:
        rows = self._read(select(t.meta.c.value).where(t.meta.c.key == key))
        return str(rows[0][0]) if rows else None

    def meta_set_default(self, key: str, value: str) -> str:
        """Store ``value`` unless the key exists; return what is stored."""
        existing = self.meta_get(key)
        if existing is not None:
            return existing
        with contextlib.suppress(StoreError):  # another process won the race
            self._write(insert(t.meta).values(key=key, value=value))
        return self.meta_get(key) or value

    # -- users and keys --------------------------------------------------------------------

    def add_user(self, name: str, role: Role, password_hash: str | None, by: str | None = None) -> User:
        user = User(name, role, password_hash, now(), by)
        self._write(
            insert(t.users).values(
                name=name, role=str(role), password_hash=password_hash, created_at=user.created_at, created_by=by
            )
        )
        return user

    def set_user(self, name: str, *, role: Role | None = None, password_hash: str | None = None) -> None:
        values: dict[str, Any] = {}
        if role is not None:
            values["role"] = str(role)
        if password_hash is not None:
            values["password_hash"] = password_hash
        if values:
            self._write(update(t.users).where(t.users.c.name == name).values(**values))

    def user(self, name: str) -> User | None:
        rows = self._read(select(t.users).where(t.users.c.name == name))
        return _user(rows[0]) if rows else None

    def users(self) -> list[User]:
        return [_user(r) for r in self._read(select(t.users).order_by(t.users.c.name))]

    def add_api_key(self, key_hash: str, user_name: str, label: str | None, by: str | None) -> ApiKey:
        key = ApiKey(key_hash, user_name, label, now(), by)
        self._write(
            insert(t.api_keys).values(
                key_hash=key_hash, user_name=user_name, label=label, created_at=key.created_at, created_by=by
            )
        )
        return key

    def user_for_key(self, key_hash: str) -> User | None:
        stmt = (
            select(t.users)
            .join(t.api_keys, t.api_keys.c.user_name == t.users.c.name)
            .where(t.api_keys.c.key_hash == key_hash, t.api_keys.c.revoked_at.is_(None))
        )
        rows = self._read(stmt)
        return _user(rows[0]) if rows else None

    def api_keys(self) -> list[ApiKey]:
        rows = self._read(select(t.api_keys).order_by(t.api_keys.c.created_at))
        return [ApiKey(r.key_hash, r.user_name, r.label, r.created_at, r.created_by, r.revoked_at) for r in rows]

    def revoke_api_key(self, key_hash: str) -> None:
        self._write(update(t.api_keys).where(t.api_keys.c.key_hash == key_hash).values(revoked_at=now()))

    # -- runs ------------------------------------------------------------------------------

    def create_run(self, run: RunRecord) -> None:
        self._write(
            insert(t.runs).values(
                id=run.id,
                title=run.title,
                status=run.status,
                created_at=run.created_at,
                created_by=run.created_by,
                people_file=run.people_file,
            )
        )

    def finish_run(self, run: RunRecord, result: dict[str, Any] | None, candidates: Sequence[Candidate]) -> None:
        """Record a run's outcome, its full result and its candidates in one transaction."""
        values = {
            "status": run.status,
            "error": run.error,
            "tool_version": run.tool_version,
            "threshold": run.threshold,
            "people_file": run.people_file,
            "sources": json.dumps(list(run.sources), ensure_ascii=False),
            "summary": json.dumps(run.summary, ensure_ascii=False),
            "result": json.dumps(result, ensure_ascii=False) if result is not None else None,
        }
        stmts: list[Any] = [
            update(t.runs).where(t.runs.c.id == run.id).values(**values),
            delete(t.run_candidates).where(t.run_candidates.c.run_id == run.id),
        ]
        if candidates:
            stmts.append(insert(t.run_candidates).values([_candidate_row(c) for c in candidates]))
        self._write(*stmts)

    def run(self, run_id: str) -> RunRecord | None:
        rows = self._read(select(*_RUN_COLS).where(t.runs.c.id == run_id))
        return _run(rows[0]) if rows else None

    def runs(self, limit: int = 200) -> list[RunRecord]:
        stmt = select(*_RUN_COLS).order_by(t.runs.c.created_at.desc(), t.runs.c.id.desc()).limit(limit)
        return [_run(r) for r in self._read(stmt)]

    def run_result(self, run_id: str) -> dict[str, Any] | None:
        rows = self._read(select(t.runs.c.result).where(t.runs.c.id == run_id))
        return json.loads(rows[0][0]) if rows and rows[0][0] else None

    def candidates(self, run_id: str) -> list[Candidate]:
        stmt = (
            select(t.run_candidates)
            .where(t.run_candidates.c.run_id == run_id)
            .order_by(t.run_candidates.c.person_idx, t.run_candidates.c.score.desc(), t.run_candidates.c.entity_id)
        )
        return [_candidate(r) for r in self._read(stmt)]

    # -- decisions -------------------------------------------------------------------------

    def append(self, new: Sequence[NewDecision]) -> list[Decision]:
        """Append decisions in one transaction and return them with their ids.

        The batch holds the store's write lock (as :meth:`append_if` does for one pair), and
        each decision but an undo supersedes its pair's newest decision at the moment of
        writing, so a bulk action racing single decisions leaves no fork in the log.
        """
        if not new:
            return []
        at = now()
        out: list[Decision] = []
        try:
            with self._write_lock(None) as con:
                for d in new:
                    if d.action != "undo":
                        head = con.execute(_head(d.query_key, d.entity_id)).first()
                        d = replace(d, supersedes=int(head.id) if head is not None else None)
                    row = dict(_new_row(d), created_at=at)
                    result = con.execute(insert(t.decisions).values(**row).returning(t.decisions.c.id))
                    out.append(_decision_from(dict(row, id=int(result.scalar_one()))))
        except SQLAlchemyError as exc:
            raise StoreError(f"review store ({self.backend}): cannot record decisions: {exc}") from exc
        return out

    def append_if(self, new: NewDecision, expected: int | None = None) -> Decision:
        """Append one decision if the pair's newest decision is still the one the caller saw.

        The pair's newest row is read and the new row written under one write lock (SQLite:
        ``BEGIN IMMEDIATE``; PostgreSQL: a transaction-scoped advisory lock on the pair), so
        of several writers that saw the same state exactly one succeeds, and each accepted
        decision supersedes the row that was really in force when it was written.

        Args:
            new: the decision; when its ``supersedes`` is None, it is set to the pair's
                newest decision at the moment of writing.
            expected: the id of the newest decision the caller saw, 0 when it saw none, or
                None to skip the check (the last writer wins).

        Returns:
            The decision as stored, with its id.

        Raises:
            Conflict: the pair's newest decision is not ``expected``; carries that decision.
            StoreError: the database failed.
        """
        try:
            with self._write_lock((new.query_key, new.entity_id)) as con:
                row = con.execute(_head(new.query_key, new.entity_id)).first()
                head = _decision(row) if row is not None else None
                if expected is not None and expected != (head.id if head else 0):
                    raise _conflict(new, expected, head)
                if new.supersedes is None and head is not None:
                    new = replace(new, supersedes=head.id)
                values = dict(_new_row(new), created_at=now())
                result = con.execute(insert(t.decisions).values(**values).returning(t.decisions.c.id))
                return _decision_from(dict(values, id=int(result.scalar_one())))
        except SQLAlchemyError as exc:
            raise StoreError(f"review store ({self.backend}): cannot record the decision: {exc}") from exc

    @contextlib.contextmanager
    def _write_lock(self, pair: tuple[str, str] | None) -> Iterator[Connection]:
        """A transaction holding the write lock of one (query_key, entity_id) pair, or of all.

        SQLite has one write lock, taken up front (``BEGIN IMMEDIATE``). PostgreSQL uses
        transaction-scoped advisory locks: a single decision holds the shared "decisions"
        lock and its pair's exclusive one; a batch holds the "decisions" lock exclusively.
        """
        with self.engine.connect() as con:
            if self.backend == "sqlite":
                con.exec_driver_sql("BEGIN IMMEDIATE")  # the database's write lock, taken now
            elif pair is None:
                con.execute(text("SELECT pg_advisory_xact_lock(:ns, 0)"), {"ns": _LOCK_ALL})
            else:
                con.execute(text("SELECT pg_advisory_xact_lock_shared(:ns, 0)"), {"ns": _LOCK_ALL})
                key = "\x1f".join(pair)
                con.execute(text("SELECT pg_advisory_xact_lock(:ns, hashtext(:key))"), {"ns": _LOCK_NS, "key": key})
            try:
                yield con
            except BaseException:
                con.rollback()
                raise
            con.commit()

    def current(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Decision]:
        """The newest decision of each (query_key, entity_id) pair that has one."""
        wanted = sorted(set(pairs))
        found: dict[tuple[str, str], Decision] = {}
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            cond = or_(*(and_(t.decisions.c.query_key == q, t.decisions.c.entity_id == e) for q, e in chunk))
            newest = (
                select(func.max(t.decisions.c.id))
                .where(cond)
                .group_by(t.decisions.c.query_key, t.decisions.c.entity_id)
            )
            for row in self._read(select(t.decisions).where(t.decisions.c.id.in_(newest))):
                d = _decision(row)
                found[d.pair] = d
        return found

    def history(self, query_key: str, entity_id: str) -> list[Decision]:
        """Every decision of a pair, newest first."""
        stmt = (
            select(t.decisions)
            .where(t.decisions.c.query_key == query_key, t.decisions.c.entity_id == entity_id)
            .order_by(t.decisions.c.id.desc())
        )
        return [_decision(r) for r in self._read(stmt)]

    def histories(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Decision]]:
        """The history of many pairs at once, newest first within each pair."""
        wanted = sorted(set(pairs))
        found: dict[tuple[str, str], list[Decision]] = {}
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            cond = or_(*(and_(t.decisions.c.query_key == q, t.decisions.c.entity_id == e) for q, e in chunk))
            for row in self._read(select(t.decisions).where(cond).order_by(t.decisions.c.id.desc())):
                d = _decision(row)
                found.setdefault(d.pair, []).append(d)
        return found

    def decision(self, decision_id: int) -> Decision | None:
        rows = self._read(select(t.decisions).where(t.decisions.c.id == decision_id))
        return _decision(rows[0]) if rows else None

    def decisions(
        self, *, run_id: str | None = None, user: str | None = None, entity_id: str | None = None, limit: int = 500
    ) -> list[Decision]:
        """Decisions, newest first, optionally of one run, user or entity."""
        stmt = select(t.decisions)
        if run_id is not None:
            stmt = stmt.where(t.decisions.c.run_id == run_id)
        if user is not None:
            stmt = stmt.where(t.decisions.c.user_name == user)
        if entity_id is not None:
            stmt = stmt.where(t.decisions.c.entity_id == entity_id)
        return [_decision(r) for r in self._read(stmt.order_by(t.decisions.c.id.desc()).limit(limit))]


_RUN_COLS = tuple(c for c in t.runs.c if c.name != "result")
_LOCK_NS = 0x7453  # advisory-lock namespace of decision pairs ("tS")
_LOCK_ALL = 0x7454  # advisory-lock namespace of the whole decision log


def _head(query_key: str, entity_id: str) -> Any:
    """The newest decision row of a pair."""
    cond = and_(t.decisions.c.query_key == query_key, t.decisions.c.entity_id == entity_id)
    return select(t.decisions).where(cond).order_by(t.decisions.c.id.desc()).limit(1)


def _conflict(new: NewDecision, expected: int, head: Decision | None) -> Conflict:
    saw = f"decision #{expected}" if expected else "no decision"
    now_text = f"{head.verdict} by {head.user_name} at {head.created_at} (#{head.id})" if head else "undecided"
    message = f"{new.query_name} / {new.entity_id}: you saw {saw}, but it is now {now_text}; not saved"
    return Conflict(message, head.to_dict() if head else None)


def _user(row: Any) -> User:
    return User(row.name, Role(row.role), row.password_hash, row.created_at, row.created_by)


def _run(row: Any) -> RunRecord:
    return RunRecord(
        id=row.id,
        title=row.title,
        status=row.status,
        created_at=row.created_at,
        created_by=row.created_by,
        tool_version=row.tool_version,
        threshold=row.threshold,
        sources=tuple(json.loads(row.sources)) if row.sources else (),
        people_file=row.people_file,
        summary=json.loads(row.summary) if row.summary else {},
        error=row.error,
    )


def _candidate_row(c: Candidate) -> dict[str, Any]:
    return {
        "run_id": c.run_id,
        "person_idx": c.person_idx,
        "entity_id": c.entity_id,
        "query_id": c.query_id,
        "query_name": c.query_name,
        "query_key": c.query_key,
        "entity_hash": c.entity_hash,
        "caption": c.caption,
        "score": c.score,
        "tie_kinds": ",".join(c.tie_kinds),
        "confidence": c.confidence,
    }


def _candidate(row: Any) -> Candidate:
    kinds = tuple(k for k in (row.tie_kinds or "").split(",") if k)
    return Candidate(
        row.run_id,
        int(row.person_idx),
        row.entity_id,
        row.query_id or "",
        row.query_name,
        row.query_key,
        row.entity_hash,
        row.caption or "",
        float(row.score),
        kinds,
        row.confidence or "possible",
    )


def _new_row(d: NewDecision) -> dict[str, Any]:
    return {
        "query_key": d.query_key,
        "query_name": d.query_name,
        "entity_id": d.entity_id,
        "entity_hash": d.entity_hash,
        "verdict": str(d.verdict),
        "note": d.note,
        "user_name": d.user_name,
        "run_id": d.run_id,
        "action": d.action,
        "supersedes": d.supersedes,
    }


def _decision_from(row: dict[str, Any]) -> Decision:
    return Decision(
        id=int(row["id"]),
        query_key=row["query_key"],
        query_name=row["query_name"],
        entity_id=row["entity_id"],
        entity_hash=row["entity_hash"],
        verdict=Verdict(row["verdict"]),
        note=row["note"],
        user_name=row["user_name"],
        created_at=row["created_at"],
        run_id=row["run_id"],
        action=row["action"],
        supersedes=row["supersedes"],
    )


def _decision(row: Any) -> Decision:
    return _decision_from(dict(row._mapping))
