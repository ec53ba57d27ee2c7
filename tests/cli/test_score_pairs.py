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


def test_a_name_longer_than_1000_characters_is_refused_where_it_is(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(f"name1,name2\nOlesya Shigina,Шигина Олеся\nIvan,{'a' * 100_000}\nIvan,Ivan\n", encoding="utf-8")
    refused = CliRunner().invoke(cli, ["score-pairs", str(pairs)])
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    lines = refused.output.strip().splitlines()
    assert lines == [f"Error: {pairs}: row 2 (line 3), column 'name2': name is 100000 characters long, more than 1000"]
    kept = _run(tmp_path, pairs.read_text(encoding="utf-8"), "--skip-bad-rows")
    assert [(r["name1"], r["name2"]) for r in kept] == [("Olesya Shigina", "Шигина Олеся"), ("Ivan", "Ivan")]
