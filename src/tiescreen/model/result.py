"""What screening produces: evidence, ties, matches and per-person results."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tiescreen.model.pickling import FieldsPickle
from tiescreen.model.provenance import Provenance, SourceInfo
from tiescreen.model.query import Query
from tiescreen.model.quickinit import quick_init

# Ordered from weakest to strongest. "possible" ties never make a person ``tied``.
CONFIDENCE_LEVELS = ("possible", "probable", "confirmed")
STANDS_BEHIND = frozenset({"probable", "confirmed"})


class TieKind(StrEnum):
    """The kinds of tie to the state (DESIGN.md, "Ties")."""

    OFFICE = "office"
    FORMER_OFFICE = "former_office"
    PARTY = "party"
    PARTY_CANDIDATE = "party_candidate"
    MOVEMENT = "movement"
    STATE_EMPLOYER = "state_employer"
    RELATIVE = "relative"
    CLAIMED = "claimed"

    def __str__(self) -> str:
        return self.value


@quick_init
@dataclass(frozen=True, slots=True)
class Evidence(FieldsPickle):
    """One compared feature: what was compared, how similar, in words."""

    feature: str
    value: float
    detail: str
    left: str = ""
    right: str = ""
    weight: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"feature": self.feature, "value": round(self.value, 4), "detail": self.detail}
        if self.left or self.right:
            data["left"], data["right"] = self.left, self.right
        if self.weight:
            data["weight"] = round(self.weight, 4)
        return data


_OPTIONAL_TIE_FIELDS = (
    "start",
    "end",
    "relative_name",
    "relationship",
    "body_kind",
    "ruling_party",
    "relative_kind",
    "evidence",
)  # written only when set, in this order


@quick_init
@dataclass(frozen=True, slots=True)
class Tie(FieldsPickle):
    """One tie to the state, with the path through the registry and the sources of each step.

    ``path`` starts at the matched entity: person -> occupancy -> position (-> body).
    ``sources`` cites every step (URLs where the registry has them).
    """

    kind: TieKind
    role: str | None
    body: str | None
    current: bool | None
    path: tuple[str, ...]
    sources: tuple[str, ...]
    start: str | None = None
    end: str | None = None
    confidence: str = "possible"
    relative_name: str | None = None
    relationship: str | None = None
    body_kind: str | None = None
    ruling_party: bool | None = None
    steps: tuple[str, ...] = ()  # captions of the path's entities, for readers
    relative_kind: str | None = None  # for a relative: the official's own tie kind (office, party...)
    evidence: str | None = None  # the sentence or statement the tie rests on (claimed ties, statements)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": str(self.kind),
            "role": self.role,
            "body": self.body,
            "current": self.current,
            "path": list(self.path),
            "sources": list(self.sources),
            "confidence": self.confidence,
        }
        for key in _OPTIONAL_TIE_FIELDS:
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.steps:
            data["steps"] = list(self.steps)
        return data


@quick_init
@dataclass(frozen=True, slots=True)
class Match(FieldsPickle):
    """A registry entity that scored at or above the threshold for a query."""

    entity_id: str
    caption: str
    schema: str
    score: float
    explanation: tuple[Evidence, ...]
    ties: tuple[Tie, ...] = ()
    confidence: str = "possible"
    reasons: tuple[str, ...] = ()  # why the confidence is what it is
    names: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    relation: str = "same_person"  # or "possible_relative" (other-gender surname form)
    conflicts: tuple[str, ...] = ()  # attributes that disagree, in words: they block confirmation

    @property
    def tied(self) -> bool:
        return any(t.confidence in STANDS_BEHIND for t in self.ties)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "caption": self.caption,
            "score": round(self.score, 4),
            "explanation": [e.to_dict() for e in self.explanation],
            "ties": [t.to_dict() for t in self.ties],
            "schema": self.schema,
            "confidence": self.confidence,
            "reasons": list(self.reasons),
            "names": list(self.names),
            "birth_dates": list(self.birth_dates),
            "relation": self.relation,
            "conflicts": list(self.conflicts),
            # Without the load time: the same data versions must give byte-identical JSONL.
            "provenance": [p.to_dict(loaded_at=False) for p in self.provenance],
        }


@dataclass(frozen=True, slots=True)
class PersonResult(FieldsPickle):
    """One screened person and the candidates found for them, best first."""

    query: Query
    matches: tuple[Match, ...]
    # Roles a news article states (TieKind.CLAIMED, the sentence as evidence): weak until a
    # registry confirms them, so they never make the person ``tied`` on their own.
    claims: tuple[Tie, ...] = ()

    @property
    def tied(self) -> bool:
        """True when a match has a tie the tool stands behind (not only "possible")."""
        return any(m.tied for m in self.matches)

    @property
    def possible(self) -> bool:
        """True when only weak ("possible") ties were found."""
        return not self.tied and any(m.ties for m in self.matches)

    @property
    def verdict(self) -> str:
        return self._verdict(self.tied)

    def _verdict(self, tied: bool) -> str:
        if tied:
            return "tied"
        if any(m.ties for m in self.matches):  # what ``possible`` says, with ``tied`` known
            return "possible"
        return "no_tie_found"

    def tie_kinds(self) -> list[str]:
        kinds = {str(t.kind) for m in self.matches if m.tied for t in m.ties if t.confidence != "possible"}
        return sorted(kinds)

    def to_dict(self) -> dict[str, Any]:
        tied = self.tied
        data = {
            "query": self.query.to_dict(),
            "tied": tied,
            "matches": [m.to_dict() for m in self.matches],
            "verdict": self._verdict(tied),
        }
        if self.claims:  # only screening from an article has claims
            data["claims"] = [c.to_dict() for c in self.claims]
        return data


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What a screening run used: tool version, threshold, registries and their hashes."""

    tool_version: str
    threshold: float
    started_at: str
    sources: tuple[SourceInfo, ...] = ()
    people_file: str | None = None
    title: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tool_version": self.tool_version,
            "threshold": self.threshold,
            "started_at": self.started_at,
            "people_file": self.people_file,
            "title": self.title,
            "sources": [s.to_dict() for s in self.sources],
            **self.extra,
        }
