"""The review service: runs, decisions, undo, bulk actions and reports with decisions applied.

The web app and the HTTP API call this; it checks roles itself, so no write happens
without one, whichever layer asks.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from tiescreen.errors import NotFound, PermissionDenied, ReviewError, TiescreenError
from tiescreen.match.scorer import DEFAULT_THRESHOLD
from tiescreen.model import Query
from tiescreen.pipeline import ScreenResult
from tiescreen.review.apply import CandidateState, applied
from tiescreen.review.codec import result_from_dict
from tiescreen.review.filters import Filters
from tiescreen.review.keys import entity_hash, query_key
from tiescreen.review.model import Candidate, Decision, NewDecision, Role, RunRecord, User, Verdict
from tiescreen.store.decisions import DecisionStore, now
from tiescreen.store.registry import open_store

NOTE_MAX = 2000


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A candidate of a run with its review state."""

    candidate: Candidate
    state: CandidateState

    @property
    def reused(self) -> bool:
        """True when the decision that applies was made in another run."""
        d = self.state.decision
        return d is not None and self.state.applies and d.run_id != self.candidate.run_id


def require(user: User | None, role: Role) -> User:
    """Return ``user`` when it has ``role`` (or more); raise otherwise."""
    if user is None:
        raise PermissionDenied("sign in first")
    if not user.role.allows(role):
        raise PermissionDenied(f"{user.name} is a {user.role}; this needs the {role} role")
    return user


