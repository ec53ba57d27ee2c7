"""JSON lines, one object per screened person in input order (DESIGN.md's contract), and JSON."""

from __future__ import annotations

import codecs
import json
import os
from typing import TYPE_CHECKING, Any, TextIO

from tiescreen.gcpause import paused_gc

if TYPE_CHECKING:
    from tiescreen.model import PersonResult
    from tiescreen.pipeline import ScreenResult

__all__ = ["JsonLinesWriter", "render_json", "render_jsonl"]


# json.dumps's output (no cycle check: a result is a fresh tree of dicts and lists; it costs a tenth)
_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def _line(person: PersonResult) -> str:
    return _ENCODE(person.to_dict())


def render_jsonl(result: ScreenResult) -> str:
    lines = [_line(p) for p in result.people]
    return "\n".join(lines) + ("\n" if lines else "")


class JsonLinesWriter:
    """Writes results as JSON lines as they come (the same lines :func:`render_jsonl` gives)
    and counts them for the summary: pass it as ``screen(..., sink=...)``.

    A :class:`~tiescreen.pipeline.PreparedSink`: the lines and counts of a part are made by
    :meth:`prepare` in the worker that finished it, and only written here: as UTF-8 bytes,
    which pass between processes as a copy and go to a UTF-8 file as they are (a block's
    lines as a string were decoded and encoded again here, a tenth of a second a block).
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.summary: dict[str, Any] | None = None

    def __call__(self, people: list[PersonResult]) -> None:
        self.write(self.prepare(people))

    @staticmethod
    def prepare(people: list[PersonResult]) -> tuple[bytes, dict[str, Any]]:
        """The lines of ``people`` in UTF-8 and their counts (runs in a worker process)."""
        from tiescreen.pipeline import summarise

        with paused_gc():  # the dicts of a block's results, made and dropped, none in a cycle
            return "".join(_line(p) + "\n" for p in people).encode("utf-8"), summarise(people)

    def write(self, prepared: tuple[bytes, dict[str, Any]]) -> None:
        from tiescreen.pipeline import add_summary

        lines, counts = prepared
        _write_utf8(self.out, lines)
        self.summary = counts if self.summary is None else add_summary(self.summary, counts)


def _write_utf8(out: TextIO, data: bytes) -> None:
    """Write UTF-8 text to ``out``: to its bytes as they are when it writes UTF-8 with no
    newline translation, or else decoded, through its own encoding."""
    buffer = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if buffer is not None and encoding and codecs.lookup(encoding).name == "utf-8" and os.linesep == "\n":
        out.flush()  # what was written as text first
        buffer.write(data)
        buffer.flush()
    else:
        out.write(data.decode("utf-8"))
        out.flush()


def render_json(result: ScreenResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
