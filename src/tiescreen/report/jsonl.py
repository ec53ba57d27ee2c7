"""JSON lines, one object per screened person in input order (DESIGN.md's contract), and JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tiescreen.pipeline import ScreenResult


def render_jsonl(result: ScreenResult) -> str:
    lines = [json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=False) for p in result.people]
    return "\n".join(lines) + ("\n" if lines else "")


def render_json(result: ScreenResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