class ReviewService:
    """Review operations over a decision store and the registry store (read-only)."""

    def __init__(self, store: DecisionStore, registry_db: Path | str, *, limit: int = 10) -> None:
        self.store, self.registry_db, self.limit = store, Path(registry_db), limit

    # -- runs ------------------------------------------------------------------------------

    def create_run(
        self, user: User | None, *, title: str | None, people_file: str | None, threshold: float = DEFAULT_THRESHOLD
    ) -> RunRecord:
        """Record a new run as ``running`` (screen it with :meth:`execute_run`)."""
        who = require(user, Role.REVIEWER)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        run = RunRecord(f"{stamp}-{secrets.token_hex(3)}", title, "running", now(), who.name, threshold=threshold)
        run = replace(run, people_file=people_file)
        self.store.create_run(run)
        return run

    def execute_run(self, run: RunRecord, people: Path | Sequence[Query | str]) -> RunRecord:
        """Screen ``people`` against the registry store and record the result and candidates."""
        from tiescreen.pipeline import screen

        threshold = run.threshold if run.threshold is not None else DEFAULT_THRESHOLD
        try:
            result = screen(people, db=self.registry_db, threshold=threshold, limit=self.limit, title=run.title)
            candidates = self._candidates(run.id, result)
        except TiescreenError as err:
            failed = replace(run, status="failed", error=str(err))
            self.store.finish_run(failed, None, [])
            return failed
        done = replace(
            run,
            status="done",
            tool_version=result.run.tool_version,
            sources=tuple(s.to_dict() for s in result.run.sources),
            summary=result.summary(),
        )
        self.store.finish_run(done, result.to_dict(), candidates)
        return done

    def _candidates(self, run_id: str, result: ScreenResult) -> list[Candidate]:
        ids = {m.entity_id for p in result.people for m in p.matches}
        with open_store(self.registry_db, read_only=True) as registry:
            entities = registry.entities(ids)
        out: list[Candidate] = []
        for idx, person in enumerate(result.people):
            key = query_key(person.query.name)
            for m in person.matches:
                entity = entities.get(m.entity_id)
                digest = entity_hash(entity) if entity else "missing"
                kinds = tuple(sorted({str(t.kind) for t in m.ties}))
                out.append(
                    Candidate(
                        run_id, idx, m.entity_id, person.query.id, person.query.name, key, digest, m.caption,
                        m.score, kinds, m.confidence,
                    )
                )  # fmt: skip
        return out

    def run(self, run_id: str) -> RunRecord:
        run = self.store.run(run_id)
        if run is None:
            raise NotFound(f"no run {run_id!r}")
        return run

    def result(self, run_id: str) -> ScreenResult:
        data = self.store.run_result(run_id)
        if data is None:
            raise NotFound(f"run {run_id!r} has no result (status: {self.run(run_id).status})")
        return result_from_dict(data)

    # -- review state ----------------------------------------------------------------------

    def items(self, run_id: str, filters: Filters | None = None) -> list[ReviewItem]:
        """The run's candidates with their current decisions, filtered."""
        candidates = self.store.candidates(run_id)
        current = self.store.current(c.pair for c in candidates)
        items = [ReviewItem(c, CandidateState(current.get(c.pair), c.entity_hash)) for c in candidates]
        return [i for i in items if filters is None or filters.keep(i.candidate, i.state)]

    def counts(self, run_id: str) -> dict[str, int]:
        """How many candidates are in each status (undecided, stale, confirm, reject, unsure) and reused."""
        counts = dict.fromkeys(("undecided", "stale", "confirm", "reject", "unsure", "reused", "total"), 0)
        for item in self.items(run_id):
            counts[item.state.status] += 1
            counts["reused"] += int(item.reused)
            counts["total"] += 1
        return counts

    def candidate(self, run_id: str, person_idx: int, entity_id: str) -> Candidate:
        for c in self.store.candidates(run_id):
            if c.person_idx == person_idx and c.entity_id == entity_id:
                return c
        raise NotFound(f"run {run_id!r} has no candidate {entity_id!r} for person {person_idx}")

    # -- decisions -------------------------------------------------------------------------

    def decide(
        self,
        user: User | None,
        run_id: str,
        person_idx: int,
        entity_id: str,
        verdict: Verdict,
        note: str | None,
        *,
        expected: int | None = None,
    ) -> Decision:
        """Record a decision on one candidate; it supersedes the pair's previous decision.

        Args:
            expected: the id of the decision the reviewer saw in force (0: none yet); when
                given and another decision was recorded since, nothing is written.

        Raises:
            Conflict: ``expected`` is no longer the candidate's newest decision; the error
                carries the decision now in force.
        """
        who = require(user, Role.REVIEWER)
        c = self.candidate(run_id, person_idx, entity_id)
        return self.store.append_if(_new(c, verdict, note, who, "decide", None), expected)

    def undo(self, user: User | None, run_id: str) -> Decision | None:
        """Undo the user's newest decision in this run that is still in force; None when nothing to undo.

        The undo is itself a decision (append-only): it restores the verdict that was in
        force before, or "none" (undecided).
        """
        who = require(user, Role.REVIEWER)
        mine = self.store.decisions(run_id=run_id, user=who.name, limit=1000)
        undone = {d.supersedes for d in mine if d.action == "undo"}
        target = next((d for d in mine if d.action != "undo" and d.id not in undone), None)
        if target is None:
            return None
        head = self.store.current([target.pair]).get(target.pair)
        if head is None or not self._in_force(head, target):
            raise ReviewError(f"{target.query_name} / {target.entity_id} was decided again since; undo it there")
        before = self._before(target)
        restored = NewDecision(
            target.query_key, target.query_name, target.entity_id, target.entity_hash,
            before.verdict if before else Verdict.NONE, f"undo of decision #{target.id}",
            who.name, run_id, "undo", target.id,
        )  # fmt: skip
        return self.store.append_if(restored, head.id)  # a decision made meanwhile wins: Conflict

    def _in_force(self, head: Decision, target: Decision) -> bool:
        """True when ``target`` is in force: it is the newest row, or an undo brought it back."""
        if head.id == target.id:
            return True
        if head.action != "undo" or head.supersedes is None:
            return False
        undone = self.store.decision(head.supersedes)
        return undone is not None and undone.supersedes == target.id

    def _before(self, target: Decision) -> Decision | None:
        """The decision that was in force when ``target`` was made."""
        return self.store.decision(target.supersedes) if target.supersedes is not None else None

    def bulk(
        self, user: User | None, run_id: str, filters: Filters, verdict: Verdict, note: str | None
    ) -> list[Decision]:
        """Decide every candidate the filter selects, in one transaction."""
        who = require(user, Role.REVIEWER)
        items = self.items(run_id, filters)
        new = [_new(i.candidate, verdict, note, who, "bulk", i.state.decision) for i in items]
        return self.store.append(new)

    def report(self, run_id: str, fmt: str) -> str:
        """The run's report with decisions applied, in any of ``tiescreen.report.FORMATS``."""
        from tiescreen.report import render

        result = self.result(run_id)
        states = {i.candidate.pair: i.state for i in self.items(run_id)}
        return render(applied(result, states), fmt)


def _new(
    c: Candidate, verdict: Verdict, note: str | None, who: User, action: str, previous: Decision | None
) -> NewDecision:
    text = (note or "").strip()[:NOTE_MAX] or None
    return NewDecision(
        c.query_key, c.query_name, c.entity_id, c.entity_hash, verdict, text, who.name, c.run_id, action,
        previous.id if previous else None,
    )  # fmt: skip
