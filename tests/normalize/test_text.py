"""The fast paths of text cleaning give what the general path gives."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from tiescreen.normalize.text import (
    _NOT_PLAIN,
    _PLAIN,
    _clean_any,
    _fold_any,
    clean_text,
    fold_homoglyphs,
    fold_text,
    is_russian,
    script_of,
)

CYRILLIC = "".join(chr(c) for c in range(0x0400, 0x0530))
PLAINISH = st.text(alphabet=string.printable + CYRILLIC + "`\u0301\u00ad\u200b", max_size=40)
# Text that becomes plain once normalized (NFKC, dashes, quotes), and text that does not.
ODD = st.text(alphabet=string.printable + CYRILLIC + "«»№–—’`´\u0301\u00ad\u200b\uff21\u00a0\u2003ё", max_size=40)


@given(PLAINISH)
def test_clean_text_fast_path_agrees_with_the_general_path(text: str) -> None:
    assert clean_text(text) == _clean_any(text)


@given(ODD)
def test_clean_text_normalized_shortcut_agrees_with_the_general_path(text: str) -> None:
    assert clean_text(text) == _clean_any(text)


@given(st.text(alphabet=CYRILLIC + string.ascii_letters + "ªµºéü", max_size=20))
def test_fold_homoglyphs_skips_only_words_of_one_script(word: str) -> None:
    folded = fold_homoglyphs(word)
    mixed = any(script_of(ch) == "cyrillic" for ch in word) and any(script_of(ch) == "latin" for ch in word)
    if not mixed:
        assert folded == word
    else:  # a mixed word comes out in one script wherever a look-alike allows it
        assert fold_homoglyphs(folded) == folded


def test_mixed_words_still_fold() -> None:
    assert fold_homoglyphs("Шигинa") == "Шигина"
    assert fold_homoglyphs("Ivаnov") == "Ivanov"
    assert clean_text("Иванов\u00a0 Иван") == "Иванов Иван"
    assert clean_text("O`Brien") == "O'Brien"


def test_the_plain_pattern_finds_exactly_what_is_not_plain() -> None:
    wrong = [code for code in range(0x110000) if (chr(code) in _PLAIN) == bool(_NOT_PLAIN.search(chr(code)))]
    assert wrong == []


RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


@given(st.text(alphabet=RUSSIAN + "АЯЁ-' іqz", max_size=12))
def test_is_russian_is_a_word_of_lower_case_russian_letters(word: str) -> None:
    assert is_russian(word) == (bool(word) and all(ch in RUSSIAN for ch in word))


@given(st.text(alphabet=RUSSIAN + RUSSIAN.upper(), min_size=1, max_size=14))
def test_russian_words_fold_as_the_general_path_folds_them(word: str) -> None:
    assert fold_text.__wrapped__(word) == _fold_any(word)
