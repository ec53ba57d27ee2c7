"""Pet forms of given names (match/nicknames.py) and clipped given names."""

from __future__ import annotations

import pytest

from tiescreen.match.nicknames import clipped, same_nickname


@pytest.mark.parametrize(
    ("a", "b"),
    [("Bibi", "Benjamin"), ("peggy", "Margaret"), ("Paco", "Francisco"), ("Fred", "Freddie"), ("Hans", "Johann")],
)
def test_a_pet_form_is_its_name(a: str, b: str) -> None:
    assert same_nickname(a, b) and same_nickname(b, a)


@pytest.mark.parametrize(("a", "b"), [("Alfred", "Frederick"), ("Edward", "Theodore"), ("Peggy", "Polly")])
def test_two_names_sharing_a_pet_form_stay_two(a: str, b: str) -> None:
    assert not same_nickname(a, b)


def test_unknown_words_are_no_pet_forms() -> None:
    assert not same_nickname("Zxcv", "Benjamin")
    assert not same_nickname("Benjamin", "Benjamin")


@pytest.mark.parametrize(
    ("a", "b", "cut"),
    [("Abiy", "Abiyot", True), ("Tesfa", "Tesfamariam", True), ("Abi", "Abiyot", False), ("Danie", "Daniel", False)],
)
def test_clipped_names_keep_four_letters_and_drop_two(a: str, b: str, cut: bool) -> None:
    assert clipped(a, b) is cut and clipped(b, a) is cut
