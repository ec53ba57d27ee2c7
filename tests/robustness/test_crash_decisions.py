"""Crash safety of the review store: 8 writers append decisions at once and are SIGKILLed.

A decision counts as acknowledged once ``DecisionStore.append`` has returned it (the writer
prints its id then). After every kill the store must open, answer queries, and hold every
acknowledged decision, unchanged; ids stay unique. Uses the store's public interface only.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")

from tiescreen.review.model import Role
from tiescreen.store.decisions import DecisionStore

WRITERS = 8

WRITER = """
import sys
from tiescreen.review.model import NewDecision, Verdict
from tiescreen.store.decisions import DecisionStore

store = DecisionStore.open(sys.argv[1])
writer = sys.argv[2]
verdicts = [Verdict.CONFIRM, Verdict.REJECT, Verdict.UNSURE]
print("ready", flush=True)
for k in range(100000):
    note = f"{writer}-{k}"
    new = NewDecision(f"q{k % 7}", "Шигина Олеся", f"e-{k % 5}", "sha256:x", verdicts[k % 3], note, "rev", "run-1")
    done = store.append([new])[0]
    print(f"ack {done.id} {note}", flush=True)
"""


def _writer(db: Path, name: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), name], stdout=subprocess.PIPE, text=True)


def _kill(proc: subprocess.Popen[str]) -> dict[int, str]:
    """SIGKILL one writer; return what it acknowledged (id -> note)."""
    proc.send_signal(signal.SIGKILL)
    out, _err = proc.communicate(timeout=60)
    acked: dict[int, str] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "ack":  # a line cut by the kill is not an acknowledgement
            acked[int(parts[1])] = parts[2]
    return acked


def _verify(db: Path, acked: dict[int, str], figures: dict[str, int]) -> None:
    store = DecisionStore.open(db)  # must open after the kill
    try:
        found = {d.id: d.note for d in store.decisions(limit=10_000_000)}
    finally:
        store.close()
    figures["lost"] += sum(1 for i in acked if i not in found)
    figures["changed"] += sum(1 for i, note in acked.items() if i in found and found[i] != note)


def _kills(db: Path, kills: int, seed: int) -> dict[str, int]:
    """8 writers at all times; SIGKILL a random one ``kills`` times, checking the store after each."""
    store = DecisionStore.open(db)
    store.add_user("rev", Role.REVIEWER, None)
    store.close()
    rng = random.Random(seed)
    figures = {"kills": 0, "acknowledged": 0, "lost": 0, "changed": 0, "duplicate_ids": 0}
    acked: dict[int, str] = {}
    procs = [_writer(db, f"w{i}") for i in range(WRITERS)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for k in range(kills):
        time.sleep(rng.uniform(0.05, 0.6))
        victim = rng.randrange(WRITERS)
        got = _kill(procs[victim])
        figures["duplicate_ids"] += len(set(got) & set(acked))
        acked.update(got)
        figures["kills"] += 1
        _verify(db, acked, figures)
        procs[victim] = _writer(db, f"r{k}")  # killed again later, possibly while it starts
    for proc in procs:
        acked.update(_kill(proc))
    _verify(db, acked, figures)
    figures["acknowledged"] = len(acked)
    return figures


def test_sigkill_of_8_concurrent_writers_loses_no_acknowledged_decision(tmp_path: Path) -> None:
    figures = _kills(tmp_path / "review.sqlite", kills=6, seed=1)
    print(f"decisions SIGKILL: {figures}")  # noqa: T201
    assert figures["acknowledged"] > 0
    assert figures["lost"] == figures["changed"] == figures["duplicate_ids"] == 0


@pytest.mark.slow
def test_sigkill_of_8_concurrent_writers_100_points(tmp_path: Path) -> None:
    figures = _kills(tmp_path / "review.sqlite", kills=100, seed=2)
    print(f"decisions SIGKILL x100: {figures}")  # noqa: T201
    assert figures["lost"] == figures["changed"] == figures["duplicate_ids"] == 0
