"""Bulk loading of FtM JSON lines: DuckDB reads, checks and inserts; Python never holds the file.

The file is read by DuckDB's CSV reader as one text column per line, in streaming passes:
one numbers the lines that may hold a person (one thread, no JSON parsed), one inserts the
good lines (on every core, each line parsed once by a multi-path ``json_extract``), and only
when some line was not loaded, one finds the bad lines with their line numbers and the same
rules and messages as the row-by-row reader. Runs inside the caller's transaction: an
interrupted load leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tiescreen.store.base import Backend

if TYPE_CHECKING:
    from tiescreen.ingest.reading import Problems

__all__ = ["MAX_PROBLEMS", "all_loaded", "count_lines", "insert_lines", "line_of", "problems_of"]

MAX_PROBLEMS = 10_000
_DELIM = "\x01"  # never valid unescaped inside JSON, so a line is never split
_PATHS = (
    "$.id",
    "$.schema",
    "$.caption",
    "$.properties",
    "$.properties.name[0]",
    "$.properties.lastName[0]",
    "$.properties.title[0]",
    "$.properties.role[0]",
    "$.properties.relationship[0]",
    "$.properties.sourceUrl[0]",
)


def _schemata() -> list[str]:
    from followthemoney import model

    return sorted(model.schemata)


def _read(path: Path | str) -> str:
    """SQL: the file's lines as rows of one column ``raw``, in parallel, in the file's order."""
    location = str(path).replace("'", "''")
    return f"""read_csv('{location}', columns = {{'raw': 'VARCHAR'}}, delim = '{_DELIM}', quote = '', escape = '',
                      header = false, auto_detect = false, max_line_size = 100000000)"""


def _lines(path: Path | str) -> str:
    """SQL: the file's lines with their numbers (a window over the whole file: one thread reads)."""
    return f"(SELECT row_number() OVER () AS line, raw FROM {_read(path)})"


def _parsed(path: Path | str) -> str:
    paths = ", ".join(f"'{p}'" for p in _PATHS)
    return f"""(SELECT line, ok, CASE WHEN ok THEN json_type(raw) END AS jtype,
               CASE WHEN ok AND json_type(raw) = 'OBJECT' THEN json_extract(raw, [{paths}]) END AS p
        FROM (SELECT line, raw, json_valid(raw) AS ok FROM {_lines(path)} WHERE raw IS NOT NULL AND trim(raw) <> ''))"""


def _extracted(path: Path | str) -> str:
    """Each line parsed once: the paths, or NULL for invalid JSON (a JSON non-object has no id).

    With the hash of the line's text (``h``), not its number (see :func:`insert_lines`). The
    one-element ``unnest`` keeps the optimiser from copying the extraction into the filter
    above it (which parsed every line twice).
    """
    paths = ", ".join(f"'{p}'" for p in _PATHS)
    return f"""(SELECT unnest([CASE WHEN json_valid(raw) THEN json_extract(raw, [{paths}]) END]) AS p, hash(raw) AS h
        FROM {_read(path)} WHERE raw IS NOT NULL AND trim(raw) <> '')"""


_GOOD = """jtype = 'OBJECT' AND coalesce(p[1]->>'$', '') <> '' AND list_contains($schemata, p[2]->>'$')
    AND coalesce(json_type(p[4]), 'OBJECT') = 'OBJECT'"""
_KEEP = _GOOD.removeprefix("jtype = 'OBJECT' AND ")  # the same lines: only an object has an id


def count_lines(db: Backend, path: Path | str) -> int:
    """How many non-empty lines the file has (a pass without JSON parsing)."""
    sql = f"SELECT count(*) FROM {_read(path)} WHERE raw IS NOT NULL AND trim(raw) <> ''"
    return int(db.query("count lines", sql)[0][0])


def _physical_lines(path: Path | str) -> int | None:
    """Lines split at ``\\n`` alone, or None when the file has a carriage return (DuckDB splits there too)."""
    lines, last = 0, b"\n"
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 23), b""):
            if b"\r" in block:
                return None
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + int(last != b"\n")


def all_loaded(db: Backend, path: Path | str, loaded: int) -> bool:
    """Whether every non-empty line of the file was loaded (a byte count first, a SQL pass if unsure)."""
    if loaded == _physical_lines(path):  # never more non-empty lines than lines: none was bad
        return True
    return loaded == count_lines(db, path)


