"""Confidence rules: two agreeing attributes confirm, a conflict blocks and is shown."""

from __future__ import annotations

from tiescreen.match.scorer import PairScore
from tiescreen.model import Evidence, Query, Tie, TieKind
from tiescreen.normalize.names import parse_name
from tiescreen.ties.confidence import conflict_details, match_confidence, tie_confidence

DUMA = Tie(TieKind.OFFICE, "Депутат Ярославской областной думы", "Ярославская областная дума", True, ("p",), ("s",))


def _pair(score: float = 0.95, agreements: tuple[str, ...] = (), conflicts: tuple[str, ...] = ()) -> PairScore:
    return PairScore(score, (), agreements=agreements, conflicts=conflicts)


def test_name_and_a_second_attribute_confirm():
    level, reasons = match_confidence(_pair(agreements=("region",)), Query("1", "Мария Лукина"), [DUMA])
    assert level == "confirmed" and reasons == ["name and region agree"]


def test_a_conflict_blocks_confirmation_even_with_agreements():
    pair = _pair(agreements=("patronymic",), conflicts=("region",))
    level, reasons = match_confidence(pair, Query("1", "Мария Лукина"), [DUMA])
    assert level == "possible" and "conflicting region" in reasons[0]


def test_name_only_on_a_common_name_is_possible_and_on_a_rare_one_probable():
    assert match_confidence(_pair(), Query("1", "Елена Иванова"), [DUMA])[0] == "possible"
    assert match_confidence(_pair(), Query("1", "Наталья Бахилина"), [DUMA])[0] == "probable"
    # a surname three registry people share is common here, whatever the national lists say
    assert match_confidence(_pair(), Query("1", "Наталья Бахилина"), [DUMA], lambda wkey: 3)[0] == "possible"


def test_stated_role_and_employer_count_as_attributes():
    by_role = match_confidence(_pair(), Query("1", "Елена Иванова", role="депутат областной думы"), [DUMA])
    assert by_role == ("confirmed", ["name and stated role agree"])
    by_employer = Query("1", "Елена Иванова", extra={"employer": "Ярославская областная дума"})
    assert match_confidence(_pair(), by_employer, [DUMA])[1] == ["name and employer agree"]
    # "mother of a serviceman" agrees with nothing
    assert match_confidence(_pair(), Query("1", "Елена Иванова", role="мать военнослужащего"), [DUMA])[0] == "possible"


def test_other_gender_surname_is_never_more_than_possible():
    pair = PairScore(0.95, (), relation="possible_relative", agreements=("region",))
    assert match_confidence(pair, Query("1", "Алина Воронцова"), [DUMA])[0] == "possible"


def test_conflict_details_list_only_real_conflicts():
    evidence = (
        Evidence("region", 0.0, "region: Москва not in Тверская область (conflict)"),
        Evidence("patronymic", 0.0, "patronymic: Викторовна on one side only (no evidence either way)"),
        Evidence("surname", 1.0, "surname: Бахилина = Бахилина"),
    )
    assert conflict_details(evidence, ("region",)) == ["region: Москва not in Тверская область (conflict)"]
    assert conflict_details(evidence, ()) == []


def test_claims_stay_possible_until_a_registry_tie_backs_them():
    claim = Tie(TieKind.CLAIMED, "депутат областной думы", None, None, (), ("https://news.example.org",))
    other = Tie(TieKind.CLAIMED, "глава сельского поселения", None, None, (), ("https://news.example.org",))
    assert tie_confidence(claim, "confirmed", [DUMA, claim]) == "confirmed"
    assert tie_confidence(claim, "probable", [DUMA, claim]) == "possible"
    assert tie_confidence(other, "confirmed", [DUMA, other]) == "possible"
    assert tie_confidence(DUMA, "probable", [DUMA]) == "probable"


def test_the_registry_count_is_asked_only_when_nothing_else_settles_the_level():
    asked: list[str] = []

    def count(wkey: str) -> int:
        asked.append(wkey)
        return 0

    match_confidence(_pair(agreements=("region",)), Query("1", "Наталья Бахилина"), [DUMA], count)
    match_confidence(_pair(), Query("1", "Елена Иванова"), [DUMA], count)  # common on the national lists
    assert asked == []
    assert match_confidence(_pair(), Query("1", "Наталья Бахилина"), [DUMA], count)[0] == "probable"
    assert asked == [parse_name("Наталья Бахилина").surname.key]
