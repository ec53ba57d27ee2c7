"""Russian morphology for names, roles and organisations: bring them to the nominative.

pymorphy3 reads "Шигиной" as a man's given name in the nominative; so, as DESIGN.md asks,
we pick the reading on which the name's words agree in gender and case (the given name and
patronymic are the reliable ones), then put every word in the nominative of that gender.
Surnames pymorphy3 does not know decline by their suffix family (-ов/-ев/-ин/-ский).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from tiescreen.normalize.given_names import lookup

__all__ = ["name_case", "nominative_name", "nominative_phrase", "parses", "surname_nominatives"]

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# (ending of a case form, gender, nominative ending, cases) for the -ов/-ин/-ский surname families.
_OBL = "gent datv ablt loct"
_SURNAME_RULES: tuple[tuple[str, str, str, str], ...] = (
    ("ской", "f", "ская", _OBL),
    ("скую", "f", "ская", "accs"),
    ("ская", "f", "ская", "nomn"),
    ("цкой", "f", "цкая", _OBL),
    ("цкую", "f", "цкая", "accs"),
    ("цкая", "f", "цкая", "nomn"),
    ("ского", "m", "ский", "gent accs"),
    ("скому", "m", "ский", "datv"),
    ("ским", "m", "ский", "ablt"),
    ("ском", "m", "ский", "loct"),
    ("ский", "m", "ский", "nomn"),
    ("цкого", "m", "цкий", "gent accs"),
    ("цкому", "m", "цкий", "datv"),
    ("цким", "m", "цкий", "ablt"),
    ("цком", "m", "цкий", "loct"),
    ("цкий", "m", "цкий", "nomn"),
    ("овой", "f", "ова", _OBL),
    ("евой", "f", "ева", _OBL),
    ("ёвой", "f", "ёва", _OBL),
    ("иной", "f", "ина", _OBL),
    ("ыной", "f", "ына", _OBL),
    ("ову", "f", "ова", "accs"),
    ("еву", "f", "ева", "accs"),
    ("ину", "f", "ина", "accs"),
    ("ыну", "f", "ына", "accs"),
    ("ова", "f", "ова", "nomn"),
    ("ева", "f", "ева", "nomn"),
    ("ина", "f", "ина", "nomn"),
    ("ына", "f", "ына", "nomn"),
    ("овым", "m", "ов", "ablt"),
    ("евым", "m", "ев", "ablt"),
    ("ёвым", "m", "ёв", "ablt"),
    ("иным", "m", "ин", "ablt"),
    ("ыным", "m", "ын", "ablt"),
    ("ова", "m", "ов", "gent accs"),
    ("ева", "m", "ев", "gent accs"),
    ("ина", "m", "ин", "gent accs"),
    ("ына", "m", "ын", "gent accs"),
    ("ову", "m", "ов", "datv"),
    ("еву", "m", "ев", "datv"),
    ("ину", "m", "ин", "datv"),
    ("ове", "m", "ов", "loct"),
    ("еве", "m", "ев", "loct"),
    ("ине", "m", "ин", "loct"),
    ("ов", "m", "ов", "nomn"),
    ("ев", "m", "ев", "nomn"),
    ("ин", "m", "ин", "nomn"),
)


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a word (cached)."""
    return tuple(_morph().parse(word))


