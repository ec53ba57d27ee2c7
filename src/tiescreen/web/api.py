"""The JSON API for runs and decisions (API keys for non-browser clients).

Writes need the reviewer role. A browser session may call it too, with the CSRF token in
the ``X-CSRF-Token`` header.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Request
from fastapi.responses import Response

from tiescreen.errors import InputError
from tiescreen.model import Query as Person
from tiescreen.report import FORMATS
from tiescreen.review.filters import Filters
from tiescreen.review.model import Decision, Role, RunRecord
from tiescreen.review.service import ReviewItem
from tiescreen.web.actions import parse_verdict
from tiescreen.web.schemas import CandidateOut, ConflictOut, DecisionIn, DecisionOut, PersonIn, RunIn, RunOut
from tiescreen.web.security import check_csrf, needs
from tiescreen.web.views import _MEDIA, service

API_PREFIXES = ("/runs", "/decisions", "/match", "/search", "/entities", "/catalog", "/healthz")
router = APIRouter(tags=["review"])


def run_out(run: RunRecord, counts: dict[str, int] | None = None) -> RunOut:
    return RunOut(**run.to_dict(), counts=counts)


def decision_out(d: Decision) -> DecisionOut:
    return DecisionOut(**d.to_dict())


def candidate_out(item: ReviewItem) -> CandidateOut:
    c, d = item.candidate, item.state.decision
    return CandidateOut(
        person_idx=c.person_idx,
        query_id=c.query_id,
        query_name=c.query_name,
        entity_id=c.entity_id,
        caption=c.caption,
        score=c.score,
        tie_kinds=list(c.tie_kinds),
        confidence=c.confidence,
        status=item.state.status,
        reused=item.reused,
        decision=decision_out(d) if d else None,
    )


@router.get("/runs", response_model=list[RunOut], summary="List screening runs with their data versions")
def list_runs(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[RunOut]:
    needs(request, Role.VIEWER)
    return [run_out(r) for r in service(request).store.runs(limit)]


@router.post("/runs", response_model=RunOut, status_code=202, summary="Start a run over a list of people")
def create_run(request: Request, body: RunIn, background: BackgroundTasks) -> RunOut:
    check_csrf(request, None)
    user = needs(request, Role.REVIEWER)
    svc = service(request)
    threshold = body.threshold or float(request.app.state.settings.threshold)
    run = svc.create_run(user, title=body.title, people_file=None, threshold=threshold)
    background.add_task(svc.execute_run, run, [_person(p, i) for i, p in enumerate(body.people, start=1)])
    return run_out(run)


def _person(item: str | PersonIn, row: int) -> Person | str:
    if isinstance(item, str):
        return item
    return Person(item.id or str(row), item.name, item.birth_date, item.region, item.role, row)


@router.get("/runs/{run_id}", response_model=RunOut, summary="One run, with candidate counts by review status")
def get_run(request: Request, run_id: str) -> RunOut:
    needs(request, Role.VIEWER)
    svc = service(request)
    run = svc.run(run_id)
    return run_out(run, svc.counts(run_id) if run.status == "done" else None)


@router.get("/runs/{run_id}/candidates", response_model=list[CandidateOut], summary="A run's candidates")
def list_candidates(
    request: Request, run_id: str, state: str | None = None, band: str | None = None, kind: str | None = None
) -> list[CandidateOut]:
    needs(request, Role.VIEWER)
    svc = service(request)
    svc.run(run_id)
    return [candidate_out(i) for i in svc.items(run_id, Filters.parse(state, band, kind))]


@router.get("/runs/{run_id}/report", summary="The run's report with decisions applied")
def get_report(request: Request, run_id: str, format: str = "json") -> Response:
    needs(request, Role.VIEWER)
    if format not in FORMATS:
        raise InputError.single("format", "", f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    return Response(
        service(request).report(run_id, format), media_type=f"{_MEDIA.get(format, 'text/plain')}; charset=utf-8"
    )


@router.post("/runs/{run_id}/undo", response_model=DecisionOut | None, summary="Undo your newest decision in a run")
def undo(request: Request, run_id: str) -> DecisionOut | None:
    check_csrf(request, None)
    user = needs(request, Role.REVIEWER)
    d = service(request).undo(user, run_id)
    return decision_out(d) if d else None


@router.get("/decisions", response_model=list[DecisionOut], summary="The decision log, newest first")
def list_decisions(
    request: Request,
    run_id: str | None = None,
    user: str | None = None,
    entity_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 500,
) -> list[DecisionOut]:
    needs(request, Role.VIEWER)
    found = service(request).store.decisions(run_id=run_id, user=user, entity_id=entity_id, limit=limit)
    return [decision_out(d) for d in found]


@router.post(
    "/decisions",
    response_model=DecisionOut,
    status_code=201,
    summary="Record a decision",
    responses={409: {"model": ConflictOut, "description": "decided by someone else since you saw it"}},
)
def create_decision(request: Request, body: DecisionIn) -> DecisionOut:
    check_csrf(request, None)
    user = needs(request, Role.REVIEWER)
    verdict = parse_verdict(body.verdict)
    svc = service(request)
    decision = svc.decide(
        user, body.run_id, body.person_idx, body.entity_id, verdict, body.note, expected=body.expected()
    )
    return decision_out(decision)


@router.get("/healthz", include_in_schema=False)
def health() -> dict[str, str]:
    return {"status": "ok"}
