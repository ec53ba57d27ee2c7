"""Similarity of two name words in the shared Latin key space."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from tiescreen.normalize.given_names import lookup, same_given_name
from tiescreen.normalize.names import NameToken

__all__ = ["TokenMatch", "token_similarity"]

SHORT_FORM = 0.86  # a short form (Саша for Александр) is good evidence, below the full name


class TokenMatch(tuple[float, str]):
    """(similarity, how) for one pair of words."""

    __slots__ = ()

    @property
    def value(self) -> float:
        return self[0]

    @property
    def how(self) -> str:
        return self[1]


@lru_cache(maxsize=500_000)
def _key_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    best = 0.0
    for x in a:
        for y in b:
            if x == y:
                return 1.0
            n = max(len(x), len(y))
            if n == 0:
                continue
            raw = 1.0 - Levenshtein.distance(x, y) / n
            best = max(best, raw)
    # One edit in eight letters (0.875) stays a likely typo (0.9); two (0.75) is doubtful
    # (0.4); three or more is another word (0).
    return 1.0 if best == 1.0 else max(0.0, min(1.0, (best - 0.65) / 0.25))


def token_similarity(a: NameToken, b: NameToken, *, given: bool = False) -> TokenMatch:
    """How alike two full name words are, and why.

    ``given`` also tries the table of short forms (Sasha = Александр).
    """
    if a.norm == b.norm:
        return TokenMatch((1.0, "identical"))
    if set(a.keys) & set(b.keys):
        return TokenMatch((0.98, "transliteration"))
    sim = _key_similarity(a.keys, b.keys)
    if given:
        relation = same_given_name(a.norm, b.norm)
        if relation == "exact":
            return TokenMatch((0.97, "same given name"))
        if relation == "short" and sim < SHORT_FORM:
            return TokenMatch((SHORT_FORM, "short form of the same given name"))
        if relation is None and lookup(a.norm) and lookup(b.norm):
            return TokenMatch((0.0, "different given names"))
    return TokenMatch((sim, "similar spelling" if sim >= 0.75 else "different"))


def initial_matches(initial: NameToken, full: NameToken) -> bool:
    """An initial matches a word that starts with it in the key space (Ю. = Yulia)."""
    if full.role == "initial":
        return bool(set(initial.keys) & set(full.keys)) or initial.norm == full.norm
    if full.norm.startswith(initial.norm):
        return True
    return any(k.startswith(i) for i in initial.keys for k in full.keys if i)
