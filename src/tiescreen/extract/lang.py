"""Tell Russian from English, and refuse what is neither.

Russian is Cyrillic without the letters only Ukrainian, Belarusian, Serbian or Bulgarian
use; English is Latin script whose common short words are English. Anything else is an
unknown language, reported as such (pass ``--lang`` to override).
"""

from __future__ import annotations

import re

from tiescreen.errors import InputError

__all__ = ["LANGS", "detect_lang"]

LANGS = ("ru", "en")
_NOT_RUSSIAN = re.compile(r"[іїєґўђћџјљњ]", re.IGNORECASE)
_EN_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "at",
        "from",
        "his",
        "her",
        "said",
        "are",
        "it",
        "has",
        "have",
        "an",
        "be",
        "who",
        "this",
        "were",
        "which",
        "their",
        "not",
        "but",
        "had",
        "its",
        "will",
        "been",
        "they",
        "also",
        "after",
    ]
)
_LATIN_WORD = re.compile(r"[a-z]+")


def detect_lang(text: str, source: str = "input") -> str:
    """Return ``"ru"`` or ``"en"`` for the article's text.

    Raises:
        InputError: the text is in another language or script.

    >>> detect_lang("Президент встретился с матерями военнослужащих в Ново-Огарёве.")
    'ru'
    """
    sample = text[:20000]
    cyrillic = sum(1 for ch in sample if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in sample if "a" <= ch.lower() <= "z")
    letters = sum(1 for ch in sample if ch.isalpha())
    hint = "tiescreen reads Russian and English articles; pass --lang ru or --lang en to force one"
    if cyrillic >= latin and cyrillic > 0.3 * letters:
        odd = len(_NOT_RUSSIAN.findall(sample))
        if odd > max(3, cyrillic // 200):
            raise InputError.single(
                source, "", "is not in Russian (it has Ukrainian, Belarusian or Serbian letters)", hint
            )
        return "ru"
    if latin > 0.5 * letters:
        words = _LATIN_WORD.findall(sample.lower())
        share = sum(1 for w in words if w in _EN_WORDS) / max(1, len(words))
        if share >= 0.08:
            return "en"
    raise InputError.single(source, "", "is in a language tiescreen cannot read", hint)
