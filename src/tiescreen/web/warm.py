"""The registry's warm name index, loaded once per app and lent to every request.

Each ``/match`` and ``/search`` request opens the registry store read-only (a DuckDB
connection is not shared between threads). Before this, each request also loaded the
store's name index again: 0.37 s of a 0.45 s request on a 3,000-official registry, and a
fresh copy of the whole index allocated in every worker thread, which made the server's
memory creep under concurrent load. The app now holds one index and lends it to the stores
it opens; the engine's own check (:func:`tiescreen.engine.local.name_index`) still reloads
it when the registry's sources change, and the new one replaces the old: one index at most.
"""

from __future__ import annotations

import threading
from typing import Any

from tiescreen.engine.local import name_index
from tiescreen.store.registry import RegistryStore

__all__ = ["WarmIndex"]


class WarmIndex:
    """One name index shared by an app's requests (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: Any = None  # (sources stamp, NameIndex), as the engine caches it on a store
        self.loads = 0

    def lend(self, store: RegistryStore) -> RegistryStore:
        """Give ``store`` the shared index, loading it first when absent or out of date."""
        with self._lock:
            if self._held is not None:
                store._warm_index = self._held  # type: ignore[attr-defined]
            name_index(store)  # reuses the lent index unless the registry changed
            held = store._warm_index  # type: ignore[attr-defined]
            if held is not self._held:
                self.loads += 1
                self._held = held
        return store
