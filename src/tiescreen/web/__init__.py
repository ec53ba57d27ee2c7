"""The review web app and HTTP API (ASGI, FastAPI): ``tiescreen serve`` runs it.

Install with ``pip install 'tiescreen[web]'``. Build the app with :func:`create_app`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tiescreen.web.app import create_app
    from tiescreen.web.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        try:
            from tiescreen.web import app, settings
        except ImportError as exc:  # fastapi missing: say which extra to install
            from tiescreen.errors import ConfigError

            raise ConfigError(f"the web app needs `pip install 'tiescreen[web]'` ({exc.name} is missing)") from exc
        return {"create_app": app.create_app, "ServeSettings": settings.ServeSettings}[name]
    raise AttributeError(name)
