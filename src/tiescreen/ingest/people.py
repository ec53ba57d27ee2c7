"""Read the people to screen: CSV (``name`` plus optional ``id``, ``birth_date``, ``region``,
``role``), JSON lines with the same keys, or a plain text file with one name per line."""

from __future__ import annotations

from pathlib import Path

from tiescreen.errors import InputError
from tiescreen.ingest.reading import Problems, TextFile, nul_problem, read_text
from tiescreen.ingest.rows import Row, detect_format, read_rows
from tiescreen.model import Query
from tiescreen.normalize.dates import parse_date
from tiescreen.normalize.text import clean_text

__all__ = ["people_from_text", "read_people"]

NAME_COLUMNS = ("name", "full_name", "fullname", "person", "фио", "имя")
MAX_NAME = 1000


def read_people(
    path: Path | str,
    *,
    skip_bad_rows: bool = False,
    encoding: str | None = None,
    problems: Problems | None = None,
) -> list[Query]:
    """Read a list of people to screen.

    Args:
        path: CSV, JSON lines or text file.
        skip_bad_rows: keep good rows and record bad ones in ``problems`` (else stop).
        encoding: read in this encoding instead of UTF-8/UTF-16.
        problems: collects the skipped rows' problems when given.

    Raises:
        InputError: missing or unreadable file, no name column, bad rows (unless skipped).
    """
    text = read_text(path, encoding)
    if problems is not None:
        problems.path, problems.skip = text.path, skip_bad_rows
    return people_from_text(text, skip_bad_rows=skip_bad_rows, problems=problems)


def people_from_text(text: TextFile, *, skip_bad_rows: bool = False, problems: Problems | None = None) -> list[Query]:
    problems = problems if problems is not None else Problems(text.path, skip=skip_bad_rows)
    fmt = detect_format(text)
    if fmt == "text":
        people = _from_lines(text, problems)
    else:
        columns, rows = read_rows(text, problems, fmt)
        name_col = _name_column(columns)
        if name_col is None:
            if not rows and not columns:
                problems.finish()
            found = ", ".join(repr(c) for c in columns[:12]) or "none"
            raise InputError.single(
                text.path,
                "header",
                f"has no 'name' column (columns found: {found})",
                "name the column with the people's names 'name'",
            )
        people = [q for q in (_query(row, name_col, problems) for row in rows) if q is not None]
    problems.finish()
    if not people:
        raise InputError.single(text.path, "", "has no people to screen (header only or every row bad)")
    return _unique_ids(people)


def _name_column(columns: list[str]) -> str | None:
    lowered = {c.strip().lower(): c for c in columns}
    for wanted in NAME_COLUMNS:
        if wanted in lowered:
            return lowered[wanted]
    return None


def _from_lines(text: TextFile, problems: Problems) -> list[Query]:
    people: list[Query] = []
    for number, line in text.lines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        nul = nul_problem(line)
        if nul:
            problems.add(f"line {number}", nul)
            continue
        if len(line) > 10 * MAX_NAME:  # not worth cleaning: it cannot become a usable name
            problems.add(f"line {number}", f"is {len(line)} characters long, more than a name can be")
            continue
        name = clean_text(line)
        unusable = _unusable(name)
        if unusable:
            problems.add(f"line {number}", unusable)
            continue
        people.append(Query(id=str(number), name=name, row=number))
    return people


def _unusable(name: str) -> str | None:
    """Why a cleaned name cannot be screened, or None when it can."""
    if not any(ch.isalpha() for ch in name):
        return "has no name (no letters)"
    if len(name) > MAX_NAME:
        return f"name is {len(name)} characters long, more than {MAX_NAME}"
    return None


_KNOWN = frozenset({"id", "birth_date", "birthdate", "region", "role"})  # columns a query reads itself


def _query(row: Row, name_col: str, problems: Problems) -> Query | None:
    lower = {k.strip().lower(): v for k, v in row.cells.items()}
    raw = row.cells.get(name_col, "")
    if len(raw) > 10 * MAX_NAME:  # not worth cleaning: it cannot become a usable name
        problems.add(f"{row.where}, column {name_col!r}", f"is {len(raw)} characters long, more than a name can be")
        return None
    name = clean_text(raw)
    unusable = _unusable(name)
    if unusable:
        problems.add(f"{row.where}, column {name_col!r}", unusable)
        return None
    birth = clean_text(lower.get("birth_date", "") or lower.get("birthdate", ""))
    if birth:
        try:
            birth = parse_date(birth)
        except ValueError as exc:
            problems.add(f"{row.where}, column 'birth_date'", str(exc), "use YYYY-MM-DD")
            return None
    name_key = name_col.strip().lower()
    extra = {k: v for k, v in lower.items() if v and k not in _KNOWN and k != name_key}
    region, role = lower.get("region"), lower.get("role")
    return Query(
        clean_text(lower.get("id", "")) or str(row.number),
        name,
        birth or None,
        (region and clean_text(region)) or None,  # (most lists have no region or role: no call)
        (role and clean_text(role)) or None,
        row.number,
        extra,
    )


def _unique_ids(people: list[Query]) -> list[Query]:
    """Keep ids unique: a repeated id gets ``#row`` appended, so results stay addressable."""
    seen: set[str] = set()
    out: list[Query] = []
    for q in people:
        if q.id in seen:
            q = Query(f"{q.id}#{q.row}", q.name, q.birth_date, q.region, q.role, q.row, q.extra)
        seen.add(q.id)
        out.append(q)
    return out
