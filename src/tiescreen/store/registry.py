"""The registry store: sources, entities, the reference graph and the name index.

Tables (DuckDB dialect)::

    sources      (name, path, url, content_hash, loaded_at, records, skipped, kind)
    entities     (id, schema, caption, properties JSON, source, record, url, content_hash, loaded_at, no)
    refs         (src, prop, dst, source)       -- entity references, walked backwards by the tie walk
    name_words   (no, raw, source)              -- the words of every Person's names
    vocab        (raw, wkey)                    -- each distinct word's key (see tiescreen.index.keys)
    vocab_keys   (key, wkey, h)                 -- blocking keys -> word keys (h: the key's hash)
    key_words    (id, wkey)                     -- the word keys, numbered
    key_index    (h, id)                        -- key hashes -> word numbers, sorted by hash
    postings     (wkey, nos)                    -- word key -> the people whose names have it
    person_index (no, year, initials, twice, fewest, record)   -- birth year, traits, what the scorer reads

``no`` numbers the Person entities; the name index refers to people by it. A source is
loaded in one transaction, streamed in batches (or read by DuckDB itself for FtM files):
an interrupted load leaves the store as it was.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from tiescreen.errors import StoreError
from tiescreen.index.keytable import KeyTable
from tiescreen.index.traits import pack
from tiescreen.model import PERSON_SCHEMATA, Provenance, RegistryEntity, SourceInfo
from tiescreen.store.base import Backend, chunks
from tiescreen.store.duckdb import DuckDBBackend
from tiescreen.store.nameindex import INDEX_DDL, finish_source, rebuild_person_index

if TYPE_CHECKING:
    from tiescreen.ingest.reading import Problems

__all__ = ["DEFAULT_DB", "RegistryStore", "open_store"]

IntArray = npt.NDArray[np.int64]
# The reference graph by row number (see graph_rows): rows, (person numbers, their rows),
# (src, prop, dst) of each reference, the property names the prop codes stand for.
GraphRows = tuple[int, tuple[IntArray, IntArray], tuple[IntArray, IntArray, IntArray], tuple[str, ...]]

DEFAULT_DB = "tiescreen.duckdb"
SCHEMA_VERSION = "4"  # 4: the person index's traits (twice, fewest)
# Stores of earlier schemata upgraded in place when opened for writing (`tiescreen upgrade`).
_UPGRADES: dict[str, Callable[[Backend], None]] = {"3": rebuild_person_index}
# Ids read per query: a read of a list of ids scans the table once, whatever its length.
READ_BATCH = 100_000
BATCH = 20_000
ROWS_BATCH = 10_000  # rows read by number made entities at a time
Progress = Callable[[int, int | None], None]

_DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE IF NOT EXISTS sources (name TEXT PRIMARY KEY, path TEXT, url TEXT,
        content_hash TEXT, loaded_at TEXT, records INTEGER, skipped INTEGER, kind TEXT)""",
    # Ids are nearly all distinct: stored uncompressed, a bulk load's insert of 3.5 million
    # entities took 3.5-4 s less (of 13-20) for 55 MB more, so they are stored as they are.
    """CREATE TABLE IF NOT EXISTS entities (id TEXT USING COMPRESSION uncompressed, schema TEXT, caption TEXT,
        properties TEXT, source TEXT, record TEXT USING COMPRESSION uncompressed, url TEXT, content_hash TEXT,
        loaded_at TEXT, no INTEGER)""",
    "CREATE TABLE IF NOT EXISTS refs (src TEXT, prop TEXT, dst TEXT, source TEXT)",
    *INDEX_DDL,
)
_LOOKUP_INDEXES = (
    "CREATE INDEX IF NOT EXISTS entities_id ON entities (id)",
    "CREATE INDEX IF NOT EXISTS entities_no ON entities (no)",
    "CREATE INDEX IF NOT EXISTS refs_dst ON refs (dst)",
)
_ENTITY_COLS = ("id", "schema", "caption", "properties", "source", "record", "url", "content_hash", "loaded_at")
_CITED_COLS = _ENTITY_COLS[:7]  # enough to cite an entity: no content hash or load time
_STEPS = ("clear", "load", "merge", "graph", "name words", "vocabulary", "name index", "lookup indexes")


