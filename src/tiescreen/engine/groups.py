"""rigour's name groups for every worker, from one server process, without making them wait.

A few pairs in a batch need Wikidata's given-name groups (the pairs our own tables cannot
settle, :mod:`tiescreen.normalize.variants`), and the first look-up builds rigour's tagger:
about 8 s of CPU, during which it holds the interpreter lock. Until some pair needs them, a
worker's scorer supposes every answer instead and asks only when the answers could change
what is kept (:meth:`tiescreen.match.scorer.Scorer.score`). Forked workers would each build
their own. Instead a server process, forked with the workers, builds it once (on the first
question) and answers each worker through a pipe of its own; the screening process keeps its
lock for passing work and results on.

While the tagger is being built, a worker scoring a chunk does not wait: a word it has no
answer for yet raises :class:`GroupsPending` (inside :func:`deferring`), and the worker sets
that query aside and scores the rest of what it claims; then it scores the queries set aside again,
waiting for the answers, so the results are the same either way. A batch that never needs the
groups never builds the tagger.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkContext
from typing import Any

from tiescreen.normalize import variants

__all__ = ["GroupService", "GroupsPending", "deferring"]


class GroupsPending(Exception):
    """A word's name groups are not answered yet (the tagger is being built).

    Control flow inside the engine, caught where it is raised for: never a user's error, so
    not a :class:`~tiescreen.errors.TiescreenError`.
    """


_DEFER: list[bool] = [False]
WAIT_BUILT = 1.0  # seconds a deferring worker waits for an answer once the tagger is built


@contextlib.contextmanager
def deferring() -> Iterator[None]:
    """While it lasts, a look-up the server has not answered yet raises :class:`GroupsPending`."""
    _DEFER[0] = True
    try:
        yield
    finally:
        _DEFER[0] = False


class _Asker:
    """A worker's end: asks each word once, collects answers as they come."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._asked: set[str] = set()
        self._answers: dict[str, frozenset[str]] = {}
        self._built = False  # an answer came: the tagger is built, the next ones take a moment

    def __call__(self, word: str) -> frozenset[str]:
        if word not in self._asked:
            self._conn.send(word)
            self._asked.add(word)
        while word not in self._answers:
            if _DEFER[0] and not self._conn.poll(WAIT_BUILT if self._built else 0):
                raise GroupsPending(word)
            answered, groups = self._conn.recv()
            self._answers[answered] = groups
            self._built = True
        self._asked.discard(word)
        return self._answers.pop(word)  # variants keeps it from now on


class GroupService:
    """Answers ``variants.name_groups`` look-ups for ``workers`` forked processes."""

    def __init__(self, context: ForkContext, workers: int) -> None:
        pipes = [context.Pipe() for _ in range(workers)]
        self._here: list[Connection] = [mine for mine, _ in pipes]
        self._there: list[Connection] = [theirs for _, theirs in pipes]
        self._taken: Any = context.Value("i", 0)  # the next pipe a worker takes
        self._server = context.Process(target=_serve, args=(self._here,), name="tiescreen-name-groups", daemon=True)

    def __enter__(self) -> GroupService:
        self._server.start()
        for conn in self._here:  # the server's ends from now on
            conn.close()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.terminate()  # it keeps nothing worth a tidy stop
        self._server.join()
        for conn in self._there:
            conn.close()

    def attach(self) -> None:
        """In a worker (the pool's initializer): ask the server from now on."""
        with self._taken.get_lock():
            conn = self._there[self._taken.value]
            self._taken.value += 1
        variants.ask_elsewhere(_Asker(conn))


def _serve(conns: list[Connection]) -> None:
    """The server process: answer every worker's words, building rigour's tagger on the first."""
    while conns:
        for conn in wait(conns):
            assert isinstance(conn, Connection)
            try:
                word = conn.recv()
            except (EOFError, OSError):
                conns.remove(conn)
                continue
            conn.send((word, variants.rigour_groups(word)))
