"""From scored pairs to per-person results: walk the kept people's ties, rate, rank.

Both engines end here. The embedded engine calls :func:`finish_queries` in its worker
processes (each with its own read-only connection to the store), the Spark engine in the
driver, on the pairs its job scored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from tiescreen.gcpause import paused_gc
from tiescreen.match.scorer import PairScore, Scorer
from tiescreen.model import Match, PersonResult, Query, RegistryEntity, Tie
from tiescreen.normalize.names import parse_name
from tiescreen.store.registry import RegistryStore
from tiescreen.ties.confidence import conflict_details, match_confidence, tie_confidence
from tiescreen.ties.walk import TieWalker

__all__ = ["Pairs", "finish_queries", "shown"]

Pairs = list[tuple[PairScore, RegistryEntity]]  # one query's scored pairs with the people
T = TypeVar("T")
Ranked = list[tuple[PairScore, T]]  # one query's scored pairs with the people, or their numbers


def finish_queries(
    store: RegistryStore,
    walker: TieWalker,
    scorer: Scorer,
    queries: Sequence[Query],
    scored: Sequence[Pairs],
    threshold: float,
    limit: int,
    registry_count: Callable[[str], int] | None = None,
) -> list[PersonResult]:
    """One result per query: ``scored[i]`` holds query ``queries[i]``'s scored candidates.

    Ties are walked only for the pairs that can be reported: the best ``limit`` at the
    threshold (:func:`shown`), or, for a query that gives a region, every pair its ties may
    lift (near misses too: a region the ties name changes the scores, so the order).
    ``registry_count`` (how many registry people have a word key, e.g. from the warm name
    index) is asked for a surname only when a match's confidence needs it; without it, the
    store counts the surnames of every query with a pair to report, at once.
    """
    with paused_gc():
        kept = [_reportable(q, pairs, threshold, limit) for q, pairs in zip(queries, scored, strict=True)]
        people = {e.id: e for pairs in kept for _p, e in pairs}
        tie_map = walker.ties(people, known=people)
        count = registry_count or _store_counts(store, [q for q, pairs in zip(queries, kept, strict=True) if pairs])
        return [
            _result(scorer, q, pairs, tie_map, count, threshold, limit) for q, pairs in zip(queries, kept, strict=True)
        ]


def _store_counts(store: RegistryStore, queries: list[Query]) -> Callable[[str], int]:
    """How many registry people have a word key, for the surnames of these queries (one read)."""
    surnames = (parse_name(q.name).surname for q in queries)
    counts = store.name_counts(s.key for s in surnames if s is not None)
    return lambda wkey: counts.get(wkey, 0)


def _reportable(q: Query, pairs: Pairs, threshold: float, limit: int) -> Pairs:
    """The pairs the result may show: all that its ties may lift to the threshold when the
    query gives a region, else the best ``limit`` at the threshold."""
    if q.region:
        return pairs
    return shown(q, [(p, e) for p, e in pairs if p.score >= threshold], limit, _entity_id)


def shown(q: Query, pairs: Ranked[T], limit: int, id_of: Callable[[T], str]) -> Ranked[T]:
    """The pairs at the threshold that ``q``'s result can show: the best ``limit`` in its order
    (score to four places, then the person's id: ``id_of`` each pair's person), or all of
    them when ``q`` gives a region (the ties found may change the scores).

    A flood of namesakes (twenty of one name, all scoring alike) is most of the people a
    batch would read and walk for nothing.
    """
    if q.region or len(pairs) <= limit:
        return pairs
    return sorted(pairs, key=lambda pair: (-round(pair[0].score, 4), id_of(pair[1])))[:limit]


def _entity_id(entity: RegistryEntity) -> str:
    return entity.id


def _result(
    scorer: Scorer,
    q: Query,
    pairs: Pairs,
    tie_map: dict[str, list[Tie]],
    registry_count: Callable[[str], int],
    threshold: float,
    limit: int,
) -> PersonResult:
    matches: list[Match] = []
    for pair, entity in pairs:
        ties = tie_map.get(entity.id, [])
        if q.region and ties:
            pair = scorer.score(q, entity, [f"{t.role or ''} {t.body or ''}" for t in ties])
        if pair.score < threshold:
            continue
        matches.append(_match(q, pair, entity, ties, registry_count))
    matches.sort(key=lambda m: (-m.score, m.entity_id))
    return PersonResult(q, tuple(matches[:limit]))


def _match(
    q: Query, pair: PairScore, entity: RegistryEntity, ties: list[Tie], registry_count: Callable[[str], int]
) -> Match:
    level, reasons = match_confidence(pair, q, ties, registry_count)
    rated = tuple(_rated(t, tie_confidence(t, level, ties)) for t in ties)
    return Match(
        entity_id=entity.id,
        caption=entity.caption,
        schema=entity.schema,
        score=round(pair.score, 4),
        explanation=pair.evidence,
        ties=rated,
        confidence=level,
        reasons=tuple(reasons),
        names=tuple(entity.names()[:12]),
        birth_dates=entity.get("birthDate"),
        provenance=(entity.provenance,) if entity.provenance else (),
        relation=pair.relation,
        conflicts=tuple(conflict_details(pair.evidence, pair.conflicts)),
    )


def _rated(tie: Tie, confidence: str) -> Tie:
    """The tie with this confidence (the same object when it has it already: a copy costs)."""
    return tie if tie.confidence == confidence else replace(tie, confidence=confidence)
