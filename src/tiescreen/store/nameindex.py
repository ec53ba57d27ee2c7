"""SQL that builds the graph and the name index of a source, shared by both ingest paths.

After a source's entities are in ``entities``, :func:`finish_source` fills ``refs`` (entity
references, for the tie walk), ``name_words`` (the words of every Person's names, split in
SQL), extends ``vocab``/``vocab_keys`` with the word keys of words never seen before (the
only step that runs Python, once per distinct word, on a thread beside the SQL), and rebuilds ``postings`` (word key ->
people), ``key_words``/``key_index`` (the blocking keys as sorted hashes, for the warm
index) and ``person_index`` (birth year, traits and scoring record per person).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from tiescreen.index.keys import SQL_WORD_SPLIT, word_blocking_keys, word_key
from tiescreen.model.entity import NAME_FORM_PROPS, SCORING_PROPS
from tiescreen.store.base import Backend
from tiescreen.store.columnar import insert_arrow

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["INDEX_DDL", "NAME_PROPS", "finish_source", "insert_refs", "rebuild_index", "rebuild_person_index"]

NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "firstName", "lastName", "fatherName", "middleName")
# Columns of short distinct texts (blocking keys, scoring records) are stored uncompressed:
# compressing them saves little, and the blocking keys' insert for a million people took
# 5.3 s compressed against 3.6 s.
_PERSON_INDEX_DDL = (
    "CREATE TABLE IF NOT EXISTS person_index (no INTEGER, year INTEGER, initials INTEGER, twice INTEGER, "
    "fewest INTEGER, record TEXT USING COMPRESSION uncompressed)"
)
INDEX_DDL = (
    "CREATE TABLE IF NOT EXISTS name_words (no INTEGER, raw TEXT, source TEXT)",
    "CREATE TABLE IF NOT EXISTS vocab (raw TEXT, wkey TEXT)",
    "CREATE TABLE IF NOT EXISTS vocab_keys (key TEXT USING COMPRESSION uncompressed, wkey TEXT, h UBIGINT)",
    "CREATE TABLE IF NOT EXISTS key_words (id INTEGER, wkey TEXT)",
    "CREATE TABLE IF NOT EXISTS key_index (h UBIGINT, id INTEGER)",
    "CREATE TABLE IF NOT EXISTS postings (wkey TEXT, nos INTEGER[])",
    _PERSON_INDEX_DDL,
)
# A person's scoring record: the values of each of SCORING_PROPS (joined by U+001E, the
# properties by U+001F, both removed from the values), then the caption when there is no name.
# Read per value (a lambda each) that costs seconds a million people; so the common case (every
# property a list of strings, no U+001E/U+001F, which JSON text can only carry escaped) is read
# through one typed json_transform (column ``s``) and joined without lambdas. The properties
# text is always written by json.dumps or DuckDB, so a string value shows as '":"' or '": "'.
_SEPARATED = (
    "array_to_string(list_transform({lists}, lambda l: array_to_string(list_transform(l, "
    "lambda v: regexp_replace(v, '[\x1e\x1f]', '', 'g')), chr(30))), chr(31))"
)
_ODD = (
    "contains(e.properties, '\\u001') OR contains(e.properties, chr(30)) OR contains(e.properties, chr(31)) "
    "OR contains(e.properties, '\":\"') OR contains(e.properties, '\": \"')"
)
_TYPED = "'{" + ", ".join(f'"{p}": ["VARCHAR"]' for p in SCORING_PROPS) + "}'"
_JOINED = " || chr(31) || ".join(f"coalesce(array_to_string(e.s.\"{p}\", chr(30)), '')" for p in SCORING_PROPS)
_RECORD = (
    f"CASE WHEN {_ODD} THEN {_SEPARATED} ELSE {_JOINED} END || chr(31) || "
    "CASE WHEN json_extract(e.properties, '$.name') IS NULL THEN coalesce(e.caption, '') ELSE '' END"
)
Step = Callable[[str], None]


def _entity_props() -> dict[str, list[str]]:
    from followthemoney import model

    out: dict[str, list[str]] = {}
    for schema in model.schemata.values():
        props = sorted(p.name for p in schema.properties.values() if p.type.name == "entity" and not p.stub)
        if props:
            out[schema.name] = props
    return out


def _lists(props: list[str] | tuple[str, ...]) -> str:
    """SQL: for each property, its values as a list (also when written as one string); one parse."""
    paths = ", ".join(f"'$.\"{p}\"'" for p in props)
    return (
        f"list_transform(json_extract(properties, [{paths}]), lambda x: CASE json_type(x) "
        "WHEN 'ARRAY' THEN CAST(json_transform(x, '[\"VARCHAR\"]') AS VARCHAR[]) "
        "WHEN 'VARCHAR' THEN [x->>'$'] ELSE CAST([] AS VARCHAR[]) END)"
    )


def insert_refs(db: Backend, source: str) -> None:
    """Fill ``refs`` with the entity references of a source's entities."""
    schemata = [r[0] for r in db.query("schemata", "SELECT DISTINCT schema FROM entities WHERE source = ?", source)]
    props = _entity_props()
    for schema in schemata:
        names = props.get(str(schema))
        if not names:
            continue
        db.query(
            "graph",
            f"""INSERT INTO refs SELECT src, prop, unnest(vals), $1 FROM (
                SELECT id AS src, unnest($2::VARCHAR[]) AS prop, unnest({_lists(names)}) AS vals
                FROM entities WHERE source = $1 AND schema = $3)""",
            source,
            names,
            schema,
        )


