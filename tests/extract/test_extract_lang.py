"""Language detection."""

from __future__ import annotations

import pytest

from tiescreen.errors import InputError
from tiescreen.extract.lang import detect_lang


def test_russian_and_english() -> None:
    assert detect_lang("Пресс-секретарь Кремля Дмитрий Песков заявил, что участниц выбирали регионы.") == "ru"
    assert detect_lang("Kremlin spokesman Dmitry Peskov said the guests had been chosen by the regions.") == "en"


def test_english_article_quoting_russian_names_is_english() -> None:
    assert detect_lang("The deputy, Олеся Шигина in Russian, said that she was a mother of two and a teacher.") == "en"


def test_french_is_not_english() -> None:
    with pytest.raises(InputError, match="language"):
        detect_lang("Le président a rencontré des mères de soldats dans sa résidence près de Moscou vendredi.")
