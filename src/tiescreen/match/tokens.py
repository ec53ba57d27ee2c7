"""Similarity of two name words, and why, in the shared Latin key space.

The ladder, strongest first: identical; the same key (a transliteration or spelling
variant); the same given name from the table (incl. its Ukrainian, Belarusian or foreign
form); a short form; the same Wikidata name group; a vowel or case-ending variant (Belarusian
Нікалаеў, Latvian Valujevs); then edit distance on the keys, where two real but different
surnames one letter apart (Иванов/Ивашов) are kept apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from tiescreen.normalize.frequency import is_known_surname
from tiescreen.normalize.given_names import lookup, same_given_name
from tiescreen.normalize.names import NameToken
from tiescreen.normalize.text import script_of
from tiescreen.normalize.translit import keys_for, loose_keys, raw_keys
from tiescreen.normalize.variants import enabled as variants_enabled
from tiescreen.normalize.variants import share_name_group

__all__ = ["SHORT_FORM", "TokenMatch", "initial_matches", "key_similarity", "token_similarity"]

SHORT_FORM = 0.86  # a short form (Саша for Александр) is good evidence, below the full name
OTHER_LANGUAGE = 0.93  # Олександр for Александр, Nicholas for Николай
NAME_GROUP = 0.9  # the same Wikidata given-name group
LOOSE = 0.9  # Нікалаеў for Николаев, Valujevs for Валуев
TRANSLITERATION = 0.98
DOUBLE_SURNAME = 0.9
SAME_SCRIPT = 0.6  # Максакова-Игенбергс for Maksakova


class TokenMatch(tuple[float, str]):
    """(similarity, how) for one pair of words; ``how`` is a code that explanations put in words."""

    __slots__ = ()

    @property
    def value(self) -> float:
        return self[0]

    @property
    def how(self) -> str:
        return self[1]


@lru_cache(maxsize=500_000)
def key_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Edit-distance similarity of the closest keys, scaled so that a likely typo stays high.

    One edit in eight letters (0.875) is a likely typo (0.9); two (0.75) is doubtful (0.4);
    three or more is another word (0). A swap of two letters counts as one edit.
    """
    best = 0.0
    for x in a[:4]:
        for y in b[:4]:
            if x == y:
                return 1.0
            if x and y and abs(len(x) - len(y)) <= 3:
                best = max(best, OSA.normalized_similarity(x, y, score_cutoff=0.65))
    return max(0.0, min(1.0, (best - 0.65) / 0.25))


@dataclass(frozen=True, slots=True)
class _Word:
    """What the comparison needs of one word, computed once per distinct word."""

    keys: tuple[str, ...]
    key_set: frozenset[str]
    loose: tuple[str, ...]
    loose_set: frozenset[str]
    cyrillic: bool
    other: bool  # written in another script (Han, Hangul, Arabic...): compared as written
    raw: tuple[str, ...]  # unfolded keys: a typo stays one edit in them
    given: tuple[tuple[str, str], ...]  # (canonical name, form) from the given-name table


@lru_cache(maxsize=200_000)
def _word(norm: str) -> _Word:
    keys, loose = keys_for(norm), loose_keys(norm)
    given = tuple((g.name, g.form) for g in lookup(norm))
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in norm)
    other = any(script_of(ch) == "other" for ch in norm if ch.isalpha())
    return _Word(keys, frozenset(keys), loose, frozenset(loose), cyrillic, other, raw_keys(norm), given)


def _given_relation(a: str, b: str) -> TokenMatch | None:
    relation = same_given_name(a, b)
    if relation == "exact":
        return TokenMatch((0.97, "same_name"))
    if relation == "other_language":
        return TokenMatch((OTHER_LANGUAGE, "other_language"))
    if relation == "short":
        return TokenMatch((SHORT_FORM, "short_form"))
    group = share_name_group(a, b)
    if group == "name":
        return TokenMatch((NAME_GROUP, "name_group"))
    if group == "nick":
        return TokenMatch((SHORT_FORM, "nickname"))
    return None


@lru_cache(maxsize=500_000)
def _similarity(a: str, b: str, given: bool) -> TokenMatch:
    if a == b:
        return TokenMatch((1.0, "identical"))
    wa, wb = _word(a), _word(b)
    if wa.key_set & wb.key_set:
        return TokenMatch((TRANSLITERATION, "transliteration" if wa.cyrillic != wb.cyrillic else "spelling"))
    if given and wa.given and wb.given:
        found = _given_relation(a, b)
        return found if found is not None else TokenMatch((0.0, "different_names"))
    if given:
        found = _given_relation(a, b) if wa.given or wb.given or variants_enabled() else None
        if found is not None:
            return found
    if wa.loose_set & wb.loose_set:
        return TokenMatch((LOOSE, "loose"))
    if "-" in a or "-" in b:
        found = _double_surname(a, b)
        if found is not None:
            return found
    return _fuzzy(a, b, wa, wb)


