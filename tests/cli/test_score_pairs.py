"""``tiescreen score-pairs``: the explanation column, organisation schemata, hostile cells."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from tiescreen.cli import cli


def _run(tmp_path: Path, text: str, *args: str) -> list[dict[str, str]]:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["score-pairs", str(pairs), *args], env={"TIESCREEN_NAME_VARIANTS": "0"})
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_explain_adds_a_readable_column(tmp_path: Path) -> None:
    rows = _run(tmp_path, "name1,name2\nIryna Tas-ool,Тас-оол Ирина\n", "--explain")
    assert list(rows[0]) == ["name1", "name2", "score", "match", "explanation"]
    assert "given name: Iryna = Ирина (Ukrainian-style spelling)" in rows[0]["explanation"]


def test_schema_column_compares_organisations(tmp_path: Path) -> None:
    text = "name1,name2,schema\nMicrosoft Corporation,Microsoft Corp.,Company\nBowne Global Solutions,Bowne Global Solutions II,Company\n"
    rows = _run(tmp_path, text)
    assert [r["match"] for r in rows] == ["true", "false"]
    assert rows[0]["schema"] == "Company"


def test_formula_cells_are_neutralised(tmp_path: Path) -> None:
    rows = _run(tmp_path, "name1,name2,note\nOlesya Shigina,Olesya Shigin,=HYPERLINK(1)\n")
    assert not rows[0]["note"].startswith("=")
