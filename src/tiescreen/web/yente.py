"""The yente-compatible API: ``/match/{dataset}``, ``/search/{dataset}``, ``/entities/{id}``.

Clients written for OpenSanctions yente (its Python examples, nomenklatura's enrichers,
compliance tools) send FtM-shaped example entities; we answer in yente's response shape,
with each result's explanation, confidence and ties to the state added.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from tiescreen.errors import NotFound
from tiescreen.match.scorer import DEFAULT_THRESHOLD
from tiescreen.model import Match, RegistryEntity
from tiescreen.model import Query as Person
from tiescreen.pipeline import screen_queries
from tiescreen.review.model import Role
from tiescreen.store.registry import RegistryStore, open_store
from tiescreen.ties.walk import TieWalker
from tiescreen.web.schemas import (
    EntityExample,
    EntityMatches,
    EntityMatchQuery,
    EntityMatchResponse,
    EntityResponse,
    ScoredEntityResponse,
    SearchResponse,
    TotalSpec,
)
from tiescreen.web.security import needs
from tiescreen.web.warm import WarmIndex

router = APIRouter(tags=["yente-compatible"])
ALL_DATASETS = ("default", "all", "tiescreen")
DEFAULT_CUTOFF = 0.5  # yente's default: candidates below this score are not returned
DEFAULT_LIMIT = 5
FEATURE_DOCS = {
    "name": "Similarity of the best pair of name forms, compared in a shared Latin key space.",
    "birth_date": "Birth dates agree (1.0), are unknown, or conflict (0.0).",
    "region": "The query's region appears in the registry entry or its ties.",
}


def _store(request: Request) -> RegistryStore:
    store = open_store(request.app.state.settings.registry_db, read_only=True)
    warm: WarmIndex = request.app.state.warm_index
    return warm.lend(store)


def _check_dataset(store: RegistryStore, dataset: str) -> None:
    if dataset not in ALL_DATASETS and store.source(dataset) is None:
        names = ", ".join([*ALL_DATASETS[:1], *(s.name for s in store.sources())])
        raise NotFound(f"no dataset {dataset!r}; choose one of {names}")


def _in_dataset(entity: RegistryEntity, dataset: str) -> bool:
    return dataset in ALL_DATASETS or (entity.provenance is not None and entity.provenance.source == dataset)


@router.post("/match/{dataset}", response_model=EntityMatchResponse, response_model_by_alias=True)
def match(
    request: Request,
    dataset: str,
    body: EntityMatchQuery,
    threshold: Annotated[float | None, Query(ge=0, le=1)] = None,
    cutoff: Annotated[float | None, Query(ge=0, le=1)] = None,
    limit: Annotated[int | None, Query(ge=1, le=500)] = None,
    algorithm: str | None = None,
) -> EntityMatchResponse:
    """Match FtM-shaped example entities, as yente's ``/match`` does (``algorithm`` is ignored)."""
    needs(request, Role.VIEWER)
    thr = _first(body.threshold, threshold, DEFAULT_THRESHOLD)
    cut = min(_first(body.cutoff, cutoff, DEFAULT_CUTOFF), thr)
    lim = int(_first(body.limit, limit, DEFAULT_LIMIT))
    responses: dict[str, EntityMatches] = {}
    with _store(request) as store:
        _check_dataset(store, dataset)
        for key, example in body.queries.items():
            results = _match_one(store, example, dataset, thr, cut, lim)
            query = example.model_dump(by_alias=True, exclude_none=True)
            responses[key] = EntityMatches(results=results, total=TotalSpec(value=len(results)), query=query)
    seen = {f for r in responses.values() for e in r.results for f in e.features}
    matcher = {
        f: {"description": FEATURE_DOCS.get(f, "see the result's explanation"), "coefficient": 1.0} for f in seen
    }
    return EntityMatchResponse(responses=responses, matcher=matcher, limit=lim)


def _first(*values: float | None) -> float:
    return float(next(v for v in values if v is not None))