def _insert_name_words(db: Backend, source: str) -> None:
    split = SQL_WORD_SPLIT.replace("'", "''")
    db.query(
        "name words",
        f"""INSERT INTO name_words
        SELECT DISTINCT no, w, $1 FROM (
            SELECT no, unnest(regexp_split_to_array(v, '{split}')) AS w FROM (
                SELECT no, unnest(flatten({_lists(NAME_PROPS)})) AS v FROM entities WHERE source = $1 AND no IS NOT NULL
            )
        ) WHERE w <> ''""",
        source,
    )


def _extend_vocab(db: Backend, source: str) -> Future[pa.Table | None]:
    """Add the source's new words and their word keys; their blocking keys are computed aside.

    The blocking keys are the one step of the build that runs Python per word (seconds for
    a large vocabulary): a thread computes them while DuckDB builds the postings and the
    person index (which need only the word keys), and :func:`rebuild_index` waits for them.
    """
    rows = db.query(
        "new words",
        "SELECT DISTINCT raw FROM name_words WHERE source = ? AND raw NOT IN (SELECT raw FROM vocab)",
        source,
    )
    vocab = [(str(raw), word_key(raw)) for (raw,) in rows]
    db.insert("vocabulary", "vocab", ("raw", "wkey"), vocab)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tiescreen-keys")
    future = pool.submit(_key_table, vocab)
    pool.shutdown(wait=False)  # the thread ends with its one task
    return future


def _key_table(vocab: list[tuple[str, str | None]]) -> pa.Table | None:
    """Each word key and its blocking keys (each once) as an Arrow table, or None for no keys."""
    keys: dict[str, dict[str, None]] = {}
    for raw, wkey in vocab:
        if wkey is not None:
            keys.setdefault(wkey, {}).update(dict.fromkeys(word_blocking_keys(raw)))
    if not keys:
        return None
    import pyarrow as pa

    wkeys = pa.array(list(keys), pa.string())
    return pa.table({"wkey": wkeys, "keys": pa.array([list(k) for k in keys.values()], pa.list_(pa.string()))})


def _insert_keys(db: Backend, table: pa.Table) -> None:
    """Add ``(key, word key, key hash)`` rows: the Arrow list column unnested and hashed in SQL.

    The warm index finds keys by the hash, ``md5_number_lower`` (see tiescreen.index.keytable),
    computed as the upper half of ``md5_number``: the same number, five times faster here.
    """
    insert_arrow(
        db,
        "vocabulary",
        """INSERT INTO vocab_keys SELECT key, wkey, (md5_number(key) >> 64)::UBIGINT
        FROM (SELECT unnest(keys) AS key, wkey FROM _tiescreen_arrow)""",
        table,
    )


def rebuild_index(db: Backend, new_keys: Future[pa.Table | None] | None = None) -> None:
    """Rebuild the word postings and the per-person index over every source.

    ``new_keys`` (blocking keys of new words, being computed) are added to ``vocab_keys``
    once the postings and the person index are built, before the key index is.
    """
    _postings(db)
    _person_index(db)
    if new_keys is not None and (table := new_keys.result()) is not None:
        _insert_keys(db, table)
    _key_index(db)


def _postings(db: Backend) -> None:
    db.query("name index", "DELETE FROM postings")
    db.query(
        "name index",
        """INSERT INTO postings
        SELECT v.wkey, list_sort(list(DISTINCT nw.no)) FROM name_words nw JOIN vocab v USING (raw)
        WHERE v.wkey IS NOT NULL GROUP BY v.wkey""",
    )


