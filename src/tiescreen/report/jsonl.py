"""JSON lines, one object per screened person in input order (DESIGN.md's contract), and JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from tiescreen.model import PersonResult
    from tiescreen.pipeline import ScreenResult

__all__ = ["JsonLinesWriter", "render_json", "render_jsonl"]


def _line(person: PersonResult) -> str:
    return json.dumps(person.to_dict(), ensure_ascii=False, sort_keys=False)


def render_jsonl(result: ScreenResult) -> str:
    lines = [_line(p) for p in result.people]
    return "\n".join(lines) + ("\n" if lines else "")


class JsonLinesWriter:
    """Writes results as JSON lines as they come (the same lines :func:`render_jsonl` gives)
    and counts them for the summary: pass it as ``screen(..., sink=...)``."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.summary: dict[str, Any] | None = None

    def __call__(self, people: list[PersonResult]) -> None:
        from tiescreen.pipeline import summarise

        self.out.write("".join(_line(p) + "\n" for p in people))
        self.out.flush()
        self.summary = summarise(people, self.summary)


def render_json(result: ScreenResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