def _fuzzy(a: str, b: str, wa: _Word, wb: _Word) -> TokenMatch:
    if wa.other and wb.other:  # romanisation of Han or Hangul loses too much: compare as written
        sim = max(0.0, (OSA.normalized_similarity(a, b) - 0.75) / 0.25)
        return TokenMatch((sim, "similar" if sim >= 0.75 else "different"))
    sim = max(key_similarity(wa.keys, wb.keys), 0.97 * key_similarity(wa.loose, wb.loose))
    if sim < 0.9:
        sim = max(sim, 0.95 * key_similarity(wa.raw, wb.raw))
    if sim > 0 and wa.cyrillic and wb.cyrillic:
        sim *= SAME_SCRIPT  # no transliteration to blame: a different letter is more likely another name
    if sim > 0 and (_suffix_pair(wa.keys, wb.keys) or (is_known_surname(a) and is_known_surname(b))):
        return TokenMatch((min(sim, 0.3), "different_surnames"))
    return TokenMatch((sim, "similar" if sim >= 0.75 else "different"))


def _double_surname(a: str, b: str) -> TokenMatch | None:
    """Максакова-Игенбергс against Maksakova: one part of a double surname."""
    long_, short = (a, b) if "-" in a else (b, a)
    if "-" in short:
        return None
    short_keys = _word(short).key_set
    for part in long_.split("-"):
        if len(part) > 2 and short_keys.intersection(keys_for(part)):
            return TokenMatch((DOUBLE_SURNAME, "double_surname"))
    return None


_K_SUFFIX = re.compile(r"^(.{3,}?)(k?)(ov|ev|in)(a?)$")


def _suffix_pair(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Панов/Панков, Савин/Савкин: Russian surnames are formed both from a stem and from its
    diminutive in -к-, so the two are two families, not a typo."""
    for x in a[:2]:
        mx = _K_SUFFIX.match(x)
        for y in b[:2]:
            my = _K_SUFFIX.match(y)
            if mx and my and mx.group(1, 3, 4) == my.group(1, 3, 4) and mx.group(2) != my.group(2):
                return True
    return False


def token_similarity(a: NameToken, b: NameToken, *, given: bool = False) -> TokenMatch:
    """How alike two full name words are, and why (symmetric).

    ``given`` also tries the given-name table, its short and foreign forms, and Wikidata's
    name groups (Sasha = Александр, Iryna = Ирина).
    """
    x, y = (a.norm, b.norm) if a.norm <= b.norm else (b.norm, a.norm)
    return _similarity(x, y, given)


# The Latin letters a Cyrillic first letter is written with, in one system or another
# (Ю. = Yu./Iu./Ju., Ч. = Ch./Tsch./Cz., Х. = Kh./H./Ch.).
_FIRST_LETTERS = {
    "а": "a", "б": "b", "в": "vw", "г": "gh", "д": "d", "е": "eyji", "ё": "eyji", "ж": "zj",
    "з": "zs", "и": "iy", "й": "iyj", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "uo", "ф": "f", "х": "khc", "ц": "tcz", "ч": "ct", "ш": "sc",
    "щ": "sc", "э": "e", "ю": "iyju", "я": "iyja", "і": "i", "є": "iyje", "ї": "iyj", "ґ": "g",
}  # fmt: skip


def _first_letters(word: str) -> str:
    """Every Latin letter the word's first letter can be written with (the letter itself too)."""
    first = word[:1]
    return first + _FIRST_LETTERS.get(first, "")


def initial_matches(initial: NameToken, full: NameToken) -> bool:
    """An initial matches a word that starts with it in any script (Ю. = Yulia, C. = Чечена)."""
    if full.norm.startswith(initial.norm):
        return True
    if any(k.startswith(i) for i in initial.keys for k in full.keys if i):
        return True
    a, b = _first_letters(initial.norm), _first_letters(full.norm)
    if initial.norm.isascii() != full.norm[:1].isascii():
        return bool(set(a) & set(b) - set("абвгдеёжзийклмнопрстуфхцчшщэюяієїґ"))
    return initial.norm[:1] == full.norm[:1]
