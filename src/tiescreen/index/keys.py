"""Blocking keys of names.

A key is the folded Latin key of one name word (``t:sigina``), and its first four letters
(``p:sigi``) so that a typo late in a word still meets. A candidate must share a key with
the query; the store ranks candidates by the rarity of the keys they share.
"""

from __future__ import annotations

from tiescreen.model import RegistryEntity
from tiescreen.normalize.names import ParsedName, parse_name

__all__ = ["entity_keys", "name_keys", "query_keys"]

MAX_VARIANTS = 3


def name_keys(parsed: ParsedName) -> set[str]:
    """The blocking keys of one parsed name."""
    keys: set[str] = set()
    for token in parsed.tokens:
        if token.role == "initial" or len(token.key) < 2:
            continue
        for key in token.keys[:MAX_VARIANTS]:
            keys.add(f"t:{key}")
            if len(key) > 4:
                keys.add(f"p:{key[:4]}")
    return keys


def entity_keys(entity: RegistryEntity) -> set[str]:
    """Blocking keys over every name form of a registry entity."""
    keys: set[str] = set()
    for name in entity.names():
        keys |= name_keys(parse_name(name))
    return keys


def query_keys(name: str) -> set[str]:
    return name_keys(parse_name(name))
