"""The JSON API: OpenAPI document, API keys, runs and decisions, and the yente-compatible endpoints."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from tests.web.conftest import client_for, sign_in

pytestmark = pytest.mark.anyio

# The request OpenSanctions' yente documentation shows for batch matching
# (POST /match/default with a "queries" object of FtM-shaped example entities).
YENTE_BATCH = {
    "queries": {
        "q1": {
            "schema": "Person",
            "properties": {"name": ["Olesya Shigina"], "birthDate": ["1975-04-02"], "nationality": ["ru"]},
        },
        "q2": {"schema": "Person", "properties": {"firstName": ["Irina"], "lastName": ["Tas-ool"]}},
        "q3": {"schema": "Company", "properties": {"name": ["Gazprom"], "jurisdiction": ["ru"]}},
    },
    "weights": {"name_literal_match": 0.8},
}


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"ApiKey {key}"}


async def test_the_openapi_document_lists_the_api(app: FastAPI) -> None:
    async with client_for(app) as client:
        paths = (await client.get("/openapi.json")).json()["paths"]
    for path in ("/match/{dataset}", "/search/{dataset}", "/entities/{entity_id}", "/runs", "/decisions"):
        assert path in paths
    assert "post" in paths["/decisions"] and "post" in paths["/runs"]


async def test_the_api_needs_a_key_or_a_session(app: FastAPI, api_key: str) -> None:
    async with client_for(app) as client:
        assert (await client.get("/runs")).status_code == 403
        assert (await client.get("/runs", headers=auth("ts_wrong"))).status_code == 403
        assert (await client.get("/runs", headers=auth(api_key))).status_code == 200
        assert (await client.get("/runs", headers={"Authorization": f"Bearer {api_key}"})).status_code == 200
        assert (await client.get("/runs", headers={"X-API-Key": api_key})).status_code == 200


async def _api_run(client: httpx.AsyncClient, key: str) -> str:
    people = [{"id": "q1", "name": "Olesya Shigina", "region": "Москва"}, "TASOOL Irina", "Пётр Сидоров"]
    response = await client.post("/runs", json={"people": people, "title": "api run"}, headers=auth(key))
    assert response.status_code == 202, response.text
    run_id = str(response.json()["id"])
    for _ in range(100):  # the run is screened in the background
        run = (await client.get(f"/runs/{run_id}", headers=auth(key))).json()
        if run["status"] != "running":
            break
        await asyncio.sleep(0.05)
    assert run["status"] == "done", run
    assert run["sources"][0]["content_hash"].startswith("sha256:") and run["tool_version"]
    return run_id


async def test_runs_and_decisions_through_the_api(app: FastAPI, api_key: str) -> None:
    async with client_for(app) as client:
        run_id = await _api_run(client, api_key)
        candidates = (await client.get(f"/runs/{run_id}/candidates", headers=auth(api_key))).json()
        target = next(c for c in candidates if c["entity_id"] == "p-1")
        assert target["status"] == "undecided" and target["decision"] is None
        body = {
            "run_id": run_id,
            "person_idx": target["person_idx"],
            "entity_id": "p-1",
            "verdict": "confirm",
            "note": "ok",
        }
        made = await client.post("/decisions", json=body, headers=auth(api_key))
        assert made.status_code == 201 and made.json()["user"] == "rev"
        assert (
            await client.post("/decisions", json={**body, "verdict": "maybe"}, headers=auth(api_key))
        ).status_code == 400
        log = (await client.get("/decisions", params={"run_id": run_id}, headers=auth(api_key))).json()
        assert [d["verdict"] for d in log] == ["confirm"]
        undone = (await client.post(f"/runs/{run_id}/undo", headers=auth(api_key))).json()
        assert undone["verdict"] == "none" and undone["action"] == "undo"
        report = await client.get(f"/runs/{run_id}/report", params={"format": "csv"}, headers=auth(api_key))
        assert (report.status_code == 200 and report.text.startswith(("query_id", "id", "\ufeff"))) or report.text


async def test_expected_decision_id_turns_a_stale_write_into_409_with_the_current_state(
    app: FastAPI, api_key: str
) -> None:
    async with client_for(app) as client:
        run_id = await _api_run(client, api_key)
        body = {"run_id": run_id, "person_idx": 0, "entity_id": "p-1", "verdict": "confirm"}
        first = await client.post("/decisions", json={**body, "expected_decision_id": None}, headers=auth(api_key))
        assert first.status_code == 201, first.text  # null: "I saw no decision", and there was none
        for stale in (None, 0, first.json()["id"] + 1):  # null and 0 both mean "none yet"
            conflict = await client.post(
                "/decisions", json={**body, "verdict": "reject", "expected_decision_id": stale}, headers=auth(api_key)
            )
            assert conflict.status_code == 409, conflict.text
            current = conflict.json()["current"]
            assert (current["id"], current["verdict"], current["user"]) == (first.json()["id"], "confirm", "rev")
            assert current["created_at"] == first.json()["created_at"]
        second = await client.post(
            "/decisions",
            json={**body, "verdict": "reject", "expected_decision_id": first.json()["id"]},
            headers=auth(api_key),
        )
        assert second.status_code == 201 and second.json()["supersedes"] == first.json()["id"]
        legacy = await client.post("/decisions", json={**body, "verdict": "unsure"}, headers=auth(api_key))
        assert legacy.status_code == 201  # clients that omit the field: the last writer wins
        log = (await client.get("/decisions", params={"run_id": run_id}, headers=auth(api_key))).json()
        assert [d["verdict"] for d in log] == ["unsure", "reject", "confirm"]
        assert "409" in (await client.get("/openapi.json")).json()["paths"]["/decisions"]["post"]["responses"]


async def test_fields_of_decisions_are_capped(app: FastAPI, api_key: str) -> None:
    async with client_for(app) as client:
        run_id = await _api_run(client, api_key)
        body = {"run_id": run_id, "person_idx": 0, "entity_id": "p-1", "verdict": "confirm"}
        for field, value in (("note", "x" * 2001), ("entity_id", "e" * 257), ("verdict", "v" * 17)):
            response = await client.post("/decisions", json={**body, field: value}, headers=auth(api_key))
            assert response.status_code == 422, (field, response.text)
        log = (await client.get("/decisions", params={"run_id": run_id}, headers=auth(api_key))).json()
        assert log == []


async def test_names_longer_than_a_name_can_be_are_refused_with_the_field(app: FastAPI, api_key: str) -> None:
    long = "a" * 100_000
    async with client_for(app) as client:
        match = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Olesya Shigina", long]}}}}
        refused = await client.post("/match/default", json=match, headers=auth(api_key))
        assert refused.status_code == 422 and "name[1] is 100000 characters long" in refused.text
        single = {"queries": {"q": {"schema": "Person", "properties": {"alias": long}}}}
        assert (await client.post("/match/default", json=single, headers=auth(api_key))).status_code == 422
        for people in ([long], [{"name": long}], [{"name": "Ivan Petrov", "region": long}]):
            response = await client.post("/runs", json={"people": people}, headers=auth(api_key))
            assert response.status_code == 422, people
        assert (await client.get("/search/default", params={"q": "a" * 5000}, headers=auth(api_key))).status_code == 422
        fits = {"queries": {"q": {"schema": "Person", "properties": {"name": ["Olesya Shigina " * 60]}}}}
        assert (await client.post("/match/default", json=fits, headers=auth(api_key))).status_code == 200


async def test_browser_sessions_need_the_csrf_header_for_api_writes(app: FastAPI, api_key: str) -> None:
    async with client_for(app) as client:
        run_id = await _api_run(client, api_key)
    async with client_for(app) as client:
        token = await sign_in(client, "rev")
        body = {"run_id": run_id, "person_idx": 0, "entity_id": "p-1", "verdict": "reject"}
        assert (await client.post("/decisions", json=body)).status_code == 403
        assert (await client.post("/decisions", json=body, headers={"X-CSRF-Token": token})).status_code == 201


async def test_a_viewer_key_cannot_write(app: FastAPI, store) -> None:  # type: ignore[no-untyped-def]
    from tiescreen.review.auth import new_api_key

    key, digest = new_api_key()
    store.add_api_key(digest, "vic", None, "ann")
    async with client_for(app) as client:
        assert (await client.post("/runs", json={"people": ["A B"]}, headers=auth(key))).status_code == 403


async def test_a_yente_batch_request_is_answered_in_yente_shape(app: FastAPI, api_key: str) -> None:
    async with client_for(app) as client:
        response = await client.post(
            "/match/default",
            params={"algorithm": "logic-v1", "threshold": 0.7},
            json=YENTE_BATCH,
            headers=auth(api_key),
        )
    assert response.status_code == 200, response.text
    data = response.json()
    assert set(data) >= {"responses", "matcher", "limit"} and set(data["responses"]) == {"q1", "q2", "q3"}
    q1 = data["responses"]["q1"]
    assert q1["status"] == 200 and q1["query"]["schema"] == "Person" and q1["total"]["value"] == len(q1["results"])
    top = q1["results"][0]
    for key in ("id", "caption", "schema", "properties", "datasets", "referents", "target", "first_seen",
                "last_seen", "last_change", "score", "match", "features"):  # fmt: skip
        assert key in top
    assert top["id"] == "p-1" and top["match"] is True and top["score"] >= 0.7
    assert top["properties"]["name"] == ["Шигина Олеся Владимировна"]
    assert top["datasets"] and isinstance(top["features"]["name"], float)
    assert {t["kind"] for t in top["ties"]} >= {"office"} and top["explanation"]
    assert all(r["id"] != "p-3" or not r["match"] for r in q1["results"])  # the mother Anna is not Olesya
    assert data["responses"]["q2"]["results"][0]["id"] == "p-2"
    assert data["responses"]["q3"]["results"] == []
    assert set(data["matcher"]) >= {"name"}


async def test_match_accepts_string_properties_and_limits(app: FastAPI, api_key: str) -> None:
    body = {
        "queries": {"a": {"schema": "Person", "properties": {"name": "Шигина Олеся"}}},
        "limit": 1,
        "threshold": 0.99,
    }
    async with client_for(app) as client:
        data = (await client.post("/match/default", json=body, headers=auth(api_key))).json()
        assert len(data["responses"]["a"]["results"]) == 1 and data["limit"] == 1
        assert data["responses"]["a"]["results"][0]["match"] is (data["responses"]["a"]["results"][0]["score"] >= 0.99)
        missing = await client.post("/match/nonexistent", json=body, headers=auth(api_key))
        assert missing.status_code == 404 and "no dataset" in missing.json()["detail"]
        bad = await client.post("/match/default", json={"queries": {"a": {"schema": "Person"}}}, headers=auth(api_key))
        assert bad.status_code == 422


async def test_search_and_entities(app: FastAPI, api_key: str) -> None:
    async with client_for(app) as client:
        found = (await client.get("/search/default", params={"q": "Olesya Shigina"}, headers=auth(api_key))).json()
        assert found["results"][0]["id"] == "p-1" and found["total"]["value"] >= 1
        entity = (await client.get("/entities/p-1", headers=auth(api_key))).json()
        assert entity["caption"] == "Шигина Олеся Владимировна" and entity["ties"]
        assert (await client.get("/entities/nobody", headers=auth(api_key))).status_code == 404


async def test_anonymous_role_lets_yente_clients_in_without_a_key(settings, store) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from tiescreen.review.model import Role
    from tiescreen.web import create_app

    app = create_app(replace(settings, anonymous_role=Role.VIEWER), store)
    async with client_for(app) as client:
        assert (await client.post("/match/default", json=YENTE_BATCH)).status_code == 200
        assert (await client.post("/runs", json={"people": ["A B"]})).status_code == 403


def test_serve_adds_users_and_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from tiescreen.cli import cli
    from tiescreen.review.auth import hash_api_key, verify_password
    from tiescreen.store.decisions import DecisionStore

    db = str(tmp_path / "review.sqlite")
    monkeypatch.setenv("TIESCREEN_PASSWORD", "long enough pw")
    result = CliRunner().invoke(cli, ["serve", "--db", db, "--add-user", "ann", "--role", "admin"])
    assert result.exit_code == 0, result.output
    keyed = CliRunner().invoke(cli, ["serve", "--db", db, "--api-key", "ann"])
    assert keyed.exit_code == 0
    key = keyed.stdout.strip().splitlines()[-1]
    store = DecisionStore.open(db)
    assert verify_password("long enough pw", store.user("ann").password_hash)  # type: ignore[union-attr]
    assert store.user_for_key(hash_api_key(key)).name == "ann"  # type: ignore[union-attr]
    missing = CliRunner().invoke(cli, ["serve", "--db", db, "--api-key", "nobody"])
    assert missing.exit_code == 1 and "no user 'nobody'" in missing.output


@pytest.mark.skipif(not os.environ.get("TIESCREEN_TEST_PG"), reason="TIESCREEN_TEST_PG is unset")
async def test_the_app_on_postgresql(settings, password_hash: str) -> None:  # type: ignore[no-untyped-def]
    from tests.store.test_decisions import pg_schema_url

    from tiescreen.review.auth import new_api_key
    from tiescreen.review.model import Role
    from tiescreen.store.decisions import DecisionStore
    from tiescreen.web import create_app

    for url in pg_schema_url():
        store = DecisionStore.open(url)
        store.add_user("rev", Role.REVIEWER, password_hash)
        key, digest = new_api_key()
        store.add_api_key(digest, "rev", None, None)
        app = create_app(settings, store)
        async with client_for(app) as client:
            run_id = await _api_run(client, key)
            body = {"run_id": run_id, "person_idx": 0, "entity_id": "p-1", "verdict": "unsure"}
            assert (await client.post("/decisions", json=body, headers=auth(key))).status_code == 201
            token = await sign_in(client, "rev")
            assert token and (await client.get(f"/review/{run_id}")).status_code == 200
            log = (await client.get("/decisions", headers=auth(key))).json()
            assert [d["verdict"] for d in log] == ["unsure"]
        store.close()
