"""The explanations a journalist reads: one line per part of the name, in plain words."""

from __future__ import annotations

import pytest

from tiescreen.match import explain_names


def _details(a: str, b: str) -> list[str]:
    return [e.detail for e in explain_names(a, b)[1]]


def test_the_issue_example_reads_part_by_part() -> None:
    lines = _details("Тас-оол Ирина", "Iryna Tas-ool")
    assert lines[0].startswith("surname: Тас-оол = Tas-ool (") and "transliteration" in lines[0]
    assert lines[1] == "given name: Ирина = Iryna (Ukrainian-style spelling)"
    assert lines[2] == "patronymic: not given (no evidence either way)"


@pytest.mark.parametrize(
    ("latin", "system"),
    [
        ("Schtscherbakow", "German spelling"),
        ("Szczerbakow", "Polish spelling"),
        ("Ščerbakov", "scholarly transliteration"),  # ISO 9 writes Ŝ, the scholarly system Šč
        ("Shcherbakov", "ICAO passport transliteration"),
    ],
)
def test_a_transliteration_names_its_system(latin: str, system: str) -> None:
    line = _details("Щербаков Андрей", f"Andrej {latin}")[0]
    assert line.startswith(f"surname: Щербаков = {latin} (") and system in line


def test_other_gender_surname_is_explained_as_a_possible_relative() -> None:
    lines = _details("Olesya Shigina", "Olesya Shigin")
    assert any("male and female forms of one family name" in x and "possibly a relative" in x for x in lines)


def test_conflicting_patronymic_is_called_strong_evidence() -> None:
    lines = _details("Шигина Олеся Владимировна", "Шигина Олеся Петровна")
    assert "patronymic: Владимировна ≠ Петровна (different fathers: strong evidence of a different person)" in lines


def test_patronymic_on_one_side_only_is_no_evidence() -> None:
    lines = _details("Шигина Олеся Владимировна", "Olesya Shigina")
    assert "patronymic: Владимировна on one side only (no evidence either way)" in lines


def test_short_form_and_initials_are_named() -> None:
    assert "given name: Sasha = Александр (short form of the same name)" in _details("Sasha Ivanov", "Иванов Александр")
    lines = _details("О. В. Шигина", "Шигина Олеся Владимировна")
    assert "initial: О. = Олеся" in lines and "initial: В. = Владимировна" in lines


def test_common_surname_says_less() -> None:
    common = explain_names("Elena Ivanova", "Иванова Елена")
    rare = explain_names("Iryna Tas-ool", "Тас-оол Ирина")
    assert any(e.feature == "rarity" for e in common[1])
    assert common[0] < rare[0]


def test_a_typo_a_sound_and_a_consonant_skeleton_say_which_they_are() -> None:
    assert "likely typing error" in _details("Olaf Scholze", "Olaf Scholz")[0]
    assert "pronounced alike" in _details("Saddam Husayn", "Saddam Hussein")[0]
    assert "same consonants" in _details("كمال حسن", "Kamal Hassan")[0]


def test_a_word_written_apart_is_explained_as_such() -> None:
    assert "written together or apart" in _details("Nikolai Patr ushev", "Nikolai Patrushev")[0]


def test_a_fathers_name_after_bin_is_a_patronymic() -> None:
    lines = _details("Khalid bin Walid Al-Harbi", "Walid bin Khalid Al-Harbi")
    assert any(x.startswith("patronymic: Walid ≠ Khalid") for x in lines)


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        ("Bibi Cohen", "Benjamin Cohen", "given name: Bibi = Benjamin (a pet form of the same name)"),
        ("Abiy Gebre", "Abiyot Gebre", "= Abiyot (the same name cut short)"),
        ("Mao Tse-tung", "Mao Zedong", "Tse-tung = Zedong (the same Chinese name in Wade-Giles and in pinyin)"),
        ("ហ៊ុន សែន", "Hun Sen", "(the same consonants (Arabic and Hebrew leave short vowels unwritten"),
    ],
)
def test_new_kinds_of_agreement_are_said_in_words(a: str, b: str, words: str) -> None:
    assert any(words in line for line in _details(a, b)), _details(a, b)
