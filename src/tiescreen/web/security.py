"""Who is asking, and may they: sessions, trusted headers, API keys, roles and CSRF tokens.

Browser requests are signed in with a session cookie (or by a reverse proxy's header) and
every form post carries a CSRF token bound to the session. Non-browser clients send an API
key (``Authorization: ApiKey KEY``, ``Authorization: Bearer KEY`` or ``X-API-Key: KEY``);
they carry no cookies, so they need no CSRF token.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request

from tiescreen.errors import PermissionDenied
from tiescreen.review.auth import hash_api_key
from tiescreen.review.model import Role, User
from tiescreen.review.service import ReviewService, require
from tiescreen.web.settings import ServeSettings

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class CsrfError(PermissionDenied):
    """A form post without the session's CSRF token."""


def _service(request: Request) -> ReviewService:
    service: ReviewService = request.app.state.service
    return service


def _settings(request: Request) -> ServeSettings:
    settings: ServeSettings = request.app.state.settings
    return settings


def api_key_of(request: Request) -> str | None:
    """The API key a request carries, if any."""
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() in ("apikey", "bearer") and value.strip():
        return value.strip()
    return request.headers.get("x-api-key") or None


def current_user(request: Request) -> User | None:
    """The user of this request, or None (not signed in). Cached on the request."""
    if hasattr(request.state, "user"):
        cached: User | None = request.state.user
        return cached
    user = _resolve(request)
    request.state.user = user
    return user


def _resolve(request: Request) -> User | None:
    store = _service(request).store
    settings = _settings(request)
    key = api_key_of(request)
    request.state.by_api_key = False
    if key:
        user = store.user_for_key(hash_api_key(key))
        if user is None:
            raise PermissionDenied("unknown or revoked API key")
        request.state.by_api_key = True
        return user
    if settings.trusted_header:
        header = request.headers.get(settings.trusted_header, "").strip()
        if header:
            return store.user(header) or User(header, settings.header_role)
    name = request.session.get("user")
    if isinstance(name, str) and (user := store.user(name)) is not None:
        return user
    if settings.anonymous_role is not None:
        return User("anonymous", settings.anonymous_role)
    return None


def needs(request: Request, role: Role) -> User:
    """The current user when they have ``role``; raise PermissionDenied otherwise."""
    return require(current_user(request), role)


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, submitted: str | None) -> None:
    """Raise unless the request came with an API key or the session's CSRF token."""
    current_user(request)
    if getattr(request.state, "by_api_key", False):
        return
    expected = request.session.get("csrf")
    given = submitted or request.headers.get(CSRF_HEADER)
    if not isinstance(expected, str) or not given or not hmac.compare_digest(expected, given):
        raise CsrfError("the form has expired or did not come from this site; reload the page and try again")
