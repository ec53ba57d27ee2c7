"""The registry store: sources, entities, the reference graph and the name index.

Tables (DuckDB dialect)::

    sources   (name PK, path, url, content_hash, loaded_at, records, skipped, kind)
    entities  (id PK, schema, caption, properties JSON, source, record, url, content_hash, loaded_at)
    refs      (src, prop, dst)             -- entity-valued properties, both ways of the tie walk
    name_keys (key, entity_id)             -- blocking keys of Person names
    key_stats (key PK, n)                  -- how many people share a key (rarity)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from tiescreen.errors import StoreError
from tiescreen.index.keys import entity_keys
from tiescreen.model import PERSON_SCHEMATA, Provenance, RegistryEntity, SourceInfo
from tiescreen.store.base import Backend, chunks
from tiescreen.store.duckdb import DuckDBBackend

__all__ = ["DEFAULT_DB", "RegistryStore", "open_store"]

DEFAULT_DB = "tiescreen.duckdb"
SCHEMA_VERSION = "1"

_DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE IF NOT EXISTS sources (name TEXT PRIMARY KEY, path TEXT, url TEXT,
        content_hash TEXT, loaded_at TEXT, records INTEGER, skipped INTEGER, kind TEXT)""",
    """CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, schema TEXT, caption TEXT,
        properties TEXT, source TEXT, record TEXT, url TEXT, content_hash TEXT, loaded_at TEXT)""",
    "CREATE TABLE IF NOT EXISTS refs (src TEXT, prop TEXT, dst TEXT, source TEXT)",
    "CREATE TABLE IF NOT EXISTS name_keys (key TEXT, entity_id TEXT, source TEXT)",
    "CREATE TABLE IF NOT EXISTS key_stats (key TEXT PRIMARY KEY, n INTEGER)",
)
_ENTITY_COLS = (
    "id",
    "schema",
    "caption",
    "properties",
    "source",
    "record",
    "url",
    "content_hash",
    "loaded_at",
)


def open_store(path: Path | str | None = None, *, read_only: bool = False) -> RegistryStore:
    """Open (and create, unless read-only) the embedded store at ``path``."""
    target = Path(path or DEFAULT_DB)
    if read_only and not target.exists():
        raise StoreError(f"{target}: no store here; run `tiescreen ingest` first or pass --registry")
    return RegistryStore(DuckDBBackend(target, read_only=read_only))