def open_store(path: Path | str | None = None, *, read_only: bool = False, memory: str | None = None) -> RegistryStore:
    """Open (and create, unless read-only) the embedded store at ``path``.

    ``memory`` (such as ``"500MB"``) caps DuckDB's cache (default: most of the machine's memory).
    """
    target = Path(path or DEFAULT_DB)
    if read_only and not target.exists():
        raise StoreError(f"{target}: no store here; run `tiescreen ingest` first or pass --registry")
    return RegistryStore(DuckDBBackend(target, read_only=read_only, memory=memory))


class RegistryStore:
    """Registry data behind a :class:`~tiescreen.store.base.Backend`."""

    def __init__(self, backend: Backend) -> None:
        self.db = backend
        self.read_only = bool(getattr(backend, "read_only", False))
        if not self.read_only:
            self._check_version(upgrade=True)
            for ddl in _DDL:
                self.db.query("create schema", ddl)
            self.db.query("schema version", "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", SCHEMA_VERSION)
        self._check_version()

    def _check_version(self, upgrade: bool = False) -> None:
        """Refuse a store of another schema; one that :data:`_UPGRADES` knows is upgraded in
        place when ``upgrade`` (opened for writing), else refused with the command that does it."""
        tables = {r[0] for r in self.db.query("schema version", "SELECT table_name FROM information_schema.tables")}
        if "meta" not in tables:
            if tables or self.read_only:
                raise StoreError("the file is not a tiescreen store (no meta table)")
            return
        rows = self.db.query("schema version", "SELECT value FROM meta WHERE key = 'schema_version'")
        if not rows or rows[0][0] == SCHEMA_VERSION:
            return
        found = str(rows[0][0])
        if found in _UPGRADES and upgrade:
            _UPGRADES[found](self.db)
            return
        where = getattr(self.db, "path", None)
        if found in _UPGRADES:
            raise StoreError(
                f"store schema version {found}, this tiescreen reads {SCHEMA_VERSION}: run `tiescreen upgrade"
                f"{f' --db {where}' if where else ''}` to upgrade it in place (its name index is rebuilt: "
                "seconds for a million people)"
            )
        raise StoreError(
            f"store schema version {found}, this tiescreen reads {SCHEMA_VERSION}: "
            "delete the store file and ingest the registries again"
        )

    def close(self) -> None:
        self.db.close()

    def detached(self) -> AbstractContextManager[str | None]:
        """While it lasts, worker processes may open the store at the path it yields (None when
        they cannot, as for an in-memory store); this object is not used meanwhile."""
        return self.db.detached()

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
        return bool(self.db.query("has entity", "SELECT 1 FROM entities WHERE id = ? LIMIT 1", entity_id))

    def replace_source(
        self, info: SourceInfo, entities: Iterable[RegistryEntity], kind: str, progress: Progress | None = None
    ) -> None:
        """Store a source's entities in one transaction, replacing what it held before.

        ``entities`` is consumed in batches, never held whole. An entity id that another
        source (or the same one) also holds is merged (properties united), as FtM does.
        """

        def fill(base: int) -> tuple[bool, int]:
            no = base
            for batch in _batched(entities, BATCH):
                rows = []
                for e in batch:
                    no += 1
                    rows.append((*_entity_row(info.name, e), no if e.schema in PERSON_SCHEMATA else None))
                self.db.insert("insert entities", "entities", (*_ENTITY_COLS, "no"), rows)
            return False, 0

        self._replace(info, kind, fill, progress)

    def load_ftm(self, info: SourceInfo, path: Path | str, problems: Problems, progress: Progress | None = None) -> int:
        """Bulk-load an FtM JSON-lines file (read by DuckDB) as the source ``info``.

        Bad lines go to ``problems`` with their line numbers; unless it skips bad rows, the
        load stops with all of them and the store is left as it was. Returns the entities loaded.
        """
        from tiescreen.store import bulk

        loaded = 0

        def fill(base: int) -> tuple[bool, int]:
            nonlocal loaded
            loaded = bulk.insert_lines(self.db, path, info.name, info.url, info.content_hash, info.loaded_at, base)
            if not bulk.all_loaded(self.db, path, loaded):  # some lines were bad: say which
                bulk.problems_of(self.db, path, problems)
                problems.finish()
            self._drop_dangling(info.name, path, problems)
            problems.finish()
            return True, problems.skipped

        self._replace(info, "ftm", fill, progress)
        return loaded

    def _replace(
        self, info: SourceInfo, kind: str, fill: Callable[[int], tuple[bool, int]], progress: Progress | None
    ) -> None:
        tick = _ticker(progress)
        with self.db.transaction(f"ingest {info.name}"):
            tick("clear")
            for table in ("name_words", "refs", "entities", "sources"):
                column = "name" if table == "sources" else "source"
                self.db.query("clear source", f"DELETE FROM {table} WHERE {column} = ?", info.name)
            base = int(self.db.query("numbers", "SELECT coalesce(max(no), 0) FROM entities")[0][0])
            tick("load")
            refs_built, skipped = fill(base)
            tick("merge")
            self._merge_duplicates(info.name)
            finish_source(self.db, info.name, tick, refs=not refs_built)
            records = int(self.db.query("count", "SELECT count(*) FROM entities WHERE source = ?", info.name)[0][0])
            self.db.insert(
                "record source",
                "sources",
                ("name", "path", "url", "content_hash", "loaded_at", "records", "skipped", "kind"),
                [
                    (
                        info.name,
                        info.path,
                        info.url,
                        info.content_hash,
                        info.loaded_at,
                        records,
                        info.skipped + skipped,
                        kind,
                    )
                ],
            )
            tick("lookup indexes")
            for ddl in _LOOKUP_INDEXES:
                self.db.query("lookup indexes", ddl)
        tick("")

    def _merge_duplicates(self, source: str) -> None:
        rows = self.db.query(
            "merge",
            """SELECT id FROM entities WHERE id IN (SELECT id FROM entities WHERE source = ?)
            GROUP BY id HAVING count(*) > 1""",
            source,
        )
        ids = [str(r[0]) for r in rows]
        for batch in chunks(ids, 5_000):
            found = self.db.query(
                "merge",
                f"SELECT {', '.join(_ENTITY_COLS)}, no FROM entities WHERE list_contains(?, id) "
                "ORDER BY id, source = ?, no NULLS LAST",
                list(batch),
                source,
            )
            merged: dict[str, tuple[RegistryEntity, int | None]] = {}
            for row in found:
                entity, no = _entity_from_row(row[:-1]), row[-1]
                if entity.id in merged:
                    first, first_no = merged[entity.id]
                    merged[entity.id] = (_merge(first, entity), first_no if first_no is not None else no)
                else:
                    merged[entity.id] = (entity, no)
            self.db.query("merge", "DELETE FROM entities WHERE list_contains(?, id)", list(batch))
            rows_out = [(*_entity_row(source, e), no) for e, no in merged.values()]
            self.db.insert("merge", "entities", (*_ENTITY_COLS, "no"), rows_out)

    def _drop_dangling(self, source: str, path: Path | str, problems: Problems) -> None:
        from tiescreen.ingest.ftm import LINK_SCHEMATA, REQUIRED_REFS
        from tiescreen.store import bulk
        from tiescreen.store.nameindex import insert_refs

        insert_refs(self.db, source)
        pairs = [(s, p) for s, props in {**LINK_SCHEMATA, **REQUIRED_REFS}.items() for p in props]
        rows = self.db.query(
            "check references",
            """SELECT r.src, e.schema, r.prop, r.dst FROM refs r JOIN entities e ON e.id = r.src AND e.source = r.source
            WHERE r.source = ? AND list_contains(?, e.schema || '.' || r.prop)
              AND r.dst NOT IN (SELECT id FROM entities) ORDER BY r.src""",
            source,
            [f"{s}.{p}" for s, p in pairs],
        )
        if not rows:
            return
        lines = bulk.line_of(self.db, path, list(dict.fromkeys(str(r[0]) for r in rows)))
        seen: set[str] = set()
        for src, schema, prop, dst in rows:
            if src in seen:
                continue
            seen.add(src)
            problems.add(
                f"line {lines.get(src, 0)}",
                f"{schema} {src!r} refers in '{prop}' to {dst!r}, which is not in the file",
                "load the registry that holds it first, or skip this row",
            )
        dropped = list(seen)
        self.db.query(
            "drop dangling", "DELETE FROM entities WHERE source = ? AND list_contains(?, id)", source, dropped
        )
        self.db.query("drop dangling", "DELETE FROM refs WHERE source = ? AND list_contains(?, src)", source, dropped)

    # -- reading ---------------------------------------------------------------------------

    def entities(self, ids: Iterable[str], *, cited: bool = False) -> dict[str, RegistryEntity]:
        """Entities by id (a few through the lookup index, many through a join).

        With ``cited``, their provenance holds only what cites them (source, record and URL,
        no content hash or load time): the tie walk reads no more, and each column costs.
        """
        wanted = sorted(set(ids))
        cols = _CITED_COLS if cited else _ENTITY_COLS
        found: dict[str, RegistryEntity] = {}
        for batch in chunks(wanted, READ_BATCH):
            rows = self._select_in("read entities", "id", list(batch), cols)
            found.update((e.id, e) for e, _no in _entities_from_rows(rows, cited))
        return found

    def people(self, numbers: Iterable[int]) -> dict[int, RegistryEntity]:
        """Person entities by their number in the name index."""
        wanted = sorted({int(n) for n in numbers})
        found: dict[int, RegistryEntity] = {}
        for batch in chunks(wanted, READ_BATCH):
            rows = self._select_in("read people", "no", list(batch), _ENTITY_COLS)
            found.update((int(no), e) for e, no in _entities_from_rows(rows))
        return found

    def person_ids(self, numbers: Iterable[int]) -> dict[int, str]:
        """The ids of the people with these numbers in the name index (two columns read: cheap)."""
        wanted = sorted({int(n) for n in numbers})
        if not wanted:
            return {}
        sql = "SELECT no, id FROM entities WHERE no IN (SELECT unnest(?::BIGINT[]))"
        return {int(no): str(i) for no, i in self.db.query("read ids", sql, wanted)}

    def at_rows(self, rows: Iterable[int]) -> list[tuple[RegistryEntity, int | None, int]]:
        """``(entity, person number, row)`` for the entities at these row numbers (``rowid``).

        Read by row number (see ``tiescreen.ties.graph``), rows cost a quarter less than read
        by id (no join on the id strings).
        """
        wanted = sorted(set(rows))
        if not wanted:
            return []
        sql = f"SELECT {', '.join(_ENTITY_COLS)}, rowid, no FROM entities WHERE rowid IN (SELECT unnest(?::BIGINT[]))"
        out: list[tuple[RegistryEntity, int | None, int]] = []
        # One scan for all, its rows made entities batch by batch (a block's rows at once take memory).
        for found in self.db.stream("read rows", sql, wanted, size=ROWS_BATCH):
            decoded = _decode_all([r[3] for r in found])
            out.extend((_entity(row, data, False), row[-1], row[-2]) for row, data in zip(found, decoded, strict=True))
        return out

    def graph_rows(self) -> GraphRows | None:
        """The reference graph by row number: ``(rows, (numbers, their rows), (src, prop, dst), props)``.

        Only references between two entities, each once, with ``prop`` a code into ``props``.
        None unless the rows are numbered densely (no deleted rows, so a row keeps its number
        until the next ingest) and ids and person numbers are unique.
        """
        from tiescreen.store.columnar import fetch_arrow, number_column

        sql = "SELECT count(*), coalesce(max(rowid), -1), count(no), count(DISTINCT no) FROM entities"
        rows, last, numbered, numbers = (int(n) for n in self.db.query("load graph", sql)[0])
        if rows != last + 1 or numbered != numbers or rows >= 2**31:
            return None
        if int(self.db.query("load graph", "SELECT count(DISTINCT id) FROM entities")[0][0]) != rows:
            return None
        people = fetch_arrow(self.db, "load graph", "SELECT no, rowid AS at FROM entities WHERE no IS NOT NULL")
        props = tuple(str(r[0]) for r in self.db.query("load graph", "SELECT DISTINCT prop FROM refs ORDER BY prop"))
        refs = fetch_arrow(
            self.db,
            "load graph",
            # DISTINCT on the numbers, not the ids: the same with unique ids, and a third of the time
            """SELECT DISTINCT s.rowid AS src, list_position(?, r.prop) - 1 AS prop, d.rowid AS dst
            FROM refs r JOIN entities s ON s.id = r.src JOIN entities d ON d.id = r.dst""",
            list(props),
        )
        ends = (number_column(refs, "src"), number_column(refs, "prop"), number_column(refs, "dst"))
        return rows, (number_column(people, "no"), number_column(people, "at")), ends, props

    def _select_in(self, step: str, column: str, values: list[Any], names: Sequence[str]) -> list[tuple[Any, ...]]:
        cols = ", ".join(names)
        if len(values) <= 64:
            marks = ", ".join("?" * len(values))
            return self.db.query(step, f"SELECT {cols}, no FROM entities WHERE {column} IN ({marks})", *values)
        kind = "INTEGER" if column == "no" else "TEXT"
        sql = f"SELECT {cols}, no FROM entities WHERE {column} IN (SELECT unnest(?::{kind}[]))"
        return self.db.query(step, sql, values)

    def referring(self, ids: Iterable[str], props: Collection[str] | None = None) -> list[tuple[str, str, str]]:
        """``(src, prop, dst)`` for every reference pointing at one of ``ids`` (through ``props``, if given)."""
        wanted = sorted(set(ids))
        out: list[tuple[str, str, str]] = []
        for batch in chunks(wanted, READ_BATCH):
            if len(batch) <= 64:
                marks = ", ".join("?" * len(batch))
                rows = self.db.query(
                    "walk refs", f"SELECT DISTINCT src, prop, dst FROM refs WHERE dst IN ({marks})", *batch
                )
            else:
                sql = "SELECT DISTINCT src, prop, dst FROM refs WHERE dst IN (SELECT unnest(?::TEXT[]))"
                rows = self.db.query("walk refs", sql, list(batch))
            out.extend((str(r[0]), str(r[1]), str(r[2])) for r in rows if props is None or r[1] in props)
        return sorted(set(out))  # a fixed order, so the same run gives byte-identical output

    def count(self, schema: str | None = None) -> int:
        if schema:
            return int(self.db.query("count", "SELECT COUNT(*) FROM entities WHERE schema = ?", schema)[0][0])
        return int(self.db.query("count", "SELECT COUNT(*) FROM entities")[0][0])

    def people_count(self) -> int:
        return int(self.db.query("count", "SELECT COUNT(*) FROM entities WHERE no IS NOT NULL")[0][0])

    def name_counts(self, wkeys: Iterable[str]) -> dict[str, int]:
        """How many registry people have each word (by word key) in their names."""
        wanted = sorted(set(wkeys))
        if not wanted:
            return {}
        rows = self.db.query("name counts", "SELECT wkey, len(nos) FROM postings WHERE list_contains(?, wkey)", wanted)
        return {str(k): int(n) for k, n in rows}

    def name_index(
        self,
    ) -> tuple[KeyTable, dict[str, npt.NDArray[np.int64]], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """The name index as plain data: key -> word keys, word key -> people, traits masks and birth years.

        Read as whole columns (Arrow), with no Python object per key or person; each word's
        people are a view into one array.
        """
        from tiescreen.store.columnar import fetch_arrow, list_column, number_column

        words = fetch_arrow(self.db, "load index", "SELECT wkey FROM key_words ORDER BY id").column(0).to_pylist()
        pairs = fetch_arrow(self.db, "load index", "SELECT h, id FROM key_index")
        keys = KeyTable(number_column(pairs, "h", np.uint64), number_column(pairs, "id"), words)
        lists = fetch_arrow(self.db, "load index", "SELECT wkey, nos FROM postings")
        flat, offsets = list_column(lists, "nos")
        bounds = zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)
        postings = {w: flat[a:b] for w, (a, b) in zip(lists.column("wkey").to_pylist(), bounds, strict=True)}
        rows = self.db.columns(
            "load index", "SELECT no, coalesce(year, 0) AS year, initials, twice, fewest FROM person_index"
        )
        nos = np.asarray(rows["no"], dtype=np.int64)
        size = int(nos.max()) + 1 if len(nos) else 1
        masks = np.zeros(size, dtype=np.int64)
        years = np.zeros(size, dtype=np.int64)
        masks[nos] = pack(rows["initials"], rows["twice"], rows["fewest"])
        years[nos] = np.asarray(rows["year"], dtype=np.int64)
        return keys, postings, masks, years

    def scoring_records(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], bytes]:
        """Every person's scoring record: numbers (in no particular order), UTF-8 lengths, records joined.

        A record holds what the scorer reads of a person (see ``nameindex._RECORD``). Read on a
        cursor of its own: the warm-index load reads them while it reads the rest of the index.
        """
        from tiescreen.store.columnar import fetch_arrow, number_column, string_column

        table = fetch_arrow(self.db, "load index", "SELECT no, record FROM person_index", own_cursor=True)
        lengths, data = string_column(table, "record")
        return number_column(table, "no"), lengths, data


