"""The dictionary's readings: the known-only shortcut agrees with the full analysis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tiescreen.normalize.morph import is_dictionary_surname, known_readings, readings

WORDS = ["владимирович", "ивановна", "иванов", "шигина", "абраменина", "тас-оол", "ирина", "саша", "olesya", ""]


def _known(word: str) -> tuple[object, ...]:
    return tuple(r for r in readings(word) if r.known)


def test_known_readings_are_the_known_part_of_readings() -> None:
    for word in WORDS:
        assert known_readings(word) == _known(word)
    assert any(r.role == "patronymic" for r in known_readings("владимирович"))
    assert known_readings("абраменина") == ()  # not in the dictionary: no guess


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", min_size=1, max_size=12))
def test_known_readings_agree_on_any_cyrillic_word(word: str) -> None:
    assert known_readings(word) == _known(word)


def test_dictionary_surnames() -> None:
    assert is_dictionary_surname("иванов")
    assert not is_dictionary_surname("абраменина")
