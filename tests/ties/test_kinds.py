"""Tie kinds and time from links and statements."""

from __future__ import annotations

from datetime import date

import pytest

from tiescreen.model import TieKind
from tiescreen.ties.bodies import BodyClass, classify_body
from tiescreen.ties.kinds import is_current, is_leading_role, link_kind, statement_tie

TODAY = date(2026, 1, 1)
PARTY = BodyClass("party", True)
SCHOOL = classify_body("ГБОУ Школа № 1530")


@pytest.mark.parametrize(
    ("end", "status", "current"),
    [
        (None, (), True),
        ("2030-01-01", (), True),
        ("2019-09-30", (), False),
        ("1998", (), False),
        (None, ("ended",), False),
        (None, ("current",), True),
    ],
)
def test_is_current(end, status, current):
    assert is_current(end, status, TODAY) is current


@pytest.mark.parametrize(
    ("role", "texts", "kind"),
    [
        ("член партии", (), TieKind.PARTY),
        ("кандидат в депутаты по списку партии (беспартийная)", (), TieKind.PARTY_CANDIDATE),
        ("candidate on the party list", (), TieKind.PARTY_CANDIDATE),
        ("кандидат в депутаты, член партии", (), TieKind.PARTY),
        (None, ("self-nominated candidate, not a member",), TieKind.PARTY_CANDIDATE),
    ],
)
def test_party_member_and_candidate_are_kept_apart(role, texts, kind):
    assert link_kind("Membership", PARTY, role, texts, True) == kind


def test_offices_current_and_former():
    gov = BodyClass("government")
    assert link_kind("Occupancy", gov, "глава", (), True) == TieKind.OFFICE
    assert link_kind("Occupancy", gov, "глава", (), False) == TieKind.FORMER_OFFICE
    assert link_kind("Employment", gov, "специалист", (), True) == TieKind.STATE_EMPLOYER
    assert link_kind("Occupancy", BodyClass(None), "депутат", (), True) == TieKind.OFFICE


def test_state_institutions_count_only_leading_posts():
    assert link_kind("Employment", SCHOOL, "заместитель директора", (), True) == TieKind.STATE_EMPLOYER
    assert link_kind("Employment", SCHOOL, "учитель математики", (), True) is None
    assert link_kind("Directorship", SCHOOL, None, (), True) == TieKind.STATE_EMPLOYER
    assert link_kind("Employment", BodyClass(None), "директор", (), True) is None
    assert is_leading_role("Head of department") and not is_leading_role("nurse")


@pytest.mark.parametrize(
    ("text", "kind", "current", "end"),
    [
        ("Депутат Государственной думы (2016–2021)", TieKind.FORMER_OFFICE, False, "2021"),
        ("Member of the State Duma (2021-)", TieKind.OFFICE, None, None),
        ("Former Minister of Health of the Tyva Republic", TieKind.FORMER_OFFICE, False, None),
        ("Member of United Russia", TieKind.PARTY, None, None),
        ("Член Общественной палаты Тверской области", TieKind.MOVEMENT, None, None),
    ],
)
def test_statement_ties(text, kind, current, end):
    read = statement_tie(text, classify_body(text), TODAY)
    assert (read.kind, read.current, read.end) == (kind, current, end)
