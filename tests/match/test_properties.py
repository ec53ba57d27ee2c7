"""Property tests: normalisation is idempotent; scores are symmetric and within [0, 1]."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tiescreen.match import score_names
from tiescreen.match.orgs import score_org_names
from tiescreen.normalize.names import parse_name
from tiescreen.normalize.text import clean_text, fold_text
from tiescreen.normalize.translit import keys_for

_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєўәөүһ" + "abcdefghijklmnopqrstuvwxyzščžłńü" + "-' .,\u200b\u00ad"
words = st.text(alphabet=_LETTERS + _LETTERS.upper(), min_size=1, max_size=14)
names = st.lists(words, min_size=1, max_size=4).map(" ".join)
anything = st.text(max_size=40)
# Words in the scripts with their own rules (Han, kana, Hangul, Arabic, Greek) and organisation names
# with the characters their parsing looks at (numbers, &, /, brackets, dots).
_WORLD = "习近平高市バラクオバマ김정은محمدحسنΚυριάκοςabcdefghijklmnopqrstuvwxyzжщ"
world_names = st.lists(st.text(alphabet=_WORLD + "-·・", min_size=1, max_size=8), min_size=1, max_size=4).map(" ".join)
org_names = st.lists(
    st.text(alphabet="abcdefghilmnostuvxAGLC0123456789&/().'-ООО", min_size=1, max_size=10), min_size=1, max_size=5
).map(" ".join)


@settings(deadline=None)  # the first call loads the dictionaries
@given(anything)
def test_fold_text_is_idempotent(text: str) -> None:
    assert fold_text(fold_text(text)) == fold_text(text)


@settings(deadline=None)  # the first call loads the dictionaries
@given(anything)
def test_clean_text_is_idempotent(text: str) -> None:
    assert clean_text(clean_text(text)) == clean_text(text)


@settings(deadline=None)  # the first call loads the dictionaries
@given(names)
def test_keys_do_not_change_when_the_word_is_folded_again(name: str) -> None:
    for word in fold_text(name).split():
        assert keys_for(fold_text(word)) == keys_for(word)


@settings(deadline=None)  # the first call loads the dictionaries
@given(names)
def test_parsing_a_folded_name_keeps_its_keys(name: str) -> None:
    once = [t.keys for t in parse_name(name).tokens]
    again = [t.keys for t in parse_name(" ".join(t.norm for t in parse_name(name).tokens)).tokens]
    assert sorted(once) == sorted(again) or len(once) != len(again)


@settings(max_examples=300, deadline=None)
@given(names, names)
def test_person_score_is_symmetric_and_bounded(a: str, b: str) -> None:
    ab, ba = score_names(a, b), score_names(b, a)
    assert 0.0 <= ab <= 1.0
    assert ab == pytest.approx(ba)


@settings(deadline=None)  # the first call loads the dictionaries
@given(names, names)
def test_organisation_score_is_symmetric_and_bounded(a: str, b: str) -> None:
    ab, ba = score_org_names(a, b), score_org_names(b, a)
    assert 0.0 <= ab <= 1.0
    assert ab == pytest.approx(ba)


@settings(deadline=None)  # the first call loads the dictionaries
@given(names)
def test_a_name_matches_itself(name: str) -> None:
    if parse_name(name).full:
        assert score_names(name, name) >= 0.9


@settings(max_examples=200, deadline=None)
@given(world_names, world_names)
def test_person_score_in_other_scripts_is_symmetric_and_bounded(a: str, b: str) -> None:
    ab, ba = score_names(a, b), score_names(b, a)
    assert 0.0 <= ab <= 1.0
    assert ab == pytest.approx(ba)


@settings(max_examples=200, deadline=None)
@given(org_names, org_names)
def test_organisation_score_with_forms_numbers_and_aliases_is_symmetric_and_bounded(a: str, b: str) -> None:
    ab, ba = score_org_names(a, b), score_org_names(b, a)
    assert 0.0 <= ab <= 1.0
    assert ab == pytest.approx(ba)


@settings(max_examples=100, deadline=None)
@given(org_names)
def test_an_organisation_name_matches_itself(name: str) -> None:
    if any(ch.isalpha() for ch in name):
        assert score_org_names(name, name) >= 0.9 or not any(len(w) > 1 for w in name.split())
