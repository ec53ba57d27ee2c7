"""rigour's name groups for every worker, looked up by the screening process.

A few pairs in a batch need Wikidata's given-name groups (the pairs our own tables cannot
settle, :mod:`tiescreen.normalize.variants`), and the first look-up builds rigour's tagger:
about 6 s of CPU. Forked workers would each build their own. Instead each worker asks the
screening process, which is idle while they work: it builds the tagger once, on a thread,
and answers every worker through a pipe of its own. A batch that never needs the groups
never builds the tagger.
"""

from __future__ import annotations

import threading
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any

from tiescreen.normalize import variants

__all__ = ["GroupService"]


class GroupService:
    """Answers ``variants.name_groups`` look-ups for ``workers`` forked processes."""

    def __init__(self, context: BaseContext, workers: int) -> None:
        pipes = [context.Pipe() for _ in range(workers)]
        self._here: list[Connection] = [mine for mine, _ in pipes]
        self._there: list[Connection] = [theirs for _, theirs in pipes]
        self._taken: Any = context.Value("i", 0)  # the next pipe a worker takes
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="tiescreen-name-groups", daemon=True)

    def __enter__(self) -> GroupService:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for conn in self._here + self._there:
            conn.close()

    def attach(self) -> None:
        """In a worker (the pool's initializer): ask the screening process from now on."""
        with self._taken.get_lock():
            conn = self._there[self._taken.value]
            self._taken.value += 1

        def ask(word: str) -> frozenset[str]:
            conn.send(word)
            answer: frozenset[str] = conn.recv()
            return answer

        variants.ask_elsewhere(ask)

    def _serve(self) -> None:
        open_ = list(self._here)
        while open_ and not self._stop.is_set():
            for conn in wait(open_, timeout=0.2):
                assert isinstance(conn, Connection)
                try:
                    word = conn.recv()
                except (EOFError, OSError):
                    open_.remove(conn)
                    continue
                conn.send(variants.rigour_groups(word))
