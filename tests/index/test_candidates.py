"""Ranking candidates from the people each query word points at."""

from __future__ import annotations

import numpy as np

from tiescreen.index.candidates import GENERATE_CAP, PositionSet, WordHits, merge_hits, rank_candidates, word_weight


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
