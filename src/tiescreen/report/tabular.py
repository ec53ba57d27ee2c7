"""CSV: one row per tie (a person with no tie gets one row), formulas neutralised."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from tiescreen.report.safe import csv_cell

if TYPE_CHECKING:
    from tiescreen.model import Tie
    from tiescreen.pipeline import ScreenResult

COLUMNS = (
    "query_id",
    "query_name",
    "verdict",
    "tied",
    "entity_id",
    "caption",
    "score",
    "confidence",
    "relation",
    "tie_kind",
    "role",
    "body",
    "current",
    "start",
    "end",
    "relative_name",
    "relationship",
    "tie_confidence",
    "path",
    "sources",
    "explanation",
    "body_kind",
    "ruling_party",
    "relative_kind",
    "evidence",
    "conflicts",
)


def tie_rows(result: ScreenResult) -> list[dict[str, Any]]:
    """One row per tie (and per article claim); a person with neither gets one row."""
    rows: list[dict[str, Any]] = []
    for person in result.people:
        base = {
            "query_id": person.query.id,
            "query_name": person.query.name,
            "verdict": person.verdict,
            "tied": person.tied,
        }
        claims = [_tie_cells(base, claim) for claim in person.claims]
        if not person.matches:
            rows.extend(claims or [base])
            continue
        for match in person.matches:
            m = {
                **base,
                "entity_id": match.entity_id,
                "caption": match.caption,
                "score": match.score,
                "confidence": match.confidence,
                "relation": match.relation,
                "explanation": "; ".join(e.detail for e in match.explanation),
                "conflicts": "; ".join(match.conflicts),
            }
            if not match.ties:
                rows.append(m)
            rows.extend(_tie_cells(m, tie) for tie in match.ties)
        rows.extend(claims)
    return rows


def _tie_cells(row: dict[str, Any], tie: Tie) -> dict[str, Any]:
    return {
        **row,
        "tie_kind": str(tie.kind),
        "role": tie.role,
        "body": tie.body,
        "current": tie.current,
        "start": tie.start,
        "end": tie.end,
        "relative_name": tie.relative_name,
        "relationship": tie.relationship,
        "tie_confidence": tie.confidence,
        "path": " > ".join(tie.path),
        "sources": " ".join(tie.sources),
        "body_kind": tie.body_kind,
        "ruling_party": tie.ruling_party,
        "relative_kind": tie.relative_kind,
        "evidence": tie.evidence,
    }


def render_csv(result: ScreenResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in tie_rows(result):
        writer.writerow([csv_cell(row.get(c)) for c in COLUMNS])
    return out.getvalue()
