"""Server-rendered pages: Jinja2 with autoescaping, so every name from a registry is text."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from tiescreen.normalize.translit import readable_latin
from tiescreen.report.words import KIND_LABEL, is_link, tie_sentence
from tiescreen.web.security import csrf_token, current_user

VERDICT_LABEL = {
    "confirm": "Confirmed",
    "reject": "Rejected",
    "unsure": "Unsure",
    "undecided": "Undecided",
    "stale": "Needs review again",
    "none": "Undecided",
}


def _latin(text: str | None) -> str:
    """A Latin reading of a name, or "" when it would only repeat the name."""
    if not text:
        return ""
    latin = readable_latin(text)
    return "" if latin == text else latin


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tiescreen", "web/templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["latin"] = _latin
    env.globals.update(
        kind_label=KIND_LABEL,
        verdict_label=VERDICT_LABEL,
        is_link=is_link,
        tie_sentence=tie_sentence,
    )
    return env


def page(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    """Render a page with the user, the CSRF token and any flash message."""
    try:
        user = current_user(request)
    except Exception:  # an error page for a bad API key still renders
        user = None
    flash = request.session.pop("flash", None)
    data = {"request": request, "user": user, "csrf": csrf_token(request), "flash": flash, **context}
    html = environment().get_template(template).render(**data)
    return HTMLResponse(html, status_code=status_code)


def flash(request: Request, message: str) -> None:
    """A one-line message shown on the next page."""
    request.session["flash"] = message
