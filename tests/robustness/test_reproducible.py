"""The same run over the same data versions gives byte-identical JSON lines.

Twice against one store (the second run finds the registry unchanged), and once against a
fresh store in another folder: the JSONL must not carry times, paths or run-specific ids.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tiescreen.generate.registry import write_queries, write_registry
from tiescreen.pipeline import screen
from tiescreen.report import render

_SCRIPT = Path(sys.executable).with_name("tiescreen")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "tiescreen"]
LOADED_AT = re.compile(rb'"loaded_at": "[^"]*"')


def _cli(cwd: Path, people: Path, registry: Path, db: Path) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "TIESCREEN_DEBUG"}
    args = ["screen", str(people), "--registry", str(registry), "--db", str(db), "--format", "jsonl"]
    proc = subprocess.run([*COMMAND, *args], cwd=cwd, capture_output=True, env=env, timeout=600, check=False)
    assert proc.returncode in (0, 3), proc.stderr.decode()
    return proc.stdout


def _screen(cwd: Path, people: Path, registry: Path, db: Path) -> bytes:
    """What ``tiescreen screen --format jsonl`` prints, in process (the CLI renders the same)."""
    return render(screen(people, [registry], db=db), "jsonl").encode("utf-8")


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes, bytes, Path]:
    tmp = tmp_path_factory.mktemp("repro")
    data = tmp / "data"
    data.mkdir()
    registry = data / "generated.ftm.json"
    write_registry(registry, 200, seed=5)
    people = data / "people.csv"
    write_queries(people, data / "truth.csv", 200, 40, seed=5)
    first_dir, second_dir = tmp / "a", tmp / "b"
    first_dir.mkdir()
    second_dir.mkdir()
    first = _screen(first_dir, people, registry, first_dir / "store.duckdb")
    again = _screen(first_dir, people, registry, first_dir / "store.duckdb")
    time.sleep(1.1)  # load times have a resolution of one second: make the second load's differ
    fresh = _screen(second_dir, people, registry, second_dir / "other.duckdb")
    assert first.count(b"\n") == 40
    assert b'"tied": true' in first  # the run found something, so the comparison means something
    return first, again, fresh, tmp


@pytest.mark.slow
def test_cli_jsonl_is_byte_identical_on_the_same_store(runs: tuple[bytes, bytes, bytes, Path]) -> None:
    first, _again, _fresh, tmp = runs
    data = tmp / "data"
    cli = [
        _cli(tmp / "a", data / "people.csv", data / "generated.ftm.json", tmp / "a" / "store.duckdb") for _ in (1, 2)
    ]
    assert cli[0] == cli[1] == first


def _canonical(jsonl: bytes) -> list[object]:
    """The JSONL without load times and with each match's ties in a fixed order."""
    rows = [json.loads(line) for line in LOADED_AT.sub(b'"loaded_at": ""', jsonl).splitlines()]
    for row in rows:
        for match in row["matches"]:
            match["ties"] = sorted(match["ties"], key=lambda t: json.dumps(t, sort_keys=True))
    return rows


def test_jsonl_is_byte_identical_on_the_same_store(runs: tuple[bytes, bytes, bytes, Path]) -> None:
    first, again, _fresh, _tmp = runs
    assert first == again


def test_jsonl_differs_only_in_tie_order_and_load_time(runs: tuple[bytes, bytes, bytes, Path]) -> None:
    first, again, fresh, tmp = runs
    assert _canonical(first) == _canonical(again) == _canonical(fresh)
    assert str(tmp).encode() not in first


def test_jsonl_is_byte_identical_on_a_fresh_store(runs: tuple[bytes, bytes, bytes, Path]) -> None:
    first, _again, fresh, _tmp = runs
    assert first == fresh
