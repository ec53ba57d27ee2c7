"""The review pages in-process: sign-in, upload, review, decide, undo, bulk, reports, escaping, CSRF."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from tests.web.conftest import HOSTILE, client_for, csrf_of, sign_in, upload_run

pytestmark = pytest.mark.anyio


async def test_pages_need_a_sign_in(app: FastAPI) -> None:
    async with client_for(app) as client:
        response = await client.get("/")
        assert response.status_code == 303 and response.headers["location"].startswith("/login")
        token = csrf_of((await client.get("/login")).text)
        wrong = await client.post("/login", data={"name": "rev", "password": "nope-nope", "csrf_token": token})
        assert wrong.status_code == 401 and "Wrong name or password" in wrong.text


async def test_login_and_forms_need_the_csrf_token(app: FastAPI, attendees: Path) -> None:
    async with client_for(app) as client:
        await client.get("/login")
        forged = await client.post("/login", data={"name": "rev", "password": "correct horse battery"})
        assert forged.status_code == 403
        token = await sign_in(client, "rev")
        files = {"people": ("a.csv", attendees.read_bytes(), "text/csv")}
        assert (await client.post("/upload", files=files)).status_code == 403
        assert (await client.post("/upload", files=files, data={"csrf_token": "x" + token})).status_code == 403
        assert (await client.get("/runs")).json() == []


async def test_upload_screen_review_and_decide_with_undo(
    reviewer: tuple[httpx.AsyncClient, str], attendees: Path
) -> None:
    client, token = reviewer
    run_id = await upload_run(client, token, attendees)
    page = BeautifulSoup((await client.get(f"/review/{run_id}")).text, "html.parser")
    card = page.select_one('article.cand[data-entity="p-1"]')
    assert card is not None
    assert "Шигина Олеся Владимировна" in card.get_text() and "Shigina Olesya Vladimirovna" in card.get_text()
    assert card.select("svg.chart rect.bar") and card.select(".ties li")
    assert "pos-1" in card.select_one(".ties .path").get_text() or "Депутат" in card.select_one(".ties").get_text()
    person = card["data-person"]
    decided = await client.post(
        f"/review/{run_id}/decide",
        data={
            "csrf_token": token,
            "person_idx": person,
            "entity_id": "p-1",
            "verdict": "confirm",
            "note": "same region",
        },
        headers={"Accept": "application/json"},
    )
    assert decided.status_code == 200 and decided.json()["status"] == "confirm"
    assert decided.json()["decision"]["user"] == "rev"
    page = BeautifulSoup((await client.get(f"/review/{run_id}")).text, "html.parser")
    card = page.select_one('article.cand[data-entity="p-1"]')
    assert "status-confirm" in card["class"] and "same region" in card.select_one(".state").get_text()
    undone = await client.post(
        f"/review/{run_id}/undo", data={"csrf_token": token}, headers={"Accept": "application/json"}
    )
    assert undone.json()["status"] == "undecided"
    page = BeautifulSoup((await client.get(f"/review/{run_id}")).text, "html.parser")
    card = page.select_one('article.cand[data-entity="p-1"]')
    assert "status-undecided" in card["class"]
    assert len(card.select("details.history li")) == 2


async def test_form_posts_without_javascript_redirect_back(
    reviewer: tuple[httpx.AsyncClient, str], attendees: Path
) -> None:
    client, token = reviewer
    run_id = await upload_run(client, token, attendees)
    response = await client.post(
        f"/review/{run_id}/decide",
        data={
            "csrf_token": token,
            "person_idx": "0",
            "entity_id": "p-1",
            "verdict": "reject",
            "next": "//evil.example",
        },
    )
    assert response.status_code == 303 and response.headers["location"] == f"/review/{run_id}"
    bad = await client.post(
        f"/review/{run_id}/decide", data={"csrf_token": token, "person_idx": "0", "entity_id": "p-1", "verdict": "drop"}
    )
    assert bad.status_code == 400 and "not one of confirm" in bad.text


async def test_a_decision_made_meanwhile_is_shown_not_overwritten(app: FastAPI, attendees: Path) -> None:
    async with client_for(app) as ann, client_for(app) as rev:
        ann_token, rev_token = await sign_in(ann, "ann"), await sign_in(rev, "rev")
        run_id = await upload_run(rev, rev_token, attendees)
        card = BeautifulSoup((await rev.get(f"/review/{run_id}")).text, "html.parser").select_one(
            'article.cand[data-entity="p-1"]'
        )
        seen = card.select_one('input[name="expected_decision_id"]')["value"]
        assert seen == card["data-decision"] == "0"
        form = {"person_idx": card["data-person"], "entity_id": "p-1", "expected_decision_id": seen}
        json_accept = {"Accept": "application/json"}
        won = await ann.post(
            f"/review/{run_id}/decide",
            data={**form, "verdict": "confirm", "csrf_token": ann_token},
            headers=json_accept,
        )
        assert won.status_code == 200, won.text
        lost = await rev.post(
            f"/review/{run_id}/decide", data={**form, "verdict": "reject", "csrf_token": rev_token}, headers=json_accept
        )
        assert lost.status_code == 409  # the page script shows ann's decision on the card
        state = lost.json()
        assert (state["status"], state["label"], state["decision"]["user"]) == ("confirm", "Confirmed", "ann")
        assert state["decision"]["id"] == won.json()["decision"]["id"] and "ann" in state["detail"]
        plain = await rev.post(f"/review/{run_id}/decide", data={**form, "verdict": "reject", "csrf_token": rev_token})
        assert plain.status_code == 303  # without JavaScript: back to the page, with the conflict said
        page = BeautifulSoup((await rev.get(plain.headers["location"])).text, "html.parser")
        assert "not saved" in page.get_text() and "confirm by ann" in page.get_text()
        card = page.select_one('article.cand[data-entity="p-1"]')
        assert "status-confirm" in card["class"] and card["data-decision"] == str(state["decision"]["id"])
        again = {**form, "expected_decision_id": card["data-decision"], "verdict": "reject", "csrf_token": rev_token}
        assert (await rev.post(f"/review/{run_id}/decide", data=again, headers=json_accept)).json()[
            "status"
        ] == "reject"
        log = (await rev.get("/decisions", params={"run_id": run_id})).json()
        assert [(d["user"], d["verdict"]) for d in log] == [("rev", "reject"), ("ann", "confirm")]


async def test_filters_and_a_bulk_action_that_shows_its_count_first(
    reviewer: tuple[httpx.AsyncClient, str], attendees: Path
) -> None:
    client, token = reviewer
    run_id = await upload_run(client, token, attendees)
    total = len(BeautifulSoup((await client.get(f"/review/{run_id}")).text, "html.parser").select("article.cand"))
    office = BeautifulSoup((await client.get(f"/review/{run_id}?kind=office")).text, "html.parser")
    assert 0 < len(office.select("article.cand")) <= total
    form = {"csrf_token": token, "state": "undecided", "band": "all", "kind": "all", "verdict": "unsure"}
    preview = await client.post(f"/review/{run_id}/bulk", data=form)
    soup = BeautifulSoup(preview.text, "html.parser")
    assert f"Mark {total} candidate(s)" in soup.h1.get_text()
    assert (await client.get(f"/runs/{run_id}")).json()["counts"]["unsure"] == 0  # nothing happened yet
    stale = await client.post(f"/review/{run_id}/bulk", data={**form, "confirmed": "yes", "expected": str(total + 1)})
    assert "Mark" in stale.text  # the selection changed: show it again instead of acting
    done = await client.post(f"/review/{run_id}/bulk", data={**form, "confirmed": "yes", "expected": str(total)})
    assert done.status_code == 303
    assert (await client.get(f"/runs/{run_id}")).json()["counts"]["unsure"] == total


async def test_reports_download_in_every_format_with_decisions(
    reviewer: tuple[httpx.AsyncClient, str], attendees: Path
) -> None:
    from tiescreen.report import FORMATS

    client, token = reviewer
    run_id = await upload_run(client, token, attendees)
    person = BeautifulSoup((await client.get(f"/review/{run_id}")).text, "html.parser").select_one(
        'article.cand[data-entity="p-1"]'
    )["data-person"]
    await client.post(
        f"/review/{run_id}/decide",
        data={"csrf_token": token, "person_idx": person, "entity_id": "p-1", "verdict": "confirm"},
    )
    for fmt in FORMATS:
        response = await client.get(f"/review/{run_id}/report.{fmt}")
        assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    data = json.loads((await client.get(f"/review/{run_id}/report.json")).text)
    assert data["run"]["review"]["decisions"][0]["user"] == "rev"
    assert (await client.get(f"/review/{run_id}/report.exe")).status_code == 400


async def test_viewers_see_but_cannot_write(app: FastAPI, attendees: Path) -> None:
    async with client_for(app) as client:
        token = await sign_in(client, "rev")
        run_id = await upload_run(client, token, attendees)
    async with client_for(app) as client:
        token = await sign_in(client, "vic")
        page = await client.get(f"/review/{run_id}")
        assert page.status_code == 200 and "form" not in str(
            BeautifulSoup(page.text, "html.parser").select("form.decide")
        )
        data = {"csrf_token": token, "person_idx": "0", "entity_id": "p-1", "verdict": "confirm"}
        assert (await client.post(f"/review/{run_id}/decide", data=data)).status_code == 403
        assert (await client.get("/admin")).status_code == 403


async def test_hostile_names_show_as_text(
    reviewer: tuple[httpx.AsyncClient, str], tmp_path: Path, registry_db: Path
) -> None:
    from tiescreen.ingest import ingest_registry
    from tiescreen.store.registry import open_store

    registry = tmp_path / "hostile.ftm.json"
    entities = [
        {"id": "x-1", "schema": "Person", "properties": {"name": [f"Ольга {HOSTILE} Петрова"]}},
        {"id": "x-b", "schema": "PublicBody", "properties": {"name": ["<script>alert(2)</script> администрация"]}},
        {"id": "x-p", "schema": "Position", "properties": {"name": ["глава"], "organization": ["x-b"]}},
        {"id": "x-o", "schema": "Occupancy", "properties": {"holder": ["x-1"], "post": ["x-p"]}},
    ]
    registry.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in entities) + "\n", encoding="utf-8")
    with open_store(registry_db) as store:
        ingest_registry(store, registry)
    people = tmp_path / "people.csv"
    people.write_text(f'id,name\nh1,"Ольга {HOSTILE} Петрова"\n', encoding="utf-8")
    client, token = reviewer
    run_id = await upload_run(client, token, people, title=HOSTILE)
    for path in ("/", f"/review/{run_id}"):
        html = (await client.get(path)).text
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find("img") and not soup.find("script", string=True)
        assert HOSTILE in soup.get_text()
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "x-1" in (await client.get(f"/review/{run_id}")).text


async def test_security_headers(reviewer: tuple[httpx.AsyncClient, str]) -> None:
    client, _ = reviewer
    response = await client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


async def test_admin_adds_users_and_api_keys(app: FastAPI) -> None:
    async with client_for(app) as client:
        token = await sign_in(client, "ann")
        await client.post(
            "/admin/users", data={"csrf_token": token, "name": "new", "role": "reviewer", "password": "pw-long-enough"}
        )
        page = await client.post("/admin/keys", data={"csrf_token": token, "user_name": "new", "label": "tool"})
        key = BeautifulSoup(page.text, "html.parser").select_one("#new-key").get_text()
    async with client_for(app) as client:
        me = (await client.get("/whoami", headers={"Authorization": f"ApiKey {key}"})).json()
        assert me == {"user": "new", "role": "reviewer"}


async def test_trusted_header_sign_in(settings, store) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from tiescreen.web import create_app

    app = create_app(replace(settings, trusted_header="X-Remote-User"), store)
    async with client_for(app) as client:
        assert (await client.get("/whoami", headers={"X-Remote-User": "rev"})).json()["role"] == "reviewer"
        assert (await client.get("/whoami", headers={"X-Remote-User": "stranger"})).json()["role"] == "viewer"
        assert (await client.get("/whoami")).json()["user"] is None


async def test_a_second_run_shows_reused_decisions(reviewer: tuple[httpx.AsyncClient, str], attendees: Path) -> None:
    client, token = reviewer
    first = await upload_run(client, token, attendees, title="first")
    person = BeautifulSoup((await client.get(f"/review/{first}")).text, "html.parser").select_one(
        'article.cand[data-entity="p-1"]'
    )["data-person"]
    data = {"csrf_token": token, "person_idx": person, "entity_id": "p-1", "verdict": "confirm", "note": "checked"}
    await client.post(f"/review/{first}/decide", data=data)
    second = await upload_run(client, token, attendees, title="second")
    card = BeautifulSoup((await client.get(f"/review/{second}")).text, "html.parser").select_one(
        'article.cand[data-entity="p-1"]'
    )
    assert "status-confirm" in card["class"]
    assert f"reused from run {first}" in card.select_one(".reused").get_text()
    undecided = BeautifulSoup((await client.get(f"/review/{second}?state=undecided")).text, "html.parser")
    assert not undecided.select('article.cand[data-entity="p-1"]')
