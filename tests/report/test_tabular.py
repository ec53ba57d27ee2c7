"""CSV: one row per tie, every tie field, formulas neutralised."""

from __future__ import annotations

import csv
import io

from tests.report.fake import fake_result
from tiescreen.report import render


def _rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(fake_result(), "csv"))))


def test_one_row_per_tie_and_one_per_person_without_matches():
    rows = _rows()
    result = fake_result()
    ties = sum(len(m.ties) for p in result.people for m in p.matches)
    claims = sum(len(p.claims) for p in result.people)
    assert len(rows) == ties + claims + 1  # + the person with neither
    assert [r["tie_kind"] for r in rows if r["query_id"] == "a1"] == [
        "office", "party", "former_office", "party_candidate"
    ]  # fmt: skip
    assert rows[-2]["verdict"] == "no_tie_found" and rows[-2]["tie_kind"] == ""
    claim = rows[-1]
    assert (claim["tie_kind"], claim["tie_confidence"]) == ("claimed", "possible")
    assert claim["evidence"].startswith("Ирина Петрова, член")


def test_tie_fields_survive():
    rows = {(r["query_id"], r["tie_kind"]): r for r in _rows()}
    former = rows[("a1", "former_office")]
    assert (former["current"], former["start"], former["end"]) == ("false", "2006-01-01", "2011-09-30")
    assert rows[("a1", "party")]["ruling_party"] == "true"
    mother = rows[("a2", "relative")]
    assert (mother["relationship"], mother["relative_kind"]) == ("mother of Уваров Д.", "office")
    assert "Ярославская область" in rows[("a3", "office")]["conflicts"]
    assert rows[("a3", "office")]["tie_confidence"] == "possible"


def test_hostile_cells_are_not_formulas():
    for row in _rows():
        for value in row.values():
            assert not value.startswith(("=", "+", "@"))
