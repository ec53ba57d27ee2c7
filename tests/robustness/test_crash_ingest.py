"""Crash safety of ingest: SIGKILL `tiescreen ingest` at random points, then reopen the store.

The promise tested is the behaviour, not the implementation: after a kill at any moment the
store opens, answers queries, the sources loaded before are intact, and the source being
loaded is either as it was before (absent, or its previous version) or complete.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tiescreen.generate.registry import write_registry
from tiescreen.pipeline import screen
from tiescreen.store import open_store

_SCRIPT = Path(sys.executable).with_name("tiescreen")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "tiescreen"]

BASE = [
    {"id": "base-p1", "schema": "Person", "properties": {"name": ["Шигина Олеся Владимировна"]}},
    {"id": "base-b1", "schema": "PublicBody", "properties": {"name": ["Совет депутатов округа Отрадное"]}},
    {"id": "base-pos1", "schema": "Position", "properties": {"name": ["Депутат"], "organization": ["base-b1"]}},
    {"id": "base-occ1", "schema": "Occupancy", "properties": {"holder": ["base-p1"], "post": ["base-pos1"]}},
]


@dataclass(frozen=True)
class Version:
    path: Path
    entities: int  # what a complete, uninterrupted ingest leaves in a fresh store
    seconds: float


def _ingest(db: Path, registry: Path, name: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "TIESCREEN_DEBUG"}
    return subprocess.Popen(
        [*COMMAND, "ingest", str(registry), "--name", name, "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def _full_run(tmp: Path, registry: Path) -> Version:
    db = tmp / f"reference-{registry.stem}.duckdb"
    start = time.monotonic()
    proc = _ingest(db, registry, "reg")
    _out, err = proc.communicate(timeout=600)
    seconds = time.monotonic() - start
    assert proc.returncode == 0, err.decode()
    with open_store(db, read_only=True) as store:
        return Version(registry, store.count(), seconds)


def _state(db: Path) -> tuple[int, dict[str, tuple[str, int]]]:
    """Total entities and each source's (content hash, records); fails if the store is broken."""
    with open_store(db) as store:
        total = store.count()
        sources = {s.name: (s.content_hash, s.records) for s in store.sources()}
    return total, sources


def _check_queries(db: Path) -> None:
    result = screen(["Шигина Олеся Владимировна"], db=db)
    assert result.people[0].matches, "the base source no longer answers"
    assert result.people[0].matches[0].entity_id == "base-p1"


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Version, Version, int]:
    tmp = tmp_path_factory.mktemp("crash")
    base = tmp / "base.ftm.json"
    base.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in BASE), encoding="utf-8")
    small, big = tmp / "reg-v1.ftm.json", tmp / "reg-v2.ftm.json"
    write_registry(small, 500, seed=3)
    write_registry(big, 1500, seed=3)
    return base, _full_run(tmp, small), _full_run(tmp, big), len(BASE)


def _kill_rounds(tmp: Path, versions: tuple[Path, Version, Version, int], rounds: int, seed: int) -> dict[str, int]:
    base, v1, v2, base_count = versions
    db = tmp / "store.duckdb"
    proc = _ingest(db, base, "base")
    assert proc.wait(timeout=300) == 0
    rng = random.Random(seed)
    figures = {"rounds": 0, "killed": 0, "kept_previous": 0, "complete": 0, "absent": 0, "corrupted": 0}
    current: Version | None = None  # the version of "reg" the store holds
    for i in range(rounds):
        target = v2 if current is v1 else v1
        name = "reg" if i % 4 else f"fresh{i}"  # every fourth round loads a source that did not exist
        proc = _ingest(db, target.path, name)
        time.sleep(rng.uniform(0.0, target.seconds * 1.1))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            figures["killed"] += 1
        proc.wait(timeout=300)
        try:
            total, sources = _state(db)
        except Exception as exc:  # a corrupted store is the failure this test exists for
            figures["corrupted"] += 1
            raise AssertionError(f"round {i}: store does not open after SIGKILL: {exc}") from exc
        assert sources["base"][1] == base_count
        loaded = sources.get(name)
        if name != "reg":
            assert loaded is None or loaded[1] == target.entities, (i, loaded, target)
            figures["absent" if loaded is None else "complete"] += 1
        else:
            before = current
            after = {v1.entities: v1, v2.entities: v2}.get(loaded[1]) if loaded else None
            assert (loaded is None and before is None) or after is not None, (i, loaded)
            assert after in (before, target), (i, before, after)
            figures["complete" if after is target else "kept_previous"] += 1
            current = after
        fresh = sum(records for source, (_h, records) in sources.items() if source.startswith("fresh"))
        assert total <= base_count + (current.entities if current else 0) + fresh
        figures["rounds"] += 1
    _check_queries(db)
    return figures


def test_sigkill_during_ingest_never_corrupts_the_store(
    tmp_path: Path, versions: tuple[Path, Version, Version, int]
) -> None:
    figures = _kill_rounds(tmp_path, versions, rounds=4, seed=1)
    print(f"ingest SIGKILL: {figures}")  # noqa: T201
    assert figures["corrupted"] == 0
    assert figures["killed"] >= 1


@pytest.mark.slow
def test_sigkill_during_ingest_100_points(tmp_path: Path, versions: tuple[Path, Version, Version, int]) -> None:
    figures = _kill_rounds(tmp_path, versions, rounds=100, seed=2)
    print(f"ingest SIGKILL x100: {figures}")  # noqa: T201
    assert figures["corrupted"] == 0
    assert figures["killed"] >= 50
