"""Build the ASGI app: stores, sessions, security headers, error pages and the routers."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from tiescreen import __version__
from tiescreen.errors import Conflict, NotFound, PermissionDenied, ReviewError, TiescreenError
from tiescreen.review.service import ReviewService
from tiescreen.store.decisions import DecisionStore
from tiescreen.web.settings import ServeSettings
from tiescreen.web.warm import WarmIndex

HERE = Path(__file__).resolve().parent
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
_STATUS: tuple[tuple[type[TiescreenError], int], ...] = (
    (NotFound, 404),
    (PermissionDenied, 403),
    (ReviewError, 409),
    (TiescreenError, 400),
)


def create_app(settings: ServeSettings | None = None, store: DecisionStore | None = None) -> FastAPI:
    """The review app over the stores named in ``settings``.

    Args:
        settings: where the stores are and how users sign in.
        store: an already open review store (tests); default: open ``settings.review_db``.
    """
    from tiescreen.web import actions, admin, api, views, yente

    settings = settings or ServeSettings()
    store = store or DecisionStore.open(settings.review_db)
    app = FastAPI(
        title="tiescreen",
        version=__version__,
        description="Review screening candidates and match people against registries of officials. "
        "`/match/{dataset}` accepts the requests OpenSanctions yente clients send.",
    )
    app.state.settings = settings
    app.state.service = ReviewService(store, settings.registry_db, limit=settings.limit)
    app.state.warm_index = WarmIndex()  # the registry's name index, shared by /match and /search
    secret = settings.secret or store.meta_set_default("session_secret", secrets.token_urlsafe(48))
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret,
        session_cookie="tiescreen_session",
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    app.middleware("http")(_security_headers)
    app.exception_handler(TiescreenError)(_error)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in (views.router, actions.router, admin.router, api.router, yente.router):
        app.include_router(router)
    return app


async def _security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.headers.get("content-type", "").startswith("text/html") and not request.url.path.startswith("/docs"):
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def wants_json(request: Request) -> bool:
    """True for API clients: JSON accepted before HTML, or an API path."""
    from tiescreen.web.api import API_PREFIXES

    if request.url.path.startswith(API_PREFIXES):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


async def _error(request: Request, exc: Exception) -> Response:
    status = next((code for kind, code in _STATUS if isinstance(exc, kind)), 400)
    message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    if wants_json(request):
        body: dict[str, object] = {"detail": message}
        if isinstance(exc, Conflict):
            body["current"] = exc.current  # the decision in force, for the client to show
        return JSONResponse(body, status_code=status)
    from tiescreen.web.render import page

    if status == 403 and request.method == "GET" and getattr(request.state, "user", None) is None:
        from fastapi.responses import RedirectResponse

        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    return page(request, "error.html.j2", {"status": status, "message": message}, status_code=status)
