"""Parse a person's name into given name, patronymic, surname and initials.

Handles any order ("Шигина Олеся Владимировна", "Olesya Shigina", "SHIGINA Olesya"), a
comma after the surname ("Шигина, Олеся"), initials ("О. В. Шигина", "Shigina O.V."), either
script, and guesses the gender from the patronymic, the surname ending and the given name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tiescreen.normalize.given_names import lookup
from tiescreen.normalize.text import clean_text, fold_homoglyphs, fold_text
from tiescreen.normalize.translit import keys_for

__all__ = ["NameToken", "ParsedName", "parse_name", "surname_gender_pair"]

_TOKEN_SPLIT = re.compile(r"[\s,;/]+")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){1,3}$|^[^\W\d_]$")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_PATRONYMIC_KEY = re.compile(r"(?:viX|viS|vih|ljiX|iliX|iX|viC)$|(?:vna|iXna|iSna|ihna)$")
_PATRONYMIC_WORDS = {"ogli", "oglu", "ogly", "kisi", "kizi", "kyzy", "ули", "оглы", "кызы", "улы"}
_FEMALE_SURNAME = re.compile(r"(?:ova|eva|ina|ina|ska|cka|aa|ja)$")
_MALE_SURNAME = re.compile(r"(?:ov|ev|in|ski|cki|oi|o)$")


@dataclass(frozen=True, slots=True)
class NameToken:
    """One word of a name: as written, folded, its keys, and its guessed role."""

    text: str
    norm: str
    keys: tuple[str, ...]
    role: str  # given | patronymic | surname | initial | unknown

    @property
    def key(self) -> str:
        return self.keys[0]


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A parsed person name."""

    original: str
    tokens: tuple[NameToken, ...]
    gender: str | None = None  # "m", "f" or None when nothing tells
    script: str = "latin"
    notes: tuple[str, ...] = field(default=())

    def by_role(self, role: str) -> list[NameToken]:
        return [t for t in self.tokens if t.role == role]

    @property
    def surname(self) -> NameToken | None:
        found = self.by_role("surname")
        return found[0] if found else None

    @property
    def patronymic(self) -> NameToken | None:
        found = self.by_role("patronymic")
        return found[0] if found else None

    @property
    def given(self) -> NameToken | None:
        found = self.by_role("given")
        return found[0] if found else None

    @property
    def full_tokens(self) -> list[NameToken]:
        return [t for t in self.tokens if t.role != "initial"]


def _is_patronymic(norm: str, keys: tuple[str, ...]) -> bool:
    if norm in _PATRONYMIC_WORDS:
        return True
    return len(norm) >= 6 and any(_PATRONYMIC_KEY.search(k) for k in keys[:2])


def _split(text: str) -> tuple[list[str], int | None]:
    """Words of a name and the index where a comma ended the surname part (if any)."""
    text = _PAREN.sub(" ", text)
    comma_at: int | None = None
    if "," in text:
        head, _, _tail = text.partition(",")
        comma_at = len([w for w in _TOKEN_SPLIT.split(head) if w])
    words: list[str] = []
    for raw in _TOKEN_SPLIT.split(text):
        raw = raw.strip(".-'\"«»“”()")
        if not raw:
            continue
        if re.fullmatch(r"(?:[^\W\d_]\.){2,3}[^\W\d_]?\.?", raw + ("" if raw.endswith(".") else ".")):
            words.extend(ch for ch in raw if ch.isalpha())
            continue
        words.append(raw)
    return words, comma_at


