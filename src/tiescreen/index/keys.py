"""Blocking keys of name words.

A name is split into words; each word gets its *word key* (the best reading of the word in
the shared Latin key space, :func:`~tiescreen.normalize.translit.keys_for`, so ``Шигина`` and
``Chiguina`` share it) and a set of *blocking keys*: every reading of the word, every reading
with one letter deleted, or two in long words (so two spellings one typo apart always share
a key, and two typos apart in long words: the SymSpell idea), and the loose readings that
forgive unstressed vowels. Two words are candidates for each other when their keys meet.

The registry side splits names in SQL with :data:`SQL_WORD_SPLIT`, the query side in Python
with :data:`WORD_SPLIT`: the two patterns split at the same characters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from tiescreen.model import RegistryEntity
from tiescreen.normalize import translit
from tiescreen.normalize.names import ParsedName
from tiescreen.normalize.text import fold_text

__all__ = [
    "SQL_WORD_SPLIT",
    "WORD_SPLIT",
    "entity_keys",
    "name_keys",
    "query_keys",
    "split_words",
    "word_blocking_keys",
    "word_key",
    "word_readings",
]

# Word separators: whitespace (incl. no-break and other Unicode spaces), punctuation between
# words, brackets, quotes, and the full stop of initials ("О.В." is two initials).
WORD_SPLIT = re.compile(r"[\s,;/()\[\]«»“”\".]+")
SQL_WORD_SPLIT = r"[\s\p{Z},;/()\[\]«»“”\".]+"
MAX_VARIANTS = 3
MIN_DELETE_LEN = 4
MIN_DELETE2_LEN = 7
_EDGE_PUNCT = "-'`"


def split_words(text: str) -> list[str]:
    """The words of a name as the index splits them.

    >>> split_words("Шигина, О.В. (депутат)")
    ['Шигина', 'О', 'В', 'депутат']
    """
    return [w for w in WORD_SPLIT.split(text) if w.strip(_EDGE_PUNCT)]


@lru_cache(maxsize=500_000)
def word_readings(raw: str) -> tuple[str, ...]:
    """The readings of one raw word in the shared Latin key space, best first (none for initials)."""
    norm = fold_text(raw).strip(_EDGE_PUNCT)
    if sum(ch.isalpha() for ch in norm) < 2:
        return ()
    return tuple(k for k in translit.keys_for(norm) if k)


def word_key(raw: str) -> str | None:
    """The word key of one raw word (its best reading), or None for initials and noise.

    >>> word_key("Шигина") == word_key("Chiguina") == word_key("SHIGINA")
    True
    """
    readings = word_readings(raw)
    return readings[0] if readings else None


@lru_cache(maxsize=500_000)
def word_blocking_keys(raw: str) -> tuple[str, ...]:
    """Every blocking key of one raw word: readings, one-deletion variants, loose readings."""
    readings = word_readings(raw)
    keys: list[str] = []
    for key in readings[:MAX_VARIANTS]:
        keys.append(key)
        # The variants as combinations of the key's letters (in order): joined in C, not sliced in a loop.
        if len(key) >= MIN_DELETE_LEN:
            keys += map("".join, combinations(key, len(key) - 1))
        if len(key) >= MIN_DELETE2_LEN:
            keys += map("".join, combinations(key, len(key) - 2))
    loose = getattr(translit, "loose_keys", None)
    if readings and loose is not None:
        keys += ["~" + key for key in loose(fold_text(raw).strip(_EDGE_PUNCT))[:2]]
    return tuple(dict.fromkeys(keys))


def name_keys(parsed: ParsedName) -> set[str]:
    """The blocking keys of one parsed name (the words that are not initials)."""
    keys: set[str] = set()
    for token in parsed.tokens:
        if token.role == "initial":
            continue
        keys.update(word_blocking_keys(token.text))
    return keys


def entity_keys(entity: RegistryEntity) -> set[str]:
    """Blocking keys over every name form of a registry entity."""
    keys: set[str] = set()
    for name in entity.names():
        keys |= query_keys(name)
    return keys


def query_keys(name: str) -> set[str]:
    """The blocking keys of a name as written (split the way the registry index splits)."""
    keys: set[str] = set()
    for word in split_words(name):
        keys.update(word_blocking_keys(word))
    return keys
