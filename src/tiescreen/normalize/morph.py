"""What pymorphy3's Russian dictionary says about a Cyrillic name word.

pymorphy3 knows given names (``Name``), surnames (``Surn``) and patronymics (``Patr``) with
their gender, but its first reading of a name is often wrong ("Шигиной" as a man's given
name). So this module returns every nominative reading, and :mod:`tiescreen.normalize.names`
picks the ones that agree across the words of a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tiescreen.normalize.text import has_cyrillic

__all__ = ["Reading", "is_dictionary_surname", "readings"]

_KIND = {"Name": "given", "Surn": "surname", "Patr": "patronymic"}
_GENDER = {"masc": "m", "femn": "f"}


@dataclass(frozen=True, slots=True)
class Reading:
    """One nominative reading of a word as part of a name."""

    role: str  # given | surname | patronymic
    gender: str | None  # "m", "f" or None (both: Саша, Шойгу)
    lemma: str
    known: bool  # in the dictionary, not guessed from the ending


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[Reading, ...]:
    """Nominative name readings of one lower-case Cyrillic word (empty for other scripts)."""
    if not word or not has_cyrillic(word):
        return ()
    analyzer = _analyzer()
    known = analyzer.word_is_known(word)
    out: dict[tuple[str, str | None], Reading] = {}
    for parse in analyzer.parse(word):
        grammemes = parse.tag.grammemes
        if "nomn" not in grammemes:
            continue
        role = next((_KIND[g] for g in _KIND if g in grammemes), None)
        if role is None:
            continue
        gender = next((_GENDER[g] for g in _GENDER if g in grammemes), None)
        out.setdefault((role, gender), Reading(role, gender, str(parse.normal_form), bool(known)))
    return tuple(out.values())


@lru_cache(maxsize=200_000)
def known_readings(word: str) -> tuple[Reading, ...]:
    """The readings of a word the dictionary knows (empty for a guess).

    The same as the ``known`` readings of :func:`readings`, without pymorphy3's guess by
    analogy for unknown words, which costs about a millisecond a word and is not needed here.
    """
    if not word or not has_cyrillic(word) or not _analyzer().word_is_known(word):
        return ()
    return readings(word)


def is_dictionary_surname(word: str) -> bool:
    """True when the dictionary (not a guess) knows the word as a surname in the nominative."""
    return any(r.role == "surname" for r in known_readings(word))
