"""tiescreen: who among the people presented to the public has ties to the state.

>>> import tiescreen
>>> result = tiescreen.screen("people.csv", ["registry.ftm.json"])  # doctest: +SKIP
>>> result.to_pandas()  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "ColumnMapping",
    "Match",
    "PersonResult",
    "Query",
    "ScreenResult",
    "Tie",
    "TiescreenError",
    "__version__",
    "ingest_registry",
    "open_store",
    "screen",
]

if TYPE_CHECKING:
    from tiescreen.errors import TiescreenError
    from tiescreen.ingest import ColumnMapping, ingest_registry
    from tiescreen.model import Match, PersonResult, Query, Tie
    from tiescreen.pipeline import ScreenResult, screen
    from tiescreen.store import open_store

_LAZY = {
    "ColumnMapping": "tiescreen.ingest",
    "ingest_registry": "tiescreen.ingest",
    "Match": "tiescreen.model",
    "PersonResult": "tiescreen.model",
    "Query": "tiescreen.model",
    "Tie": "tiescreen.model",
    "ScreenResult": "tiescreen.pipeline",
    "screen": "tiescreen.pipeline",
    "open_store": "tiescreen.store",
    "TiescreenError": "tiescreen.errors",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tiescreen' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
