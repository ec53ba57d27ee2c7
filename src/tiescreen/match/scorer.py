"""The scorer: compares a query with a registry entity and explains the score.

The name comparison aligns words without assuming an order, in the shared Latin key space;
then the gendered surname form, the patronymic, the birth date and the region adjust it.
Every step leaves an :class:`~tiescreen.model.Evidence` that reports show as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tiescreen.match import features
from tiescreen.match.tokens import initial_matches, token_similarity
from tiescreen.model import Evidence, Query, RegistryEntity
from tiescreen.normalize.names import ParsedName, parse_name, surname_gender_pair

__all__ = ["DEFAULT_THRESHOLD", "PairScore", "Scorer", "score_names"]

from tiescreen.match.defaults import DEFAULT_THRESHOLD

_ROLE_WEIGHT = {"surname": 1.0, "given": 0.8, "patronymic": 0.6, "unknown": 0.8, "initial": 0.3}
_ROLE_LABEL = {
    "surname": "surname",
    "given": "given name",
    "patronymic": "patronymic",
    "unknown": "name word",
    "initial": "initial",
}
MAX_NAMES = 24


@dataclass(frozen=True, slots=True)
class PairScore:
    """The score of one pair and everything that went into it."""

    score: float
    evidence: tuple[Evidence, ...]
    relation: str = "same_person"  # or "possible_relative"
    agreements: tuple[str, ...] = ()  # independent attributes that agree, besides the name
    conflicts: tuple[str, ...] = ()
    matched_name: str = ""


@dataclass(slots=True)
class _NameScore:
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    relation: str = "same_person"
    patronymic_agrees: bool = False
    conflicts: list[str] = field(default_factory=list)


def _align(q: ParsedName, c: ParsedName) -> _NameScore:
    """Align the words of two names (order-free) and score the alignment."""
    q_full = q.full_tokens
    c_tokens = list(c.tokens)
    if not q_full or not c_tokens:
        return _NameScore(0.0)
    pairs: list[tuple[float, int, int, str]] = []
    for i, a in enumerate(q_full):
        for j, b in enumerate(c_tokens):
            if b.role == "initial":
                continue
            given = "given" in (a.role, b.role) or (a.role == b.role == "unknown")
            sim, how = token_similarity(a, b, given=given)
            if a.role != "unknown" and b.role != "unknown" and a.role != b.role:
                sim -= 0.02  # prefer aligning like with like
            pairs.append((sim, i, j, how))
    pairs.sort(key=lambda p: -p[0])
    used_q: set[int] = set()
    used_c: set[int] = set()
    result = _NameScore(0.0)
    total_w = got = 0.0
    aligned: dict[int, tuple[float, int, str]] = {}
    for sim, i, j, how in pairs:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        aligned[i] = (sim, j, how)
    for i, a in enumerate(q_full):
        role = a.role if a.role != "unknown" else (c_tokens[aligned[i][1]].role if i in aligned else "unknown")
        weight = _ROLE_WEIGHT.get(role, 0.8)
        total_w += weight
        if i not in aligned:
            result.evidence.append(Evidence(role, 0.0, f"{_ROLE_LABEL[role]}: {a.text} has no counterpart", a.text, ""))
            continue
        sim, j, how = aligned[i]
        b = c_tokens[j]
        sim = max(0.0, sim)
        if role == "surname" and surname_gender_pair(a.key, b.key):
            result.relation = "possible_relative"
            result.conflicts.append("surname_gender")
            result.evidence.append(
                Evidence(
                    "surname_gender",
                    0.0,
                    f"surname: {a.text} / {b.text} are the male and female forms of one family name: "
                    "a different person (possibly a relative)",
                    a.text,
                    b.text,
                )
            )
            sim = 0.1
        elif role == "patronymic" and b.role == "patronymic" and sim < 0.85:
            result.conflicts.append("patronymic")
            result.evidence.append(
                Evidence(
                    "patronymic",
                    0.0,
                    f"patronymic: {a.text} ≠ {b.text} (different fathers: strong evidence of a different person)",
                    a.text,
                    b.text,
                )
            )
            sim = 0.0
        else:
            if role == "patronymic" and sim >= 0.85:
                result.patronymic_agrees = True
            result.evidence.append(
                Evidence(
                    role,
                    sim,
                    f"{_ROLE_LABEL[role]}: {a.text} = {b.text} ({how})"
                    if sim >= 0.75
                    else f"{_ROLE_LABEL[role]}: {a.text} ≠ {b.text}",
                    a.text,
                    b.text,
                    weight,
                )
            )
        got += weight * sim
    # Query initials must agree with an unused candidate word when both have them.
    for a in q.by_role("initial"):
        free = [b for j, b in enumerate(c_tokens) if j not in used_c]
        if not free:
            continue
        hit = next((b for b in free if initial_matches(a, b)), None)
        total_w += _ROLE_WEIGHT["initial"]
        if hit is not None:
            used_c.add(c_tokens.index(hit))
            got += _ROLE_WEIGHT["initial"]
            result.evidence.append(Evidence("initial", 1.0, f"initial: {a.text}. = {hit.text}", a.text, hit.text))
        else:
            result.conflicts.append("initials")
            result.evidence.append(
                Evidence("initial", 0.0, f"initial: {a.text}. matches no other name word (conflict)", a.text, "")
            )
    # A patronymic on one side only is no evidence; patronymics that differ are handled above.
    q_pat, c_pat = q.patronymic, c.patronymic
    if q_pat is not None and c_pat is not None and q_full.index(q_pat) not in aligned:
        result.conflicts.append("patronymic")
    result.score = got / total_w if total_w else 0.0
    if "patronymic" in result.conflicts:
        result.score *= 0.55
    if "initials" in result.conflicts:
        result.score *= 0.6
    if q.gender and c.gender and q.gender != c.gender and "surname_gender" not in result.conflicts:
        result.conflicts.append("gender")
        result.evidence.append(Evidence("gender", 0.0, f"gender: the names read as {q.gender} and {c.gender}"))
        result.score *= 0.6
    return result


def score_names(a: str, b: str) -> float:
    """Score two bare names (no other attributes), symmetric, in [0, 1].

    >>> score_names("Olesya Shigina", "Шигина Олеся Владимировна") > 0.9
    True
    >>> score_names("Olesya Shigina", "Olesya Shigin") < 0.7
    True
    """
    pa, pb = parse_name(a), parse_name(b)
    return round(max(_align(pa, pb).score, _align(pb, pa).score), 6)


class Scorer:
    """Scores a query against registry entities. Stateless apart from caches."""

    threshold: float

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold

    def score(self, query: Query, entity: RegistryEntity, context_texts: Sequence[str] = ()) -> PairScore:
        """Score one pair: best name form, then birth date and region."""
        q = parse_name(query.name)
        best: tuple[_NameScore, str] | None = None
        for name in entity.names()[:MAX_NAMES]:
            c = parse_name(name)
            ns = _align(q, c)
            back = _align(c, q)
            if back.score > ns.score and not back.conflicts:
                ns.score = (ns.score + back.score) / 2
            if best is None or ns.score > best[0].score:
                best = (ns, name)
        if best is None:
            return PairScore(0.0, ())
        ns, name = best
        evidence = list(ns.evidence)
        agreements: list[str] = ["patronymic"] if ns.patronymic_agrees else []
        conflicts = list(ns.conflicts)
        score = ns.score
        for feature in (
            features.birth_date(query, entity),
            features.region(query, entity, list(context_texts)),
        ):
            if feature is None:
                continue
            evidence.append(feature)
            if feature.value >= 1.0:
                agreements.append(feature.feature)
                score = score + (1.0 - score) * 0.25
            elif feature.value <= 0.0:
                conflicts.append(feature.feature)
                score *= 0.6 if feature.feature == "birth_date" else 0.85
        evidence.insert(0, Evidence("name", round(ns.score, 4), f"best name form: {name}", query.name, name))
        return PairScore(
            min(1.0, max(0.0, score)), tuple(evidence), ns.relation, tuple(agreements), tuple(conflicts), name
        )
