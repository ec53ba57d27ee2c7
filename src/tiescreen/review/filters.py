"""Which candidates a review page or a bulk action shows: by state, score band and tie kind."""

from __future__ import annotations

from dataclasses import dataclass

from tiescreen.review.apply import CandidateState
from tiescreen.review.model import Candidate

# Score bands as reviewers talk about them; the low band starts at the run's threshold.
BANDS: dict[str, tuple[float, float]] = {"high": (0.9, 1.01), "medium": (0.8, 0.9), "low": (0.0, 0.8)}
STATES = ("all", "undecided", "decided", "stale", "confirm", "reject", "unsure")


@dataclass(frozen=True, slots=True)
class Filters:
    """A filter over a run's candidates. ``all`` means no filter on that axis.

    ``undecided`` includes candidates whose earlier decision no longer applies (``stale``).
    """

    state: str = "all"
    band: str = "all"
    kind: str = "all"  # a tie kind, "none" (no tie) or "all"

    @classmethod
    def parse(cls, state: str | None, band: str | None, kind: str | None) -> Filters:
        """Build a filter from query parameters, treating unknown values as ``all``."""
        return cls(
            state if state in STATES else "all",
            band if band in BANDS else "all",
            (kind or "all").strip() or "all",
        )

    def keep(self, candidate: Candidate, state: CandidateState) -> bool:
        """True when the candidate passes all three filters."""
        return self._state_ok(state) and self._band_ok(candidate.score) and self._kind_ok(candidate.tie_kinds)

    def _state_ok(self, state: CandidateState) -> bool:
        status = state.status
        if self.state == "all":
            return True
        if self.state == "undecided":
            return status in ("undecided", "stale")
        if self.state == "decided":
            return status in ("confirm", "reject", "unsure")
        return status == self.state

    def _band_ok(self, score: float) -> bool:
        if self.band == "all":
            return True
        low, high = BANDS[self.band]
        return low <= score < high

    def _kind_ok(self, kinds: tuple[str, ...]) -> bool:
        if self.kind == "all":
            return True
        if self.kind == "none":
            return not kinds
        return self.kind in kinds

    def is_empty(self) -> bool:
        return self.state == "all" and self.band == "all" and self.kind == "all"

    def as_params(self) -> dict[str, str]:
        return {"state": self.state, "band": self.band, "kind": self.kind}
