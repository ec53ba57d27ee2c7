"""Which kind of tie a registry link is, and whether it is still current.

The taxonomy is DESIGN.md's: ``office`` and ``former_office`` (an Occupancy, or a post in a
state body), ``party`` and ``party_candidate`` (kept apart: a non-member who ran on a list is
not a member), ``movement``, ``state_employer`` (a leading post in a state institution or
company, or any job in a state body), ``relative`` and ``claimed`` (made elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tiescreen.model import TieKind
from tiescreen.ties.bodies import BodyClass

__all__ = ["StatementTie", "is_current", "is_leading_role", "link_kind", "statement_tie"]

_CANDIDATE = re.compile(r"кандидат|candidate|\bсписк|\bon the list|выдвинут|nominee|nominated", re.IGNORECASE)
_NOT_MEMBER = re.compile(r"беспартийн|non-?partisan|not a member|не (?:является )?член", re.IGNORECASE)
_MEMBER = re.compile(r"член\w* партии|member of the party|party member", re.IGNORECASE)
_LEADING = re.compile(
    r"директор|руководител|начальник|заведующ|главн\w+ (?:врач|редактор|бухгалтер)|ректор|председател|президент|"
    r"генеральн|управляющ|\bглава\b|заместител|\bзам\.?\b|director|\bhead\b|chief|chair|president|manager|deputy|"
    r"editor",
    re.IGNORECASE,
)
_FORMER = re.compile(r"\b(?:former|ex-|formerly|бывш\w*|экс-)", re.IGNORECASE)
_YEARS = re.compile(r"\((?:\D{0,12})?((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)?\s*\)")
_ENDED = frozenset({"ended", "former", "past", "inactive", "terminated", "завершено", "прекращено"})
_STATE_JOB = frozenset({"state_institution", "state_company", "state_media"})
_STATE_BODY = frozenset({"government", "legislature", "court"})


def is_current(end: str | None, status: Iterable[str] = (), today: date | None = None) -> bool:
    """False when the status says the tie ended or the end date has passed.

    >>> is_current("2019-09-30"), is_current(None), is_current(None, ["ended"])
    (False, True, False)
    """
    if {s.strip().lower() for s in status} & _ENDED:
        return False
    if end:
        stamp = end[:10]
        return stamp >= (today or date.today()).isoformat()[: len(stamp)]
    return True


def is_leading_role(role: str | None) -> bool:
    """True for a director, deputy director, head or chief (or when no role is given)."""
    return not role or bool(_LEADING.search(role))


def _party_kind(text: str) -> TieKind:
    if _CANDIDATE.search(text) and (_NOT_MEMBER.search(text) or not _MEMBER.search(text)):
        return TieKind.PARTY_CANDIDATE
    return TieKind.PARTY


def link_kind(schema: str, cls: BodyClass, role: str | None, texts: Iterable[str], current: bool) -> TieKind | None:
    """The kind of tie for a link of ``schema`` (Occupancy, Membership...) to a classified body.

    Returns None when the link is not a tie: a body that is not the state, or a job below
    the leading posts of a state institution or company.
    """
    text = " ".join([role or "", *texts])
    office = TieKind.OFFICE if current else TieKind.FORMER_OFFICE
    if cls.kind == "party":
        return _party_kind(text)
    if cls.kind == "movement":
        return TieKind.MOVEMENT
    if cls.kind in _STATE_JOB:
        if schema == "Employment" and not is_leading_role(role):
            return None
        return office if schema == "Occupancy" and cls.kind != "state_company" else TieKind.STATE_EMPLOYER
    if schema == "Occupancy":
        return office
    if cls.kind in _STATE_BODY:
        return TieKind.STATE_EMPLOYER if schema == "Employment" else office
    return None


@dataclass(frozen=True, slots=True)
class StatementTie:
    """A tie read from a text statement (``Person.position``, ``Person.political``)."""

    kind: TieKind
    current: bool | None
    end: str | None
    start: str | None


def statement_tie(text: str, cls: BodyClass, today: date | None = None) -> StatementTie:
    """Read kind and time from a statement such as "Member of the State Duma (2016-2021)".

    >>> statement_tie("Депутат Государственной думы (2016–2021)", BodyClass("legislature")).kind
    <TieKind.FORMER_OFFICE: 'former_office'>
    """
    years = _YEARS.search(text)
    start, end = (years.group(1), years.group(2)) if years else (None, None)
    current: bool | None = None
    if _FORMER.search(text):
        current = False
    elif end:
        current = end >= str((today or date.today()).year)
    if cls.kind == "party":
        return StatementTie(_party_kind(text), current, end, start)
    if cls.kind == "movement":
        return StatementTie(TieKind.MOVEMENT, current, end, start)
    if cls.kind in _STATE_JOB:
        return StatementTie(TieKind.STATE_EMPLOYER, current, end, start)
    kind = TieKind.FORMER_OFFICE if current is False else TieKind.OFFICE
    return StatementTie(kind, current, end, start)
