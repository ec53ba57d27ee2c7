"""Form posts of the review page: decide, undo and bulk actions (each with a CSRF token).

With ``Accept: application/json`` (the page's keyboard script) they answer with the new
state of the candidate; without it they redirect back to the page, so they work without
JavaScript too.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from tiescreen.errors import Conflict, InputError
from tiescreen.review.filters import Filters
from tiescreen.review.model import Decision, Role, Verdict
from tiescreen.review.service import NOTE_MAX
from tiescreen.web.app import wants_json
from tiescreen.web.render import VERDICT_LABEL, flash, page
from tiescreen.web.security import check_csrf, needs
from tiescreen.web.views import safe_next, service

router = APIRouter(include_in_schema=False)
DECIDABLE = (Verdict.CONFIRM, Verdict.REJECT, Verdict.UNSURE)


def parse_verdict(value: str) -> Verdict:
    """A verdict from a form value (confirm, reject, unsure), or an InputError."""
    try:
        verdict = Verdict(value.strip().lower())
    except ValueError:
        verdict = Verdict.NONE
    if verdict not in DECIDABLE:
        raise InputError.single("verdict", "", f"{value!r} is not one of confirm, reject, unsure")
    return verdict


def state_json(
    request: Request,
    run_id: str,
    decision: Decision | dict[str, Any] | None,
    person_idx: int,
    entity_id: str,
    *,
    conflict: str | None = None,
) -> Response:
    """The candidate's new state for the page script; with ``conflict``, a 409 carrying the winner's state."""
    data = decision.to_dict() if isinstance(decision, Decision) else decision
    verdict = str(data["verdict"]) if data else "none"
    status = "undecided" if verdict == "none" else verdict
    body: dict[str, Any] = {
        "person_idx": person_idx,
        "entity_id": entity_id,
        "status": status,
        "label": VERDICT_LABEL[status],
        "decision": data,
        "counts": service(request).counts(run_id),
    }
    if conflict is not None:
        body.update(detail=conflict, current=data)
    return JSONResponse(body, status_code=409 if conflict is not None else 200)


def parse_expected(value: str) -> int | None:
    """The decision id a form says the reviewer saw ("" when the form predates the check)."""
    text = value.strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 18:
        raise InputError.single("expected_decision_id", "", f"{value[:40]!r} is not a decision id")
    return int(text)


@router.post("/review/{run_id}/decide")
def decide(
    request: Request,
    run_id: str,
    person_idx: Annotated[int, Form(ge=0)],
    entity_id: Annotated[str, Form(max_length=256)],
    verdict: Annotated[str, Form(max_length=16)],
    note: Annotated[str, Form(max_length=NOTE_MAX)] = "",
    expected_decision_id: Annotated[str, Form(max_length=20)] = "",
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    user = needs(request, Role.REVIEWER)
    expected = parse_expected(expected_decision_id)
    try:
        decision = service(request).decide(
            user, run_id, person_idx, entity_id, parse_verdict(verdict), note, expected=expected
        )
    except Conflict as err:  # show who decided meanwhile; the reviewer may decide again
        if wants_json(request):
            return state_json(request, run_id, err.current, person_idx, entity_id, conflict=str(err))
        flash(request, str(err))
        return RedirectResponse(safe_next(next, f"/review/{run_id}"), status_code=303)
    if wants_json(request):
        return state_json(request, run_id, decision, person_idx, entity_id)
    flash(request, f"{VERDICT_LABEL[str(decision.verdict)]}: {decision.query_name} / {entity_id}")
    return RedirectResponse(safe_next(next, f"/review/{run_id}"), status_code=303)


@router.post("/review/{run_id}/undo")
def undo(
    request: Request, run_id: str, csrf_token: Annotated[str, Form()] = "", next: Annotated[str, Form()] = ""
) -> Response:
    check_csrf(request, csrf_token)
    user = needs(request, Role.REVIEWER)
    svc = service(request)
    decision = svc.undo(user, run_id)
    if wants_json(request):
        if decision is None:
            return JSONResponse({"detail": "nothing to undo"}, status_code=409)
        idx = _person_idx(request, run_id, decision)
        return state_json(request, run_id, decision, idx, decision.entity_id)
    flash(request, "Nothing to undo." if decision is None else f"Undone: {decision.query_name} / {decision.entity_id}")
    return RedirectResponse(safe_next(next, f"/review/{run_id}"), status_code=303)


def _person_idx(request: Request, run_id: str, decision: Decision) -> int:
    for item in service(request).store.candidates(run_id):
        if item.pair == decision.pair:
            return item.person_idx
    return -1


@router.post("/review/{run_id}/bulk")
def bulk(
    request: Request,
    run_id: str,
    verdict: Annotated[str, Form(max_length=16)],
    state: Annotated[str, Form(max_length=64)] = "all",
    band: Annotated[str, Form(max_length=64)] = "all",
    kind: Annotated[str, Form(max_length=64)] = "all",
    note: Annotated[str, Form(max_length=NOTE_MAX)] = "",
    confirmed: Annotated[str, Form()] = "",
    expected: Annotated[int, Form()] = -1,
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    user = needs(request, Role.REVIEWER)
    svc = service(request)
    filters, chosen = Filters.parse(state, band, kind), parse_verdict(verdict)
    items = svc.items(run_id, filters)
    if confirmed != "yes" or expected != len(items):  # show what it touches first
        context = {"run": svc.run(run_id), "filters": filters, "verdict": chosen, "note": note, "items": items}
        return page(request, "bulk.html.j2", context)
    done = svc.bulk(user, run_id, filters, chosen, note)
    flash(request, f"{VERDICT_LABEL[str(chosen)]}: {len(done)} candidate(s).")
    return RedirectResponse(f"/review/{run_id}?{urlencode(filters.as_params())}", status_code=303)
