"""How common a name is: a match on a common surname says less than on a rare one."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from tiescreen.normalize.names import ParsedName
from tiescreen.normalize.text import fold_text
from tiescreen.normalize.translit import keys_for

__all__ = ["is_common_surname", "name_is_common"]


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    text = files("tiescreen").joinpath("data/common_surnames.txt").read_text(encoding="utf-8")
    keys: set[str] = set()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            for key in keys_for(fold_text(line.strip())):
                keys.add(key)
                keys.add(key + "a")  # the female form
    return frozenset(keys)


def is_common_surname(key: str) -> bool:
    return key in _common()


def name_is_common(parsed: ParsedName, registry_count: int = 0) -> bool:
    """True when a name alone cannot single out a person: a common surname, a bare surname,
    or a surname that several registry people share."""
    surname = parsed.surname
    if surname is None or len(parsed.full_tokens) < 2:
        return True
    return any(is_common_surname(k) for k in surname.keys) or registry_count >= 3
