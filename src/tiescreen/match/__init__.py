"""Scoring a query against a registry entity: named features, each with an explanation."""

from tiescreen.match.scorer import DEFAULT_THRESHOLD, PairScore, Scorer, score_names

__all__ = ["DEFAULT_THRESHOLD", "PairScore", "Scorer", "score_names"]
