"""Review: decisions on candidates, runs, users and roles, reuse of decisions across runs.

The web app and the API are thin layers over :class:`~tiescreen.review.service.ReviewService`.
"""

from tiescreen.review.model import ApiKey, Candidate, Decision, NewDecision, Role, RunRecord, User, Verdict

__all__ = ["ApiKey", "Candidate", "Decision", "NewDecision", "Role", "RunRecord", "User", "Verdict"]
