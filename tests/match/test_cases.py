"""The labelled cases of cases.yaml: one per phenomenon of issue 3."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tiescreen.match import DEFAULT_THRESHOLD, score_names
from tiescreen.match.align import compare_names
from tiescreen.normalize.names import parse_name

_CASES: dict[str, list[list[Any]]] = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
CASES = [
    pytest.param(a, b, match, *[*rest, None, "Person"][:2], id=f"{group}:{a}|{b}")
    for group, rows in _CASES.items()
    for a, b, match, *rest in rows
]


@pytest.mark.parametrize(("a", "b", "match", "relation", "schema"), CASES)
def test_case(a: str, b: str, match: bool, relation: str | None, schema: str | None) -> None:
    score = score_names(a, b, schema or "Person")
    assert (score >= DEFAULT_THRESHOLD) is match, f"{a!r} vs {b!r}: {score:.3f}"
    if relation:
        assert compare_names(parse_name(a), parse_name(b)).relation == relation


def test_every_phenomenon_has_positives_and_negatives_overall() -> None:
    labels = [row[2] for rows in _CASES.values() for row in rows]
    assert labels.count(True) > 30 and labels.count(False) > 15
