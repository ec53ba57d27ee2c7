"""How far the tool stands behind a match, and so behind its ties.

Like the journalists who found the staged audiences: a name alone is not enough on a common
name. Two independent attributes that agree (the name plus a patronymic, a birth date, a
region, or a stated role) confirm; any conflicting attribute blocks confirmation.

- ``confirmed``: name + at least one other independent attribute agree, nothing conflicts
- ``probable``: name-only match on an uncommon name, nothing conflicts
- ``possible``: name-only match on a common name, a weak name match, or a conflict
"""

from __future__ import annotations

from collections.abc import Sequence

from tiescreen.match.scorer import PairScore
from tiescreen.model import Query, Tie
from tiescreen.normalize.frequency import name_is_common
from tiescreen.normalize.names import parse_name
from tiescreen.normalize.text import fold_text
from tiescreen.normalize.translit import keys_for

__all__ = ["match_confidence", "role_agrees"]

STRONG_NAME = 0.9
_ROLE_STOP = {"the", "and", "of", "for", "член", "члена", "head", "глава", "района", "города", "области"}


def _stems(text: str) -> set[str]:
    words = [w for w in fold_text(text).replace("-", " ").split() if len(w) > 3 and w not in _ROLE_STOP]
    return {keys_for(w)[0][:5] for w in words}


def role_agrees(role: str | None, ties: Sequence[Tie]) -> bool:
    """True when the stated role shares a word (by stem) with a tie's role or body."""
    if not role:
        return False
    wanted = _stems(role)
    return any(wanted & _stems(f"{t.role or ''} {t.body or ''}") for t in ties)


def match_confidence(
    pair: PairScore, query: Query, ties: Sequence[Tie], surname_count: int = 0
) -> tuple[str, list[str]]:
    """The confidence level of a match and the reasons, in words."""
    if pair.relation == "possible_relative":
        return "possible", ["other-gender form of the surname: a different person, possibly a relative"]
    if pair.conflicts:
        labels = ", ".join(c.replace("_", " ") for c in dict.fromkeys(pair.conflicts))
        return "possible", [f"conflicting {labels}: cannot be confirmed"]
    agreements = list(dict.fromkeys(pair.agreements))
    if role_agrees(query.role, ties):
        agreements.append("role")
    if agreements and pair.score >= 0.8:
        return "confirmed", [f"name and {', '.join(a.replace('_', ' ') for a in agreements)} agree"]
    if name_is_common(parse_name(query.name), surname_count):
        return "possible", ["name-only match on a common name: needs a second attribute"]
    if pair.score >= STRONG_NAME:
        return "probable", ["name-only match on an uncommon name: a second attribute would confirm it"]
    return "possible", ["weak name-only match"]
