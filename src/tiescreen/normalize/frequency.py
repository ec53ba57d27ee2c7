"""How common a name is, and whether a word is a known surname.

A match on a common surname says less than on a rare one (Ivanova against Tas-ool), and two
different real surnames one letter apart (Иванов/Ивашов, Шигина/Шилина) are two families,
not a typo. The frequent surnames come from ``data/common_surnames.txt``; pymorphy3's
dictionary knows many more Russian surnames (Cyrillic only).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from tiescreen.normalize.morph import is_dictionary_surname
from tiescreen.normalize.text import fold_text
from tiescreen.normalize.translit import keys_for
from tiescreen.tables import table_rows

if TYPE_CHECKING:
    from tiescreen.normalize.names import ParsedName

__all__ = ["is_common_surname", "is_known_surname", "name_is_common"]


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    keys: set[str] = set()
    for row in table_rows("common_surnames.txt"):
        for key in keys_for(fold_text("\t".join(row).strip())):
            keys.add(key)
            keys.add(key + "a")  # the female form
    return frozenset(keys)


def is_common_surname(key: str) -> bool:
    """True for the key of one of the most frequent surnames (either gender).

    >>> is_common_surname(keys_for("ivanova")[0]), is_common_surname(keys_for("тас-оол")[0])
    (True, False)
    """
    return key in _common()


# The key alphabet read back as Cyrillic letters: good enough to look a Latin spelling up in
# the Russian dictionary ("Ivashov" -> "ивашов"), not to transliterate.
_KEY_TO_CYRILLIC = str.maketrans("abvgdeZzijklmnoprstufhCXSQy", "абвгдежзийклмнопрстуфхцчшщы")


@lru_cache(maxsize=200_000)
def is_known_surname(word: str) -> bool:
    """True when a folded word is a real surname we know: frequent, or in the Russian dictionary.

    A Latin spelling is read back into Cyrillic through its keys for the dictionary lookup.

    >>> is_known_surname("ивашов"), is_known_surname("ivashov"), is_known_surname("ivaxyzov")
    (True, True, False)
    """
    keys = keys_for(word)
    if any(k in _common() for k in keys):
        return True
    if word.isascii():
        return any(_in_dictionary(k.translate(_KEY_TO_CYRILLIC)) for k in keys[:3] if len(k) > 3)
    return _in_dictionary(word)


def _in_dictionary(word: str) -> bool:
    """The word, or the male form of a female surname (Ивашова -> Ивашов), is a known surname."""
    if is_dictionary_surname(word):
        return True
    return word.endswith("а") and len(word) > 4 and is_dictionary_surname(word[:-1])


def name_is_common(parsed: ParsedName, registry_count: int = 0) -> bool:
    """True when a name alone cannot single out a person: a common surname, a bare surname,
    or a surname that several registry people share."""
    surname = parsed.surname
    if surname is None or len(parsed.full_tokens) < 2:
        return True
    return any(is_common_surname(k) for k in surname.keys) or registry_count >= 3
