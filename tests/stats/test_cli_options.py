"""The statistics options of ``tiescreen screen``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tiescreen.cli import cli


def test_base_rate_precision_and_recall_reach_the_report(tmp_path: Path, peps: Path, attendees: Path):
    args = ["screen", str(attendees), "-r", str(peps), "--db", str(tmp_path / "s.duckdb"), "-f", "json"]
    result = CliRunner().invoke(cli, [*args, "--base-rate", "0.02", "--precision", "0.95", "--recall", "0.7"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)["statistics"]
    assert stats["screened"] == 4
    assert stats["base_rate"] == 0.02 and stats["base_rate_source"] == "given by the user"
    assert stats["sensitivity"]["precision"] == 0.95 and stats["sensitivity"]["recall"] == 0.7


def test_out_of_range_options_are_usage_errors(tmp_path: Path, peps: Path, attendees: Path):
    args = ["screen", str(attendees), "-r", str(peps), "--db", str(tmp_path / "s.duckdb")]
    for option, value in (("--base-rate", "1.5"), ("--precision", "0"), ("--recall", "-1")):
        result = CliRunner().invoke(cli, [*args, option, value])
        assert result.exit_code == 2, (option, result.output)
        assert option in result.output
