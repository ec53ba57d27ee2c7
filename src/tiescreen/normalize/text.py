"""Clean raw text before anything reads it as a name.

Names arrive from hostile places: zero-width spaces, soft hyphens, bidi overrides, Latin
letters hidden inside Cyrillic words ("Шигинa" with a Latin ``a``), full-width forms, ALL CAPS.
:func:`clean_text` removes the invisible, :func:`fold_homoglyphs` brings each word to one script.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["clean_text", "fold_homoglyphs", "fold_text", "has_cyrillic", "is_russian", "script_of"]

# Invisible or formatting characters that change nothing a reader sees.
_INVISIBLE = dict.fromkeys(
    [
        *(0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0),
        *range(0x200B, 0x2010),  # zero-width space/joiners, LRM/RLM
        *range(0x202A, 0x202F),  # bidi embeddings and overrides
        *range(0x2060, 0x2070),  # word joiner, invisible operators, bidi isolates
        *range(0xFE00, 0xFE10),  # variation selectors
    ],
    None,
)
_DASHES = dict.fromkeys([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D], "-")
_QUOTES = dict.fromkeys([0x2018, 0x2019, 0x201B, 0x02BC, 0x02B9, 0x0060, 0x00B4], "'")
# The three tables apply in one pass (their keys are distinct and no value is a key).
_REPLACE = {**_INVISIBLE, **_DASHES, **_QUOTES}
_SPACES = re.compile(r"\s+")

# Letters that look the same in Latin and Cyrillic (upper and lower case).
_LAT_TO_CYR = str.maketrans(
    "aAeEoOpPcCxXyBHKMTiIjJsS",
    "аАеЕоОрРсСхХуВНКМТіІјЈѕЅ",
)
_CYR_TO_LAT = str.maketrans(
    "аАеЕоОрРсСхХуВНКМТіІјЈѕЅ",
    "aAeEoOpPcCxXyBHKMTiIjJsS",
)
_LAT_LOOKALIKE = set("aAeEoOpPcCxXyBHKMTiIjJsS")
# Text made only of these (printable ASCII but the backtick, the Cyrillic letters, and the
# guillemets of Russian names) is unchanged by every step of clean_text except the spacing:
# the fast path most names take.
_PLAIN = frozenset(
    [chr(c) for c in range(0x20, 0x7F) if chr(c) != "`"]
    + [chr(c) for c in range(0x0400, 0x0530) if unicodedata.category(chr(c)).startswith("L")]
    + ["«", "»"]
)


def _not_in(chars: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds a character outside ``chars`` (a regex scan of a name is about five
    times faster than a set test of its letters)."""
    codes = sorted(map(ord, chars))
    spans: list[list[int]] = []
    for code in codes:
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return re.compile("[^" + "".join(re.escape(chr(a)) + "-" + re.escape(chr(b)) for a, b in spans) + "]")


_NOT_PLAIN = _not_in(_PLAIN)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff]")
_CYR_LOOKALIKE = set("аАеЕоОрРсСхХуВНКМТіІјЈѕЅ")


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_RUSSIAN_WORD = re.compile("[а-яё]+")
_RUSSIAN_ANY_CASE = re.compile("[а-яёА-ЯЁ]+")


def has_cyrillic(text: str) -> bool:
    """True when the text has a character of the Cyrillic block (U+0400-U+04FF)."""
    return _CYRILLIC.search(text) is not None


def is_russian(word: str) -> bool:
    """True for a word of lower-case Russian letters alone, as most registry words are once
    folded: the fast paths of the word functions (one regex match, no per-letter Python).

    >>> is_russian("шигина"), is_russian("Шигина"), is_russian("тас-оол"), is_russian("iryna")
    (True, False, False, False)
    """
    return _RUSSIAN_WORD.fullmatch(word) is not None


