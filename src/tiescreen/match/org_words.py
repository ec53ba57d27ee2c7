"""Read an organisation name into parts: legal forms, numbers, qualifiers and core words.

Legal forms come from rigour's table (many languages and scripts, long and short forms), read
before punctuation is dropped because the table knows "Sp. z o.o." and "S.A. de C.V.". Numbers
written as words or ordinals become digits (Forty-Four = Fourty-four = 44, First = 1st = 1) and
Roman numerals (II, VII, XIII) their values, so that only real differences remain. Everything
else is brought to lower-case ASCII (rigour's romanisation), so Cyrillic and Latin names meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rigour.names.org_types import extract_org_types
from rigour.territories import lookup_territory
from rigour.text.translit import ascii_text

__all__ = ["OrgName", "is_place", "number_value", "org_parts"]

_STOP = frozenset(
    {"the", "of", "and", "de", "la", "le", "der", "die", "das", "du", "des", "et", "und", "y", "al", "el"}
)
_VESSEL_PREFIX = re.compile(r"^\s*(?:m\.?\s?[/.]?\s?[vtys]\.?|s\.?s\.?|f\.?v\.?)\s+", re.IGNORECASE)  # MV, M/T, SS, FV
_PAREN = re.compile(r"\(([^)]*)\)")
_ACRONYM = re.compile(r"\b(?:[a-z]\.){2,}")
_ROMAN = re.compile(r"^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
# English legal forms rigour's table leaves as words, and what they stand for.
_FORMS = {
    "corporation": "corp", "corp": "corp", "incorporated": "inc", "inc": "inc", "company": "co", "co": "co",
    "limited": "ltd", "ltd": "ltd", "plc": "plc", "llc": "llc", "lp": "lp", "llp": "llp",
}  # fmt: skip
_ABBREVIATIONS = {"intl": "international", "int": "international", "natl": "national", "dept": "department"}
_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class OrgName:
    """The parts of one organisation name."""

    words: tuple[str, ...]  # core words, numbers as digits, qualifiers included
    forms: frozenset[str]  # legal forms, as rigour's generic types (llc, jsc) where it has one
    numbers: frozenset[str]
    qualifiers: frozenset[str]  # words that stood in brackets
    compact: str  # all the letters of the name run together, legal form included (SiemensAG)


def number_value(word: str) -> int | None:
    """The value of a number written as digits, an ordinal, a Roman numeral or one English word."""
    if word.isdigit():
        return int(word)
    ordinal = _ORDINAL.match(word)
    if ordinal:
        return int(ordinal.group(1))
    if word in _ONES:
        return _ONES[word]
    if word in _TENS:
        return _TENS[word]
    if (_ROMAN.match(word) and len(word) > 1) or word in {"i", "v", "x"}:
        return _roman(word)
    return None


def _roman(word: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for ch, nxt in zip(word, [*word[1:], ""], strict=True):
        value = values[ch]
        total += -value if nxt and values[nxt] > value else value
    return total


def _numbers(words: list[str]) -> list[str]:
    """Words with numbers as digits; "forty four" and "forty 4" are one number."""
    out: list[str] = []
    for word in words:
        value = number_value(word)
        if value is None:
            out.append(word)
        elif out and out[-1].isdigit() and int(out[-1]) % 10 == 0 and 20 <= int(out[-1]) < 100 and value < 10:
            out[-1] = str(int(out[-1]) + value)
        else:
            out.append(str(value))
    return out


_ENDS = " ,.;:-\"'«»“”„"


def _forms(text: str) -> tuple[frozenset[str], str]:
    """The legal forms at either end of the name (where they stand: ООО Ромашка, Siemens AG)
    and the rest; a form-like word inside the name (AT in AT&T) or a numeral (II) stays."""
    found: set[str] = set()
    core = text.strip(_ENDS)
    for generic in (True, False):
        for matched, target in sorted(extract_org_types(text, generic=generic), key=lambda m: -len(m[0])):
            form = matched.strip(_ENDS)
            if not form or number_value(form) is not None:
                continue
            rest = core.replace(form, " ")
            if not any(len(w) > 1 for w in re.split(r"\W+", rest)):
                continue  # a form must leave a name: AT in AT&T is not the Austrian AT
            if core.endswith(form) and len(core) > len(form):
                core = core[: -len(form)].strip(_ENDS)
            elif core.startswith(form) and len(core) > len(form):
                core = core[len(form) :].strip(_ENDS)
            else:
                continue
            found.add(target)
        if found:
            break
    return frozenset(found), core


_CONTINENTS = frozenset({"africa", "america", "americas", "asia", "europe", "oceania", "eurasia", "scandinavia"})


@lru_cache(maxsize=50_000)
def is_place(word: str) -> bool:
    """True for a country or territory name (rigour's table, in many languages) or a continent.

    Codes (US, CH) are not places here, as short words are too often initials; nor are regions
    inside a country (Victoria, Montana), which are also given names, nor "global".
    """
    if len(word) < 4 or word.isdigit():
        return False
    found = lookup_territory(word)
    return word in _CONTINENTS or (found is not None and "-" not in found.code and found.code != "zz")


def _plain_words(text: str) -> list[str]:
    text = ascii_text(text).lower().replace("&", " and ").replace("%", " percent")  # 3%ers = 3 Percenters
    text = _ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)  # A.B.C. = ABC
    text = re.sub(r"['’`´]", "", text)  # Qa'ida, People's, 'Ndrangheta
    words = [_ABBREVIATIONS.get(w, w) for w in re.split(r"[^a-z0-9]+", text) if w]
    return _initialisms(words)


def _initialisms(words: list[str]) -> list[str]:
    """Single letters in a row, with or without "and", are one initialism: L & H = LH, A B C = ABC."""
    out: list[str] = []
    joined: list[bool] = []  # out[i] is made of single letters
    for word in words:
        letter = len(word) == 1 and word.isalpha()
        if letter and joined and joined[-1]:
            out[-1] += word
        elif letter and len(out) > 1 and out[-1] == "and" and joined[-2]:
            out.pop()
            joined.pop()
            out[-1] += word
        else:
            out.append(word)
            joined.append(letter)
    return out


@lru_cache(maxsize=100_000)
def org_parts(name: str) -> OrgName:
    """Read one organisation name into its parts."""
    text = _VESSEL_PREFIX.sub(" ", name.casefold())
    qualifiers = [w for part in _PAREN.findall(text) for w in _plain_words(part)]
    text = _PAREN.sub(" ", text)
    forms, core = _forms(text)
    if not forms:  # O.O.O. for ООО: the table knows the letters, not every way of dotting them
        forms, core = _forms(_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text + " ").strip())
    words: list[str] = []
    found = set(forms)
    for word in _numbers(_plain_words(core)):
        if word in _FORMS:
            found.add(_FORMS[word])
        elif word not in _STOP:
            words.append(word)
    words += [w for w in _numbers(qualifiers) if w not in _STOP]
    if not words:  # a name that is only a legal form or stop words: keep what was written
        words = _plain_words(name)
    numbers = frozenset(w for w in words if w.isdigit())
    letters = "".join(w for w in _plain_words(name) if not w.isdigit())
    return OrgName(tuple(words), frozenset(found), numbers, frozenset(qualifiers), letters)
