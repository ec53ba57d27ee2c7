"""The features of a candidate pair. One function per feature; each returns Evidence.

A feature's docstring is its explanation in reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from tiescreen.model import Evidence, Query, RegistryEntity
from tiescreen.model.entity import REGION_PROPS
from tiescreen.normalize.dates import parse_date, same_date
from tiescreen.normalize.text import fold_text
from tiescreen.normalize.translit import keys_for

__all__ = ["birth_date", "birth_date_conflicts", "region"]


def birth_date(query: Query, entity: RegistryEntity) -> Evidence | None:
    """Birth date: the same date agrees, another year (or day) conflicts; a missing one says nothing."""
    if not query.birth_date:
        return None
    dates = _dates(entity.get("birthDate"))
    if not dates:
        return Evidence("birth_date", 0.5, f"birth date: {query.birth_date} given, none in the registry")
    agree = _agreeing(query.birth_date, dates)
    if agree:
        return Evidence("birth_date", 1.0, f"birth date: {query.birth_date} = {agree[0]}", query.birth_date, agree[0])
    return Evidence(
        "birth_date",
        0.0,
        f"birth date: {query.birth_date} ≠ {dates[0]} (conflict)",
        query.birth_date,
        dates[0],
    )


def birth_date_conflicts(given: str | None, raw_dates: Sequence[str]) -> bool:
    """Whether :func:`birth_date` conflicts for a query born ``given`` and a registry entity
    whose ``birthDate`` values are ``raw_dates`` (decided without building either)."""
    if not given:
        return False
    dates = _dates(raw_dates)
    return bool(dates) and not _agreeing(given, dates)


def _dates(raw_dates: Iterable[str]) -> list[str]:
    return [d for d in map(_iso_date, raw_dates) if d is not None]


def _agreeing(given: str, dates: list[str]) -> list[str]:
    return [d for d in dates if same_date(given, d)]


@lru_cache(maxsize=100_000)
def _iso_date(raw: str) -> str | None:
    """A registry date as an ISO prefix, or None when it is none; cached, as registry dates repeat."""
    try:
        return parse_date(raw)
    except ValueError:
        return None


_REGION_PROPS = REGION_PROPS  # the warm index keeps these for scoring


def _region_words(text: str) -> set[str]:
    words = {w for w in fold_text(text).replace("-", " ").split() if len(w) > 3}
    return {keys_for(w)[0][:6] for w in words}


_GENERIC = {
    k
    for w in (
        "область",
        "республика",
        "край",
        "район",
        "город",
        "oblast",
        "republic",
        "region",
        "district",
        "city",
        "krai",
        "округ",
        "okrug",
        "russia",
        "россия",
    )
    for k in _region_words(w)
}


def region(query: Query, entity: RegistryEntity, extra: list[str] | None = None) -> Evidence | None:
    """Region: the query's region named in the registry record (address, area, body) agrees."""
    if not query.region:
        return None
    wanted = _region_words(query.region) - _GENERIC
    if not wanted:
        return None
    texts = [v for p in _REGION_PROPS for v in entity.get(p)] + list(extra or [])
    if not texts:
        return Evidence("region", 0.5, f"region: {query.region} given, none in the registry")
    for text in texts:
        if wanted & _region_words(text):
            return Evidence("region", 1.0, f"region: {query.region} ~ {text[:80]}", query.region, text[:80])
    return Evidence(
        "region",
        0.0,
        f"region: {query.region} not in {texts[0][:80]} (conflict)",
        query.region,
        texts[0][:80],
    )
