"""Run one corpus file through one reader and classify what happened.

An outcome is ``ok`` (read, with a count), ``rejected`` (a TiescreenError, whose message is
kept) or ``crash`` (any other exception, with its traceback). The readers are the public ones:
:func:`tiescreen.ingest.people.read_people`, :func:`tiescreen.ingest.ingest_registry` into a
store from :func:`tiescreen.store.open_store`, and ``tiescreen score-pairs`` through click.
"""

from __future__ import annotations

import csv
import io
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from tests.robustness.corpus import Case
from tiescreen.cli import cli
from tiescreen.errors import TiescreenError
from tiescreen.ingest import ingest_registry
from tiescreen.ingest.people import read_people
from tiescreen.store import RegistryStore

__all__ = ["READERS", "Outcome", "read_pairs", "read_people_file", "read_registry"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a reader made of a file."""

    status: str  # ok | rejected | crash
    count: int = 0
    message: str = ""


Reader = Callable[[Case, Path, bool, RegistryStore], int]


def read_people_file(case: Case, path: Path, skip: bool, store: RegistryStore) -> int:
    return len(read_people(path, skip_bad_rows=skip, encoding=case.encoding))


def read_registry(case: Case, path: Path, skip: bool, store: RegistryStore) -> int:
    name = f"{path.name}-{'skip' if skip else 'strict'}"
    report = ingest_registry(store, path, name=name, skip_bad_rows=skip, encoding=case.encoding)
    return report.source.records


def read_pairs(case: Case, path: Path, skip: bool, store: RegistryStore) -> int:
    """``tiescreen score-pairs`` in process; TIESCREEN_DEBUG lets unexpected errors through."""
    args = ["score-pairs", str(path), *(["--skip-bad-rows"] if skip else [])]
    args += ["--encoding", case.encoding] if case.encoding else []
    result = CliRunner().invoke(cli, args, env={"TIESCREEN_DEBUG": "1"}, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    if result.exit_code != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        if result.exit_code != 1 or not lines or not lines[0].startswith("Error: "):
            raise AssertionError(f"exit {result.exit_code}, stderr {result.stderr[:500]!r}")
        raise TiescreenError(result.stderr.strip().removeprefix("Error: "))
    table = list(csv.reader(io.StringIO(result.stdout)))
    if not table or table[0][-2:] != ["score", "match"]:
        raise AssertionError(f"score-pairs wrote no score/match header: {result.stdout[:200]!r}")
    for row in table[1:]:
        if not 0.0 <= float(row[-2]) <= 1.0 or row[-1] not in ("true", "false"):
            raise AssertionError(f"score-pairs wrote a bad score row {row!r}")
    return len(table) - 1


READERS: dict[str, Reader] = {"people": read_people_file, "registry": read_registry, "pairs": read_pairs}


def run(reader: str, case: Case, path: Path, skip: bool, store: RegistryStore) -> Outcome:
    """One reader on one file; never raises."""
    try:
        return Outcome("ok", READERS[reader](case, path, skip, store))
    except TiescreenError as err:
        return Outcome("rejected", message=str(err))
    except Exception:
        return Outcome("crash", message=traceback.format_exc())
