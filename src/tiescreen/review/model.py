"""Plain data of the review: roles, users, verdicts, decisions, runs (no I/O here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """What a user may do; each role includes the ones before it."""

    VIEWER = "viewer"
    REVIEWER = "reviewer"
    ADMIN = "admin"

    def __str__(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        return ("viewer", "reviewer", "admin").index(self.value)

    def allows(self, needed: Role) -> bool:
        """True when this role includes ``needed``."""
        return self.rank >= needed.rank


class Verdict(StrEnum):
    """A reviewer's decision on a candidate. ``none`` means undecided again (after an undo)."""

    CONFIRM = "confirm"
    REJECT = "reject"
    UNSURE = "unsure"
    NONE = "none"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class User:
    """Someone who signed in (local account, trusted header or API key)."""

    name: str
    role: Role
    password_hash: str | None = None
    created_at: str = ""
    created_by: str | None = None


@dataclass(frozen=True, slots=True)
class ApiKey:
    """An API key as stored: only its hash, never the key itself."""

    key_hash: str
    user_name: str
    label: str | None
    created_at: str
    created_by: str | None = None
    revoked_at: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """One row of the append-only decision log.

    The newest row of a ``(query_key, entity_id)`` pair is the current decision; it
    applies to a candidate only while the registry entity's content hash is unchanged.
    """

    id: int
    query_key: str
    query_name: str
    entity_id: str
    entity_hash: str
    verdict: Verdict
    note: str | None
    user_name: str
    created_at: str
    run_id: str | None = None
    action: str = "decide"  # decide | bulk | undo
    supersedes: int | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.query_key, self.entity_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "query_name": self.query_name,
            "query_key": self.query_key,
            "entity_id": self.entity_id,
            "entity_hash": self.entity_hash,
            "verdict": str(self.verdict),
            "note": self.note,
            "user": self.user_name,
            "created_at": self.created_at,
            "run_id": self.run_id,
            "action": self.action,
            "supersedes": self.supersedes,
        }


@dataclass(frozen=True, slots=True)
class NewDecision:
    """A decision about to be appended."""

    query_key: str
    query_name: str
    entity_id: str
    entity_hash: str
    verdict: Verdict
    note: str | None
    user_name: str
    run_id: str | None = None
    action: str = "decide"
    supersedes: int | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One (screened person, registry entity) pair of a run, as the store keeps it."""

    run_id: str
    person_idx: int
    entity_id: str
    query_id: str
    query_name: str
    query_key: str
    entity_hash: str
    caption: str
    score: float
    tie_kinds: tuple[str, ...] = ()
    confidence: str = "possible"

    @property
    def pair(self) -> tuple[str, str]:
        return (self.query_key, self.entity_id)


@dataclass(frozen=True, slots=True)
class RunRecord:
    """A screening run as listed: what it used (data versions) and how it went."""

    id: str
    title: str | None
    status: str  # running | done | failed
    created_at: str
    created_by: str | None
    tool_version: str | None = None
    threshold: float | None = None
    sources: tuple[dict[str, Any], ...] = ()
    people_file: str | None = None
    summary: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "tool_version": self.tool_version,
            "threshold": self.threshold,
            "sources": list(self.sources),
            "people_file": self.people_file,
            "summary": self.summary,
            "error": self.error,
        }
