"""8 reviewers deciding on the same run at once through the HTTP API: nothing is lost.

Each reviewer has an API key and posts decisions on the same candidates concurrently (the app
runs its endpoints in a thread pool over the SQLite review store). Every decision answered
201 must be in the log with its verdict and author; no request may fail with a 5xx.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

import httpx

from tiescreen.ingest import ingest_registry
from tiescreen.review.auth import new_api_key
from tiescreen.review.model import Role
from tiescreen.store.decisions import DecisionStore
from tiescreen.store.registry import open_store
from tiescreen.web import ServeSettings, create_app

REVIEWERS = 8
DECISIONS_EACH = 12


def _client(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver", timeout=60)


async def _run(client: httpx.AsyncClient, key: str) -> str:
    people = ["Olesya Shigina", "TASOOL Irina", "Anna Shigina"]
    response = await client.post("/runs", json={"people": people, "title": "load"}, headers={"X-API-Key": key})
    assert response.status_code == 202, response.text
    run_id = str(response.json()["id"])
    for _ in range(400):
        run = (await client.get(f"/runs/{run_id}", headers={"X-API-Key": key})).json()
        if run["status"] != "running":
            break
        await asyncio.sleep(0.05)
    assert run["status"] == "done", run
    return run_id


async def _reviewer(app: Any, key: str, run_id: str, candidates: list[dict[str, Any]], seed: int) -> list[Any]:
    rng = random.Random(seed)
    answers: list[Any] = []
    async with _client(app) as client:
        for _ in range(DECISIONS_EACH):
            c = rng.choice(candidates)
            body = {"run_id": run_id, "person_idx": c["person_idx"], "entity_id": c["entity_id"],
                    "verdict": rng.choice(["confirm", "reject", "unsure"]), "note": f"seed {seed}"}  # fmt: skip
            response = await client.post("/decisions", json=body, headers={"X-API-Key": key})
            answers.append((response.status_code, response.json() if response.content else None))
    return answers


async def _scenario(app: Any, keys: list[str]) -> tuple[list[Any], list[dict[str, Any]]]:
    async with _client(app) as client:
        run_id = await _run(client, keys[0])
        candidates = (await client.get(f"/runs/{run_id}/candidates", headers={"X-API-Key": keys[0]})).json()
        assert candidates, "the run has no candidates to decide on"
        jobs = [_reviewer(app, key, run_id, candidates, seed) for seed, key in enumerate(keys)]
        answers = [a for batch in await asyncio.gather(*jobs) for a in batch]
        params = {"run_id": run_id, "limit": 10_000}
        log = (await client.get("/decisions", params=params, headers={"X-API-Key": keys[0]})).json()
    return answers, log


def test_8_reviewers_at_once_lose_no_decision(tmp_path: Path, peps: Path) -> None:
    registry = tmp_path / "registry.duckdb"
    with open_store(registry) as s:
        ingest_registry(s, peps)
    store = DecisionStore.open(tmp_path / "review.sqlite")
    keys = []
    for i in range(REVIEWERS):
        store.add_user(f"rev{i}", Role.REVIEWER, None)
        key, digest = new_api_key()
        store.add_api_key(digest, f"rev{i}", None, None)
        keys.append(key)
    app = create_app(ServeSettings(review_db=":unused:", registry_db=registry), store)
    try:
        answers, log = asyncio.run(_scenario(app, keys))
    finally:
        store.close()
    codes = [code for code, _ in answers]
    assert all(code in (201, 409) for code in codes), codes
    made = {d["id"]: d for code, d in answers if code == 201}
    in_log = {d["id"]: d for d in log}
    lost = [i for i in made if i not in in_log]
    changed = [
        i
        for i, d in made.items()
        if i in in_log and (in_log[i]["verdict"], in_log[i]["user"]) != (d["verdict"], d["user"])
    ]
    superseded = [d["supersedes"] for d in log if d["supersedes"] is not None]
    forks = len(superseded) - len(set(superseded))
    print(  # noqa: T201
        f"8 reviewers: {len(answers)} requests, {len(made)} decisions (201), {codes.count(409)} conflicts (409), "
        f"{len(lost)} lost, {forks} decisions superseding an already superseded one"
    )
    assert len(answers) == REVIEWERS * DECISIONS_EACH
    assert not lost and not changed
