"""Measure the review app's /match and review page on the demo registry (in-process, after warm-up).

    .venv/bin/python bench/review_api.py [DIR]
    .venv/bin/python bench/review_api.py --leak-check [REQUESTS]

Prints the latency of one-name /match calls, a 12-query yente batch, and the review page of
a screened demo run. ``--leak-check`` instead sends REQUESTS (default 600) ``/match`` calls, 4 at
a time, to the app in this process over a generated 3,000-official registry, and prints the
process's RSS and the Python memory tracemalloc sees after each tenth, then the lines that
allocated the memory still held since the warm-up (a leak shows as a line that keeps growing).
"""

from __future__ import annotations

import asyncio
import csv
import statistics
import sys
import tempfile
import time
from dataclasses import replace
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


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def leak_check(folder: Path, requests: int, clients: int = 4) -> None:
    """Concurrent /match calls in-process: RSS and tracemalloc's view of what stays allocated."""
    import gc
    import random
    import tracemalloc

    from tiescreen.generate.registry import write_queries, write_registry

    write_registry(folder / "registry.ftm.json", 3000, seed=11)
    registry_db = folder / "registry.duckdb"
    with open_store(registry_db) as store:
        ingest_registry(store, folder / "registry.ftm.json")
    write_queries(folder / "queries.csv", folder / "truth.csv", 3000, 2000, seed=11)
    names = [row["name"] for row in csv.DictReader((folder / "queries.csv").open(encoding="utf-8"))]
    settings = ServeSettings(review_db=str(folder / "review.sqlite"), registry_db=registry_db)
    app = create_app(replace(settings, anonymous_role=Role.VIEWER))
    rng = random.Random(1)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b", timeout=600) as client:

        async def burst(count: int) -> None:
            async def one(name: str) -> None:
                response = await client.post("/match/default", json=_batch([name]))
                assert response.status_code == 200, response.text

            for start in range(0, count, clients):
                await asyncio.gather(*(one(rng.choice(names)) for _ in range(min(clients, count - start))))

        await burst(len(names))  # warm-up: every query name once
        gc.collect()
        say(f"after warm-up ({len(names)} requests): RSS {_rss_mb():.0f} MB")
        tracemalloc.start(10)
        before = tracemalloc.take_snapshot()
        step = max(clients, requests // 10)
        for done in range(step, requests + 1, step):
            await burst(step)
            gc.collect()
            held = tracemalloc.get_traced_memory()[0] / 1e6
            say(f"{done} requests: RSS {_rss_mb():.0f} MB, Python memory held since warm-up {held:.1f} MB")
        for stat in tracemalloc.take_snapshot().compare_to(before, "lineno")[:8]:
            say(f"  {stat}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--leak-check":
        count = int(sys.argv[2]) if len(sys.argv) > 2 else 600
        asyncio.run(leak_check(Path(tempfile.mkdtemp(prefix="tiescreen-leak-")), count))
    else:
        target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="tiescreen-bench-"))
        asyncio.run(main(target))
