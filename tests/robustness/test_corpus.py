"""Every file of the generated malformed-input corpus through every reader: nothing crashes.

A reader may read a file or reject it with a TiescreenError that names the file (and the row
or line when there is one); any other exception is a crash. With ``skip_bad_rows=True`` the
good rows of a partly bad file are kept, exactly. The default run takes every file through the
people reader and ``score-pairs``, and a fixed sample through registry ingest (which writes to
the store and is slower); ``-m slow`` takes every file through every reader in both modes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.robustness import harness
from tests.robustness.corpus import Case, build_corpus, write_corpus
from tiescreen.store import open_store

_SCRIPT = Path(sys.executable).with_name("tiescreen")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "tiescreen"]
REGISTRY_SAMPLE = 50  # the default run ingests registry-shaped files and every 50th other file
# Scoring a 100,000-character name takes tens of seconds (see the report): slow run only.
SLOW_PAIRS = ("pairs_long_100k.csv", "pairs_long_words_100k.csv")


def _plan(case: Case, index: int, full: bool) -> list[tuple[str, bool]]:
    """(reader, skip_bad_rows) runs for one case."""
    if full:
        return [(r, s) for r in harness.READERS for s in (False, True)]
    runs = [("people", False), ("people", True)]
    if case.name not in SLOW_PAIRS:
        runs += [("pairs", False)] + ([("pairs", True)] if case.good_reader == "pairs" else [])
    if case.good_reader == "registry" or index % REGISTRY_SAMPLE == 0:
        runs += [("registry", True)] + ([("registry", False)] if case.bad_where else [])
    return runs


def _check(case: Case, path: Path, reader: str, skip: bool, outcome: harness.Outcome) -> list[str]:
    """Everything wrong with one outcome, as messages."""
    wrong: list[str] = []
    label = f"{case.name} through {reader} (skip={skip})"
    if outcome.status == "crash":
        return [f"{label} crashed:\n{outcome.message}"]
    if outcome.status == "rejected" and str(path) not in outcome.message:
        wrong.append(f"{label}: rejection does not name the file: {outcome.message[:300]}")
    if case.good is not None and case.good_reader == reader and skip:
        if outcome.status != "ok":
            wrong.append(f"{label}: good rows were not kept: {outcome.message[:300]}")
        elif outcome.count != case.good:
            wrong.append(f"{label}: kept {outcome.count} rows, expected exactly {case.good}")
    located = outcome.status == "rejected" and case.bad_where is not None and case.bad_where in outcome.message
    if case.bad_where and case.good_reader == reader and not skip and not located:
        wrong.append(f"{label}: rejection should name {case.bad_where!r}: {outcome.status} {outcome.message[:300]}")
    return wrong


def _run_corpus(tmp: Path, full: bool) -> tuple[Counter[str], list[str]]:
    figures: Counter[str] = Counter()
    wrong: list[str] = []
    with open_store(tmp / "corpus.duckdb") as store:
        for index, (case, path) in enumerate(write_corpus(tmp / "corpus", include_huge=full)):
            figures["files"] += 1
            for reader, skip in _plan(case, index, full):
                outcome = harness.run(reader, case, path, skip, store)
                figures["runs"] += 1
                figures[f"{reader} {outcome.status}"] += 1
                figures[outcome.status] += 1
                wrong += _check(case, path, reader, skip, outcome)
    return figures, wrong


def _report(figures: Counter[str], wrong: list[str]) -> None:
    print("corpus figures: " + ", ".join(f"{k}={v}" for k, v in sorted(figures.items())))  # noqa: T201
    assert not wrong, f"{len(wrong)} problems:\n" + "\n".join(wrong[:30])


def test_corpus_has_every_family_and_500_files() -> None:
    cases = build_corpus()
    assert len(cases) >= 500
    families = {c.family for c in cases}
    assert families >= {"encoding", "json", "csv", "nul", "huge", "deep", "empty", "binary", "ftm", "dates",
                        "names", "partly_bad", "pairs"}  # fmt: skip
    assert sum(1 for c in cases if c.good is not None) >= 100


def test_every_corpus_file_is_read_or_rejected_cleanly(tmp_path: Path) -> None:
    figures, wrong = _run_corpus(tmp_path, full=False)
    _report(figures, wrong)
    assert figures["crash"] == 0
    assert figures["files"] >= 500


def test_ten_megabyte_lines_are_rejected_or_read_by_the_people_reader(tmp_path: Path) -> None:
    with open_store(tmp_path / "huge.duckdb") as store:
        for case, path in write_corpus(tmp_path / "huge", include_huge=True):
            if case.huge:
                outcome = harness.run("people", case, path, True, store)
                assert not _check(case, path, "people", True, outcome)


@pytest.mark.slow
def test_every_corpus_file_through_every_reader_in_both_modes(tmp_path: Path) -> None:
    figures, wrong = _run_corpus(tmp_path, full=True)
    _report(figures, wrong)
    assert figures["crash"] == 0


CLI_SAMPLE = (
    "enc_cp1251_unnamed.csv",
    "json_truncated_00068.ftm.json",
    "deep_object_100000.ftm.json",
    "binary_png.csv",
    "csv_ragged_long.csv",
    "nul_in_row.txt",
)
CLI_SAMPLE_SLOW = (
    "enc_utf-16-be_nobom.txt",
    "json_invalid_huge_number.jsonl",
    "empty_zero.csv",
    "header_only_name.csv",
    "ftm_dangling_membership_org.ftm.json",
    "date_00_people.csv",
    "partly_bad_03.ftm.json",
    "name_rtl_override.csv",
    "name_long_100k.txt",
    "huge_line.txt",
)


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TIESCREEN_DEBUG"}
    return subprocess.run([*COMMAND, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300, check=False)


def _assert_clean(proc: subprocess.CompletedProcess[str], path: Path) -> None:
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr and 'File "' not in proc.stderr, proc.stderr
    if proc.returncode == 1:
        first = proc.stderr.splitlines()[0]
        assert first.startswith("Error: "), proc.stderr
        assert path.name in proc.stderr, proc.stderr
        assert "internal error" not in proc.stderr, proc.stderr


def _cli_sample(tmp: Path, names: tuple[str, ...], peps: Path) -> None:
    cases = {c.name: c for c in build_corpus()}
    for name in names:
        path = tmp / name
        path.write_bytes(cases[name].data)
        _assert_clean(_cli(["ingest", str(path), "--db", str(tmp / "cli.duckdb")], tmp), path)
        _assert_clean(_cli(["screen", str(path), "--registry", str(peps), "--db", str(tmp / "s.duckdb")], tmp), path)
        _assert_clean(_cli(["score-pairs", str(path)], tmp), path)


def test_cli_entry_point_on_a_sample_prints_one_error_line(tmp_path: Path, peps: Path) -> None:
    _cli_sample(tmp_path, CLI_SAMPLE[1:2], peps)


@pytest.mark.slow
def test_cli_entry_point_on_a_larger_sample(tmp_path: Path, peps: Path) -> None:
    _cli_sample(tmp_path, CLI_SAMPLE + CLI_SAMPLE_SLOW, peps)
