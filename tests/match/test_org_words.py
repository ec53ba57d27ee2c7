"""Reading organisation names into parts (match/org_words.py) and comparing them (orgs.py)."""

from __future__ import annotations

import pytest

from tiescreen.match.org_words import is_place, number_value, org_parts
from tiescreen.match.orgs import score_org_names


@pytest.mark.parametrize(
    ("word", "value"),
    [("44", 44), ("1st", 1), ("first", 1), ("three", 3), ("vii", 7), ("xiii", 13), ("iv", 4), ("x", 10)],
)
def test_numbers_in_any_writing_have_their_value(word: str, value: int) -> None:
    assert number_value(word) == value


@pytest.mark.parametrize("word", ["llc", "cvc", "civil", "mix", "l", "bank"])
def test_words_that_look_roman_are_not_numbers(word: str) -> None:
    assert number_value(word) is None


def test_number_words_join_into_one_number() -> None:
    assert org_parts("Brigade Forty-Four").numbers == org_parts("Brigade Fourty 4").numbers == {"44"}


def test_legal_forms_are_read_at_either_end_in_any_language() -> None:
    assert org_parts("ООО Ромашка").forms == org_parts("Romashka LLC").forms == {"llc"}
    assert org_parts("FABERLIC EUROPE Sp. z o.o.").words == ("faberlic", "europe")
    assert org_parts("Deutsche Bank AG").forms != org_parts("Deutsche Bank GmbH").forms


def test_a_form_inside_the_name_stays_a_word() -> None:
    assert org_parts("AT&T Inc.").words == ("at", "t")


def test_bracketed_words_are_qualifiers_and_vessel_prefixes_go() -> None:
    assert org_parts("Deutsche Bank (Schweiz) AG").qualifiers == {"schweiz"}
    assert org_parts("M/V Ocean Pride").words == org_parts("Ocean Pride").words


def test_an_acronym_matches_the_initials_of_the_other_name() -> None:
    assert score_org_names("PLA", "People's Liberation Army") >= 0.8
    assert score_org_names("PLA", "Peoples Army") < 0.5


def test_a_different_legal_form_lowers_the_score_but_a_missing_one_does_not() -> None:
    same = score_org_names("Deutsche Bank AG", "Deutsche Bank Aktiengesellschaft")
    other = score_org_names("Deutsche Bank AG", "Deutsche Bank GmbH")
    missing = score_org_names("Deutsche Bank AG", "Deutsche Bank")
    assert same == missing == 1.0 > other


def test_single_letters_in_a_row_are_one_initialism() -> None:
    assert org_parts("L & H Sweden AB").words == org_parts("LH Sweden AB").words == ("lh", "sweden")
    assert score_org_names("L & H Sweden AB", "L & H Mendez Sweden AB") < 0.7  # an added word names another body


@pytest.mark.parametrize(("word", "place"), [("europe", True), ("chile", True), ("schweiz", True), ("trust", False)])
def test_places_are_countries_and_continents(word: str, place: bool) -> None:
    assert is_place(word) is place


@pytest.mark.parametrize("word", ["global", "victoria", "us"])
def test_codes_regions_and_catch_alls_are_not_places(word: str) -> None:
    assert not is_place(word)


def test_a_place_costs_little_only_against_a_bare_brand() -> None:
    bare = score_org_names("faberlic", "FABERLIC EUROPE Sp. z o.o.")
    registered = score_org_names("Faberlic Sp. z o.o.", "FABERLIC EUROPE Sp. z o.o.")
    assert bare >= 0.7 > registered


def test_a_percent_sign_is_the_word_percent() -> None:
    assert org_parts("3%ers").words == org_parts("Three Percenters").words