@lru_cache(maxsize=100_000)
def parse_name(name: str) -> ParsedName:
    """Parse a person's name in any order and script.

    >>> p = parse_name("Шигина, Олеся Владимировна")
    >>> [t.role for t in p.tokens], p.gender
    (['surname', 'given', 'patronymic'], 'f')
    """
    cleaned = clean_text(name)
    words, comma_at = _split(cleaned)
    words = [w for w in (fold_homoglyphs(w) for w in words) if any(ch.isalpha() for ch in w)]
    norms = [fold_text(w) for w in words]
    keys = [keys_for(n) for n in norms]
    roles = ["unknown"] * len(words)
    for i, (norm, w) in enumerate(zip(norms, words, strict=True)):
        if len(norm) == 1 or _INITIALS.match(w + "."):
            roles[i] = "initial" if len(norm) == 1 else roles[i]
        elif _is_patronymic(norm, keys[i]):
            roles[i] = "patronymic"
    _assign_given_and_surname(words, norms, roles, comma_at)
    tokens = tuple(NameToken(w, n, k, r) for w, n, k, r in zip(words, norms, keys, roles, strict=True))
    script = "cyrillic" if any("\u0400" <= ch <= "\u04ff" for ch in cleaned) else "latin"
    return ParsedName(cleaned, tokens, _gender(tokens), script)


def _assign_given_and_surname(words: list[str], norms: list[str], roles: list[str], comma_at: int | None) -> None:
    free = [i for i, r in enumerate(roles) if r == "unknown"]
    if not free:
        return
    if comma_at is not None and 0 < comma_at < len(words):
        for i in free:
            roles[i] = "surname" if i < comma_at else "given"
        return
    known = [i for i in free if lookup(norms[i])]
    # An ALL-CAPS word among mixed-case words is a surname ("SHIGINA Olesya").
    caps = [i for i in free if words[i].isupper() and len(words[i]) > 1]
    if caps and len(caps) < len(free):
        for i in free:
            roles[i] = "surname" if i in caps else "given"
        return
    patronymic = [i for i, r in enumerate(roles) if r == "patronymic"]
    if patronymic and patronymic[0] - 1 in free:
        roles[patronymic[0] - 1] = "given"
        for i in free:
            if roles[i] == "unknown":
                roles[i] = "surname"
        return
    if len(free) == 1:
        initials = any(r == "initial" for r in roles)
        roles[free[0]] = "surname" if initials or not known else "given"
        return
    if len(known) == 1 and len(free) == 2:
        for i in free:
            roles[i] = "given" if i == known[0] else "surname"
        return
    # No other hint: "Given Surname" in Latin and Russian press use alike.
    roles[free[0]] = "given"
    for i in free[1:]:
        roles[i] = "surname"


def _gender(tokens: tuple[NameToken, ...]) -> str | None:
    for t in tokens:
        if t.role == "patronymic":
            if t.key.endswith("na") or t.norm in {"кызы", "kizi", "kisi", "kyzy"}:
                return "f"
            return "m"
    for t in tokens:
        if t.role == "given":
            genders = {g.gender for g in lookup(t.norm)}
            if len(genders) == 1:
                return genders.pop()
    for t in tokens:
        if t.role == "surname":
            if _FEMALE_SURNAME.search(t.key):
                return "f"
            if _MALE_SURNAME.search(t.key):
                return "m"
    return None


_GENDER_PAIRS = (("a", ""), ("aa", "i"), ("a", "i"), ("a", "o"))


def surname_gender_pair(a: str, b: str) -> bool:
    """True when two surname keys are the male and female forms of one family name.

    Иванов/Иванова, Шигин/Шигина, Достоевский/Достоевская, Толстой/Толстая.

    >>> surname_gender_pair(keys_for("шигин")[0], keys_for("shigina")[0])
    True
    """
    if a == b or min(len(a), len(b)) < 3:
        return False
    for x, y in ((a, b), (b, a)):
        if x.endswith("ska") and y.endswith("ski") and x[:-3] == y[:-3]:
            return True
        if x.endswith("a") and re.search(r"(?:ov|ev|in|jn|n)$", y) and x[:-1] == y:
            return True
        if x.endswith("ta") and y.endswith("to") and x[:-2] == y[:-2]:  # Толстая/Толстой
            return True
    return False
