"""Rows out of CSV, TSV and JSON-lines files, each with its location for error messages."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from tiescreen.ingest.reading import Problems, TextFile, nul_problem
from tiescreen.model.quickinit import quick_init

__all__ = ["Row", "detect_format", "read_rows"]

csv.field_size_limit(64 * 1024 * 1024)


@quick_init
@dataclass(frozen=True, slots=True)
class Row:
    """One input row: its 1-based number among data rows, where it is, and its cells."""

    number: int
    where: str
    cells: dict[str, str]


def detect_format(text: TextFile) -> str:
    """``"jsonl"``, ``"json"``, ``"csv"`` or ``"text"``, from the name and the first line."""
    name = text.path.lower()
    for ext, fmt in (
        (".jsonl", "jsonl"),
        (".ndjson", "jsonl"),
        (".csv", "csv"),
        (".tsv", "csv"),
        (".txt", "text"),
        (".json", "json"),
    ):
        if name.endswith(ext):
            if fmt == "json" and not text.text.lstrip().startswith("["):
                return "jsonl"
            return fmt
    first = text.text.lstrip()[:1]
    if first == "{":
        return "jsonl"
    if first == "[":
        return "json"
    head = text.text.split("\n", 1)[0]
    return "csv" if any(sep in head for sep in (",", ";", "\t")) else "text"


def read_rows(text: TextFile, problems: Problems, fmt: str | None = None) -> tuple[list[str], list[Row]]:
    """Read a table; returns the column names and the rows. Bad rows go to ``problems``."""
    fmt = fmt or detect_format(text)
    if fmt in ("jsonl", "json"):
        return _json_rows(text, problems, fmt)
    return _csv_rows(text, problems)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def _json_rows(text: TextFile, problems: Problems, fmt: str) -> tuple[list[str], list[Row]]:
    rows: list[Row] = []
    columns: dict[str, None] = {}
    items: list[tuple[str, Any]] = []
    if fmt == "json":
        try:
            data = json.loads(text.text)
        except (ValueError, RecursionError) as exc:  # ValueError: also numbers too long to convert
            problems.add(f"line {getattr(exc, 'lineno', 1)}", f"invalid JSON: {getattr(exc, 'msg', exc)}")
            return [], []
        items = [(f"item {i}", v) for i, v in enumerate(data if isinstance(data, list) else [data], 1)]
    else:
        for number, line in text.lines():
            if not line.strip():
                continue
            nul = nul_problem(line)
            if nul:
                problems.add(f"line {number}", nul)
                continue
            try:
                items.append((f"line {number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                problems.add(f"line {number}", f"invalid JSON: {exc.msg} at column {exc.colno}")
            except ValueError as exc:  # a number too long to convert
                problems.add(f"line {number}", f"invalid JSON: {exc}")
            except RecursionError:
                problems.add(f"line {number}", "JSON nested too deeply")
    for where, item in items:
        if not isinstance(item, dict):
            problems.add(where, "is not a JSON object")
            continue
        cells = {str(k): _cell(v) for k, v in item.items()}
        columns.update(dict.fromkeys(cells))
        rows.append(Row(len(rows) + 1, where, cells))
    return list(columns), rows


def _csv_rows(text: TextFile, problems: Problems) -> tuple[list[str], list[Row]]:
    body = text.text
    head = body.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=head.count)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        problems.add("line 1", f"no CSV header ({exc})" if str(exc) else "no CSV header")
        return [], []
    columns = [h.strip().lstrip("\ufeff") for h in header]
    rows: list[Row] = []
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.add(f"line {reader.line_num}", f"malformed CSV: {exc}")
            continue
        number += 1
        where = f"row {number} (line {reader.line_num})"
        if not any(c.strip() for c in cells):
            continue
        if any("\x00" in c for c in cells):
            problems.add(where, next(p for p in map(nul_problem, cells) if p))
            continue
        if len(cells) > len(columns):
            problems.add(
                where,
                f"has {len(cells)} cells but the header has {len(columns)} columns",
                "quote cells that contain the delimiter",
            )
            continue
        rows.append(Row(number, where, dict(zip(columns, cells, strict=False))))
    return columns, rows
