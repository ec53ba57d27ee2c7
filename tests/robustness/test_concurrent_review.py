"""8 reviewers deciding on the same run at once through the HTTP API: nothing is lost, races are 409s.

Each reviewer has an API key. The app runs its endpoints in a thread pool, so requests sent
together reach the review store at the same moment. Two scenarios, on SQLite (WAL) and on
PostgreSQL (when TIESCREEN_TEST_PG is set):

- optimistic concurrency: the 8 reviewers decide the same candidate at once, each sending
  the decision id it saw (``expected_decision_id``). In every round exactly one wins (201);
  the 7 others get 409 with the winner's decision as ``current``; the log holds every winner,
  each superseding the previous one.
- old clients (no ``expected_decision_id``): every decision lands (201), none is lost or
  changed, and the log stays a chain (no two decisions supersede the same one).

``-m slow`` runs the first scenario again through a real ``tiescreen serve`` on 127.0.0.1
with 8 client processes released together by a barrier.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

import httpx

from tests.store.test_decisions import BACKENDS, pg_schema_url
from tiescreen.ingest import ingest_registry
from tiescreen.review.auth import new_api_key
from tiescreen.review.model import Role
from tiescreen.store.decisions import DecisionStore
from tiescreen.store.registry import open_store
from tiescreen.web import ServeSettings, create_app

REVIEWERS = 8
DECISIONS_EACH = 12
ROUNDS = int(os.environ.get("TIESCREEN_CONFLICT_ROUNDS", "4"))  # 100 for the figure in docs/reliability.md
VERDICTS = ("confirm", "reject", "unsure")


def _client(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver", timeout=60)


@pytest.fixture(params=BACKENDS)
def review_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "review.sqlite")
    else:
        yield from pg_schema_url()


@pytest.fixture
def team(tmp_path: Path, peps: Path, review_target: str) -> Iterator[tuple[Any, list[str]]]:
    """The app over the `peps` registry and a review store with 8 reviewers' API keys."""
    registry = tmp_path / "registry.duckdb"
    with open_store(registry) as s:
        ingest_registry(s, peps)
    store = DecisionStore.open(review_target)
    keys = []
    for i in range(REVIEWERS):
        store.add_user(f"rev{i}", Role.REVIEWER, None)
        key, digest = new_api_key()
        store.add_api_key(digest, f"rev{i}", None, None)
        keys.append(key)
    yield create_app(ServeSettings(review_db=":unused:", registry_db=registry), store), keys
    store.close()


async def _run(client: httpx.AsyncClient, key: str) -> tuple[str, list[dict[str, Any]]]:
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
    candidates = (await client.get(f"/runs/{run_id}/candidates", headers={"X-API-Key": key})).json()
    assert candidates, "the run has no candidates to decide on"
    return run_id, candidates


async def _log(client: httpx.AsyncClient, key: str, run_id: str) -> list[dict[str, Any]]:
    params = {"run_id": run_id, "limit": 10_000}
    return list((await client.get("/decisions", params=params, headers={"X-API-Key": key})).json())


def _forks(log: list[dict[str, Any]]) -> int:
    """Decisions superseding one that another decision already superseded."""
    superseded = [d["supersedes"] for d in log if d["supersedes"] is not None]
    return len(superseded) - len(set(superseded))


# -- optimistic concurrency: one winner per expected state -----------------------------------


async def _round(app: Any, keys: list[str], body: dict[str, Any]) -> list[tuple[int, Any]]:
    """All reviewers post the same candidate's decision at once, each with its own verdict."""

    async def one(i: int, key: str) -> tuple[int, Any]:
        async with _client(app) as client:
            mine = dict(body, verdict=VERDICTS[i % 3], note=f"rev{i}")
            response = await client.post("/decisions", json=mine, headers={"X-API-Key": key})
            return response.status_code, response.json()

    return list(await asyncio.gather(*(one(i, k) for i, k in enumerate(keys))))


async def _contest(app: Any, keys: list[str]) -> tuple[list[list[tuple[int, Any]]], list[dict[str, Any]]]:
    async with _client(app) as client:
        run_id, candidates = await _run(client, keys[0])
        c = candidates[0]
        body: dict[str, Any] = {"run_id": run_id, "person_idx": c["person_idx"], "entity_id": c["entity_id"]}
        rounds = []
        seen: int | None = None  # "no decision yet", sent as JSON null in the first round
        for _ in range(ROUNDS):
            answers = await _round(app, keys, dict(body, expected_decision_id=seen))
            rounds.append(answers)
            winners = [d for code, d in answers if code == 201]
            seen = winners[0]["id"] if winners else seen
        return rounds, await _log(client, keys[0], run_id)


