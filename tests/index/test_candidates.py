"""Ranking candidates from the people each query word points at."""

from __future__ import annotations

import numpy as np
import pytest

from tiescreen.index import candidates as candidates_module
from tiescreen.index.candidates import (
    GENERATE_CAP,
    SMALL_UNION,
    PositionSet,
    WordHits,
    merge_hits,
    rank_candidates,
    word_weight,
)


def _set(pos: int, people: list[int], weight: float = 1.0, largest: int | None = None) -> PositionSet:
    arr = np.asarray(sorted(people), dtype=np.int64)
    size = largest if largest is not None else len(arr)
    return PositionSet(pos, (WordHits(arr, weight),), size, size)


def _traits(masks: dict[int, int], years: dict[int, int]):  # type: ignore[no-untyped-def]
    def lookup(people: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (
            np.asarray([masks.get(int(p), 0) for p in people], dtype=np.int64),
            np.asarray([years.get(int(p), 0) for p in people], dtype=np.int64),
        )

    return lookup


def test_two_word_query_needs_two_words() -> None:
    sets = [_set(0, [1, 2, 3]), _set(1, [3, 4])]
    assert rank_candidates(sets, 2, 10).tolist() == [3]


def test_rarer_words_rank_first() -> None:
    sets = [_set(0, [1, 2], weight=0.5), _set(1, [2, 3], weight=0.9)]
    assert rank_candidates(sets, 1, 10).tolist() == [2, 3, 1]


def test_birth_year_lifts_a_candidate() -> None:
    sets = [_set(0, [5, 6, 7])]
    traits = _traits({}, {7: 1975})
    assert rank_candidates(sets, 1, 1, year=1975, traits=traits).tolist() == [7]


def test_every_initial_must_agree() -> None:
    sets = [_set(0, [1, 2, 3])]
    traits = _traits({1: 0b011, 2: 0b001, 3: 0b111}, {})
    assert rank_candidates(sets, 1, 10, initials=0b011, traits=traits).tolist() == [1, 3]


def test_common_words_generate_only_together() -> None:
    big = GENERATE_CAP + 1
    given = _set(0, list(range(0, 40)), largest=big)
    patronymic = _set(1, list(range(30, 80)), largest=big)
    found = rank_candidates([given, patronymic], 2, 100)
    assert sorted(found.tolist()) == list(range(30, 40))


def test_a_word_weighs_its_best_registry_word() -> None:
    merged = merge_hits(0, [WordHits(np.asarray([1, 2]), 0.3), WordHits(np.asarray([2, 3]), 0.6)])
    assert merged.people().tolist() == [1, 2, 3]
    weights, found = merged.weigh(np.asarray([1, 2, 3, 4]))
    assert weights.tolist() == [0.3, 0.6, 0.6, 0.0]
    assert found.tolist() == [True, True, True, False]
    assert (merged.largest, merged.total) == (2, 4)


def test_an_exact_common_word_outweighs_a_rare_typo_neighbour() -> None:
    assert word_weight(1.0, 50_000) > word_weight(0.9, 1)
    assert word_weight(0.9, 1_000) > word_weight(0.8, 1)
    assert word_weight(1.0, 10) > word_weight(1.0, 10_000)


def test_limit_and_order_are_deterministic() -> None:
    sets = [_set(0, [9, 4, 7])]
    assert rank_candidates(sets, 1, 2).tolist() == [4, 7]


def _naive_rank(sets: list[PositionSet], need: int, limit: int, year: int, years: dict[int, int]) -> list[int]:
    """The ranking spelled out person by person (what the numpy version must equal)."""
    live = [s for s in sets if s.total]
    rare = [s for s in live if s.generates]
    if rare:
        pool = {int(p) for s in rare for h in s.hits for p in h.people}
    else:
        a, b = sorted(live, key=lambda s: (s.total, s.pos))[:2] if len(live) > 1 else (live[0], live[0])
        pool = {int(p) for h in a.hits for p in h.people} & {int(p) for h in b.hits for p in h.people}
    ranked = []
    for person in pool:
        score, count = 0.0, 0
        for s in live:
            weights = [h.weight for h in s.hits if person in set(h.people.tolist())]
            score += max(weights, default=0.0)
            count += bool(weights)
        if year and years.get(person) == year:
            score += 0.5
        if count >= need:
            ranked.append((-round(score, 9), person))
    return [person for _, person in sorted(ranked)[:limit]]


def test_ranking_equals_the_ranking_spelled_out() -> None:
    rng = np.random.default_rng(7)
    years = {p: 1950 + p % 40 for p in range(400)}
    for _ in range(150):
        sets = []
        for pos in range(int(rng.integers(1, 4))):
            hits = [
                WordHits(
                    np.unique(rng.integers(0, 400, int(rng.integers(0, 60)))), float(rng.choice([0.7, 1.0, 9.5, 10.2]))
                )
                for _ in range(int(rng.integers(1, 5)))
            ]
            common = bool(rng.integers(0, 3) == 0)
            sizes = [len(h.people) for h in hits]
            sets.append(PositionSet(pos, tuple(hits), GENERATE_CAP + 1 if common else max(sizes), sum(sizes)))
        need, year = min(2, len(sets)), int(rng.choice([0, 1960]))
        traits = _traits({}, years)
        expected = _naive_rank(sets, need, 15, year, years) if any(s.total for s in sets) else []
        assert rank_candidates(sets, need, 15, year=year, traits=traits).tolist() == expected


def test_large_common_words_meet_where_both_do() -> None:
    rng = np.random.default_rng(3)
    given = [np.unique(rng.integers(0, 500_000, 50_000)) for _ in range(2)]
    patronymic = [np.unique(rng.integers(0, 500_000, 40_000)) for _ in range(2)]
    a = merge_hits(0, [WordHits(people, 10.0 + i) for i, people in enumerate(given)])
    b = merge_hits(1, [WordHits(people, 9.0 + i) for i, people in enumerate(patronymic)])
    found = rank_candidates([a, b], 2, 10**6)
    both = set(np.concatenate(given).tolist()) & set(np.concatenate(patronymic).tolist())
    assert a.total + b.total > SMALL_UNION
    assert sorted(found.tolist()) == sorted(both)


def test_a_word_of_many_registry_words_weighs_densely_as_it_would_sparsely() -> None:
    rng = np.random.default_rng(5)
    hits = [WordHits(np.unique(rng.integers(0, 3_000, 20)), float(rng.uniform(1, 11))) for _ in range(300)]
    merged = merge_hits(0, hits)
    candidates = np.arange(3_000)  # many candidates: the dense way (ranks wider than a byte)
    weights, found = merged.weigh(candidates)
    for person in (0, 17, 1_500, 2_999):
        carried = [h.weight for h in hits if person in h.people]
        assert weights[person] == max(carried, default=0.0)
        assert found[person] == bool(carried)


def test_person_numbers_beyond_32_bits_rank_as_small_ones() -> None:
    base = 2**40
    sets = [
        merge_hits(0, [WordHits(np.asarray([base + 1, base + 5]), 9.0), WordHits(np.asarray([base + 5]), 10.0)]),
        _set(1, [base + 1, base + 5, base + 9], weight=10.0),
    ]
    assert rank_candidates(sets, 2, 10).tolist() == [base + 5, base + 1]


def test_common_words_with_numbers_beyond_a_mask_meet_as_small_ones() -> None:
    big = GENERATE_CAP + 1
    for base in (0, 2**40):  # beyond MASK_LIMIT: no scratch mask, the same people
        given = merge_hits(0, [WordHits(base + np.arange(0, 40), 10.0), WordHits(base + np.arange(50, 60), 9.0)])
        surname = merge_hits(1, [WordHits(base + np.arange(30, 55), 10.5)])
        sets = [PositionSet(0, given.hits, big, given.total), PositionSet(1, surname.hits, big, surname.total)]
        assert (rank_candidates(sets, 2, 100) - base).tolist() == [*range(30, 40), *range(50, 55)]


def _bitmap(people: np.ndarray, size: int) -> np.ndarray:
    marks = np.zeros(size, dtype=bool)
    marks[people] = True
    return np.packbits(marks, bitorder="little")


def test_words_with_bitmaps_weigh_as_their_people_do() -> None:
    rng = np.random.default_rng(9)
    for _ in range(60):
        hits = [
            WordHits(np.unique(rng.integers(0, 5_000, int(rng.integers(0, 3_000)))), float(rng.uniform(1, 11)))
            for _ in range(int(rng.integers(1, 6)))
        ]
        mapped = [WordHits(h.people, h.weight, _bitmap(h.people, 5_003) if rng.integers(0, 2) else None) for h in hits]
        candidates = np.unique(rng.integers(0, 5_003, int(rng.integers(0, 4_000))))
        weights, found = merge_hits(0, hits).weigh(candidates)
        mapped_weights, mapped_found = merge_hits(0, mapped).weigh(candidates)
        assert mapped_weights.tolist() == weights.tolist()
        assert mapped_found.tolist() == found.tolist()
        for i in rng.integers(0, len(candidates), 5) if len(candidates) else ():
            assert weights[i] == max((h.weight for h in hits if candidates[i] in h.people), default=0.0)


def _counted_traits(masks: np.ndarray, years: np.ndarray, asked: list[int]):  # type: ignore[no-untyped-def]
    def lookup(people: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        asked.append(len(people))
        return masks[people], years[people]

    return lookup


def test_many_candidates_rank_as_if_all_their_traits_were_read(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(11)
    size = 30_000
    masks, years = rng.integers(0, 8, size), rng.integers(1960, 1990, size)
    pruned = 0
    for _ in range(40):
        hits = [
            WordHits(
                np.unique(rng.integers(0, size, int(rng.integers(500, 12_000)))), float(rng.choice([8.4, 10.1, 10.6]))
            )
            for _ in range(int(rng.integers(1, 4)))
        ]
        sets = [merge_hits(0, hits)]
        limit, initials, year = int(rng.choice([1, 3, 20])), int(rng.choice([0, 1, 3, 7])), int(rng.choice([0, 1975]))
        asked: list[int] = []
        found = rank_candidates(
            sets, 1, limit, initials=initials, year=year, traits=_counted_traits(masks, years, asked)
        )
        with monkeypatch.context() as patched:
            patched.setattr(candidates_module, "PROBE", size)  # no probe: every candidate's traits are read
            everyone = rank_candidates(sets, 1, limit, initials=initials, year=year, traits=_traits_of(masks, years))
        assert found.tolist() == everyone.tolist()
        pruned += (initials or year) and sum(asked) < sets[0].total
    assert pruned > 10  # the bound did spare most candidates their look-ups


def _traits_of(masks: np.ndarray, years: np.ndarray):  # type: ignore[no-untyped-def]
    return _counted_traits(masks, years, [])


def test_a_full_words_letter_leaves_the_initial_a_second_word_to_find() -> None:
    a, o = 1 << 4, 1 << 18  # the letters the registry words start with (initial_bit)
    surname = merge_hits(
        0, [WordHits(np.asarray([1, 2, 3]), 10.0, letter=a), WordHits(np.asarray([3, 4]), 9.0, letter=o)]
    )
    masks = {1: a | a << 31, 2: a, 3: a | o, 4: a | o}  # 1: two words in A; 2: one; 3, 4: one, and a word in O
    traits = _traits(masks, {})
    # "А. Алексенева": 2's one word in A is the surname; 3 and 4 may be the query's surname by their word in O.
    assert rank_candidates([surname], 1, 10, initials=a, traits=traits, words=1).tolist() == [1, 3, 4]
    unknown = merge_hits(0, [WordHits(h.people, h.weight) for h in surname.hits])  # letters not known: once is enough
    assert rank_candidates([unknown], 1, 10, initials=a, traits=traits, words=1).tolist() == [1, 2, 3, 4]


def test_repeated_initials_need_two_words_even_for_a_released_candidate() -> None:
    a, o = 1 << 4, 1 << 18
    surname = merge_hits(0, [WordHits(np.asarray([1, 2]), 10.0, letter=a), WordHits(np.asarray([2]), 9.0, letter=o)])
    traits = _traits({1: a | a << 31, 2: a | o}, {})
    assert rank_candidates([surname], 1, 10, initials=a, repeated=a, traits=traits, words=1).tolist() == [1]
