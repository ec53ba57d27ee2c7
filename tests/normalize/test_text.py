"""The fast paths of text cleaning give what the general path gives."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from tiescreen.normalize.text import _clean_any, clean_text, fold_homoglyphs, script_of

CYRILLIC = "".join(chr(c) for c in range(0x0400, 0x0530))
PLAINISH = st.text(alphabet=string.printable + CYRILLIC + "`\u0301\u00ad\u200b", max_size=40)


@given(PLAINISH)
def test_clean_text_fast_path_agrees_with_the_general_path(text: str) -> None:
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
