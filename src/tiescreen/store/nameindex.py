"""SQL that builds the graph and the name index of a source, shared by both ingest paths.

After a source's entities are in ``entities``, :func:`finish_source` fills ``refs`` (entity
references, for the tie walk), ``name_words`` (the words of every Person's names, split in
SQL), extends ``vocab``/``vocab_keys`` with the word keys of words never seen before (the
only step that runs Python, once per distinct word), and rebuilds ``postings`` (word key ->
people), ``key_words``/``key_index`` (the blocking keys as sorted hashes, for the warm
index) and ``person_index`` (birth year, initials and scoring record per person).
"""

from __future__ import annotations

from collections.abc import Callable

from tiescreen.index.keys import SQL_WORD_SPLIT, word_blocking_keys, word_key
from tiescreen.model.entity import SCORING_PROPS
from tiescreen.store.base import Backend

__all__ = ["INDEX_DDL", "NAME_PROPS", "finish_source", "insert_refs", "rebuild_index"]

NAME_PROPS = ("name", "alias", "previousName", "weakAlias", "firstName", "lastName", "fatherName", "middleName")
INDEX_DDL = (
    "CREATE TABLE IF NOT EXISTS name_words (no INTEGER, raw TEXT, source TEXT)",
    "CREATE TABLE IF NOT EXISTS vocab (raw TEXT, wkey TEXT)",
    "CREATE TABLE IF NOT EXISTS vocab_keys (key TEXT, wkey TEXT, h UBIGINT)",
    "CREATE TABLE IF NOT EXISTS key_words (id INTEGER, wkey TEXT)",
    "CREATE TABLE IF NOT EXISTS key_index (h UBIGINT, id INTEGER)",
    "CREATE TABLE IF NOT EXISTS postings (wkey TEXT, nos INTEGER[])",
    "CREATE TABLE IF NOT EXISTS person_index (no INTEGER, year INTEGER, initials INTEGER, record TEXT)",
)
# A person's scoring record: the values of each of SCORING_PROPS (joined by U+001E, the
# properties by U+001F, both removed from the values), then the caption when there is no name.
_RECORD = (
    "array_to_string(list_transform({lists}, lambda l: array_to_string(list_transform(l, "
    "lambda v: regexp_replace(v, '[\x1e\x1f]', '', 'g')), chr(30))), chr(31)) || chr(31) || "
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


def _extend_vocab(db: Backend, source: str) -> int:
    rows = db.query(
        "new words",
        "SELECT DISTINCT raw FROM name_words WHERE source = ? AND raw NOT IN (SELECT raw FROM vocab)",
        source,
    )
    vocab: list[tuple[str, str | None]] = []
    keys: dict[tuple[str, str], None] = {}
    for (raw,) in rows:
        wkey = word_key(raw)
        vocab.append((raw, wkey))
        if wkey is not None:
            for key in word_blocking_keys(raw):
                keys.setdefault((key, wkey), None)
    db.insert("vocabulary", "vocab", ("raw", "wkey"), vocab)
    db.insert("vocabulary", "vocab_keys", ("key", "wkey"), list(keys))
    # The warm index finds keys by this hash (see tiescreen.index.keytable); new keys only.
    db.query("vocabulary", "UPDATE vocab_keys SET h = md5_number_lower(key) WHERE h IS NULL")
    return len(vocab)


def rebuild_index(db: Backend) -> None:
    """Rebuild the word postings and the per-person index over every source."""
    db.query("name index", "DELETE FROM postings")
    db.query(
        "name index",
        """INSERT INTO postings
        SELECT v.wkey, list_sort(list(DISTINCT nw.no)) FROM name_words nw JOIN vocab v USING (raw)
        WHERE v.wkey IS NOT NULL GROUP BY v.wkey""",
    )
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
    db.query("name index", "DELETE FROM person_index")
    db.query(
        "name index",
        f"""INSERT INTO person_index
        SELECT e.no, TRY_CAST(substr(json_extract_string(e.properties, '$.birthDate[0]'), 1, 4) AS INTEGER),
               coalesce(m.mask, 0), {_RECORD.format(lists=_lists(SCORING_PROPS))}
        FROM entities e LEFT JOIN (
            SELECT nw.no, bit_or((1::INTEGER) << (ascii(v.wkey) % 31)) AS mask
            FROM name_words nw JOIN vocab v USING (raw) WHERE v.wkey IS NOT NULL GROUP BY nw.no
        ) m USING (no)
        WHERE e.no IS NOT NULL""",
    )


def finish_source(db: Backend, source: str, step: Step | None = None, *, refs: bool = True) -> None:
    """Build the graph (unless ``refs`` is false: built already) and the name index of a loaded source."""
    say = step or (lambda _s: None)
    say("graph")
    if refs:
        insert_refs(db, source)
    say("name words")
    _insert_name_words(db, source)
    say("vocabulary")
    _extend_vocab(db, source)
    say("name index")
    rebuild_index(db)
