"""Reading entities: the one-pass decoding of many rows gives what decoding each row gives, and
a read for citing gives the same entities."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiescreen.engine.ingest import ingest
from tiescreen.store import open_store
from tiescreen.store.registry import _entities_from_rows, _entity_from_row, _properties, _values


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


@pytest.mark.parametrize("count", [3, 80])  # a list of marks, and an unnested array
def test_a_cited_read_gives_the_entities_without_hash_and_load_time(tmp_path: Path, count: int) -> None:
    path = tmp_path / "registry.ftm.json"
    lines = [
        {"id": f"p{i}", "schema": "Person", "properties": {"name": [f"Person {i}"], "sourceUrl": [f"https://x/{i}"]}}
        for i in range(count)
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    with open_store(tmp_path / "store.duckdb") as store:
        ingest(store, path)
        ids = [f"p{i}" for i in range(count)] + ["missing"]
        whole, cited = store.entities(ids), store.entities(ids, cited=True)
    assert whole.keys() == cited.keys() == {f"p{i}" for i in range(count)}
    for key, entity in whole.items():
        assert entity.provenance is not None and entity.provenance.content_hash
        short = replace(entity.provenance, content_hash=None, loaded_at=None)
        assert (cited[key], dict(cited[key].properties)) == (replace(entity, provenance=short), dict(entity.properties))


_RAW = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=4),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=4), st.lists(st.text(max_size=2))), max_size=3),
)  # what a JSON text can hold for a property, with blank, space-led and non-string values


@given(st.one_of(st.dictionaries(st.text(max_size=3), _RAW, max_size=5), _RAW))
def test_properties_are_each_value_read_as_values_reads_it(data: object) -> None:
    expected = {k: _values(v) for k, v in data.items()} if isinstance(data, dict) else {}
    assert _properties(data) == expected


@pytest.mark.parametrize("raw", [["x"], [" x"], ["\u00a0x"], [""], [" "], [1], [True], ["x", "y"], "x", [["x"]]])
def test_a_one_string_value_is_read_as_values_reads_it(raw: object) -> None:
    assert _properties({"p": raw}) == {"p": _values(raw)}


def test_a_store_lent_to_workers_is_not_opened_meanwhile_and_opens_when_used_after(peps: Path, tmp_path: Path) -> None:
    from tiescreen.errors import StoreError

    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, peps)
        count = store.count()
        with store.detached() as lent:
            assert lent == str(tmp_path / "s.duckdb")
            with pytest.raises(StoreError, match="lent to worker processes"):
                store.count()
        assert store.count() == count  # opened again on first use
    with open_store(tmp_path / "s.duckdb", read_only=True) as store, store.detached():
        pass  # never used after: closed without being opened again
