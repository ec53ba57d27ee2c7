"""One person per individual: merge "Olesya Shigina", "Shigina", "Ms Shigina", "Олесей Шигиной".

Every mention is first brought to the nominative (Russian) and stripped of honorifics and
possessives (English). Full names merge when their surnames share a key in the shared
Latin key space (so Cyrillic and Latin spellings meet) and their given names agree; a lone
surname joins the person it names, the one mentioned last when two share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tiescreen.extract.model import ExtractedPerson, RoleStatement
from tiescreen.extract.nlp import HONORIFICS, Entity, Sentence
from tiescreen.extract.russian import nominative_name, surname_nominatives
from tiescreen.normalize.given_names import same_given_name
from tiescreen.normalize.names import parse_name
from tiescreen.normalize.text import fold_text
from tiescreen.normalize.translit import keys_for

__all__ = ["PersonMention", "clean_name", "merge_people", "rescue_surnames"]

_CAPITALISED = re.compile(r"(?<![\w-])[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁa-zа-яё][a-zа-яё]+)?(?![\w-])")

_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A name as it stands in the text, with what the sentence says about it."""

    surface: str
    name: str  # nominative, honorifics removed
    statements: tuple[RoleStatement, ...] = ()
    is_credit: bool = False


@dataclass
class _Person:
    names: list[str] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    statements: list[RoleStatement] = field(default_factory=list)
    credit_only: bool = True
    surname_keys: set[str] = field(default_factory=set)
    givens: list[str] = field(default_factory=list)
    last_seen: int = 0


def clean_name(surface: str, lang: str) -> str:
    """The name in the nominative without honorifics, possessives or stray punctuation.

    >>> clean_name("Ms Shigina's", "en"), clean_name("Олесей Шигиной", "ru")
    ('Shigina', 'Олеся Шигина')
    """
    words = [w.strip('.,;:()[]«»"“”') for w in surface.split()]
    words = [_POSSESSIVE.sub("", w) for w in words if w and w.lower() not in HONORIFICS]
    words = [w for w in words if w]
    if words and all(re.match(r"^[А-ЯЁа-яё.-]+$", w) for w in words):
        return nominative_name(words)  # Russian names are inflected in English articles' quotes too
    return " ".join(words)


def _surname_keys(word: str, lang: str) -> set[str]:
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in word)
    forms = surname_nominatives(word) if cyrillic else [word]
    return {k for f in forms for k in keys_for(fold_text(f))}


def merge_people(mentions: list[PersonMention], lang: str) -> list[ExtractedPerson]:
    """Group mentions into individuals, in the order the article first names them."""
    people: list[_Person] = []
    full = [(i, m) for i, m in enumerate(mentions) if len(m.name.split()) > 1]
    lone = [(i, m) for i, m in enumerate(mentions) if len(m.name.split()) == 1]
    for i, mention in full:
        parsed = parse_name(mention.name)
        surname = parsed.surname
        keys = set(surname.keys) if surname else set()
        given = parsed.given.text if parsed.given else ""
        person = next((p for p in people if p.surname_keys & keys and _givens_agree(p.givens, given)), None)
        if person is None:
            person = _Person()
            people.append(person)
        person.surname_keys |= keys
        if given:
            person.givens.append(given)
        _add(person, mention, i)
    for i, mention in lone:
        keys = _surname_keys(mention.name, lang)
        same = [p for p in people if p.surname_keys & keys]
        if not same:
            same = [p for p in people if any(same_given_name(g, mention.name) == "exact" for g in p.givens)]
        if same:
            person = max(same, key=lambda p: p.last_seen if p.last_seen <= i else -1)
        else:
            person = _Person(surname_keys=keys)
            people.append(person)
        _add(person, mention, i)
    kept = [p for p in people if _stands(p)]
    return [_result(p, lang) for p in sorted(kept, key=lambda p: min(_first(p, mentions)))]


def _stands(person: _Person) -> bool:
    """A lone word the model took for a name counts only with a role, an honorific or a credit.

    News introduces people by their full name first; a single capitalised word never named in
    full ("the Duma's committee", "a priest from Tula") is more often a place or a body.
    """
    if any(len(n.split()) > 1 for n in person.names) or person.statements or person.credit_only:
        return True
    return any(w.lower().strip(".") in {h.strip(".") for h in HONORIFICS} for s in person.surfaces for w in s.split())


def _first(person: _Person, mentions: list[PersonMention]) -> list[int]:
    return [i for i, m in enumerate(mentions) if m.surface in person.surfaces] or [0]


def _givens_agree(givens: list[str], given: str) -> bool:
    if not givens or not given:
        return True
    for other in givens:
        if fold_text(other)[:1] != fold_text(given)[:1] and not same_given_name(other, given):
            return False
        if len(other) == 1 or len(given) == 1 or same_given_name(other, given):
            continue
        if not set(keys_for(fold_text(other))) & set(keys_for(fold_text(given))):
            return False
    return True


def _add(person: _Person, mention: PersonMention, index: int) -> None:
    person.names.append(mention.name)
    if mention.surface not in person.surfaces:
        person.surfaces.append(mention.surface)
    person.statements.extend(s for s in mention.statements if s not in person.statements)
    person.credit_only = person.credit_only and mention.is_credit
    person.last_seen = max(person.last_seen, index)


def _result(person: _Person, lang: str) -> ExtractedPerson:
    def rank(name: str) -> tuple[int, int, int]:
        cyr = any("\u0400" <= ch <= "\u04ff" for ch in name)
        native = cyr == (lang == "ru")
        full = [w for w in name.split() if len(w.strip(".")) > 1]
        return (int(native), len(full), -person.names.index(name))

    best = max(person.names, key=rank)
    return ExtractedPerson(best, tuple(person.surfaces), tuple(person.statements), person.credit_only)


def rescue_surnames(sentences: list[Sentence], lang: str) -> list[Sentence]:
    """Mark lone surnames the model missed ("Shigina declined", "Шигина рассказала").

    The surnames come from the full names the model did find in the same article; a word
    that shares a surname key with one of them is that person (in any case form).
    """
    known: set[str] = set()
    for sent in sentences:
        for ent in sent.entities:
            words = clean_name(ent.text, lang).split()
            if ent.label == "PER" and len(words) > 1:
                known |= set(keys_for(fold_text(words[-1])))
    if not known:
        return sentences
    out = []
    for sent in sentences:
        added = [
            Entity(m.group(0), sent.start + m.start(), sent.start + m.end(), "PER")
            for m in _CAPITALISED.finditer(sent.text)
            if not any(e.label == "PER" and e.start <= sent.start + m.start() < e.end for e in sent.entities)
            and _surname_keys(m.group(0), lang) & known
        ]
        if not added:
            out.append(sent)
            continue
        kept = [e for e in sent.entities if not any(e.start < a.end and a.start < e.end for a in added)]
        ents = tuple(sorted([*kept, *added], key=lambda e: e.start))
        out.append(Sentence(sent.text, sent.start, sent.tokens, ents))
    return out
