"""Parsing names: order, commas, initials, gender, Turkic patronymics, titles and noise."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rigour.names.prefix import remove_person_prefixes

from tiescreen.normalize.morph import _analyzer, known_readings
from tiescreen.normalize.names import (
    _PATRONYMIC_ENDS,
    _PATRONYMIC_KEY,
    ParsedName,
    _is_patronymic,
    _latin_prefixes,
    _parse_any,
    _parse_russian,
    _split,
    _split_any,
    _without_prefixes,
    parse_name,
    surname_gender_keys,
    surname_gender_pair,
)
from tiescreen.normalize.translit import keys_for


@pytest.mark.parametrize(
    ("name", "roles", "gender"),
    [
        ("Шигина Олеся Владимировна", ["surname", "given", "patronymic"], "f"),
        ("Шигина, Олеся", ["surname", "given"], "f"),
        ("Olesya Shigina", ["given", "surname"], "f"),
        ("SHIGINA Olesya", ["surname", "given"], "f"),
        ("Олеся Владимировна Шигина", ["given", "patronymic", "surname"], "f"),
        ("О. В. Шигина", ["initial", "initial", "surname"], "f"),
        ("Shigina O.V.", ["surname", "initial", "initial"], "f"),
        ("Yu. Belekhova", ["initial", "surname"], "f"),
        ("Иванов Иван", ["surname", "given"], "m"),
        ("Тас-оол Ирина", ["surname", "given"], "f"),
        ("Монгуш Чечена", ["surname", "given"], "f"),
        ("Фәхретдинов Иршат Юнир улы", ["surname", "given", "patronymic"], "m"),
        ("Nikolay Nikolaevitsj (politik) Ivanov", ["given", "patronymic", "surname"], "m"),
        ("Maria Maksakova, Jr.", ["given", "surname"], "f"),
        ("Mr. Sergei Lavrov", ["given", "surname"], "m"),
        ("SergeiLavrov", ["given", "surname"], "m"),
        ("Abdullah bin Omar Al-Muhammad", ["given", "patronymic", "surname"], "m"),  # bin: the father
        ("Muhammad bin Salman", ["given", "patronymic"], "m"),
        ("Nurul binti Ahmad Aziz", ["given", "patronymic", "surname"], "f"),
        ("Pavel Ilich Drozdkinskii", ["given", "patronymic", "surname"], "m"),  # Ильич: five letters
        ("Anatolij Il'ič Rožkuškov", ["given", "patronymic", "surname"], "m"),
        ("Robert Reich", ["given", "surname"], None),
    ],
)
def test_roles_and_gender(name: str, roles: list[str], gender: str | None) -> None:
    parsed = parse_name(name)
    assert [t.role for t in parsed.tokens] == roles
    assert parsed.gender == gender


def test_noise_is_folded_before_parsing() -> None:
    clean = parse_name("Шигина Олеся")
    for noisy in ("Шигинa Олеся", "Ши\u200bгина Оле\u00adся", "ШИГИНА ОЛЕСЯ", "Ig0r"):
        parsed = parse_name(noisy)
        if noisy != "Ig0r":
            assert [t.keys for t in parsed.tokens] == [t.keys for t in clean.tokens]
    assert parse_name("Ig0r Sech1n").tokens[0].norm == "igor"


@pytest.mark.parametrize(
    ("a", "b", "pair"),
    [("шигин", "shigina", True), ("достоевский", "dostoevskaya", True), ("толстой", "tolstaya", True),
     ("иванов", "ивашова", False), ("монгуш", "монгуш", False),
     # an unstressed vowel heard differently on top of the other gender's ending
     ("белкенский", "belkinskaja", True), ("волкинова", "volkenov", True), ("петров", "петрова", True),
     ("белкенский", "belkinskij", False), ("савин", "сафина", False)],
)  # fmt: skip
def test_surname_gender_pairs(a: str, b: str, pair: bool) -> None:
    assert surname_gender_pair(keys_for(a)[0], keys_for(b)[0]) is pair


@pytest.mark.parametrize(
    ("a", "b"),
    [("шигин", "shigina"), ("иванов", "ивашова"), ("ivanova", "иванов"), ("dostoevskiy", "dostoevskaja"), ("", "a")],
)
def test_surname_gender_keys_is_any_pair_of_keys(a: str, b: str) -> None:
    ka, kb = keys_for(a) + keys_for(b + "a"), keys_for(b)  # several keys on each side
    expected = any(surname_gender_pair(x, y) for x in ka for y in kb)
    assert surname_gender_keys(ka, kb) is expected


@pytest.mark.parametrize(
    "norm",
    ["владимирович", "ильич", "ильинична", "кузьмич", "фомич", "путин", "олеся", "vladimirovich", "friedrich",
     "kovačević", "сергеевна", "юнирович", "ивич", "petrovna", "мамич", "ilich", "il'ič", "reich"],
)  # fmt: skip
def test_patronymic_ending_spares_the_dictionary_without_changing_the_answer(norm: str) -> None:
    keys = keys_for(norm)
    old = (
        any(r.role == "patronymic" for r in known_readings(norm))
        or (not (norm.isascii() and norm.endswith("rich")) and (len(norm) >= 6 or keys[0].endswith("iliX"))
            and any(_PATRONYMIC_KEY.search(k) for k in keys[:2]))
    )  # fmt: skip
    assert _is_patronymic.__wrapped__(norm) is old


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", min_size=2, max_size=12))
def test_a_word_without_a_patronymic_ending_is_no_patronymic_of_the_dictionary(norm: str) -> None:
    """What lets _is_patronymic skip the dictionary for most words (see the slow test below)."""
    if not norm.endswith(_PATRONYMIC_ENDS):
        assert not any(r.role == "patronymic" for r in known_readings(norm))


@pytest.mark.slow  # walks the whole dictionary: about a minute
def test_every_patronymic_of_the_dictionary_has_a_patronymic_ending() -> None:
    dictionary = _analyzer().dictionary
    forms: dict[int, set[int]] = {}
    for no, paradigm in enumerate(dictionary.paradigms):
        count = len(paradigm) // 3
        for index in range(count):
            tag = dictionary.gramtab[paradigm[count + index]]
            if "Patr" in tag and "nomn" in tag:
                forms.setdefault(no, set()).add(index)
    assert forms  # the dictionary has patronymics, and the tags read as expected
    found = [w for w, (no, index) in dictionary.words.items() if index in forms.get(no, ())]
    assert found and all(w.endswith(_PATRONYMIC_ENDS) for w in found)


@pytest.mark.parametrize("name", ["Hans Friedrich", "Heinrich Mann", "Ulrich Beck"])
def test_germanic_rich_is_no_patronymic(name: str) -> None:
    assert "patronymic" not in [t.role for t in parse_name(name).tokens]


def test_middle_dots_separate_chinese_and_japanese_names() -> None:
    assert len(parse_name("バラク・オバマ").tokens) == len(parse_name("贝拉克·奥巴马").tokens) == 2


def test_words_in_other_scripts_have_a_latin_key() -> None:
    assert keys_for("オバマ") == keys_for("obama")
    assert all(t.key for t in parse_name("习近平").tokens)


@pytest.mark.parametrize(
    ("name", "titled"),
    [("President Erdoğan", True), ("Mr. Scholz", True), ("депутат Иванов", True), ("Erdoğan", False),
     ("Mr. Olaf Scholz", False), ("Scholz Jr.", False)],
)  # fmt: skip
def test_a_title_before_one_word_is_noted(name: str, titled: bool) -> None:
    assert ("titled" in parse_name(name).notes) is titled


@pytest.mark.parametrize(
    ("name", "words"),
    [("'Abd al-Aziz Hamdan", ["Abdul", "Aziz", "Hamdan"]), ("ABD EL-KADER", ["ABDUL", "KADER"]),
     ("Abdelkader Benali", ["Abdulkader", "Benali"]), ("Abdullah Abd Rabbo", ["Abdullah", "Abd", "Rabbo"])],
)  # fmt: skip
def test_abd_al_is_written_abdul(name: str, words: list[str]) -> None:
    assert [t.text for t in parse_name(name).tokens] == words


RUSSIAN_WORD = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ"),
    st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", min_size=1, max_size=10),
)
RUSSIAN_NAME = st.lists(
    st.one_of(RUSSIAN_WORD, st.sampled_from(["Президент", "Депутат", "Мэр"])), min_size=1, max_size=5
)


@given(RUSSIAN_NAME)
def test_plain_russian_names_split_as_the_general_rules_split_them(words: list[str]) -> None:
    name = " ".join(words)
    assert _split(name) == _split_any(name)


@given(RUSSIAN_NAME)
def test_russian_names_carry_none_of_rigours_titles(words: list[str]) -> None:
    name = " ".join(words)
    assert _without_prefixes(name) == (remove_person_prefixes(name) or name) == name


def test_no_latin_letter_matches_a_russian_one_ignoring_case() -> None:
    assert _latin_prefixes()  # what lets _without_prefixes skip rigour's titles for Russian names
    letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    assert not [(x, y) for x in string.ascii_letters for y in letters if re.fullmatch(x, y, re.IGNORECASE)]


def test_titles_still_leave_latin_names() -> None:
    assert _without_prefixes("Mr. John Smith") == "John Smith"
    assert [t.text for t in parse_name("Президент Путин Владимир").tokens] == ["Путин", "Владимир"]


NAME_OF_ANY_ROLE = st.lists(
    st.one_of(
        RUSSIAN_WORD, st.sampled_from(["Улы", "Кызы", "Оглы", "Президент", "Иванович", "Ильич", "Сергеевна", "Олеся"])
    ),
    min_size=1,
    max_size=5,
)


def _all_fields(parsed: ParsedName) -> tuple[object, ...]:
    tokens = [(t, t.key_set, t.cyrillic) for t in parsed.tokens]
    return (parsed, tokens, parsed.full, parsed.initials, parsed.runs, parsed.wholes)


@settings(max_examples=500)
@given(NAME_OF_ANY_ROLE)
def test_plain_russian_names_parse_as_the_general_rules_parse_them(words: list[str]) -> None:
    name = " ".join(words)
    assert _all_fields(_parse_russian(name)) == _all_fields(_parse_any(name))
