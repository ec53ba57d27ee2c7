"""The scorer: compares a query with a registry entity and explains the score.

The name comparison (:mod:`tiescreen.match.align`) aligns words without assuming an order,
in the shared Latin key space; the other-gender surname, the patronymic, the birth date and
the region adjust it. Every step leaves an :class:`~tiescreen.model.Evidence` that reports
show as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from tiescreen.match import features
from tiescreen.match.align import NameComparison, compare_names
from tiescreen.match.defaults import DEFAULT_THRESHOLD
from tiescreen.match.explain import name_evidence
from tiescreen.match.orgs import score_org_names
from tiescreen.model import Evidence, Query, RegistryEntity
from tiescreen.model.pickling import FieldsPickle
from tiescreen.model.quickinit import quick_init
from tiescreen.normalize import variants as name_variants
from tiescreen.normalize.names import MAX_NAME_CHARS, MAX_NAME_WORDS, cap_name, parse_name

__all__ = ["DEFAULT_THRESHOLD", "PairScore", "Scorer", "explain_names", "score_names", "warm_up"]

MAX_NAMES = 24
SUPPOSITIONS = 64  # the most outcomes of name groups tried before asking for them
AGREEMENT_GAIN = 0.25  # share of the remaining distance to 1 that an agreeing attribute closes
CONFLICT_FACTOR = {"birth_date": 0.5, "region": 0.85}
ROUNDING = 1e-9  # room for float rounding when a bound on a score decides that a pair is dropped
PERSON_SCHEMATA = frozenset({"Person", ""})
_CUT_NOTE = (
    f" (only the first {MAX_NAME_WORDS} words, at most {MAX_NAME_CHARS} characters, of a longer name were compared)"
)


@quick_init
@dataclass(frozen=True, slots=True)
class PairScore(FieldsPickle):
    """The score of one pair and everything that went into it (workers pass thousands on)."""

    score: float
    evidence: tuple[Evidence, ...]
    relation: str = "same_person"  # or "possible_relative"
    agreements: tuple[str, ...] = ()  # independent attributes that agree, besides the name
    conflicts: tuple[str, ...] = ()
    matched_name: str = ""


def score_names(a: str, b: str, schema: str = "Person") -> float:
    """Score two bare names (no other attributes): symmetric, in [0, 1].

    Args:
        a: a name in any script and order.
        b: another name.
        schema: the FtM schema of both; names of organisations, companies and vessels are
            compared as organisation names.

    Returns:
        The score; at or above :data:`DEFAULT_THRESHOLD` means the same person.

    >>> score_names("Olesya Shigina", "Шигина Олеся Владимировна") > 0.9
    True
    >>> score_names("Olesya Shigina", "Olesya Shigin") < 0.7
    True
    """
    a, b = cap_name(a), cap_name(b)  # a 100,000-character "name" is scored on what a name can hold
    if schema not in PERSON_SCHEMATA:
        return round(score_org_names(a, b), 6)
    return _person_score(a, b) if a <= b else _person_score(b, a)


@lru_cache(maxsize=100_000)
def _person_score(a: str, b: str) -> float:
    return round(compare_names(parse_name(a), parse_name(b)).score, 6)


def warm_up(*, orgs: bool = False, variants: bool = False) -> None:
    """Load the person-name tables now and exempt them from garbage collection.

    The tables are large and live for the whole process; without :func:`gc.freeze` every
    full collection walks them again, which costs more than the comparisons themselves on
    a big batch. Call once before scoring many pairs (and before forking workers, which
    then share what is loaded).

    Args:
        orgs: also load what organisation names need (rigour's territory names, about 2 s);
            otherwise the first organisation name scored loads it. A person registry never
            needs it.
        variants: also build rigour's name tagger for Wikidata's name groups (about 6 s);
            otherwise the first word pair our own given-name tables cannot decide builds it
            (see :mod:`tiescreen.normalize.variants`).
    """
    import gc

    score_names("Шигина Олеся Владимировна", "Olesya Shigina")
    score_names("Саша Иванов", "Alexander Ivanov")
    if variants:
        name_variants.name_groups("Iryna")  # unless TIESCREEN_NAME_VARIANTS=0
    if orgs:
        score_org_names("ООО Ромашка", "Romashka LLC")
        score_org_names("Ромашка", "Romashka Schweiz LLC")  # rigour's territory names (places in org names)
    gc.collect()
    gc.freeze()


def explain_names(a: str, b: str) -> tuple[float, list[Evidence]]:
    """Score two person names and say why, part by part."""
    comparison = compare_names(parse_name(a), parse_name(b))
    return comparison.score, name_evidence(comparison)


@lru_cache(maxsize=20_000)
def _compared(query: str, registry: str) -> NameComparison:
    """A query name against a registry name; namesakes among one query's candidates share
    the registry name. Registry names are parsed outside parse_name's cache: a batch meets
    each about once, and keeping them cost a worker about 100 MB per 5,000 queries."""
    return compare_names(parse_name(query), parse_name.__wrapped__(registry))


class Scorer:
    """Scores a query against registry entities. Stateless apart from caches."""

    threshold: float

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold

    def _best_name(self, query: Query, entity: RegistryEntity) -> tuple[NameComparison, str] | None:
        best: tuple[NameComparison, str] | None = None
        compared = _compared.__wrapped__ if name_variants.supposing_some() else _compared  # suppositions are not kept
        for name in entity.names()[:MAX_NAMES]:
            comparison = compared(query.name, name)
            if best is None or comparison.score > best[0].score:
                best = (comparison, name)
        return best

    def out_of_reach(self, query: Query, birth_dates: Sequence[str], floor: float) -> bool:
        """Whether every entity born on ``birth_dates`` stays below ``floor`` with ``query``,
        whatever its names and region (:meth:`score` would not compare its names): a
        conflicting birth date with, at best, an agreeing region. Decided before the entity
        is built (the batch's candidates come as scoring records)."""
        if floor <= 0 or not features.birth_date_conflicts(query.birth_date, birth_dates):
            return False
        best = (_DATE_CONFLICT, _REGION_AGREES) if query.region else (_DATE_CONFLICT,)
        return _adjusted(1.0, best)[0] < floor - ROUNDING

    def score(
        self, query: Query, entity: RegistryEntity, context_texts: Sequence[str] = (), floor: float = 0.0
    ) -> PairScore:
        """Score one pair: the best name form, then birth date and region.

        A name longer than 1,000 characters or 64 words is scored on its first ones; the
        name evidence says so. A pair scoring below ``floor`` comes without evidence (the
        caller drops it; describing it would cost more than scoring it). A pair whose birth
        date and region keep it below ``floor`` even with identical names (a conflicting
        birth date: most candidates of a query that gives one) is not compared at all: its
        score is then the highest those allow. While rigour's name groups are not at hand in
        this process (their first look-up builds rigour's tagger: seconds), a pair is scored
        without them when they cannot change its score, or it stays below ``floor`` whatever
        they say (its score is then the highest they could give it).
        """
        found = _features(query, entity, context_texts)
        if floor > 0:
            highest, agreements, conflicts = _adjusted(1.0, found)
            if highest < floor - ROUNDING:
                return PairScore(highest, (), agreements=agreements, conflicts=conflicts)
            if name_variants.supposable():
                try:
                    with name_variants.supposing():
                        return self._score(query, entity, found, floor)
                except name_variants.Unsupposed as unsure:
                    best = self._best_supposed(query, entity, found, floor, unsure.pair)
                    if best is not None:
                        return best
        return self._score(query, entity, found, floor)

    def _best_supposed(
        self, query: Query, entity: RegistryEntity, found: Features, floor: float, pair: name_variants.Pair
    ) -> PairScore | None:
        """The pair's score without its name groups, when every outcome they could have gives
        the same score (they cannot change it) or all stay below ``floor`` (then the highest);
        None when they must be asked (an outcome reaches ``floor`` and another differs, or
        there are too many outcomes to try)."""
        todo = [{pair: outcome} for outcome in name_variants.OUTCOMES]
        scores: list[PairScore] = []
        for _ in range(SUPPOSITIONS):
            if not todo:
                break
            supposed = todo.pop()
            try:
                with name_variants.supposing(supposed):
                    scores.append(self._score(query, entity, found, floor))
            except name_variants.Unsupposed as more:
                todo.extend({**supposed, more.pair: outcome} for outcome in name_variants.OUTCOMES)
        if todo:
            return None
        if all(scored == scores[0] for scored in scores):
            return scores[0]
        best = max(scores, key=lambda p: p.score)
        return best if best.score < floor else None

    def _score(self, query: Query, entity: RegistryEntity, found: Features, floor: float) -> PairScore:
        cut = cap_name(query.name)
        long_query = cut != query.name
        if long_query:
            query = replace(query, name=cut)
        best = self._best_name(query, entity)
        if best is None:
            return PairScore(0.0, ())
        comparison, name = best
        score, agreements, conflicts = _adjusted(comparison.score, found)
        evidence: tuple[Evidence, ...] = ()
        if score >= floor:
            shown = cap_name(name)
            detail = f"best name form: {shown}" + (_CUT_NOTE if long_query or shown != name else "")
            named = Evidence("name", round(comparison.score, 4), detail, query.name, shown)
            evidence = (named, *name_evidence(comparison), *found)
        agreements = (*comparison.agreements, *agreements)
        conflicts = (*comparison.conflicts, *conflicts)
        return PairScore(score, evidence, comparison.relation, agreements, conflicts, name)


Features = tuple[Evidence, ...]
# The features :meth:`Scorer.out_of_reach` bounds with (what _adjusted reads of them, in _features' order).
_DATE_CONFLICT = Evidence("birth_date", 0.0, "")
_REGION_AGREES = Evidence("region", 1.0, "")


def _features(query: Query, entity: RegistryEntity, context_texts: Sequence[str]) -> Features:
    """The pair's birth date and region evidence (what there is of them)."""
    found = (features.birth_date(query, entity), features.region(query, entity, list(context_texts)))
    return tuple([feature for feature in found if feature is not None])


def _adjusted(score: float, found: Features) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    """A name score with the features' agreements and conflicts applied, and those (in order).

    Monotone in ``score`` (up to rounding): applied to 1.0 it bounds every pair with these features.
    """
    agreements: list[str] = []
    conflicts: list[str] = []
    for feature in found:
        if feature.value >= 1.0:
            agreements.append(feature.feature)
            score += (1.0 - score) * AGREEMENT_GAIN
        elif feature.value <= 0.0:
            conflicts.append(feature.feature)
            score *= CONFLICT_FACTOR.get(feature.feature, 0.85)
    return min(1.0, max(0.0, score)), tuple(agreements), tuple(conflicts)
