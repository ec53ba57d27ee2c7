"""The event statistics in words a reader understands."""

from __future__ import annotations

import math

from tiescreen.stats.event import EventStats

__all__ = ["chance_words", "describe", "headline", "rate_words", "scientific"]

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _two_figures(x: float) -> float:
    if x <= 0:
        return 0.0
    digits = 1 - math.floor(math.log10(x))
    return round(x, digits)


def scientific(p: float) -> str:
    """A probability in short scientific form: ``1.6e-08`` -> ``1.6e-8``.

    >>> scientific(1.6e-08)
    '1.6e-8'
    """
    if p == 0:
        return "0"
    mantissa, exponent = f"{p:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def chance_words(p: float) -> str:
    """A probability in words.

    >>> chance_words(1.6e-8)
    'about 1 in 62 million (1.6e-8)'
    >>> chance_words(0.3), chance_words(0.042), chance_words(1.0), chance_words(1 / 5400)
    ('30 %', '4.2 %', 'near certain (100 %)', 'about 1 in 5,400 (1.9e-4)')
    >>> chance_words(1e-20)
    'less than 1 in a trillion (1.0e-20)'
    """
    if p >= 0.995:
        return "near certain (100 %)"
    if p >= 0.1:
        return f"{p * 100:.0f} %"
    if p >= 0.01:
        return f"{p * 100:.1f} %"
    if p < 1e-12:
        return f"less than 1 in a trillion ({scientific(p)})"
    odds = _two_figures(1.0 / p)
    for size, word in _SCALES:
        if odds >= size:
            scaled = odds / size
            shown = f"{scaled:,.0f}" if scaled >= 100 else f"{scaled:.2g}"
            return f"about 1 in {shown} {word} ({scientific(p)})"
    return f"about 1 in {odds:,.0f} ({scientific(p)})"


def rate_words(p: float) -> str:
    """A base rate as "1 in N" when that reads naturally, else as a percentage.

    >>> rate_words(0.05), rate_words(0.02), rate_words(0.37)
    ('1 in 20', '1 in 50', '37 %')
    """
    if 0 < p <= 0.2 and abs(1 / p - round(1 / p)) < 0.05:
        return f"1 in {round(1 / p)}"
    return f"{p * 100:.2g} %"


def headline(s: EventStats) -> str:
    """The one-line verdict, e.g. "11 of 16 with confirmed ties when 1 in 50 adults has one:
    chance about 1 in ... (...)"."""
    return (
        f"{s.k} of {s.n} with confirmed ties when {rate_words(s.config.base_rate)} adults has one: "
        f"chance {chance_words(s.p_value)}"
    )


def describe(s: EventStats, relatives: int = 0) -> list[str]:
    """Sentences for the report: headline, expectation, share, sensitivity, base rate."""
    cfg = s.config
    level = f"{cfg.level * 100:.0f} %"
    out = [
        headline(s) + ".",
        f"In a group of {s.n} adults picked at random you would expect {s.expected:.2g} with such ties; "
        f"here {s.k} have one.",
        f"Observed share {s.share * 100:.0f} % ({level} interval {s.share_low * 100:.0f}–{s.share_high * 100:.0f} %, "
        "exact Clopper-Pearson).",
    ]
    if s.k:
        out.append(
            f"Allowing for the matcher's error rates (precision {cfg.precision:.2f}, recall {cfg.recall:.2f}): "
            f"even if only {s.k_floor} of the {s.k} ties are real, the chance is {chance_words(s.p_floor)}; "
            f"counting the ties it would miss (about {s.k_central} in all), {chance_words(s.p_central)}."
        )
    if relatives:
        out.append(
            f"Not counted: {relatives} more with only a family tie to an official (relatives are not in the base rate)."
        )
    out.append(f"Base rate {rate_words(cfg.base_rate)} ({cfg.source}); change it with --base-rate.")
    return out
