"""Measure the review app's /match and review page on the demo registry (in-process, after warm-up).

    .venv/bin/python bench/review_api.py [DIR]

Prints the latency of one-name /match calls, a 12-query yente batch, and the review page of
a screened demo run.
"""

from __future__ import annotations

import asyncio
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tiescreen.demo import write_demo
from tiescreen.ingest import ingest_registry
from tiescreen.review.auth import new_api_key
from tiescreen.review.model import Role, User
from tiescreen.store.decisions import DecisionStore
from tiescreen.store.registry import open_store
from tiescreen.web import ServeSettings, create_app


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def _timed(times: list[float], start: float) -> None:
    times.append((time.perf_counter() - start) * 1000)


async def main(folder: Path) -> None:
    files = write_demo(folder / "demo")
    registry_db = folder / "registry.duckdb"
    with open_store(registry_db) as store:
        report = ingest_registry(store, files.registry)
    say(report.summary())
    review = DecisionStore.open(folder / "review.sqlite")
    review.add_user("bench", Role.REVIEWER, None)
    key, digest = new_api_key()
    review.add_api_key(digest, "bench", None, None)
    app = create_app(ServeSettings(registry_db=registry_db), review)
    names = [row["name"] for row in csv.DictReader(files.people.open(encoding="utf-8"))]
    headers = {"Authorization": f"ApiKey {key}"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b", timeout=600) as client:
        start = time.perf_counter()
        await client.post("/match/default", json=_batch(names[:1]), headers=headers)
        say(f"first /match (loads name data): {time.perf_counter() - start:.1f} s")
        one: list[float] = []
        for name in names * 3:
            start = time.perf_counter()
            await client.post("/match/default", json=_batch([name]), headers=headers)
            _timed(one, start)
        batch: list[float] = []
        for _ in range(5):
            start = time.perf_counter()
            await client.post("/match/default", json=_batch(names), headers=headers)
            _timed(batch, start)
        svc = app.state.service
        run = svc.execute_run(
            svc.create_run(User("bench", Role.REVIEWER), title="bench", people_file=None), files.people
        )
        page: list[float] = []
        for _ in range(5):
            start = time.perf_counter()
            await client.get(f"/runs/{run.id}/candidates", headers=headers)
            _timed(page, start)
    say(f"/match, one name: median {statistics.median(one):.0f} ms over {len(one)} calls")
    say(f"/match, {len(names)}-query batch: median {statistics.median(batch):.0f} ms")
    say(f"/runs/ID/candidates ({svc.counts(run.id)['total']} candidates): median {statistics.median(page):.0f} ms")


def _batch(names: list[str]) -> dict[str, object]:
    return {"queries": {f"q{i}": {"schema": "Person", "properties": {"name": [n]}} for i, n in enumerate(names)}}


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="tiescreen-bench-"))
    asyncio.run(main(target))
