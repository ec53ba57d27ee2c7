"""Event statistics against hand-computed values and scipy's own distributions."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from scipy import stats

from tiescreen.errors import ConfigError
from tiescreen.stats import StatsConfig, chance_words, clopper_pearson, describe, event_statistics, tail_probability
from tiescreen.stats.binomial import true_positive_floor
from tiescreen.stats.words import headline, rate_words


def exact_tail(k: int, n: int, p: Fraction) -> float:
    """P(X >= k) summed term by term in exact fractions: an independent hand computation."""
    return float(sum(math.comb(n, x) * p**x * (1 - p) ** (n - x) for x in range(k, n + 1)))


@pytest.mark.parametrize(
    ("k", "n", "p"),
    [(11, 16, Fraction(1, 50)), (8, 12, Fraction(1, 20)), (3, 10, Fraction(1, 2)), (1, 5, Fraction(1, 10))],
)
def test_tail_matches_hand_computation(k, n, p):
    assert tail_probability(k, n, float(p)) == pytest.approx(exact_tail(k, n, p), rel=1e-9)


def test_tail_edges():
    assert tail_probability(0, 7, 0.3) == 1.0
    assert tail_probability(4, 4, 0.5) == pytest.approx(1 / 16)
    assert tail_probability(1, 5, 0.0) == 0.0
    # The DESIGN example: 11 of 16 with 1 in 50 adults tied is below 1e-13.
    assert tail_probability(11, 16, 0.02) < 1e-13


def test_clopper_pearson_known_values():
    # Closed forms at the edges: (0, 1 - (a/2)^(1/n)) and ((a/2)^(1/n), 1).
    low, high = clopper_pearson(0, 10)
    assert low == 0.0
    assert high == pytest.approx(1 - 0.025 ** (1 / 10), rel=1e-9)
    low, high = clopper_pearson(10, 10)
    assert low == pytest.approx(0.025 ** (1 / 10), rel=1e-9)
    assert high == 1.0
    # Tabulated value for 5 of 10: 0.1871-0.8129.
    low, high = clopper_pearson(5, 10)
    assert (round(low, 4), round(high, 4)) == (0.1871, 0.8129)


def test_clopper_pearson_is_the_beta_quantile():
    low, high = clopper_pearson(11, 16, 0.9)
    assert low == pytest.approx(stats.beta.ppf(0.05, 11, 6))
    assert high == pytest.approx(stats.beta.ppf(0.95, 12, 5))


def test_true_positive_floor():
    assert true_positive_floor(8, 1.0) == 8
    assert true_positive_floor(0, 0.9) == 0
    floor = true_positive_floor(20, 0.8)
    # At least `floor` real with probability >= 97.5 %, and not so for floor + 1.
    assert stats.binom.sf(floor - 1, 20, 0.8) >= 0.975
    assert stats.binom.sf(floor, 20, 0.8) < 0.975


def test_event_statistics_band_brackets_the_observed_value():
    s = event_statistics(12, 8, StatsConfig(base_rate=0.05, precision=0.9, recall=0.8))
    assert s.expected == pytest.approx(0.6)
    assert s.k_floor <= s.k <= s.k_central == 9
    assert s.p_central <= s.p_value <= s.p_floor
    assert sum(s.distribution) == pytest.approx(1.0)
    data = s.to_dict()
    assert data["sensitivity"]["k_range"] == [s.k_floor, 9]
    assert "United Russia" in data["base_rate_source"]


def test_user_base_rate_is_not_credited_to_the_default_source():
    assert StatsConfig(base_rate=0.02).source == "given by the user"
    assert StatsConfig(base_rate=0.02, base_rate_source="survey X").source == "survey X"


@pytest.mark.parametrize(
    "kwargs", [{"base_rate": 1.5}, {"base_rate": -0.1}, {"precision": 0.0}, {"recall": 1.2}, {"level": 0.0}]
)
def test_bad_config_raises(kwargs):
    with pytest.raises(ConfigError):
        StatsConfig(**kwargs)


def test_bad_counts_raise():
    with pytest.raises(ConfigError):
        event_statistics(3, 4)


def test_words():
    assert rate_words(0.02) == "1 in 50"
    assert chance_words(0.5) == "50 %"
    assert chance_words(2.5e-7) == "about 1 in 4 million (2.5e-7)"
    s = event_statistics(16, 11, StatsConfig(base_rate=0.02))
    assert headline(s).startswith("11 of 16 with confirmed ties when 1 in 50 adults has one: chance less than")
    text = " ".join(describe(s, relatives=2))
    assert "expect 0.32" in text
    assert "2 more with only a family tie" in text
    assert "Clopper-Pearson" in text