def _key_index(db: Backend) -> None:
    db.query("name index", "DELETE FROM key_words")
    db.query(
        "name index",
        """INSERT INTO key_words
        SELECT row_number() OVER (ORDER BY wkey) - 1, wkey FROM (SELECT DISTINCT wkey FROM vocab_keys)""",
    )
    db.query("name index", "DELETE FROM key_index")
    db.query(
        "name index",
        """INSERT INTO key_index
        SELECT DISTINCT k.h, w.id FROM vocab_keys k JOIN key_words w USING (wkey) ORDER BY 1, 2""",
    )


def _words(value: str) -> str:
    """SQL: how many words a name value has, as :func:`~tiescreen.index.keys.split_words` splits it."""
    split = SQL_WORD_SPLIT.replace("'", "''")
    return f"len(list_filter(regexp_split_to_array({value}, '{split}'), lambda w: trim(w, '-''`') <> ''))"


def _filled(field: str) -> str:
    """SQL: whether a record's field holds a value that is not blank."""
    return f"(trim(replace({field}, chr(30), ' ')) <> '')"


# The fewest words of a person's name forms, from their scoring record's fields ``f`` (as
# RegistryEntity.names() forms them: the names and aliases, last name with first and father's
# names; the caption field, filled only without a name, when there is no other form). The
# forms made of name parts count a word a part: never more than they have, so the traits
# mask may only let more people through.
_FORM_FIELDS = 1 + NAME_FORM_PROPS.index("weakAlias")
_FIRST, _FATHER, _MIDDLE, _LAST = (
    1 + NAME_FORM_PROPS.index(p) for p in ("firstName", "fatherName", "middleName", "lastName")
)
_FORMS = (
    "list_filter(list_concat("
    f"list_transform(flatten(list_transform(f[1:{_FORM_FIELDS}], lambda x: string_split(x, chr(30)))), "
    f"lambda v: {_words('v')}), "
    f"CASE WHEN {_filled(f'f[{_LAST}]')} AND ({_filled(f'f[{_FIRST}]')} OR {_filled(f'f[{_FATHER}]')} "
    f"OR {_filled(f'f[{_MIDDLE}]')}) THEN [1 + {_filled(f'f[{_FIRST}]')}::INTEGER "
    f"+ ({_filled(f'f[{_FATHER}]')} OR {_filled(f'f[{_MIDDLE}]')})::INTEGER] ELSE [] END), lambda n: n > 0)"
)
_FEWEST = f"coalesce(list_min(CASE WHEN len(forms) > 0 THEN forms ELSE [{_words('f[-1]')}] END), 0)"


def _person_index(db: Backend) -> None:
    """Each person's birth year, traits (tiescreen.index.traits: the letters their name words
    start with, once and twice or more, and their fewest words a name form) and scoring record."""
    db.query("name index", "DELETE FROM person_index")
    db.query(
        "name index",
        f"""INSERT INTO person_index
        SELECT no, year, initials, twice, {_FEWEST}, record FROM (
            SELECT *, {_FORMS} AS forms FROM (
            SELECT *, string_split(record, chr(31)) AS f FROM (
                SELECT e.no, TRY_CAST(substr(e.s."birthDate"[1], 1, 4) AS INTEGER) AS year,
                       coalesce(m.once, 0) AS initials, coalesce(m.twice, 0) AS twice,
                       {_RECORD.format(lists=_lists(SCORING_PROPS))} AS record
                FROM (SELECT *, json_transform(properties, {_TYPED}) AS s FROM entities WHERE no IS NOT NULL) e
                LEFT JOIN (
                    SELECT no, bit_or(bit) AS once, bit_or(CASE WHEN n > 1 THEN bit ELSE 0 END) AS twice FROM (
                        SELECT nw.no, (1::INTEGER) << (ascii(v.wkey) % 31) AS bit, count(DISTINCT v.wkey) AS n
                        FROM name_words nw JOIN vocab v USING (raw) WHERE v.wkey IS NOT NULL GROUP BY ALL
                    ) GROUP BY no
                ) m USING (no)
                WHERE e.no IS NOT NULL
            )
        ))""",
    )


def rebuild_person_index(db: Backend) -> None:
    """The person index anew, in its current shape, from the store's entities and name words
    (a store of schema 3 upgraded in place; run again, after an interruption, it gives the same)."""
    db.query("upgrade", "DROP TABLE IF EXISTS person_index")
    db.query("upgrade", _PERSON_INDEX_DDL)
    _person_index(db)


def finish_source(db: Backend, source: str, step: Step | None = None, *, refs: bool = True) -> None:
    """Build the graph (unless ``refs`` is false: built already) and the name index of a loaded source."""
    say = step or (lambda _s: None)
    say("graph")
    if refs:
        insert_refs(db, source)
    say("name words")
    _insert_name_words(db, source)
    say("vocabulary")
    new_keys = _extend_vocab(db, source)
    say("name index")
    rebuild_index(db, new_keys)
