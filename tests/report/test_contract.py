"""The machine-readable contract of DESIGN.md, as outside tests read it, plus safe exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import tiescreen
from tiescreen.report import render

EVIL = "<img src=x onerror=alert(1)>"


def _result(tmp_path: Path, peps: Path, people: list[str]) -> tiescreen.ScreenResult:
    return tiescreen.screen(people, [peps], db=tmp_path / "s.duckdb")


def test_jsonl_lines_keep_the_contract(tmp_path: Path, peps: Path) -> None:
    result = _result(tmp_path, peps, ["Olesya Shigina", "Иван Иванов"])
    lines = render(result, "jsonl").splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert set(first) >= {"query", "tied", "matches"} and first["query"] == {"id": "1", "name": "Olesya Shigina"}
    assert isinstance(first["tied"], bool)
    scores = [m["score"] for m in first["matches"]]
    assert scores == sorted(scores, reverse=True)
    for match in first["matches"]:
        assert isinstance(match["entity_id"], str) and isinstance(match["caption"], str)
        for tie in match["ties"]:
            assert {"kind", "role", "body", "current", "path", "sources"} <= set(tie)
            assert tie["path"][0] == match["entity_id"]
    assert second["matches"] == [] and second["tied"] is False


def test_hostile_names_are_escaped_in_html_and_markdown(tmp_path: Path, peps: Path) -> None:
    result = _result(tmp_path, peps, [EVIL, '=HYPERLINK("http://evil")'])
    html = render(result, "html")
    assert EVIL not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "\\<img" in render(result, "md")


def test_csv_neutralises_formulas(tmp_path: Path, peps: Path) -> None:
    result = _result(tmp_path, peps, ['=HYPERLINK("http://evil")', "+1+1", "@SUM(A1)", "-2+3"])
    rows = list(csv.DictReader(io.StringIO(render(result, "csv"))))
    assert [r["query_name"] for r in rows] == ['\'=HYPERLINK("http://evil")', "'+1+1", "'@SUM(A1)", "'-2+3"]
