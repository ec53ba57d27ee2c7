"""Reading entities: the one-pass decoding of many rows gives what decoding each row gives."""

from __future__ import annotations

import json

import pytest

from tiescreen.store.registry import _entities_from_rows, _entity_from_row


def _row(entity_id: str, props: str | None, no: int | None = None) -> tuple[object, ...]:
    return (entity_id, "Person", entity_id, props, "src", entity_id, None, "sha", "now", no)


PROPS = [
    json.dumps({"name": ["Иванов Иван"], "birthDate": ["1970-01-01"]}, ensure_ascii=False),
    None,
    "",
    json.dumps({"name": ["a", "b", " spaced", ""], "year": [1970], "one": "bare", "odd": [None, 2.5]}),
    "null",
    "[1, 2]",
]


def test_many_rows_decode_as_each_row_does() -> None:
    rows = [_row(f"e{i}", p, i) for i, p in enumerate(PROPS)]
    decoded = _entities_from_rows(rows)
    assert [no for _e, no in decoded] == list(range(len(PROPS)))
    for (entity, _no), row in zip(decoded, rows, strict=True):
        alone = _entity_from_row(row[:-1])
        assert (entity, dict(entity.properties)) == (alone, dict(alone.properties))
        assert entity.provenance == alone.provenance


@pytest.mark.parametrize("bad", ['{"a": [1', '{"a": ["x"]}, {"b": ["y"]}', '{"a": ["x"]} 1'])
def test_a_text_that_is_not_one_json_value_fails_as_it_does_alone(bad: str) -> None:
    rows = [_row("a", PROPS[0]), _row("b", bad), _row("c", PROPS[0])]
    with pytest.raises(ValueError):
        _entity_from_row(rows[1][:-1])
    with pytest.raises(ValueError):
        _entities_from_rows(rows)
