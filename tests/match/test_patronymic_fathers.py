"""Fathers' names inside patronymics are compared by full name, never through a shared short form."""

from __future__ import annotations

import pytest

from tiescreen.match import score_names


@pytest.fixture(autouse=True)
def _no_name_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIESCREEN_NAME_VARIANTS", "0")


def test_alekseevich_is_not_aleksandrovich() -> None:
    # Алекс is a short form of both Алексей and Александр; the fathers are still different.
    assert score_names("Иванов Иван Алексеевич", "Иванов Иван Александрович") <= 0.5


def test_same_father_in_another_language_still_agrees() -> None:
    assert score_names("Иванов Иван Олександрович", "Иванов Иван Александрович") >= 0.9
