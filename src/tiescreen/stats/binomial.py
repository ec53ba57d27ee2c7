"""Exact binomial figures, computed with scipy (no normal approximations).

``scipy.stats`` takes most of a second to import, and a screening run that writes JSON lines
never computes these figures, so each function imports it when it first computes.
"""

from __future__ import annotations

from tiescreen.errors import ConfigError

__all__ = ["clopper_pearson", "null_distribution", "tail_probability"]


def check_counts(k: int, n: int) -> None:
    """Raise :class:`ConfigError` unless ``0 <= k <= n``."""
    if n < 0 or k < 0 or k > n:
        raise ConfigError(f"need 0 <= k <= n, got k={k}, n={n}")


def check_rate(name: str, value: float, *, open_low: bool = False) -> None:
    """Raise :class:`ConfigError` unless ``value`` is a probability (``> 0`` when ``open_low``)."""
    if not 0.0 <= value <= 1.0 or (open_low and value == 0.0):
        bound = "(0, 1]" if open_low else "[0, 1]"
        raise ConfigError(f"{name} must be in {bound}, got {value}")


def tail_probability(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p): the chance of at least ``k`` ties among ``n`` people
    drawn at random from a population where a share ``p`` has one.

    Args:
        k: people with ties observed.
        n: people screened.
        p: base rate of ties in the population.

    Returns:
        The exact upper tail (``binom.sf(k - 1, n, p)``), 1.0 when ``k == 0``.

    Example:
        >>> round(tail_probability(2, 3, 0.5), 3)
        0.5
    """
    check_counts(k, n)
    check_rate("base rate", p)
    if k == 0:
        return 1.0
    from scipy import stats  # lazily: see the module docstring

    return float(stats.binom.sf(k - 1, n, p))


def clopper_pearson(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """The exact (Clopper-Pearson) confidence interval of the share ``k / n``.

    Example:
        >>> low, high = clopper_pearson(0, 10)
        >>> low, round(high, 4)
        (0.0, 0.3085)
    """
    check_counts(k, n)
    check_rate("confidence level", level, open_low=True)
    if n == 0:
        return (0.0, 1.0)
    from scipy import stats  # lazily: see the module docstring

    ci = stats.binomtest(k, n).proportion_ci(confidence_level=level, method="exact")
    return (float(ci.low), float(ci.high))


def null_distribution(n: int, p: float) -> list[float]:
    """P(X = x) for x = 0..n under the base rate: the bars of the report's chart."""
    check_rate("base rate", p)
    from scipy import stats  # lazily: see the module docstring

    return [float(v) for v in stats.binom.pmf(range(n + 1), n, p)]


def true_positive_floor(k: int, precision: float, level: float = 0.95) -> int:
    """The fewest of ``k`` reported ties that are real, at ``level`` confidence, if each
    reported tie is real with probability ``precision`` (a lower binomial quantile)."""
    check_rate("precision", precision, open_low=True)
    if k == 0:
        return 0
    from scipy import stats  # lazily: see the module docstring

    return int(stats.binom.ppf((1.0 - level) / 2.0, k, precision))
