"""Matcher tests run without rigour's Wikidata name groups (a 10-second load) unless marked slow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _no_name_variants(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if request.node.get_closest_marker("slow") is None:
        monkeypatch.setenv("TIESCREEN_NAME_VARIANTS", "0")
    yield
