"""Which transliteration system wrote a Latin spelling of a Cyrillic name word.

Explanations say *why* two spellings are the same name: "Щербаков = Schtscherbakow (German
spelling)". The standards come from ``iuliia``; the press conventions of German, Dutch,
French, Polish and Czech, and the Ukrainian-style reading of Russian letters, are letter
tables below (facts of those languages' spelling rules, simplified to the common cases).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rigour.text.translit import ascii_text

__all__ = ["SYSTEMS", "spelling_system", "transliterate"]

_BASE = {**dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)), "ё": "yo"}

# Letter tables of the press conventions: only the letters where they differ from _BASE.
_PRESS: dict[str, dict[str, str]] = {
    "German spelling": {
        "в": "w", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
        "щ": "schtsch", "ы": "y", "ю": "ju", "я": "ja", "ё": "jo", "с": "s", "е": "e",
    },
    "Dutch spelling": {
        "ж": "zj", "й": "j", "х": "ch", "ц": "ts", "ч": "tsj", "ш": "sj", "щ": "sjtsj",
        "у": "oe", "ю": "joe", "я": "ja", "ё": "jo", "ы": "y", "е": "e",
    },
    "French spelling": {
        "ж": "j", "й": "ï", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch",
        "у": "ou", "ю": "iou", "я": "ia", "ё": "io", "ы": "y", "е": "e", "г": "g",
    },
    "Polish spelling": {
        "в": "w", "ж": "ż", "й": "j", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz",
        "ю": "ju", "я": "ja", "ё": "jo", "ы": "y", "е": "e", "л": "ł",
    },
    "Czech spelling": {
        "ж": "ž", "й": "j", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
        "ю": "ju", "я": "ja", "ё": "jo", "ы": "y", "е": "e",
    },
    "Ukrainian-style spelling": {
        "и": "y", "г": "h", "ж": "zh", "й": "i", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ю": "iu", "я": "ia", "є": "ie", "ї": "i", "і": "i", "е": "e", "ё": "io", "ў": "u",
    },
}  # fmt: skip

_STANDARDS = (
    ("ICAO_DOC_9303", "ICAO passport transliteration"),
    ("BGN_PCGN", "BGN/PCGN transliteration"),
    ("WIKIPEDIA", "English-style transliteration"),
    ("GOST_779", "ISO 9 transliteration"),
    ("ALA_LC", "Library of Congress transliteration"),
    ("SCIENTIFIC", "scholarly transliteration"),
    ("MVD_310", "old Russian passport transliteration"),
    ("MVD_310_FR", "French-style transliteration"),
    ("GOST_52290", "GOST 52290 transliteration"),
)

SYSTEMS: tuple[str, ...] = tuple(label for _, label in _STANDARDS) + tuple(_PRESS)


def _press(word: str, table: dict[str, str]) -> str:
    out: list[str] = []
    for ch in word.lower():
        out.append(table.get(ch, _BASE.get(ch, "" if ch in "ьъ" else ch)))
    return "".join(out)


@lru_cache(maxsize=1)
def _schemas() -> dict[str, Any]:
    import iuliia

    return {label: getattr(iuliia, attr) for attr, label in _STANDARDS}


def transliterate(word: str, system: str) -> str:
    """Spell a Cyrillic word in one system of :data:`SYSTEMS` (lower case).

    >>> transliterate("Щербаков", "German spelling")
    'schtscherbakow'
    """
    if system in _PRESS:
        spelled = _press(word, _PRESS[system])
        if system.startswith("Ukrainian") and word[:1].lower() == "и":
            spelled = "i" + spelled[1:]  # Ukrainian writes such names with і: Ірина = Iryna
        return spelled
    return str(_schemas()[system].translate(word.lower())).lower()


def _plain(text: str) -> str:
    return ascii_text(text).lower().replace("-", "").replace("'", "").replace(" ", "")


@lru_cache(maxsize=50_000)
def spelling_system(cyrillic: str, latin: str) -> str | None:
    """The first system that spells ``cyrillic`` as ``latin`` (ignoring case, hyphens and
    accents), or None.

    >>> spelling_system("Ирина", "Iryna")
    'Ukrainian-style spelling'
    """
    exact = latin.lower().replace("-", "")
    plain = _plain(latin)
    for system in SYSTEMS:
        spelled = transliterate(cyrillic, system).replace("-", "")
        if spelled == exact or _plain(spelled) == plain:
            return system
    return None
