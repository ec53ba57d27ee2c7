"""Fixtures of the web tests: the app in-process (httpx.ASGITransport), users, a signed-in client."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

import httpx
from fastapi import FastAPI

from tiescreen.ingest import ingest_registry
from tiescreen.review.auth import hash_password, new_api_key
from tiescreen.review.model import Role
from tiescreen.store.decisions import DecisionStore
from tiescreen.store.registry import open_store
from tiescreen.web import ServeSettings, create_app

PASSWORD = "correct horse battery"
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def registry_db(tmp_path: Path, peps: Path) -> Path:
    db = tmp_path / "registry.duckdb"
    with open_store(db) as store:
        ingest_registry(store, peps)
    return db


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)  # scrypt is slow on purpose: hash once


@pytest.fixture
def store(tmp_path: Path, password_hash: str) -> Iterator[DecisionStore]:
    s = DecisionStore.open(tmp_path / "review.sqlite")
    for name, role in (("ann", Role.ADMIN), ("rev", Role.REVIEWER), ("vic", Role.VIEWER)):
        s.add_user(name, role, password_hash)
    yield s
    s.close()


@pytest.fixture
def settings(registry_db: Path) -> ServeSettings:
    return ServeSettings(review_db=":unused:", registry_db=registry_db)


@pytest.fixture
def app(settings: ServeSettings, store: DecisionStore) -> FastAPI:
    return create_app(settings, store)


def client_for(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert found, "the page carries no CSRF token"
    return found.group(1)


async def sign_in(client: httpx.AsyncClient, name: str) -> str:
    """Sign in and return the session's CSRF token."""
    token = csrf_of((await client.get("/login")).text)
    response = await client.post("/login", data={"name": name, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 303, response.text
    return csrf_of((await client.get("/")).text)


@pytest.fixture
async def reviewer(app: FastAPI) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    async with client_for(app) as client:
        yield client, await sign_in(client, "rev")


@pytest.fixture
def api_key(store: DecisionStore) -> str:
    key, digest = new_api_key()
    store.add_api_key(digest, "rev", "tests", "ann")
    return key


async def upload_run(client: httpx.AsyncClient, token: str, people: Path, title: str = "event") -> str:
    files = {"people": (people.name, people.read_bytes(), "text/csv")}
    response = await client.post("/upload", data={"csrf_token": token, "title": title}, files=files)
    assert response.status_code == 303, response.text
    return str(response.headers["location"]).rsplit("/", 1)[-1]
