"""Result objects as JSON: a tie's optional fields are written only when set, in their order."""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest

from tiescreen.model import Tie, TieKind
from tiescreen.model.result import _OPTIONAL_TIE_FIELDS

_SET: dict[str, Any] = {
    "start": "2001",
    "end": "2005",
    "relative_name": "Uvarov D.",
    "relationship": "mother of Uvarov D.",
    "body_kind": "government",
    "ruling_party": False,  # falsy but set: written
    "relative_kind": "office",
    "evidence": "",  # falsy but set: written
}


def _by_names(tie: Tie) -> list[tuple[str, Any]]:
    """What ``Tie.to_dict`` writes, read field by field from ``_OPTIONAL_TIE_FIELDS``."""
    head: list[tuple[str, Any]] = [
        ("kind", str(tie.kind)),
        ("role", tie.role),
        ("body", tie.body),
        ("current", tie.current),
    ]
    head += [("path", list(tie.path)), ("sources", list(tie.sources)), ("confidence", tie.confidence)]
    optional = [(k, getattr(tie, k)) for k in _OPTIONAL_TIE_FIELDS if getattr(tie, k) is not None]
    return head + optional + ([("steps", list(tie.steps))] if tie.steps else [])


@pytest.mark.parametrize("chosen", list(product([False, True], repeat=len(_OPTIONAL_TIE_FIELDS))))
def test_a_tie_writes_its_set_optional_fields_in_order(chosen: tuple[bool, ...]) -> None:
    values = {k: _SET[k] for k, on in zip(_OPTIONAL_TIE_FIELDS, chosen, strict=True) if on}
    tie = Tie(TieKind.OFFICE, "глава", None, True, ("p", "o"), ("u",), steps=("a",) if chosen[0] else (), **values)
    assert list(tie.to_dict().items()) == _by_names(tie)
