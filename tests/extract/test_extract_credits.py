"""Photo credits and bylines."""

from __future__ import annotations

import pytest

from tiescreen.extract.credits import credit_of_line, split_credit, strip_credits


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Alexander Scherbak / TASS / Kremlin", "Alexander Scherbak / TASS / Kremlin"),
        ("Photo: Maxim Shemetov / Reuters", "Maxim Shemetov / Reuters"),
        ("Фото: Алексей Смирнов / ТАСС", "Алексей Смирнов / ТАСС"),
        ("By Jane Roe", "Jane Roe"),
        ("Автор: Иван Петров", "Иван Петров"),
        ("(Reporting by Anna Berg; Editing by Tom Hale)", "Anna Berg; Editing by Tom Hale"),
        ("© Getty Images", "Getty Images"),
    ],
)
def test_credit_lines(line: str, credit: str) -> None:
    assert credit_of_line(line) == credit


@pytest.mark.parametrize(
    "line",
    [
        "Kremlin spokesman Dmitry Peskov said the guests had been chosen by regional authorities.",
        "By the end of the day, the women had left.",
        "Фото с встречи президент опубликовал сам, сообщили в Кремле. Подробности неизвестны.",
    ],
)
def test_sentences_are_not_credits(line: str) -> None:
    assert credit_of_line(line) is None


def test_caption_with_a_trailing_credit_is_split() -> None:
    text, credit = strip_credits("Vladimir Putin at the meeting. Photo: Mark Dolan / Reuters")
    assert text == "Vladimir Putin at the meeting."
    assert credit == "Mark Dolan / Reuters"


def test_credit_parts() -> None:
    assert split_credit("Alexander Scherbak / TASS / Kremlin") == ["Alexander Scherbak", "TASS", "Kremlin"]
    assert split_credit("Anna Berg; Editing by Tom Hale") == ["Anna Berg", "Tom Hale"]
    assert split_credit("Евгений Фельдман для «Медузы»") == ["Евгений Фельдман", "«Медузы»"]
