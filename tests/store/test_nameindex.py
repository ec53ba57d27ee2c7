"""The name index built at ingest: blocking keys and hashes, scoring records with odd characters."""

from __future__ import annotations

import json
from pathlib import Path

from tiescreen.engine.ingest import ingest
from tiescreen.generate import write_registry
from tiescreen.index.keys import word_blocking_keys, word_key
from tiescreen.index.keytable import key_hash
from tiescreen.store import open_store


def test_every_word_key_carries_exactly_its_words_blocking_keys(tmp_path: Path) -> None:
    write_registry(tmp_path / "a.ftm.json", 80, seed=4)
    write_registry(tmp_path / "b.ftm.json", 80, seed=9)  # a second source: new words, shared word keys
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, tmp_path / "a.ftm.json", bulk_from=0)
        ingest(store, tmp_path / "b.ftm.json", bulk_from=0)
        q = store.db.query
        raws = [str(r[0]) for r in q("t", "SELECT raw FROM vocab")]
        pairs = q("t", "SELECT key, wkey, h FROM vocab_keys")
        indexed = q("t", "SELECT count(*) FROM key_index k JOIN key_words w USING (id)")[0][0]
    expected: set[tuple[str, str]] = set()
    for raw in raws:
        wkey = word_key(raw)
        if wkey is not None:
            expected.update((key, wkey) for key in word_blocking_keys(raw))
    assert {(k, w) for k, w, _ in pairs} == expected
    assert all(h == key_hash(k) for k, _, h in pairs[:2000])
    assert indexed == len({(h, w) for _, w, h in pairs})


def test_scoring_records_drop_separator_characters_from_values(tmp_path: Path) -> None:
    odd = {
        "id": "p-odd",
        "schema": "Person",
        "properties": {"name": ["Ива\x1eнов Иван"], "alias": ["Ivanov\x1f Ivan", "И. Иванов"], "birthDate": ["1970"]},
    }
    plain = {"id": "p-plain", "schema": "Person", "properties": {"name": ["Петров Пётр"], "birthDate": ["1980"]}}
    path = tmp_path / "odd.ftm.json"
    path.write_text("\n".join(json.dumps(e) for e in (odd, plain)) + "\n", encoding="utf-8")
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, path, bulk_from=0)
        from tiescreen.index.memory import NameIndex

        records = NameIndex.from_store(store).records
        people = {e.id: no for no, e in store.people(range(10)).items()}
    assert records is not None
    first, second = records.entity(people["p-odd"]), records.entity(people["p-plain"])
    assert first is not None and second is not None
    assert first.get("name") == ("Иванов Иван",)
    assert first.get("alias") == ("Ivanov Ivan", "И. Иванов")
    assert first.get("birthDate") == ("1970",)
    assert second.get("name") == ("Петров Пётр",) and second.get("birthDate") == ("1980",)
