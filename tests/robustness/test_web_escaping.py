"""The review web app shows hostile names as text: the OWASP XSS payloads never become markup."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

import httpx
from bs4 import BeautifulSoup

from tests.robustness.test_exports import BAD_URLS, XSS
from tiescreen.ingest import ingest_registry
from tiescreen.review.auth import new_api_key
from tiescreen.review.model import Role
from tiescreen.store.decisions import DecisionStore
from tiescreen.store.registry import open_store
from tiescreen.web import ServeSettings, create_app


def _registry(path: Path) -> Path:
    lines = []
    for i, payload in enumerate(XSS):
        lines += [
            {"id": f"p-{i}", "schema": "Person",
             "properties": {"name": [f"{payload} Шигина Олеся"], "sourceUrl": [BAD_URLS[i % len(BAD_URLS)]]}},
            {"id": f"b-{i}", "schema": "PublicBody", "properties": {"name": [payload]}},
            {"id": f"pos-{i}", "schema": "Position", "properties": {"name": [payload], "organization": [f"b-{i}"]}},
            {"id": f"o-{i}", "schema": "Occupancy", "properties": {"holder": [f"p-{i}"], "post": [f"pos-{i}"]}},
        ]  # fmt: skip
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in lines), encoding="utf-8")
    return path


async def _pages(app: Any, key: str) -> list[str]:
    headers = {"X-API-Key": key}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        people = [f"{p} Шигина Олеся" for p in XSS]
        response = await client.post("/runs", json={"people": people, "title": XSS[0]}, headers=headers)
        assert response.status_code == 202, response.text
        run_id = response.json()["id"]
        for _ in range(600):
            run = (await client.get(f"/runs/{run_id}", headers=headers)).json()
            if run["status"] != "running":
                break
            await asyncio.sleep(0.05)
        assert run["status"] == "done", run
        pages = []
        for url in (f"/review/{run_id}", "/", f"/review/{run_id}/report.html"):
            page = await client.get(url, headers=headers)
            assert page.status_code == 200, (url, page.status_code)
            pages.append(page.text)
    return pages


def test_review_pages_escape_every_payload(tmp_path: Path) -> None:
    registry = tmp_path / "registry.duckdb"
    with open_store(registry) as s:
        ingest_registry(s, _registry(tmp_path / "hostile.ftm.json"))
    store = DecisionStore.open(tmp_path / "review.sqlite")
    store.add_user("rev", Role.REVIEWER, None)
    key, digest = new_api_key()
    store.add_api_key(digest, "rev", None, None)
    app = create_app(ServeSettings(review_db=":unused:", registry_db=registry), store)
    try:
        pages = asyncio.run(_pages(app, key))
    finally:
        store.close()
    for page in pages:
        soup = BeautifulSoup(page, "html.parser")
        for tag in soup.find_all(True):
            assert tag.name not in ("iframe", "object", "embed", "textarea", "math"), tag
            assert tag.name != "script" or not tag.string or "alert" not in tag.string, tag
            for attr, value in tag.attrs.items():
                assert not attr.lower().startswith("on"), (tag.name, attr)
                text = " ".join(value) if isinstance(value, list) else str(value)
                if (
                    attr in ("href", "src", "xlink:href", "data", "action", "formaction") and text != "data:,"
                ):  # "data:," is the empty favicon
                    assert not re.match(r"\s*(javascript|data|vbscript):", text, re.I), (tag.name, attr, text)
        for payload in XSS:
            if "<" in payload:
                assert payload not in page
    assert "<script>alert(1)</script>" in BeautifulSoup(pages[0], "html.parser").get_text()
