"""schemathesis against the app's own OpenAPI document: no request it can build gets a 5xx.

Every operation in ``/openapi.json`` is called with generated (valid and invalid) inputs,
signed in with a reviewer's API key, against the app in process with a small registry.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")
schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tiescreen.ingest import ingest_registry  # noqa: E402
from tiescreen.review.auth import new_api_key  # noqa: E402
from tiescreen.review.model import Role  # noqa: E402
from tiescreen.store.decisions import DecisionStore  # noqa: E402
from tiescreen.store.registry import open_store  # noqa: E402
from tiescreen.web import ServeSettings, create_app  # noqa: E402

EXAMPLES = int(os.environ.get("TIESCREEN_OPENAPI_EXAMPLES", "15"))
KEY: dict[str, str] = {}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, peps_module: Path) -> Iterator[Any]:
    tmp = tmp_path_factory.mktemp("openapi")
    registry = tmp / "registry.duckdb"
    with open_store(registry) as s:
        ingest_registry(s, peps_module)
    store = DecisionStore.open(tmp / "review.sqlite")
    store.add_user("rev", Role.REVIEWER, None)
    key, digest = new_api_key()
    store.add_api_key(digest, "rev", None, None)
    KEY["key"] = key
    app = create_app(ServeSettings(review_db=":unused:", registry_db=registry), store)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.close()


@pytest.fixture(scope="module")
def peps_module(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import json

    path = tmp_path_factory.mktemp("peps") / "peps.ftm.json"
    entities = [
        {"id": "p-1", "schema": "Person", "properties": {"name": ["Шигина Олеся Владимировна"]}},
        {"id": "b-1", "schema": "PublicBody", "properties": {"name": ["Администрация района"]}},
        {"id": "pos-1", "schema": "Position", "properties": {"name": ["Депутат"], "organization": ["b-1"]}},
        {"id": "o-1", "schema": "Occupancy", "properties": {"holder": ["p-1"], "post": ["pos-1"]}},
    ]
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities), encoding="utf-8")
    return path


def _operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]


def test_no_operation_answers_a_server_error(api_schema: Any) -> None:
    failures: list[str] = []
    calls = 0
    for operation in _operations(api_schema):

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def call(case: Any) -> None:
            nonlocal calls
            calls += 1
            response = case.call(headers={"X-API-Key": KEY["key"]})
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:300]}")

        call()
    print(f"schemathesis: {calls} calls over {len(_operations(api_schema))} operations, {len(failures)} 5xx")  # noqa: T201
    assert calls > 0
    assert not failures, "\n".join(failures[:20])