def example_queries(key: str, example: EntityExample) -> list[Person]:
    """One screening query per name of an example entity (names, or first/father/last names)."""
    props = {
        k: [str(v) for v in (vals if isinstance(vals, list) else [vals]) if v] for k, vals in example.properties.items()
    }
    names = props.get("name", []) + props.get("alias", [])
    if not names:
        parts = [" ".join(props.get(p, [])[:1]) for p in ("firstName", "fatherName", "middleName", "lastName")]
        joined = " ".join(p for p in parts if p)
        names = [joined] if joined else []
    birth = next(iter(props.get("birthDate", [])), None)
    region = next(iter(props.get("address", []) + props.get("region", [])), None)
    role = next(iter(props.get("position", [])), None)
    return [Person(f"{key}:{i}", n, birth, region, role, i) for i, n in enumerate(list(dict.fromkeys(names))[:10], 1)]


def _match_one(
    store: RegistryStore, example: EntityExample, dataset: str, threshold: float, cutoff: float, limit: int
) -> list[ScoredEntityResponse]:
    if example.schema_ not in ("Person", "LegalEntity", "Thing"):
        return []  # the registry index holds people
    best: dict[str, Match] = {}
    for person in screen_queries(store, example_queries("q", example), threshold=cutoff, limit=limit * 3):
        for m in person.matches:
            if m.entity_id not in best or m.score > best[m.entity_id].score:
                best[m.entity_id] = m
    entities = store.entities(best)
    ranked = sorted(best.values(), key=lambda m: (-m.score, m.entity_id))
    kept = [m for m in ranked if m.entity_id in entities and _in_dataset(entities[m.entity_id], dataset)]
    return [scored(entities[m.entity_id], m, threshold) for m in kept[:limit]]


def entity_response(entity: RegistryEntity, ties: list[dict[str, Any]]) -> dict[str, Any]:
    p = entity.provenance
    return {
        "id": entity.id,
        "caption": entity.caption,
        "schema": entity.schema,
        "properties": {k: list(v) for k, v in entity.properties.items()},
        "datasets": [p.source] if p else [],
        "referents": [],
        "target": bool(ties),
        "first_seen": p.loaded_at if p else None,
        "last_seen": p.loaded_at if p else None,
        "last_change": p.loaded_at if p else None,
        "ties": ties,
    }


def scored(entity: RegistryEntity, m: Match, threshold: float) -> ScoredEntityResponse:
    """A yente ``ScoredEntityResponse`` for a match, with our explanation and ties."""
    data = entity_response(entity, [t.to_dict() for t in m.ties])
    data.update(
        score=m.score,
        match=m.score >= threshold,
        features={e.feature: round(e.value, 4) for e in m.explanation},
        explanation=[e.to_dict() for e in m.explanation],
        confidence=m.confidence,
        reasons=list(m.reasons),
    )
    return ScoredEntityResponse.model_validate(data)


@router.get("/search/{dataset}", response_model=SearchResponse, response_model_by_alias=True)
def search(
    request: Request,
    dataset: str,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=500)] = 10,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> SearchResponse:
    """Find registry people by name (scored like ``/match``, best first)."""
    needs(request, Role.VIEWER)
    with _store(request) as store:
        _check_dataset(store, dataset)
        example = EntityExample.model_validate({"schema": "Person", "properties": {"name": [q]}})
        results = _match_one(store, example, dataset, DEFAULT_THRESHOLD, DEFAULT_CUTOFF, offset + limit)
    page = results[offset : offset + limit]
    return SearchResponse(results=page, total=TotalSpec(value=len(results)), limit=limit, offset=offset)


@router.get("/search", response_model=SearchResponse, response_model_by_alias=True, include_in_schema=False)
def search_default(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=500)] = 10,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> SearchResponse:
    return search(request, "default", q, limit, offset)


@router.get("/entities/{entity_id}", response_model=EntityResponse, response_model_by_alias=True)
def get_entity(request: Request, entity_id: str) -> EntityResponse:
    """One registry entity with its properties and, for people, its ties to the state."""
    needs(request, Role.VIEWER)
    with _store(request) as store:
        entity = store.entities([entity_id]).get(entity_id)
        if entity is None:
            raise NotFound(f"no entity {entity_id!r}")
        ties = TieWalker(store).ties([entity_id]).get(entity_id, []) if entity.schema == "Person" else []
    return EntityResponse.model_validate(entity_response(entity, [t.to_dict() for t in ties]))
