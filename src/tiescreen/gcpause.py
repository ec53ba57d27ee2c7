"""No cyclic garbage collection while a burst of small objects is made (:func:`paused_gc`)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while it lasts (unless it was off already).

    Finishing a block reads, makes and renders millions of small objects, none in a cycle;
    every collection on the way would walk them all again (about a sixth of the time of a
    block of 5,000 queries). Objects are still freed as soon as nothing refers to them.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
