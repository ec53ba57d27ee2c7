"""How far the tool stands behind a match, and so behind its ties.

Like the journalists who found the staged audiences: a name alone is not enough on a common
name. Two independent attributes that agree (the name plus a patronymic, a birth date, a
region, an employer or a stated role) confirm; any conflicting attribute blocks confirmation
and is listed, so the report can show it.

- ``confirmed``: name + at least one other independent attribute agree, nothing conflicts
- ``probable``: name-only match on an uncommon name, nothing conflicts
- ``possible``: name-only match on a common name, a weak name match, or a conflict

A ``claimed`` tie (a role stated only in an article) stays ``possible`` until the registry
confirms the person and holds a tie to the same body.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tiescreen.match.scorer import PairScore
from tiescreen.model import Evidence, Query, Tie, TieKind
from tiescreen.normalize.frequency import name_is_common
from tiescreen.normalize.names import ParsedName, parse_name
from tiescreen.normalize.text import fold_text
from tiescreen.normalize.translit import keys_for

__all__ = ["conflict_details", "employer_agrees", "match_confidence", "role_agrees", "tie_confidence"]

STRONG_NAME = 0.9
CONFIRM_NAME = 0.8
_ROLE_STOP = {
    "the", "and", "of", "for", "член", "члена", "head", "глава", "района", "города", "области", "мать", "mother",
    "отдела", "заместитель", "deputy", "member",
}  # fmt: skip
_CONFLICT_FEATURES = {"surname_gender", "patronymic", "initial", "gender", "birth_date", "region"}
_EMPLOYER_KEYS = ("employer", "workplace", "organization", "organisation", "место работы", "работодатель")


def _stems(text: str) -> set[str]:
    words = [w for w in fold_text(text).replace("-", " ").split() if len(w) > 3 and w not in _ROLE_STOP]
    return {keys_for(w)[0][:5] for w in words}


def role_agrees(role: str | None, ties: Sequence[Tie]) -> bool:
    """True when the stated role shares a word (by stem) with a tie's role or body."""
    if not role:
        return False
    wanted = _stems(role)
    return any(wanted & _stems(f"{t.role or ''} {t.body or ''}") for t in ties if t.kind != TieKind.CLAIMED)


def employer_agrees(query: Query, ties: Sequence[Tie]) -> bool:
    """True when an employer column of the people list names a tie's body (two shared stems)."""
    employer = next((query.extra[k] for k in _EMPLOYER_KEYS if query.extra.get(k)), "")
    if not employer:
        return False
    wanted = _stems(employer)
    need = min(2, len(wanted))
    return need > 0 and any(len(wanted & _stems(t.body or "")) >= need for t in ties if t.kind != TieKind.CLAIMED)


def conflict_details(evidence: Sequence[Evidence], conflicts: Sequence[str]) -> list[str]:
    """The explanation lines of the attributes that conflict, for the report to show."""
    wanted = {"initial" if c == "initials" else c for c in conflicts} & _CONFLICT_FEATURES
    return [e.detail for e in evidence if e.feature in wanted and e.value <= 0.0]


def match_confidence(
    pair: PairScore, query: Query, ties: Sequence[Tie], registry_count: Callable[[str], int] | None = None
) -> tuple[str, list[str]]:
    """The confidence level of a match and the reasons, in words.

    ``registry_count`` says how many registry people have a word (by word key) in their
    names; it is asked about the query's surname only when nothing else settles the level.
    """
    if pair.relation == "possible_relative":
        return "possible", ["other-gender form of the surname: a different person, possibly a relative"]
    if pair.conflicts:
        labels = ", ".join(c.replace("_", " ") for c in dict.fromkeys(pair.conflicts))
        return "possible", [f"conflicting {labels}: cannot be confirmed"]
    agreements = list(dict.fromkeys(pair.agreements))
    if role_agrees(query.role, ties):
        agreements.append("stated role")
    if employer_agrees(query, ties):
        agreements.append("employer")
    if agreements and pair.score >= CONFIRM_NAME:
        return "confirmed", [f"name and {', '.join(a.replace('_', ' ') for a in agreements)} agree"]
    if _common_name(parse_name(query.name), registry_count):
        return "possible", ["name-only match on a common name: needs a second attribute"]
    if pair.score >= STRONG_NAME:
        return "probable", ["name-only match on an uncommon name: a second attribute would confirm it"]
    return "possible", ["weak name-only match"]


def _common_name(parsed: ParsedName, registry_count: Callable[[str], int] | None) -> bool:
    """:func:`name_is_common`, counting the surname's registry people only when the name is
    not common anyway (a count costs a look-up)."""
    if name_is_common(parsed):
        return True
    surname = parsed.surname
    return registry_count is not None and surname is not None and name_is_common(parsed, registry_count(surname.key))


def tie_confidence(tie: Tie, level: str, ties: Sequence[Tie]) -> str:
    """The confidence of one tie of a match rated ``level``.

    Registry ties share the match's level. A claimed tie is ``possible`` unless the match is
    confirmed and a registry tie names the same body or role.
    """
    if tie.kind != TieKind.CLAIMED:
        return level
    backed = any(
        _stems(f"{tie.role or ''} {tie.body or ''}") & _stems(f"{t.role or ''} {t.body or ''}")
        for t in ties
        if t.kind != TieKind.CLAIMED
    )
    return "confirmed" if level == "confirmed" and backed else "possible"
