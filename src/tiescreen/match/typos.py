"""Typing errors against different names: when one letter apart is the same name.

Two name words one letter apart are, outside Russian, most often one name mistyped (Scholze
for Scholz, Mosk for Musk, Μητσοτάκος for Μητσοτάκης). East Slavic surnames are the
exception: they are built from a stem and a small set of suffixes, so real families sit one
letter apart (Иванов/Ивашов, Панов/Панков, Путин/Пулин) and a one-letter difference there is
more likely another family. Logographic and syllabic scripts (Han, kana, Hangul) are the other
exception: one character is a whole syllable or morpheme, so 习近平 and 习近朋 are two names.

This module says which regime a word belongs to and scores a typo in the generic one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import OSA
from rigour.text import metaphone

from tiescreen.normalize.text import is_russian
from tiescreen.normalize.translit import romanise

__all__ = ["abjad", "east_slavic", "khmer", "latin_form", "skeleton", "sound_key", "syllabic", "typo_similarity"]

ONE_EDIT = 0.85  # one letter typed wrong, left out, doubled or swapped: about as good as a short form
SOUNDS_ALIKE = 0.8  # the same Metaphone code: Husayn/Hussein, Narender/Narendra, Schulze/Scholz
TWO_EDITS = 0.65  # two edits in a long word: doubtful on its own
_RUSSIAN_ALPHABET = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў'’-")
# Latin endings of East Slavic surnames, given names and patronymics (-ov, -in, -sky, -vich, -enko...).
_SLAVIC_ENDING = re.compile(
    r"(?:[oe]vy?|[oe]ff|[oe]w|yov|(?<![aeiou])[iy]na?|[oe]va|sk(?:y|ii?|iy|aya|aja|a)|vi[cč]h?|vna|enko|[cč]?uk)$"
)
_SYLLABIC = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "YI ")
_FIRST_SYLLABIC = "\u1100"  # no letter before Hangul Jamo has such a name (tests/match/test_typos.py)


@lru_cache(maxsize=200_000)
def syllabic(word: str) -> bool:
    """True for a word written in Han, kana or Hangul, where a character is a syllable."""
    for ch in word:
        if ch.isalpha() and ch >= _FIRST_SYLLABIC:
            name = unicodedata.name(ch, "")
            if name.startswith(_SYLLABIC):
                return True
    return False


@lru_cache(maxsize=200_000)
def latin_form(word: str) -> str:
    """The word in plain lower-case ASCII letters (romanised from other scripts)."""
    return re.sub(r"[^a-z]", "", romanise(word).lower())


@lru_cache(maxsize=200_000)
def east_slavic(word: str) -> bool:
    """True when a word reads as a Russian, Ukrainian or Belarusian name.

    Cyrillic in those alphabets (not Serbian ћ, Kazakh қ/ұ, Mongolian ү), or Latin with an East
    Slavic name ending (Putin, Sechev, Khodorkovsky, Lukashenko).

    >>> east_slavic("путин"), east_slavic("Sechin"), east_slavic("тұқаев"), east_slavic("scholz")
    (True, True, False, False)
    """
    if is_russian(word):
        return True
    letters = [ch for ch in word.lower() if ch.isalpha()]
    if not letters:
        return False
    if any("\u0400" <= ch <= "\u04ff" for ch in letters):
        return all(ch in _RUSSIAN_ALPHABET for ch in letters)
    return bool(_SLAVIC_ENDING.search(latin_form(word)))


_SKELETON_FOLD = str.maketrans("pvzcqgx", "bfskkjk")
# Arabic, Hebrew, their presentation forms, and Khmer.
_ABJAD = re.compile("[\u0590-\u06ff\u0750-\u077f\ufb1d-\ufeff\u1780-\u17ff]")


@lru_cache(maxsize=200_000)
def abjad(word: str) -> bool:
    """True for a word in Arabic or Hebrew script, which leave short vowels unwritten, or in Khmer,
    whose inherent vowels its romanisation leaves out (ពត is "pt" for Pot)."""
    return _ABJAD.search(word) is not None


def khmer(text: str) -> bool:
    """True when the text has a letter of the Khmer script."""
    return any("\u1780" <= ch <= "\u17ff" for ch in text)


@lru_cache(maxsize=200_000)
def skeleton(latin: str) -> str:
    """The consonants of a plain Latin word, as an abjad writes them (Fernando, frnandw: frnd).

    Vowels, w/y (long vowels in romanised Arabic), the h of digraphs (th, kh, sh) and doubled
    letters go; p/b, v/f, z/s, c/q/k and g/j fold, because Arabic has one letter for each pair.
    """
    out = re.sub(r"[aeiouwy]", "", re.sub(r"(?<=[bcdgkpstz])h", "", latin)).translate(_SKELETON_FOLD)
    return re.sub(r"(.)\1+", r"\1", out)


@lru_cache(maxsize=200_000)
def sound_key(latin: str) -> str:
    """The Metaphone code of a plain Latin word, or "" when too short to tell names apart."""
    if len(latin) < 4:
        return ""
    code = metaphone(latin)
    return code if len(code) >= 3 else ""


@lru_cache(maxsize=500_000)
def typo_similarity(a: str, b: str) -> float:
    """How likely two spellings are one word mistyped: edits counted, not a ratio.

    One edit (a transposition counts as one) in words of four letters or more is a likely typo;
    two edits need eight letters; anything more is another word. Symmetric.

    >>> typo_similarity("scholze", "scholz"), typo_similarity("tom", "tim")
    (0.85, 0.0)
    """
    if a == b:
        return 1.0
    shortest = min(len(a), len(b))
    if shortest < 4:
        return 0.0
    edits = OSA.distance(a, b, score_cutoff=2)
    if edits <= 1:
        return ONE_EDIT
    if edits == 2 and shortest >= 8:
        return TWO_EDITS
    return 0.0