def test_8_reviewers_on_one_candidate_one_wins_per_state(team: tuple[Any, list[str]]) -> None:
    app, keys = team
    rounds, log = asyncio.run(_contest(app, keys))
    winners = []
    for answers in rounds:
        codes = Counter(code for code, _ in answers)
        assert codes == {201: 1, 409: REVIEWERS - 1}, answers
        winner = next(d for code, d in answers if code == 201)
        winners.append(winner)
        for code, d in answers:
            if code == 409:  # the loser is told who won, with what, when, and the decision's id
                current = d["current"]
                assert (current["id"], current["verdict"], current["user"], current["created_at"]) == (
                    winner["id"], winner["verdict"], winner["user"], winner["created_at"]
                )  # fmt: skip
                assert winner["user"] in d["detail"] and "not saved" in d["detail"]
    pair_log = sorted((d for d in log if d["entity_id"] == winners[0]["entity_id"]), key=lambda d: d["id"])
    assert [d["id"] for d in pair_log] == [w["id"] for w in winners]  # 0 lost, nothing extra
    assert [(d["verdict"], d["user"]) for d in pair_log] == [(w["verdict"], w["user"]) for w in winners]
    assert [d["supersedes"] for d in pair_log] == [None] + [w["id"] for w in winners[:-1]]
    print(  # noqa: T201
        f"8 reviewers x {ROUNDS} rounds on one candidate: {sum(len(a) for a in rounds)} requests, "
        f"{len(winners)} accepted (201), {sum(len(a) for a in rounds) - len(winners)} conflicts (409), "
        f"{len(pair_log)} in the log"
    )


# -- old clients without the check: every decision lands, the log stays a chain -------------


async def _reviewer(app: Any, key: str, run_id: str, candidates: list[dict[str, Any]], seed: int) -> list[Any]:
    rng = random.Random(seed)
    answers: list[Any] = []
    async with _client(app) as client:
        for _ in range(DECISIONS_EACH):
            c = rng.choice(candidates)
            body = {"run_id": run_id, "person_idx": c["person_idx"], "entity_id": c["entity_id"],
                    "verdict": rng.choice(VERDICTS), "note": f"seed {seed}"}  # fmt: skip
            response = await client.post("/decisions", json=body, headers={"X-API-Key": key})
            answers.append((response.status_code, response.json() if response.content else None))
    return answers


async def _free_for_all(app: Any, keys: list[str]) -> tuple[list[Any], list[dict[str, Any]]]:
    async with _client(app) as client:
        run_id, candidates = await _run(client, keys[0])
        jobs = [_reviewer(app, key, run_id, candidates, seed) for seed, key in enumerate(keys)]
        answers = [a for batch in await asyncio.gather(*jobs) for a in batch]
        return answers, await _log(client, keys[0], run_id)


def test_8_reviewers_without_the_check_lose_no_decision(team: tuple[Any, list[str]]) -> None:
    app, keys = team
    answers, log = asyncio.run(_free_for_all(app, keys))
    codes = [code for code, _ in answers]
    assert codes == [201] * REVIEWERS * DECISIONS_EACH, codes
    made = {d["id"]: d for _, d in answers}
    in_log = {d["id"]: d for d in log}
    lost = [i for i in made if i not in in_log]
    changed = [i for i, d in made.items() if i in in_log and (in_log[i]["verdict"], in_log[i]["user"]) != (d["verdict"], d["user"])]  # fmt: skip
    print(f"8 reviewers: {len(answers)} decisions, {len(lost)} lost, {_forks(log)} forks")  # noqa: T201
    assert not lost and not changed
    assert _forks(log) == 0  # each decision supersedes the one really in force when it was written


# -- the same race through a real server and 8 client processes ------------------------------


def _post_at_once(barrier: Any, base: str, key: str, body: dict[str, Any], out: Any) -> None:
    """One reviewer process: wait for the others, then post the decision."""
    with httpx.Client(base_url=base, timeout=60) as client:
        barrier.wait()
        response = client.post("/decisions", json=body, headers={"X-API-Key": key})
        out.put((response.status_code, response.json()))


def _serve(tmp_path: Path, review_target: str, registry: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    exe = Path(sys.executable).with_name("tiescreen")
    args = ["serve", "--port", str(port), "--db", review_target, "--registry-db", str(registry)]
    proc = subprocess.Popen([str(exe), *args], cwd=tmp_path, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("the server did not start")


@pytest.mark.slow
def test_8_processes_through_a_real_server_one_wins_per_state(
    team: tuple[Any, list[str]], tmp_path: Path, review_target: str
) -> None:
    _, keys = team
    proc, base = _serve(tmp_path, review_target, tmp_path / "registry.duckdb")
    ctx = multiprocessing.get_context("fork")  # cheap: the clients only post
    try:
        run_id, candidates = asyncio.run(_remote_run(base, keys[0]))
        c = candidates[-1]
        seen: int | None = None
        winners = []
        for _ in range(ROUNDS):
            barrier, out = ctx.Barrier(REVIEWERS), ctx.Queue()
            body = {
                "run_id": run_id,
                "person_idx": c["person_idx"],
                "entity_id": c["entity_id"],
                "expected_decision_id": seen,
            }
            jobs = [
                ctx.Process(target=_post_at_once, args=(barrier, base, k, dict(body, verdict=VERDICTS[i % 3]), out))
                for i, k in enumerate(keys)
            ]
            for job in jobs:
                job.start()
            answers = [out.get(timeout=120) for _ in jobs]
            for job in jobs:
                job.join(timeout=60)
            assert Counter(code for code, _ in answers) == {201: 1, 409: REVIEWERS - 1}, answers
            winner = next(d for code, d in answers if code == 201)
            assert all(d["current"]["id"] == winner["id"] for code, d in answers if code == 409)
            winners.append(winner)
            seen = winner["id"]
        log = httpx.get(f"{base}/decisions", params={"run_id": run_id}, headers={"X-API-Key": keys[0]}).json()
        assert sorted(d["id"] for d in log) == [w["id"] for w in winners]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


async def _remote_run(base: str, key: str) -> tuple[str, list[dict[str, Any]]]:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        return await _run(client, key)
