"""Wade-Giles and pinyin spellings of Chinese given names (match/chinese.py)."""

from __future__ import annotations

import pytest

from tiescreen.match.chinese import same_chinese_name


@pytest.mark.parametrize(
    ("wade_giles", "pinyin"),
    [("tse-tung", "zedong"), ("hsiao-p'ing", "xiaoping"), ("ching-kuo", "jingguo"), ("shao-ch'i", "shaoqi")],
)
def test_wade_giles_meets_pinyin(wade_giles: str, pinyin: str) -> None:
    assert same_chinese_name(wade_giles, pinyin) and same_chinese_name(pinyin, wade_giles)


@pytest.mark.parametrize(
    ("a", "b"),
    [("tse-tung", "zetang"), ("shao-ch'i", "shaoping"), ("tas-ool", "tasool"), ("tsetung", "zedong")],
)
def test_other_syllables_or_words_do_not(a: str, b: str) -> None:
    assert not same_chinese_name(a, b)