def _ticker(progress: Progress | None) -> Callable[[str], None]:
    done = 0

    def tick(step: str) -> None:
        nonlocal done
        if progress is not None:
            progress(min(done, len(_STEPS)), len(_STEPS))
        done += 1

    return tick


def _batched(items: Iterable[RegistryEntity], size: int) -> Iterable[list[RegistryEntity]]:
    batch: list[RegistryEntity] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _entity_row(source: str, e: RegistryEntity) -> tuple[object, ...]:
    p = e.provenance or Provenance(source, e.id)
    props = json.dumps({k: list(v) for k, v in e.properties.items()}, ensure_ascii=False)
    return (e.id, e.schema, e.caption, props, source, p.record, p.url, p.content_hash, p.loaded_at)


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


def _values(raw: Any) -> tuple[str, ...]:
    if type(raw) is list:  # the common case, as FtM writes it: non-blank strings, most often one
        if len(raw) == 1:
            if type(first := raw[0]) is str and first and not first[0].isspace():
                return (first,)
        elif all(type(v) is str and v and not v[0].isspace() for v in raw):
            return tuple(raw)
    items = raw if isinstance(raw, list) else [raw]
    return tuple(str(v) for v in items if isinstance(v, str | int | float) and str(v).strip())


def _entity_from_row(row: Sequence[Any]) -> RegistryEntity:
    props = row[3]
    return _entity(row, json.loads(props) if props else {}, cited=False)


