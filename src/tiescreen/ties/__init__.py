"""Ties: from a matched registry entity to the state, classified and weighed."""

from tiescreen.ties.bodies import BodyClass, classify_body
from tiescreen.ties.confidence import match_confidence
from tiescreen.ties.walk import TieWalker

__all__ = ["BodyClass", "TieWalker", "classify_body", "match_confidence"]
