"""Pages: sign-in, the list of runs (and starting one by upload), the review page, reports."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from tiescreen.errors import InputError
from tiescreen.report import FORMATS
from tiescreen.review.auth import verify_password
from tiescreen.review.filters import BANDS, STATES, Filters
from tiescreen.review.model import Role, RunRecord
from tiescreen.review.service import ReviewItem, ReviewService
from tiescreen.web.render import flash, page
from tiescreen.web.security import check_csrf, current_user, needs

router = APIRouter(include_in_schema=False)
_MEDIA = {
    "jsonl": "application/x-ndjson",
    "json": "application/json",
    "csv": "text/csv",
    "md": "text/markdown",
    "html": "text/html",
    "ftm": "application/x-ndjson",
}
_SUFFIXES = (".csv", ".jsonl", ".json", ".txt", ".tsv")


def service(request: Request) -> ReviewService:
    svc: ReviewService = request.app.state.service
    return svc


def safe_next(target: str | None, default: str = "/") -> str:
    """A same-site path to go back to; anything else (``//evil``, ``https://...``) gives ``default``."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return default


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    return page(request, "login.html.j2", {"next": safe_next(next)})


@router.post("/login")
def login(
    request: Request,
    name: Annotated[str, Form(max_length=128)],
    password: Annotated[str, Form(max_length=1024)],
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    check_csrf(request, csrf_token)
    user = service(request).store.user(name.strip())
    if user is None or not verify_password(password, user.password_hash):
        return page(request, "login.html.j2", {"next": safe_next(next), "error": "Wrong name or password."}, 401)
    request.session.clear()  # a new session on sign-in: no fixation
    request.session["user"] = user.name
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, csrf_token)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/")
def runs_page(request: Request) -> Response:
    needs(request, Role.VIEWER)
    svc = service(request)
    runs = svc.store.runs()
    counts = {r.id: svc.counts(r.id) for r in runs if r.status == "done"}
    return page(request, "runs.html.j2", {"runs": runs, "counts": counts, "threshold": svc_threshold(request)})


def svc_threshold(request: Request) -> float:
    return float(request.app.state.settings.threshold)


@router.post("/upload")
async def start_run(
    request: Request,
    background: BackgroundTasks,
    people: Annotated[UploadFile, File()],
    title: Annotated[str, Form(max_length=500)] = "",
    threshold: Annotated[float | None, Form()] = None,
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    user = needs(request, Role.REVIEWER)
    path = await _save_upload(request, people)
    svc = service(request)
    run = svc.create_run(
        user,
        title=title.strip() or people.filename or "uploaded list",
        people_file=people.filename,
        threshold=_threshold(threshold, svc_threshold(request)),
    )
    background.add_task(_execute, svc, run, path)
    flash(request, f"Screening {people.filename or 'the list'}: the run appears below when it is done.")
    return RedirectResponse(f"/review/{run.id}", status_code=303)


def _threshold(value: float | None, default: float) -> float:
    if value is None:
        return default
    if not 0.0 < value <= 1.0:
        raise InputError.single("threshold", "", f"{value} is not between 0 and 1")
    return value


async def _save_upload(request: Request, upload: UploadFile) -> Path:
    limit = int(request.app.state.settings.max_upload)
    data = await upload.read(limit + 1)
    name = upload.filename or "people.txt"
    if not data.strip():
        raise InputError.single(name, "", "the uploaded list is empty")
    if len(data) > limit:
        raise InputError.single(name, "", f"the list is larger than {limit // (1024 * 1024)} MiB")
    suffix = Path(name).suffix.lower()
    with tempfile.NamedTemporaryFile("wb", suffix=suffix if suffix in _SUFFIXES else ".txt", delete=False) as fh:
        fh.write(data)
    return Path(fh.name)


def _execute(svc: ReviewService, run: RunRecord, path: Path) -> None:
    try:
        svc.execute_run(run, path)
    finally:
        path.unlink(missing_ok=True)


@router.get("/review/{run_id}")
def review_page(
    request: Request, run_id: str, state: str | None = None, band: str | None = None, kind: str | None = None,
    page_no: int = 1,
) -> Response:  # fmt: skip
    needs(request, Role.VIEWER)
    svc = service(request)
    run = svc.run(run_id)
    filters = Filters.parse(state, band, kind)
    if run.status != "done":
        return page(request, "review.html.j2", {"run": run, "groups": [], "filters": filters, **_choices(run)})
    context = _review_context(request, svc, run, filters, max(1, page_no))
    return page(request, "review.html.j2", context)


def _choices(run: RunRecord) -> dict[str, Any]:
    kinds = sorted(run.summary.get("by_kind", {}))
    return {"states": STATES, "bands": list(BANDS), "kinds": kinds, "formats": FORMATS}


def _review_context(
    request: Request, svc: ReviewService, run: RunRecord, filters: Filters, page_no: int
) -> dict[str, Any]:
    result = svc.result(run.id)
    items = svc.items(run.id, filters)
    size = int(request.app.state.settings.page_size)
    pages = max(1, -(-len(items) // size))
    shown = items[(page_no - 1) * size : page_no * size]
    histories = svc.store.histories(i.candidate.pair for i in shown)
    groups: list[dict[str, Any]] = []
    for item in shown:
        person = result.people[item.candidate.person_idx]
        match = next((m for m in person.matches if m.entity_id == item.candidate.entity_id), None)
        if not groups or groups[-1]["idx"] != item.candidate.person_idx:
            groups.append({"idx": item.candidate.person_idx, "person": person, "cards": []})
        groups[-1]["cards"].append(_card(item, match, histories.get(item.candidate.pair, [])))
    return {
        "run": run,
        "groups": groups,
        "filters": filters,
        "counts": svc.counts(run.id),
        "matching": len(items),
        "page_no": page_no,
        "pages": pages,
        "unmatched": [p for p in result.people if not p.matches],
        **_choices(run),
    }


def _card(item: ReviewItem, match: Any, history: list[Any]) -> dict[str, Any]:
    return {"item": item, "match": match, "history": history, "status": item.state.status}


@router.get("/review/{run_id}/report.{fmt}")
def report(request: Request, run_id: str, fmt: str) -> Response:
    needs(request, Role.VIEWER)
    if fmt not in FORMATS:
        raise InputError.single("format", "", f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    text = service(request).report(run_id, fmt)
    headers = {"Content-Disposition": f'attachment; filename="tiescreen-{run_id}.{fmt}"'}
    return Response(text, media_type=f"{_MEDIA.get(fmt, 'text/plain')}; charset=utf-8", headers=headers)


@router.get("/whoami")
def whoami(request: Request) -> dict[str, Any]:
    user = current_user(request)
    return {"user": user.name if user else None, "role": str(user.role) if user else None}
