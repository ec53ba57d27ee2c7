"""Clean raw text before anything reads it as a name.

Names arrive from hostile places: zero-width spaces, soft hyphens, bidi overrides, Latin
letters hidden inside Cyrillic words ("Шигинa" with a Latin ``a``), full-width forms, ALL CAPS.
:func:`clean_text` removes the invisible, :func:`fold_homoglyphs` brings each word to one script.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["clean_text", "fold_homoglyphs", "fold_text", "script_of"]

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
# Text made only of these (printable ASCII but the backtick, and the Cyrillic letters) is
# unchanged by every step of clean_text except the spacing: the fast path most names take.
_PLAIN = frozenset(
    [chr(c) for c in range(0x20, 0x7F) if chr(c) != "`"]
    + [chr(c) for c in range(0x0400, 0x0530) if unicodedata.category(chr(c)).startswith("L")]
)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u024f\u1e00-\u1eff]")
_CYR_LOOKALIKE = set("аАеЕоОрРсСхХуВНКМТіІјЈѕЅ")


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
    if _PLAIN.issuperset(text):
        return " ".join(text.split())
    return _clean_any(text)


def _clean_any(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_INVISIBLE).translate(_DASHES).translate(_QUOTES)
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
        return word.translate(_LAT_TO_CYR)
    return word.translate(_CYR_TO_LAT)


@lru_cache(maxsize=262_144)
def fold_text(text: str) -> str:
    """:func:`clean_text`, homoglyph folding per word, lower case, ё→е.

    Idempotent: ``fold_text(fold_text(s)) == fold_text(s)``.
    """
    # Case first: the look-alike tables are lower and upper case, but "Y" has no twin while
    # "y" has, so folding homoglyphs before casefolding would not be idempotent.
    # ё again after cleaning: "е" + U+0308 composes (NFC) back into "ё".
    lowered = clean_text(clean_text(text).casefold().replace("ё", "е")).replace("ё", "е")
    return " ".join(fold_homoglyphs(w) for w in lowered.split(" "))
