"""The staging statistics of one event (DESIGN.md, "Staging statistics").

The default base rate, 1 in 20 adults (0.05), is a deliberately generous upper estimate of
the share of Russian adults who hold a state office or job in a state or local-government
body, or belong to the ruling party:

- 2,073,772 members of United Russia (the party's own figure for 2013, as cited in
  Wikipedia's article on the party);
- 1,674,800 employees of state and local-government bodies at the end of 2009 (Rosstat,
  "Численность работников государственных органов и органов местного самоуправления",
  reproduced by gorod-812.ru, "Сколько в России чиновников?"); the count includes clerks,
  not only officials;
- 108,145,648 registered voters in Russia on 1 July 2021 (Central Election Commission, as
  reported by TASS on 13 September 2021, https://tass.com/politics/1337181).

(2.07 M + 1.67 M) / 108.1 M = 3.5 %, counting nobody twice although the party and the civil
service overlap heavily. Rounding up to 5 % leaves room for growth since, for the leaders of
state institutions and for members of pro-government movements. A larger base rate makes a
staged audience look less unlikely, so the default errs in the audience's favour.

The sensitivity band asks how the verdict moves if the matcher is wrong as often as it was
measured to be: only a share ``precision`` of the reported ties real (the conservative end,
taken at its lower 95 % quantile), or a share ``1 - recall`` of the real ties missed (the
central estimate, ``k * precision / recall``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tiescreen.model import PersonResult
from tiescreen.stats.binomial import (
    check_counts,
    check_rate,
    clopper_pearson,
    null_distribution,
    tail_probability,
    true_positive_floor,
)

__all__ = [
    "DEFAULT_BASE_RATE",
    "DEFAULT_PRECISION",
    "DEFAULT_RECALL",
    "EventStats",
    "StatsConfig",
    "count_confirmed",
    "event_statistics",
]

DEFAULT_BASE_RATE = 0.05
BASE_RATE_SOURCE = (
    "upper estimate: United Russia's 2.07 M members (2013) plus Rosstat's 1.67 M employees of state "
    "and local-government bodies (2009) over 108.1 M registered voters (CEC, 2021) is 3.5 %, rounded up to 5 %"
)
# Confirmed ties need the name and a second independent attribute to agree. Measured with
# bench/ties_confidence.py on a generated registry (20,000 officials, 1,000 queries, half in the
# registry, half of them with a birth date): precision 1.000 (306 of 306), recall 0.612. Both
# defaults lean the cautious way: a lower precision leaves fewer ties counted as real, and a
# higher recall adds fewer ties the matcher would have missed. Pass your own with
# --precision and --recall.
DEFAULT_PRECISION = 0.9
DEFAULT_RECALL = 0.8
DEFAULT_LEVEL = 0.95


@dataclass(frozen=True, slots=True)
class StatsConfig:
    """The assumptions behind the event statistics."""

    base_rate: float = DEFAULT_BASE_RATE
    precision: float = DEFAULT_PRECISION
    recall: float = DEFAULT_RECALL
    level: float = DEFAULT_LEVEL
    base_rate_source: str = ""  # where a user-supplied base rate comes from

    def __post_init__(self) -> None:
        check_rate("base rate", self.base_rate)
        check_rate("precision", self.precision, open_low=True)
        check_rate("recall", self.recall, open_low=True)
        check_rate("confidence level", self.level, open_low=True)

    @property
    def source(self) -> str:
        """Where the base rate comes from, in words."""
        if self.base_rate_source:
            return self.base_rate_source
        if self.base_rate == DEFAULT_BASE_RATE:
            return BASE_RATE_SOURCE
        return "given by the user"


@dataclass(frozen=True, slots=True)
class EventStats:
    """The figures for an event of ``n`` people of whom ``k`` have confirmed ties."""

    n: int
    k: int
    config: StatsConfig
    p_value: float  # P(X >= k | n, base rate)
    share: float
    share_low: float
    share_high: float
    expected: float  # n * base rate: ties expected in a random group
    k_floor: int  # fewest real ties if the matcher's precision holds (lower quantile)
    k_central: int  # k * precision / recall: real ties, allowing for misses too
    p_floor: float  # P(X >= k_floor): the conservative end of the band
    p_central: float  # P(X >= k_central)
    distribution: tuple[float, ...]

    def to_dict(self) -> dict[str, Any]:
        cfg = self.config
        return {
            "screened": self.n,
            "confirmed": self.k,
            "base_rate": cfg.base_rate,
            "base_rate_source": cfg.source,
            "p_value": self.p_value,
            "expected": round(self.expected, 4),
            "share": round(self.share, 4),
            "share_interval": [round(self.share_low, 4), round(self.share_high, 4)],
            "level": cfg.level,
            "sensitivity": {
                "precision": cfg.precision,
                "recall": cfg.recall,
                "k_range": [self.k_floor, self.k_central],
                "p_range": [self.p_central, self.p_floor],
            },
        }


def event_statistics(n: int, k: int, config: StatsConfig | None = None) -> EventStats:
    """The staging statistics for ``k`` of ``n`` people with confirmed ties.

    Args:
        n: people screened.
        k: people with at least one confirmed tie of their own.
        config: base rate, matcher precision and recall, confidence level.

    Returns:
        An :class:`EventStats`.

    Raises:
        ConfigError: counts or rates out of range.

    Example:
        >>> s = event_statistics(16, 11, StatsConfig(base_rate=0.02))
        >>> s.p_value < 1e-13
        True
    """
    cfg = config or StatsConfig()
    check_counts(k, n)
    low, high = clopper_pearson(k, n, cfg.level)
    k_floor = true_positive_floor(k, cfg.precision, cfg.level)
    k_central = min(n, math.floor(k * cfg.precision / cfg.recall + 0.5))
    return EventStats(
        n=n,
        k=k,
        config=cfg,
        p_value=tail_probability(k, n, cfg.base_rate),
        share=k / n if n else 0.0,
        share_low=low,
        share_high=high,
        expected=n * cfg.base_rate,
        k_floor=k_floor,
        k_central=k_central,
        p_floor=tail_probability(k_floor, n, cfg.base_rate),
        p_central=tail_probability(k_central, n, cfg.base_rate),
        distribution=tuple(null_distribution(n, cfg.base_rate)),
    )


_NOT_COUNTED = frozenset({"relative", "claimed"})


def count_confirmed(people: Sequence[PersonResult]) -> tuple[int, int]:
    """People with a confirmed tie of their own, and people with only a confirmed family tie.

    Relatives and claims are left out of ``k``: the base rate counts officials and members,
    not their families, and a claim is not a registry finding.
    """
    own = family = 0
    for person in people:
        kinds = {str(t.kind) for m in person.matches for t in m.ties if t.confidence == "confirmed"}
        if kinds - _NOT_COUNTED:
            own += 1
        elif "relative" in kinds:
            family += 1
    return own, family