def script_of(ch: str) -> str:
    """``"cyrillic"``, ``"latin"`` or ``"other"`` for one character."""
    if not ch.isalpha():
        return "other"
    code = ord(ch)
    if 0x0400 <= code <= 0x052F or 0x1C80 <= code <= 0x1C8F or 0x2DE0 <= code <= 0x2DFF or 0xA640 <= code <= 0xA69F:
        return "cyrillic"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    return "other"


def clean_text(text: str) -> str:
    """Remove invisible characters, unify dashes, quotes and spaces, and compose (NFC).

    NFKC would also turn full-width and ligature forms into plain letters, which we want.

    >>> clean_text("Ши\\u200bгина\\u00ad  Олеся")
    'Шигина Олеся'
    """
    if not text:
        return ""
    if not _NOT_PLAIN.search(text):
        return " ".join(text.split())
    normalized = _normalize(text)
    if not _NOT_PLAIN.search(normalized):  # "№", dashes, quotes: plain once normalized
        return " ".join(normalized.split())
    return _clean_normalized(normalized)


def _clean_any(text: str) -> str:
    """The general path of :func:`clean_text` (no shortcut)."""
    return _clean_normalized(_normalize(text))


def _normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_REPLACE)


def _clean_normalized(text: str) -> str:
    # Drop control characters (incl. NUL) and lone combining marks that start a word.
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\t\n")
    # Compose again: a removed character may have stood between a letter and its mark.
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", _strip_orphan_marks(text)).strip()


def _strip_orphan_marks(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if unicodedata.combining(ch) and (not out or (not out[-1].isalpha() and not unicodedata.combining(out[-1]))):
            continue
        out.append(ch)
    return "".join(out)


def fold_homoglyphs(word: str) -> str:
    """Bring a word written in mixed scripts to its majority script.

    >>> fold_homoglyphs("Шигинa")  # Latin "a" at the end
    'Шигина'
    >>> fold_homoglyphs("Ivаnov")  # Cyrillic "а" inside
    'Ivanov'
    """
    if word.isascii() or not _LATIN_LETTER.search(word):
        return word  # one script only (or no Latin letter): nothing to fold
    cyr = sum(1 for ch in word if script_of(ch) == "cyrillic")
    lat = sum(1 for ch in word if script_of(ch) == "latin")
    if not cyr or not lat:
        return word
    # Count only letters that cannot be look-alikes to decide the word's real script.
    cyr_strict = sum(1 for ch in word if script_of(ch) == "cyrillic" and ch not in _CYR_LOOKALIKE)
    lat_strict = sum(1 for ch in word if script_of(ch) == "latin" and ch not in _LAT_LOOKALIKE)
    if cyr_strict > lat_strict or (cyr_strict == lat_strict and cyr >= lat):
        folded = word.translate(_LAT_TO_CYR)
    else:
        folded = word.translate(_CYR_TO_LAT)
    # A mark after a letter that changed script may now compose with it (Cyrillic О + grave: ò).
    return unicodedata.normalize("NFC", folded)


@lru_cache(maxsize=262_144)
def fold_text(text: str) -> str:
    """:func:`clean_text`, homoglyph folding per word, lower case, ё→е.

    Idempotent: ``fold_text(fold_text(s)) == fold_text(s)``.
    """
    if _RUSSIAN_ANY_CASE.fullmatch(text):  # one Russian word, like most: what _fold_any gives it
        return text.lower().replace("ё", "е")
    return _fold_any(text)


def _fold_any(text: str) -> str:
    """:func:`fold_text` of any text."""
    # Case first: the look-alike tables are lower and upper case, but "Y" has no twin while
    # "y" has, so folding homoglyphs before casefolding would not be idempotent.
    # ё again after cleaning: "е" + U+0308 composes (NFC) back into "ё".
    lowered = clean_text(clean_text(text).casefold().replace("ё", "е")).replace("ё", "е")
    return " ".join(fold_homoglyphs(w) for w in lowered.split(" "))