class RegistryStore:
    """Registry data behind a :class:`~tiescreen.store.base.Backend`."""

    def __init__(self, backend: Backend) -> None:
        self.db = backend
        if not getattr(backend, "read_only", False):
            for ddl in _DDL:
                self.db.query("create schema", ddl)
            self.db.query("schema version", "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", SCHEMA_VERSION)
        self._check_version()

    def _check_version(self) -> None:
        try:
            rows = self.db.query("schema version", "SELECT value FROM meta WHERE key = 'schema_version'")
        except StoreError:
            raise StoreError("the file is not a tiescreen store (no meta table)") from None
        if rows and rows[0][0] != SCHEMA_VERSION:
            raise StoreError(f"store schema version {rows[0][0]}, this tiescreen reads {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> RegistryStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- sources ---------------------------------------------------------------------------

    def sources(self) -> list[SourceInfo]:
        rows = self.db.query(
            "list sources",
            "SELECT name, path, url, content_hash, loaded_at, records, skipped FROM sources ORDER BY name",
        )
        return [SourceInfo(*r) for r in rows]

    def source(self, name: str) -> SourceInfo | None:
        return next((s for s in self.sources() if s.name == name), None)

    def has_entity(self, entity_id: str) -> bool:
        return bool(self.db.query("has entity", "SELECT 1 FROM entities WHERE id = ?", entity_id))

    def replace_source(self, info: SourceInfo, entities: Sequence[RegistryEntity], kind: str) -> None:
        """Store a source's entities in one transaction, replacing what it held before.

        An entity id that another source also holds is merged (properties united), as FtM does.
        """
        merged = _merge_same_ids(entities)
        with self.db.transaction(f"ingest {info.name}"):
            for table, col in (("name_keys", "source"), ("refs", "source"), ("entities", "source")):
                self.db.query("clear source", f"DELETE FROM {table} WHERE {col} = ?", info.name)
            merged = self._merge_existing(merged)
            self._insert_entities(info.name, merged)
            self.db.query("drop source", "DELETE FROM sources WHERE name = ?", info.name)
            self.db.insert(
                "record source",
                "sources",
                ("name", "path", "url", "content_hash", "loaded_at", "records", "skipped", "kind"),
                [(info.name, info.path, info.url, info.content_hash, info.loaded_at, info.records, info.skipped, kind)],
            )
            self._refresh_key_stats()

    def _merge_existing(self, entities: list[RegistryEntity]) -> list[RegistryEntity]:
        ids = [e.id for e in entities]
        existing = self.entities(ids)
        if not existing:
            return entities
        self.db.query("drop merged", "DELETE FROM entities WHERE list_contains(?, id)", list(existing))
        return [_merge(existing[e.id], e) if e.id in existing else e for e in entities]

    def _insert_entities(self, source: str, entities: list[RegistryEntity]) -> None:
        for batch in chunks(entities, 20_000):
            rows: list[tuple[object, ...]] = []
            refs: list[tuple[str, str, str, str]] = []
            keys: list[tuple[str, str, str]] = []
            for e in batch:
                p = e.provenance or Provenance(source, e.id)
                rows.append(
                    (
                        e.id,
                        e.schema,
                        e.caption,
                        json.dumps(dict(e.properties), ensure_ascii=False),
                        p.source,
                        p.record,
                        p.url,
                        p.content_hash,
                        p.loaded_at,
                    )
                )
                refs.extend((e.id, prop, dst, source) for prop, dst in _entity_refs(e))
                if e.schema in PERSON_SCHEMATA:
                    keys.extend((k, e.id, source) for k in sorted(entity_keys(e)))
            self.db.insert("insert entities", "entities", _ENTITY_COLS, rows)
            self.db.insert("insert refs", "refs", ("src", "prop", "dst", "source"), refs)
            self.db.insert("insert name keys", "name_keys", ("key", "entity_id", "source"), keys)

    def _refresh_key_stats(self) -> None:
        self.db.query("key stats", "DELETE FROM key_stats")
        self.db.query(
            "key stats",
            "INSERT INTO key_stats SELECT key, COUNT(DISTINCT entity_id) FROM name_keys GROUP BY key",
        )

    # -- reading ---------------------------------------------------------------------------

    def entities(self, ids: Iterable[str]) -> dict[str, RegistryEntity]:
        wanted = sorted(set(ids))
        found: dict[str, RegistryEntity] = {}
        for batch in chunks(wanted, 5_000):
            rows = self.db.query(
                "read entities",
                f"SELECT {', '.join(_ENTITY_COLS)} FROM entities WHERE list_contains(?, id)",
                list(batch),
            )
            for row in rows:
                found[row[0]] = _entity_from_row(row)
        return found

    def referring(self, ids: Iterable[str]) -> list[tuple[str, str, str]]:
        """``(src, prop, dst)`` for every reference pointing at one of ``ids``."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        return [
            (str(r[0]), str(r[1]), str(r[2]))
            for r in self.db.query(
                "walk refs", "SELECT DISTINCT src, prop, dst FROM refs WHERE list_contains(?, dst)", wanted
            )
        ]

    def count(self, schema: str | None = None) -> int:
        if schema:
            return int(self.db.query("count", "SELECT COUNT(*) FROM entities WHERE schema = ?", schema)[0][0])
        return int(self.db.query("count", "SELECT COUNT(*) FROM entities")[0][0])

    def key_counts(self, keys: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(keys))
        if not wanted:
            return {}
        rows = self.db.query("key counts", "SELECT key, n FROM key_stats WHERE list_contains(?, key)", wanted)
        return {k: int(n) for k, n in rows}

    def people_count(self) -> int:
        return self.count("Person")

    def candidates(self, query_keys: Sequence[tuple[int, str]], limit: int, max_key_share: int) -> dict[int, list[str]]:
        """Registry people sharing blocking keys with each query, the rarest shared keys first."""
        if not query_keys:
            return {}
        self.db.query("candidates", "CREATE OR REPLACE TEMP TABLE qkeys (qidx INTEGER, key TEXT)")
        self.db.insert("candidates", "qkeys", ("qidx", "key"), list(query_keys))
        rows = self.db.query(
            "candidates",
            """
            WITH hits AS (
                SELECT q.qidx, k.entity_id, SUM(1.0 / ln(2 + s.n)) AS weight
                FROM qkeys q
                JOIN key_stats s ON s.key = q.key AND s.n <= ?
                JOIN name_keys k ON k.key = q.key
                GROUP BY q.qidx, k.entity_id
            ), ranked AS (
                SELECT qidx, entity_id,
                       row_number() OVER (PARTITION BY qidx ORDER BY weight DESC, entity_id) AS rn
                FROM hits
            )
            SELECT qidx, entity_id FROM ranked WHERE rn <= ? ORDER BY qidx, rn
            """,
            max_key_share,
            limit,
        )
        self.db.query("candidates", "DROP TABLE IF EXISTS qkeys")
        found: dict[int, list[str]] = {}
        for qidx, entity_id in rows:
            found.setdefault(int(qidx), []).append(str(entity_id))
        return found


def _entity_refs(entity: RegistryEntity) -> list[tuple[str, str]]:
    from followthemoney import model

    schema = model.get(entity.schema)
    if schema is None:
        return []
    out: list[tuple[str, str]] = []
    for prop, values in entity.properties.items():
        p = schema.get(prop)
        if p is not None and p.type.name == "entity":
            out.extend((prop, v) for v in values)
    return out


def _merge(a: RegistryEntity, b: RegistryEntity) -> RegistryEntity:
    props: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in a.properties.items()}
    for k, values in b.properties.items():
        props[k] = tuple(dict.fromkeys(props.get(k, ()) + tuple(values)))
    schema = a.schema if a.schema == b.schema else _common_schema(a.schema, b.schema)
    return RegistryEntity(a.id, schema, a.caption or b.caption, props, a.provenance or b.provenance)


def _common_schema(a: str, b: str) -> str:
    from followthemoney import model

    try:
        return str(model.common_schema(a, b).name)
    except Exception:
        return a


def _merge_same_ids(entities: Sequence[RegistryEntity]) -> list[RegistryEntity]:
    by_id: dict[str, RegistryEntity] = {}
    for e in entities:
        by_id[e.id] = _merge(by_id[e.id], e) if e.id in by_id else e
    return list(by_id.values())


def _entity_from_row(row: Sequence[Any]) -> RegistryEntity:
    entity_id, schema, caption, props, source, record, url, digest, loaded = row
    data = json.loads(props) if props else {}
    return RegistryEntity(
        entity_id,
        schema,
        caption,
        {k: tuple(v) for k, v in data.items()},
        Provenance(source, record, url, digest, loaded),
    )
