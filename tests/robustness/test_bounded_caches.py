"""Every in-process cache of tiescreen has a bound, so a long-running server cannot grow
without limit however many distinct names it is sent.

The figures of a 10-minute /match soak are in docs/reliability.md (``bench/api_load.py``);
this checks the bounds themselves: every ``functools`` cache in every tiescreen module has a
``maxsize``, and the web app's shared name index is one (``tests/web/test_warm.py``).
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import tiescreen

EXTRAS = {"fastapi", "starlette", "sqlalchemy", "alembic", "uvicorn", "multipart", "psycopg", "pyspark"}
OPTIONAL = ("tiescreen.engine.spark", "tiescreen.store.decisions.migrations")  # pyspark; alembic scripts


def _modules() -> list[ModuleType]:
    found = []
    for info in pkgutil.walk_packages(tiescreen.__path__, "tiescreen."):
        if info.name.startswith(OPTIONAL) or info.name.endswith("__main__"):
            continue
        try:
            found.append(importlib.import_module(info.name))
        except ModuleNotFoundError as exc:  # the web extra is not installed: nothing of it runs
            if (exc.name or "").split(".")[0] not in EXTRAS:
                raise
    return found


def test_every_cache_has_a_bound() -> None:
    caches = {}
    for module in _modules():
        for name, value in vars(module).items():
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == module.__name__:
                caches[f"{module.__name__}.{name}"] = info().maxsize
    assert len(caches) >= 20, sorted(caches)  # the name caches of normalize/, match/ and index/
    unbounded = sorted(name for name, size in caches.items() if size is None)
    assert not unbounded, f"caches without maxsize: {unbounded}"
    print(f"{len(caches)} caches, largest maxsize {max(caches.values()):,}")  # noqa: T201
