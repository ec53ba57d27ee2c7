"""Scoring a query against a registry entity: named features, each with an explanation."""

from tiescreen.match.scorer import DEFAULT_THRESHOLD, PairScore, Scorer, explain_names, score_names, warm_up

__all__ = ["DEFAULT_THRESHOLD", "PairScore", "Scorer", "explain_names", "score_names", "warm_up"]
