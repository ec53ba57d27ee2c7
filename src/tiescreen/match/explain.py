"""Explanations a journalist can read, one per compared part of the name.

"surname: Тас-оол = Tas-ool (transliteration); given name: Ирина = Iryna (Ukrainian-style
spelling); patronymic: not given".
"""

from __future__ import annotations

from tiescreen.match.align import NameComparison, TokenPair
from tiescreen.model import Evidence
from tiescreen.normalize.names import NameToken, surname_gender_keys
from tiescreen.normalize.spelling import spelling_system

__all__ = ["LABEL", "describe_pair", "name_evidence"]

LABEL = {
    "surname": "surname",
    "given": "given name",
    "patronymic": "patronymic",
    "unknown": "name word",
    "initial": "initial",
}

_HOW = {
    "identical": "identical",
    "spelling": "spelling variant",
    "same_name": "the same given name",
    "other_language": "the same name in another language",
    "short_form": "short form of the same name",
    "nickname": "a nickname of the same name (Wikidata name variants)",
    "name_group": "the same name in another language (Wikidata name variants)",
    "loose": "vowel or ending variant, as Belarusian, Ukrainian, Tatar or Baltic spellings write it",
    "same_father_name": "the same father's name",
    "double_surname": "one part of a double surname",
    "written_together": "the same letters, written together or apart",
    "similar": "similar spelling, possibly a typo",
    "typo": "one or two letters apart, a likely typing error (not an East Slavic name)",
    "sounds_alike": "spelt differently but pronounced alike (Metaphone)",
    "consonants": "the same consonants (Arabic and Hebrew leave short vowels unwritten, Khmer's romanisation more)",
    "initial": "initial",
    "pet_form": "a pet form of the same name",
    "wade_giles": "the same Chinese name in Wade-Giles and in pinyin",
    "clipped": "the same name cut short",
}


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _transliteration(a: NameToken, b: NameToken) -> str:
    cyr, lat = (a, b) if _is_cyrillic(a.text) else (b, a)
    return spelling_system(cyr.text, lat.text) or "transliteration"


def describe_pair(p: TokenPair) -> str:
    """One line for one aligned (or unaligned) pair of words."""
    label = LABEL.get(p.role, "name word")
    if p.a is None or p.b is None:
        only = p.a or p.b
        assert only is not None
        if p.how == "initial_conflict":
            return f"initial: {only.text.rstrip('.')}. matches no word of the other name (conflict)"
        if p.role == "patronymic":
            return f"patronymic: {only.text} on one side only (no evidence either way)"
        return f"{label}: {only.text} has no counterpart in the other name"
    a, b = p.a.text.rstrip("."), p.b.text.rstrip(".")
    if p.how == "initial":
        return f"initial: {a if p.a.role == 'initial' else b}. = {b if p.a.role == 'initial' else a}"
    if p.how == "transliteration":
        return f"{label}: {a} = {b} ({_transliteration(p.a, p.b)})"
    if p.role == "surname" and surname_gender_keys(p.a.keys, p.b.keys):
        return (
            f"surname: {a} / {b} are the male and female forms of one family name: "
            "a different person (possibly a relative)"
        )
    if p.how == "different_surnames":
        return f"{label}: {a} ≠ {b} (two different real surnames)"
    if p.how == "different_names":
        return f"{label}: {a} ≠ {b} (different given names)"
    if p.role == "patronymic" and p.sim < 0.85:
        return f"patronymic: {a} ≠ {b} (different fathers: strong evidence of a different person)"
    if p.sim >= 0.75:
        return f"{label}: {a} = {b} ({_HOW.get(p.how, p.how)})"
    return f"{label}: {a} ≠ {b}"


def _missing(comparison: NameComparison, role: str) -> Evidence | None:
    present = [p for p in comparison.pairs if p.role == role]
    if present:
        return None
    return Evidence(role, 0.5, f"{LABEL[role]}: not given (no evidence either way)")


def name_evidence(comparison: NameComparison) -> list[Evidence]:
    """The comparison as a list of Evidence, most important first."""
    order = {"surname": 0, "given": 1, "unknown": 2, "patronymic": 3, "initial": 4}
    out: list[Evidence] = []
    for p in sorted(comparison.pairs, key=lambda p: order.get(p.role, 5)):
        left = p.a.text if p.a else ""
        right = p.b.text if p.b else ""
        out.append(Evidence(p.role, round(p.sim, 4), describe_pair(p), left, right))
    missing = _missing(comparison, "patronymic")
    if missing is not None:
        out.append(missing)
    if comparison.relation == "possible_relative":
        out.append(Evidence("surname_gender", 0.0, "relation: a possible relative, not the same person"))
    if "gender" in comparison.conflicts:
        out.append(Evidence("gender", 0.0, "gender: the two names read as a man and a woman (conflict)"))
    if "common_surname" in comparison.notes:
        out.append(Evidence("rarity", 0.0, "rarity: a very common surname, so a name match alone says less"))
    return out
