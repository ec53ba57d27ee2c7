"""Event statistics: how unlikely that many ties would be in a group picked at random.

- :func:`tail_probability` is the exact binomial tail P(X >= k | n, p).
- :func:`clopper_pearson` is the exact interval of the observed share.
- :func:`event_statistics` puts both together with a sensitivity band that allows for the
  matcher's own precision and recall, and :func:`describe` says it in plain words.
"""

from tiescreen.stats.binomial import clopper_pearson, tail_probability
from tiescreen.stats.event import (
    DEFAULT_BASE_RATE,
    DEFAULT_PRECISION,
    DEFAULT_RECALL,
    EventStats,
    StatsConfig,
    count_confirmed,
    event_statistics,
)
from tiescreen.stats.words import chance_words, describe

__all__ = [
    "DEFAULT_BASE_RATE",
    "DEFAULT_PRECISION",
    "DEFAULT_RECALL",
    "EventStats",
    "StatsConfig",
    "chance_words",
    "clopper_pearson",
    "count_confirmed",
    "describe",
    "event_statistics",
    "tail_probability",
]
