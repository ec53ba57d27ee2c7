"""Apply reviewers' decisions to a screening result, for the report of a run.

A rejected candidate leaves the report. A confirmed one is marked confirmed, with its ties,
and names the reviewer. "Unsure" and decisions that no longer apply (the registry entry
changed) are stated in the candidate's reasons. The run's ``review`` block lists them all.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tiescreen.model import Match, PersonResult
from tiescreen.pipeline import ScreenResult
from tiescreen.review.keys import query_key
from tiescreen.review.model import Decision, Verdict


def applied(result: ScreenResult, states: dict[tuple[str, str], CandidateState]) -> ScreenResult:
    """A copy of ``result`` with the decisions in ``states`` applied."""
    people: list[PersonResult] = []
    log: list[dict[str, Any]] = []
    for person in result.people:
        matches: list[Match] = []
        for match in person.matches:
            state = states.get((query_key(person.query.name), match.entity_id))
            if state is not None and state.decision is not None:
                log.append(_entry(person, match, state))
            kept = _apply(match, state)
            if kept is not None:
                matches.append(kept)
        people.append(PersonResult(person.query, tuple(matches)))
    counts: dict[str, int] = {}
    for entry in log:
        counts[entry["status"]] = counts.get(entry["status"], 0) + 1
    run = replace(result.run, extra={**result.run.extra, "review": {"counts": counts, "decisions": log}})
    return ScreenResult(people, run, result.ingests)


class CandidateState:
    """The review state of one candidate: its current decision and whether it applies."""

    __slots__ = ("decision", "entity_hash")

    def __init__(self, decision: Decision | None, entity_hash: str) -> None:
        self.decision, self.entity_hash = decision, entity_hash

    @property
    def applies(self) -> bool:
        return self.decision is not None and self.decision.entity_hash == self.entity_hash

    @property
    def verdict(self) -> Verdict:
        if self.decision is None or not self.applies:
            return Verdict.NONE
        return self.decision.verdict

    @property
    def status(self) -> str:
        """``undecided``, ``stale`` (decided on other registry content) or the verdict."""
        if self.decision is None or self.decision.verdict == Verdict.NONE:
            return "undecided"
        if not self.applies:
            return "stale"
        return str(self.decision.verdict)


def _apply(match: Match, state: CandidateState | None) -> Match | None:
    if state is None or state.decision is None:
        return match
    d = state.decision
    who = f"{d.user_name} on {d.created_at[:10]}" + (f": {d.note}" if d.note else "")
    if state.status == "stale":
        note = f"an earlier decision ({d.verdict} by {who}) no longer applies: the registry entry changed"
        return replace(match, reasons=(*match.reasons, note))
    if state.verdict == Verdict.REJECT:
        return None
    if state.verdict == Verdict.CONFIRM:
        ties = tuple(replace(t, confidence="confirmed") for t in match.ties)
        return replace(match, confidence="confirmed", ties=ties, reasons=(*match.reasons, f"confirmed by {who}"))
    if state.verdict == Verdict.UNSURE:
        return replace(match, reasons=(*match.reasons, f"reviewer unsure ({who})"))
    return match


def _entry(person: PersonResult, match: Match, state: CandidateState) -> dict[str, Any]:
    d = state.decision
    assert d is not None
    return {
        "query_id": person.query.id,
        "query_name": person.query.name,
        "entity_id": match.entity_id,
        "status": state.status,
        "verdict": str(d.verdict),
        "user": d.user_name,
        "at": d.created_at,
        "note": d.note,
        "decision_id": d.id,
    }
