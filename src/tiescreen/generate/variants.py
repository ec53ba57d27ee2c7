"""The ways a list or the press spells a registry person: each function is one variation.

Transliteration uses ``iuliia``'s schemas (the systems in use for Russian names) and the
press conventions of other languages; typos are one edit in the surname; short forms come
from the given-name table. :func:`other_gender` makes a hard negative: the male or female
form of the surname is a different person.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tiescreen.generate.registry import GeneratedPerson

__all__ = ["VARIANTS", "other_gender", "translit"]

_SCHEMAS = ("WIKIPEDIA", "ICAO_DOC_9303", "GOST_779", "BGN_PCGN", "SCIENTIFIC", "MVD_310_FR", "TELEGRAM")
_CYR = "абвгдежзиклмнопрстуфхцчшы"


@lru_cache(maxsize=16)
def _schema(name: str) -> Any:
    import iuliia

    return getattr(iuliia, name)


def translit(rng: random.Random, text: str) -> str:
    """``text`` in a randomly chosen transliteration system."""
    return str(_schema(rng.choice(_SCHEMAS)).translate(text))


def exact(rng: random.Random, p: GeneratedPerson) -> str:
    return p.full_name


def given_first(rng: random.Random, p: GeneratedPerson) -> str:
    return f"{p.given} {p.surname}" if rng.random() < 0.5 else f"{p.given} {p.patronymic} {p.surname}"


def latin(rng: random.Random, p: GeneratedPerson) -> str:
    form = rng.choice((f"{p.given} {p.surname}", f"{p.surname} {p.given}", f"{p.given} {p.patronymic} {p.surname}"))
    text = translit(rng, form)
    return text.upper() if rng.random() < 0.1 else text


def initials(rng: random.Random, p: GeneratedPerson) -> str:
    if rng.random() < 0.5:
        return f"{p.given[0]}. {p.patronymic[0]}. {p.surname}"
    return translit(rng, f"{p.surname} {p.given[0]}.{p.patronymic[0]}.")


def short_form(rng: random.Random, p: GeneratedPerson) -> str:
    if not p.short:
        return given_first(rng, p)
    form = f"{rng.choice(p.short)} {p.surname}"
    return form if rng.random() < 0.5 else translit(rng, form)


def _typo(rng: random.Random, word: str, alphabet: str) -> str:
    i = rng.randrange(1, len(word))
    kind = rng.choice(("sub", "del", "ins", "swap"))
    if kind == "sub":
        return word[:i] + rng.choice(alphabet) + word[i + 1 :]
    if kind == "del":
        return word[:i] + word[i + 1 :]
    if kind == "ins":
        return word[:i] + rng.choice(alphabet) + word[i:]
    if i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice(alphabet)


def typo(rng: random.Random, p: GeneratedPerson) -> str:
    if rng.random() < 0.5:
        return f"{p.given} {_typo(rng, p.surname, _CYR)}"
    form = translit(rng, f"{p.given} {p.surname}")
    given, _, surname = form.partition(" ")
    return f"{given} {_typo(rng, surname, 'abcdefghiklmnoprstuvyz')}"


VARIANTS: tuple[Callable[[random.Random, GeneratedPerson], str], ...] = (
    exact,
    given_first,
    latin,
    latin,
    initials,
    short_form,
    typo,
)


def other_gender(rng: random.Random, p: GeneratedPerson) -> str:
    """The other-gender form of the surname with the same given name: a different person."""
    s = p.surname
    for female, male in (("ская", "ский"), ("цкая", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ина", "ин")):
        if p.gender == "f" and s.endswith(female):
            s = s[: -len(female)] + male
            break
        if p.gender == "m" and s.endswith(male):
            s = s[: -len(male)] + female
            break
    form = f"{p.given} {s}"
    return form if rng.random() < 0.5 else translit(rng, form)
