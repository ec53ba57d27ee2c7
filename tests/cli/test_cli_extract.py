"""`tiescreen extract` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tiescreen.cli import cli

CORPUS = Path(__file__).resolve().parent.parent / "extract" / "corpus"


def test_json_contract(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(CORPUS / "ru01.html"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    names = {p["name"]: p for p in data["people"]}
    assert names["Марина Колесова"]["roles"] == ["муниципальный депутат от «Единой России»"]
    assert names["Александр Щербак"]["is_credit"] is True
    assert "Поддержите" not in data["text"]


def test_summary_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "summary.txt"
    result = CliRunner().invoke(cli, ["extract", str(CORPUS / "en02.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Yevgenia Tarkhanova: film director" in text
    assert "Helen Marsh" in text.split("Photo credits and bylines")[1]


def test_bad_input_is_one_line_and_exit_code_1(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.strip().startswith("Error:") and "PNG image" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_forced_language(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(CORPUS / "en03.txt"), "--lang", "en", "--format", "json"])
    assert json.loads(result.stdout)["lang"] == "en"


def test_article_from_standard_input() -> None:
    text = (CORPUS / "en03.txt").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "-", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    assert "Svetlana Bordina" in [p["name"] for p in json.loads(result.stdout)["people"]]
