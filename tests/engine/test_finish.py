"""Finishing scored pairs: which pairs a result can show."""

from __future__ import annotations

from tiescreen.engine.finish import shown
from tiescreen.match.scorer import PairScore
from tiescreen.model import Query


def test_a_result_shows_the_best_pairs_in_its_order_unless_a_region_may_change_it() -> None:
    def pair(score: float) -> PairScore:
        return PairScore(score, ())

    pairs = [(pair(0.9), "p-2"), (pair(0.97), "p-9"), (pair(0.90004), "p-1"), (pair(0.8), "p-0")]
    plain, regional = Query("q", "Иванов Сергей"), Query("q", "Иванов Сергей", region="Тверская область")
    # 0.9 and 0.90004 are one score to four places: the id decides
    assert [i for _, i in shown(plain, pairs, 3, str)] == ["p-9", "p-1", "p-2"]
    assert shown(plain, pairs, 4, str) == pairs  # none beyond the limit: as they were
    assert shown(regional, pairs, 1, str) == pairs  # a region the ties name may lift any of them