def _match_case(word: str, template: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    parts, shapes = word.split("-"), template.split("-")
    if len(parts) != len(shapes):
        shapes = [template] * len(parts)
    return "-".join(p[:1].upper() + p[1:] if t[:1].isupper() else p for p, t in zip(parts, shapes, strict=True))


def _name_readings(word: str) -> list[tuple[str, str, Any]]:
    """(case, gender, parse) for readings of a word as a given name or patronymic."""
    out = []
    for p in parses(word):
        if ({"Name", "Patr"} & p.tag.grammemes) and p.tag.number == "sing":
            out.append((str(p.tag.case), str(p.tag.gender), p))
    return out


def nominative_name(words: list[str]) -> str:
    """A person's name as found in running text, in the nominative.

    >>> nominative_name(["Олесей", "Шигиной"])
    'Олеся Шигина'
    >>> nominative_name(["Дмитрия", "Пескова"])
    'Дмитрий Песков'
    """
    readings = {i: _name_readings(w) for i, w in enumerate(words)}
    case, gender = _agreed(words, readings)
    out: list[str] = []
    for i, word in enumerate(words):
        fitting = [r for r in readings[i] if r[0] == case and r[1] == gender]
        if fitting:
            form = fitting[0][2].inflect({"nomn"})
            out.append(_match_case(form.word, word) if form else word)
        else:
            out.append(_surname_nominative(word, gender, case))
    return " ".join(out)


def name_case(words: list[str]) -> str | None:
    """The grammatical case a Russian name stands in ("Олесей Шигиной" -> "ablt")."""
    readings = {i: _name_readings(w) for i, w in enumerate(words)}
    return _agreed(words, readings)[0]


def _surname_options(word: str) -> dict[tuple[str, str], float]:
    low = word.lower()
    found: dict[tuple[str, str], float] = {}
    for ending, g, _, cases in _SURNAME_RULES:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            for case in cases.split():
                found.setdefault((case, "femn" if g == "f" else "masc"), 1.0)
    return found


def _agreed(words: list[str], readings: dict[int, list[tuple[str, str, Any]]]) -> tuple[str | None, str | None]:
    """The case and gender the name's words agree on best (summed reading scores)."""
    totals: dict[tuple[str, str], float] = {}
    for i, word in enumerate(words):
        # A word our given-name table knows is surer to be a given name than pymorphy3's guess.
        options = {(c, g): float(p.score) * _weight(p) for c, g, p in readings[i]}
        for key, score in _surname_options(word).items():
            options[key] = max(options.get(key, 0.0), score)
        for key, score in options.items():
            totals[key] = totals.get(key, 0.0) + score
    if not totals:
        return None, None
    (case, gender), _ = max(totals.items(), key=lambda kv: (kv[1], kv[0][0] == "nomn"))
    return case, gender


def _weight(parse: Any) -> float:
    known = "Patr" in parse.tag.grammemes or lookup(parse.normal_form)
    return 2.0 if known else 0.4


def _surname_nominative(word: str, gender: str | None, case: str | None) -> str:
    low = word.lower()
    if case == "nomn" or case is None:
        return word
    g = "f" if gender == "femn" else "m"
    for ending, rg, nominative, cases in _SURNAME_RULES:
        if low.endswith(ending) and rg == g and case in cases.split() and len(low) > len(ending) + 1:
            return _match_case(low[: -len(ending)] + nominative, word)
    if g == "m":
        for p in parses(word):
            if ("Surn" in p.tag.grammemes or {"NOUN", "anim"} <= p.tag.grammemes) and p.tag.case == case:
                form = p.inflect({"nomn"})
                if form:
                    return _match_case(form.word, word)
    return word


def surname_nominatives(word: str) -> list[str]:
    """Every nominative a lone surname may stand for ("Иванова" -> Иванова, Иванов)."""
    low = word.lower()
    out = [word]
    for ending, _, nominative, _cases in _SURNAME_RULES:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            out.append(_match_case(low[: -len(ending)] + nominative, word))
    m = re.match(r"^(.*[бвгджзклмнпрстфхцчшщ])(?:а|у|ом|е|ым)$", low)
    if m:
        out.append(_match_case(m.group(1), word))
    return list(dict.fromkeys(out))


def nominative_phrase(words: list[str]) -> str:
    """A role or organisation phrase in the nominative: its head noun and the adjectives before it.

    >>> nominative_phrase(["депутатом", "Мосгордумы"])
    'депутат Мосгордумы'
    >>> nominative_phrase(["Единой", "России"])
    'Единая Россия'
    """
    head = _head_index(words)
    if head is None:
        return " ".join(words)
    head_parse = _noun_parse(words[head])
    if head_parse is None or head_parse.tag.case == "nomn":
        return " ".join(words)
    case, number = head_parse.tag.case, head_parse.tag.number
    out = list(words)
    form = head_parse.inflect({"nomn", number} if number else {"nomn"})
    if form:
        out[head] = _match_case(form.word, words[head])
    gender = head_parse.tag.gender
    for i in range(head):
        for p in parses(words[i]):
            if {"ADJF", "PRTF"} & p.tag.grammemes and p.tag.case == case:
                wanted = {"nomn", number} | ({gender} if gender and number == "sing" else set())
                adj = p.inflect({g for g in wanted if g})
                if adj:
                    out[i] = _match_case(adj.word, words[i])
                break
    return " ".join(out)


def _noun_parse(word: str) -> Any:
    for p in parses(word):
        if "NOUN" in p.tag.grammemes:
            return p
    return None


def _head_index(words: list[str]) -> int | None:
    for i, w in enumerate(words):
        if not re.match(r"^[А-Яа-яЁё-]+$", w):
            return None
        if _noun_parse(w) is not None:
            first = parses(w)[0]
            if "NOUN" in first.tag.grammemes or not ({"ADJF", "PRTF"} & first.tag.grammemes):
                return i
    return None