def _entities_from_rows(rows: Sequence[Sequence[Any]], cited: bool = False) -> list[tuple[RegistryEntity, Any]]:
    """``(entity, no)`` for rows of ``_ENTITY_COLS`` (``_CITED_COLS`` when ``cited``) and ``no``."""
    decoded = _decode_all([r[3] for r in rows])
    return [(_entity(row, data, cited), row[-1]) for row, data in zip(rows, decoded, strict=True)]


def _decode_all(texts: Sequence[str | None]) -> list[Any]:
    """Each JSON text decoded (None or "" as {}), in one json.loads: a call per row costs more than the parse."""
    try:
        decoded = json.loads(f"[{','.join(t or '{}' for t in texts)}]")
    except ValueError:
        decoded = None
    if not isinstance(decoded, list) or len(decoded) != len(texts):  # some text is not one JSON value
        return [json.loads(t) if t else {} for t in texts]  # raises as a read of that row alone would
    return decoded


def _entity(row: Sequence[Any], data: Any, cited: bool) -> RegistryEntity:
    """The entity of a row of ``_ENTITY_COLS``, or of ``_CITED_COLS`` (no hash nor load time)."""
    entity_id, schema, caption, _props, source, record, url = row[:7]
    digest, loaded = (None, None) if cited else (row[7], row[8])
    return RegistryEntity(
        entity_id, schema, caption, _properties(data), Provenance(source, record, url, digest, loaded)
    )


def _properties(data: Any) -> dict[str, tuple[str, ...]]:
    """A row's decoded properties, each as :func:`_values` gives it."""
    if not isinstance(data, dict):
        return {}
    props: dict[str, tuple[str, ...]] = {}
    for k, v in data.items():
        # _values's commonest case inline (one non-blank string): a call per value costs more than the test
        if type(v) is list and len(v) == 1 and type(s := v[0]) is str and s and not s[0].isspace():
            props[k] = (s,)
        else:
            props[k] = _values(v)
    return props