def problems_of(db: Backend, path: Path | str, problems: Problems) -> None:
    """Record every bad line of the file (invalid JSON, no id, unknown schema) in ``problems``."""
    rows = db.query(
        "check file",
        f"""SELECT line, jtype, p[1]->>'$', p[2]->>'$', json_type(p[4]) FROM {_parsed(path)}
        WHERE NOT ({_GOOD.replace("$schemata", "$1")}) OR jtype IS NULL ORDER BY line LIMIT {MAX_PROBLEMS}""",
        _schemata(),
    )
    for line, jtype, entity_id, schema, ptype in rows:
        where = f"line {line}"
        if jtype is None:
            problems.add(where, "invalid JSON")
        elif jtype != "OBJECT":
            problems.add(where, "is not a JSON object (an FtM entity)")
        elif not entity_id:
            problems.add(where, "entity has no 'id'")
        elif ptype not in (None, "OBJECT"):
            problems.add(where, f"entity {entity_id!r}: 'properties' is not an object")
        else:
            problems.add(
                where,
                f"entity {entity_id!r} has unknown schema {schema!r}",
                "use a FollowTheMoney schema such as Person, Occupancy, Position",
            )


def insert_lines(
    db: Backend, path: Path | str, source: str, url: str | None, digest: str, loaded_at: str, base: int
) -> int:
    """Insert the good lines of the file as the source's entities; returns how many.

    A person's number is ``base`` and their line. The insert reads, parses and writes the
    lines in parallel, in no fixed order, so the line numbers come from a pass of their own
    (:func:`_person_lines`): numbering the lines in the insert itself would make one thread
    do all of it (a third longer). The insert finds a person's line by the hash of its text;
    should that leave a person without a number (a schema written with escapes) or give two
    people one (two lines of one hash), the people are numbered again by their ids
    (:func:`_number_people`). A line repeated word for word gives its people one number, as
    the merge of their ids would anyway.
    """
    _person_lines(db, path)
    db.query(
        "insert entities",
        f"""INSERT INTO entities
        SELECT p[1]->>'$', p[2]->>'$',
               coalesce(p[3]->>'$', p[5]->>'$', p[6]->>'$', p[7]->>'$', p[8]->>'$', p[9]->>'$', p[2]->>'$'),
               coalesce(CAST(p[4] AS VARCHAR), '{{}}'), $2, p[1]->>'$', coalesce(p[10]->>'$', $3), $4, $5,
               CASE WHEN p[2]->>'$' = 'Person' THEN coalesce($6 + l.line, 0) END
        FROM {_extracted(path)} x LEFT JOIN {_PERSON_LINES} l ON x.h = l.h WHERE {_KEEP.replace("$schemata", "$1")}""",
        _schemata(),
        source,
        url,
        digest,
        loaded_at,
        base,
    )
    db.query("insert entities", f"DROP TABLE {_PERSON_LINES}")
    rows, unnumbered = db.query(
        "number people", "SELECT count(*), count(*) FILTER (WHERE no = 0) FROM entities WHERE source = ?", source
    )[0]
    shared = db.query(
        "number people",
        """SELECT count(*) FROM (SELECT no FROM entities WHERE source = ? AND no IS NOT NULL
        GROUP BY no HAVING count(DISTINCT id) > 1)""",
        source,
    )[0][0]
    if unnumbered or shared:
        _number_people(db, path, source, base)
    return int(rows)


_PERSON_LINES = "_tiescreen_person_lines"


def _person_lines(db: Backend, path: Path | str) -> None:
    """A temporary table of the lines that may hold a person: the hash of each text, its first line."""
    db.query(
        "number people",
        f"""CREATE OR REPLACE TEMPORARY TABLE {_PERSON_LINES} AS
        SELECT hash(raw) AS h, min(line) AS line FROM {_lines(path)} WHERE contains(raw, 'Person') GROUP BY h""",
    )


def _number_people(db: Backend, path: Path | str, source: str, base: int) -> None:
    """Number the source's people ``base`` and their line, found by their ids (every line parsed)."""
    db.query(
        "number people",
        f"""UPDATE entities SET no = n.no FROM (
            SELECT id, $1 + min(line) AS no FROM (
                SELECT line, json_extract_string(raw, '$.id') AS id, json_extract_string(raw, '$.schema') AS schema
                FROM {_lines(path)} WHERE json_valid(raw)
            ) WHERE schema = 'Person' GROUP BY id
        ) n WHERE entities.id = n.id AND entities.source = $2 AND entities.no IS NOT NULL""",
        base,
        source,
    )


def line_of(db: Backend, path: Path | str, ids: list[str]) -> dict[str, int]:
    """The first line of each of ``ids`` in the file."""
    if not ids:
        return {}
    rows = db.query(
        "lines",
        f"""SELECT id, min(line) FROM (SELECT line, raw->>'$.id' AS id FROM {_lines(path)}
        WHERE raw IS NOT NULL AND json_valid(raw)) WHERE list_contains(?, id) GROUP BY id""",
        ids,
    )
    return {str(i): int(n) for i, n in rows}
