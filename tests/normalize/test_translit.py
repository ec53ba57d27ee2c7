"""The shared Latin key space: every transliteration system's spelling meets the Cyrillic."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rigour.text.translit import ascii_text

from tiescreen.normalize.spelling import SYSTEMS, transliterate
from tiescreen.normalize.translit import _FOLD_RULES, _any_keys, folded, keys_for, loose_keys, romanise

SPELLINGS = {
    "щербаков": ["shcherbakov", "chtcherbakov", "schtscherbakow", "szczerbakow", "ščerbakov", "sjtsjerbakov"],
    "шигина": ["shigina", "chiguina", "schigina", "šigina", "szigina", "sjigina"],
    "юлия": ["yulia", "yuliya", "iuliia", "julija", "ioulia", "juliya"],
    "зюганов": ["zyuganov", "sjuganow", "zjuganov", "ziuganow"],
    "чиркова": ["chirkova", "tsjirkova", "tschirkowa", "czirkowa", "čirkova"],
    "иванович": ["ivanovich", "ivanovitsj", "iwanowitsch", "ivanovitch", "iwanowicz", "ivanovič"],
    "михайлович": ["mikhailovich", "mikhaylovich", "mihajlovič", "michajlovitsj", "mihajlovics"],
    "хинштейн": ["khinshteyn", "hinsjteyn", "chinschtein"],
    "тас-оол": ["tas-ool", "tasool"],
    "фёдоров": ["fyodorov", "fedorov", "fjodorov", "fiodorov"],
    "мухаметшин": ["mukhametshin", "muchametschin"],
}


@pytest.mark.parametrize(("cyrillic", "latin"), [(c, x) for c, xs in SPELLINGS.items() for x in xs])
def test_spelling_meets_the_cyrillic(cyrillic: str, latin: str) -> None:
    assert set(keys_for(cyrillic)) & set(keys_for(latin))


@pytest.mark.parametrize("system", SYSTEMS)
@pytest.mark.parametrize("word", ["щербаков", "шигина", "юлия", "жуков", "цой", "хабибуллин", "ёлкин"])
def test_every_system_meets_the_cyrillic(system: str, word: str) -> None:
    latin = transliterate(word, system)
    assert set(loose_keys(word)) & set(loose_keys(latin)), (system, latin)


@pytest.mark.parametrize(("a", "b"), [("шигин", "шигина"), ("иванов", "иванова"), ("петров", "петрова")])
def test_other_gender_forms_keep_different_keys(a: str, b: str) -> None:
    assert not set(keys_for(a)) & set(keys_for(b))


def test_belarusian_and_baltic_forms_meet_in_loose_keys() -> None:
    assert set(loose_keys("нікалаеў")) & set(loose_keys("nikolaev"))
    assert set(loose_keys("valujevs")) & set(loose_keys("валуев"))
    assert set(loose_keys("safinas")) & set(loose_keys("сафин"))


def test_french_ine_is_the_male_in() -> None:
    assert set(keys_for("poutine")) & set(keys_for("путин"))
    assert not set(keys_for("poutine")) & set(keys_for("путина"))


def test_han_kana_and_hangul_are_not_taken_for_cyrillic() -> None:
    from tiescreen.normalize.text import script_of

    assert [script_of(ch) for ch in "习バ김"] == ["other", "other", "other"]
    assert script_of("ꙗ") == script_of("ж") == "cyrillic"  # Cyrillic Extended-B and the main block


def test_scripts_icu_cannot_romanise_still_get_letters() -> None:
    assert romanise("ហ៊ុន សែន").isascii() and "?" not in romanise("ហ៊ុន សែន")
    assert romanise("Щербаков") == "Shcherbakov"


RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
RUSSIAN_WORDS = st.text(alphabet=RUSSIAN, min_size=1, max_size=14)


def test_romanise_spells_every_short_russian_word_as_icu_does() -> None:
    words = [a + b for a in RUSSIAN for b in ["", *RUSSIAN]]
    assert [romanise(w) for w in words] == [ascii_text(w) for w in words]


@given(RUSSIAN_WORDS)
def test_romanise_spells_russian_words_as_icu_does(word: str) -> None:
    assert romanise(word) == ascii_text(word)  # the table, not ICU, spells these


@pytest.mark.parametrize("word", ["маяковский", "толстый", "ий", "ъий", "ийа", "щукин", "подъезд", "вьюн", "ёлкин"])
def test_romanise_spells_russian_endings_as_icu_does(word: str) -> None:
    assert romanise(word) == ascii_text(word)


@given(RUSSIAN_WORDS)
def test_keys_of_russian_words_take_the_general_path_result(word: str) -> None:
    assert keys_for.__wrapped__(word) == _any_keys(word)


def _folded_by_rules(key: str) -> str:
    for pattern, repl, _ in _FOLD_RULES:
        key = re.sub(pattern, repl, key)
    return key


def test_folding_skips_only_rules_that_cannot_apply() -> None:
    letters = "aeiouyjzsk"  # every letter a rule reads, and one it does not
    words = ["".join(w) for n in range(1, 6) for w in itertools.product(letters, repeat=n)]
    words += ["ijaija", "SXQZ", "ssaii", "yyy", "jijij"]
    assert [folded(w) for w in words] == [_folded_by_rules(w) for w in words]
