"""The app's shared name index: loaded once for many /match requests, replaced (not added to)
when the registry changes, and the old one freed."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path

import pytest
from fastapi import FastAPI
from tests.web.conftest import client_for

from tiescreen.ingest import ingest_registry
from tiescreen.store.registry import open_store
from tiescreen.web.warm import WarmIndex

pytestmark = pytest.mark.anyio


def _match(name: str) -> dict[str, object]:
    return {"queries": {"q": {"schema": "Person", "properties": {"name": [name]}}}}


async def test_match_requests_share_one_index_replaced_when_the_registry_changes(
    app: FastAPI, api_key: str, registry_db: Path, tmp_path: Path
) -> None:
    warm: WarmIndex = app.state.warm_index
    headers = {"X-API-Key": api_key}
    async with client_for(app) as client:
        for name in ("Olesya Shigina", "Irina Tas-ool", "Anna Shigina") * 4:
            response = await client.post("/match/default", json=_match(name), headers=headers)
            assert response.status_code == 200, response.text
        assert (await client.get("/search/default", params={"q": "Shigina"}, headers=headers)).status_code == 200
        assert warm.loads == 1
        first = weakref.ref(warm._held[1])

        extra = tmp_path / "extra.ftm.json"
        person = {"id": "x-1", "schema": "Person", "properties": {"name": ["Пётр Сидоров"]}}
        extra.write_text(json.dumps(person, ensure_ascii=False) + "\n", encoding="utf-8")
        with open_store(registry_db) as store:
            ingest_registry(store, extra, name="extra")
        found = (await client.post("/match/default", json=_match("Petr Sidorov"), headers=headers)).json()
        assert [r["id"] for r in found["responses"]["q"]["results"]] == ["x-1"]
        assert warm.loads == 2
    gc.collect()
    assert first() is None  # the old index is gone: the app holds one at a time
