"""rigour's Wikidata name groups as given-name evidence (loads rigour's data: slow)."""

from __future__ import annotations

import pytest

from tiescreen.match import DEFAULT_THRESHOLD, score_names
from tiescreen.normalize.variants import share_name_group


@pytest.mark.slow
def test_name_groups_and_nicknames() -> None:
    assert share_name_group("Eugene", "Евгений") == "name"
    assert share_name_group("Ted", "Theodore") == "nick"
    assert share_name_group("Frank", "Frederik") is None
    assert score_names("Eugene Kuznetsov", "Кузнецов Евгений") >= DEFAULT_THRESHOLD


def test_switched_off_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIESCREEN_NAME_VARIANTS", "0")
    assert share_name_group("Eugene", "Евгений") is None
