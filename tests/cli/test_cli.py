"""The CLI through its real entry point (the installed console script), in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_path

_SCRIPT = Path(sys.executable).with_name("tiescreen")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "tiescreen"]


def run(*args: str | Path, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    # rigour's Wikidata name groups take ~10 s to load per process; these tests are about the CLI.
    env = {**os.environ, "TIESCREEN_CACHE": str(cwd / ".cache"), "TIESCREEN_NAME_VARIANTS": "0"}
    env.pop("TIESCREEN_DEBUG", None)
    return subprocess.run([*COMMAND, *map(str, args)], cwd=cwd, capture_output=True, text=True, env=env,
                          input=stdin, timeout=300, check=False)  # fmt: skip


def assert_clean_error(proc: subprocess.CompletedProcess[str], code: int, fragment: str) -> None:
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    assert fragment in proc.stderr
    assert proc.stdout == ""


def test_screen_jsonl_follows_the_contract(tmp_path: Path, peps: Path, attendees: Path) -> None:
    proc = run("screen", attendees, "--registry", peps, "--format", "jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["query"]["id"] for r in rows] == ["q1", "q2", "q3", "q4"]  # input order
    first = rows[0]
    assert list(first)[:3] == ["query", "tied", "matches"]
    assert first["query"] == {"id": "q1", "name": "Olesya Shigina", "region": "Москва", "role": "mother"}
    assert first["tied"] is True
    match = first["matches"][0]
    assert {"entity_id", "caption", "score", "explanation", "ties"} <= set(match)
    assert match["entity_id"] == "p-1" and match["caption"] == "Шигина Олеся Владимировна"
    assert 0.0 <= match["score"] <= 1.0
    assert all({"feature", "value", "detail"} <= set(e) for e in match["explanation"])
    ties = {t["kind"]: t for t in match["ties"]}
    assert ties["office"]["path"] == ["p-1", "occ-1", "pos-1", "body-1"]
    assert ties["office"]["current"] is True and ties["office"]["role"] == "Депутат"
    assert ties["office"]["body"] == "Совет депутатов муниципального округа Отрадное"
    assert "https://example.org/p-1" in ties["office"]["sources"]
    assert ties["party"]["ruling_party"] is True
    # Anna Shigina is the deputy's mother: tied through her relative, on a name match
    anna = rows[2]["matches"][0]
    assert anna["entity_id"] == "p-3" and anna["ties"][0]["kind"] == "relative"
    assert rows[3]["query"] == {"id": "q4", "name": "Пётр Сидоров"}
    assert (rows[3]["tied"], rows[3]["matches"], rows[3]["verdict"]) == (False, [], "no_tie_found")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "md", "html"])
def test_every_format_on_the_zala_sample(tmp_path: Path, fmt: str) -> None:
    zala = shared_path("registries", "zala", "entities.ftm.json")
    people = tmp_path / "people.txt"
    people.write_text("Maria Osetrova\nЗахарова Мария Александровна\nIvan Ivanov\n", encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    proc = run("screen", people, "-r", zala, "-f", fmt, "-o", out, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        assert rows[0]["matches"][0]["entity_id"] == "NK-2Tbri3s6GgNtAwsSXh4qpL"
        assert rows[1]["matches"][0]["entity_id"] == "NK-2Tbri3s6GgNtAwsSXh4qpL"
        assert rows[2]["matches"] == []
    elif fmt == "json":
        assert json.loads(text)["summary"]["screened"] == 3
    elif fmt == "csv":
        assert next(iter(csv.DictReader(io.StringIO(text))))["query_name"] == "Maria Osetrova"
    elif fmt == "md":
        assert text.startswith("# ") and "Maria Osetrova" in text
    else:
        assert text.startswith("<!DOCTYPE html>") and "Захарова Мария Александровна" in text


def test_ingest_then_screen_from_the_store(tmp_path: Path, peps: Path, attendees: Path) -> None:
    proc = run("ingest", peps, "--db", "team.duckdb", cwd=tmp_path)
    assert proc.returncode == 0 and "loaded, 11 records" in proc.stderr
    # the warm cache is written by the ingest, not by the first screening
    assert [p.name for p in (tmp_path / "team.duckdb.warm").glob("*/graph.json")] == ["graph.json"]
    again = run("ingest", peps, "--db", "team.duckdb", cwd=tmp_path)
    assert "unchanged" in again.stderr
    proc = run("screen", attendees, "--db", "team.duckdb", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["tied"] is True


def test_default_store_lives_in_the_current_folder(tmp_path: Path, peps: Path, attendees: Path) -> None:
    assert run("ingest", peps, cwd=tmp_path).returncode == 0
    assert (tmp_path / "tiescreen.duckdb").exists()
    assert run("screen", attendees, cwd=tmp_path).returncode == 0


def test_fail_on_match_exit_code(tmp_path: Path, peps: Path, attendees: Path) -> None:
    assert run("screen", attendees, "-r", peps, "--fail-on-match", cwd=tmp_path).returncode == 3


@pytest.mark.parametrize(
    ("setup", "args", "code", "fragment"),
    [
        (None, ["screen", "nowhere.csv", "-r", "reg.json"], 1, "Error: nowhere.csv: file not found"),
        ("people", ["screen", "people.csv"], 2, "no --registry given and no store"),
        ("people", ["screen", "people.csv", "-r", "nowhere.ftm.json"], 1, "Error: nowhere.ftm.json: file not found"),
        ("people", ["screen", "people.csv", "-r", "bad.ftm.json"], 1, "bad.ftm.json: line 2: invalid JSON"),
        ("people", ["screen", "people.csv", "-r", "reg.json", "--format", "pdf"], 2, "Invalid value for '-f' / '--format'"),
        ("people", ["ingest", "bad.ftm.json", "--map", "nonsense"], 2, "--map expects FIELD=COLUMN"),
    ],
)  # fmt: skip
def test_errors_are_one_line_with_exit_codes(tmp_path: Path, setup: str | None, args: list[str], code: int,
                                             fragment: str) -> None:  # fmt: skip
    (tmp_path / "people.csv").write_text("name\nOlesya Shigina\n", encoding="utf-8")
    (tmp_path / "bad.ftm.json").write_text(
        '{"id": "a", "schema": "Person", "properties": {}}\n{oops\n', encoding="utf-8"
    )
    proc = run(*args, cwd=tmp_path)
    assert_clean_error(proc, code, fragment)
    if code == 1:
        assert proc.stderr.count("\n") == 1  # exactly one line


def test_skip_bad_rows_tells_how_many_and_why(tmp_path: Path, peps: Path) -> None:
    people = tmp_path / "p.csv"
    people.write_text("name,birth_date\nOlesya Shigina,1975-04-02\nБаба Яга,31.02.1970\n", encoding="utf-8")
    proc = run("screen", people, "-r", peps, "--skip-bad-rows", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "skipped 1 bad row(s)" in proc.stderr and "'31.02.1970' is not a date" in proc.stderr
    assert len(proc.stdout.splitlines()) == 1


def test_score_pairs_contract(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("name1,name2,label\nOlesya Shigina,Шигина Олеся Владимировна,1\nOlesya Shigina,Olesya Shigin,0\n",
                     encoding="utf-8")  # fmt: skip
    proc = run("score-pairs", pairs, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert list(rows[0]) == ["name1", "name2", "label", "score", "match"]
    assert [r["match"] for r in rows] == ["true", "false"]
    assert all(0.0 <= float(r["score"]) <= 1.0 for r in rows)


def test_help_everywhere(tmp_path: Path) -> None:
    for command in ([], ["screen"], ["ingest"], ["score-pairs"], ["demo"]):
        proc = run(*command, "--help", cwd=tmp_path)
        assert proc.returncode == 0 and "Usage:" in proc.stdout


def test_demo_writes_the_report(tmp_path: Path) -> None:
    proc = run("demo", "--dir", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    report = tmp_path / "out" / "report.html"
    assert f"report: {report}" in proc.stderr
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_jsonl_to_a_file_is_written_as_it_comes_and_whole(tmp_path: Path, peps: Path, attendees: Path) -> None:
    to_stdout = run("screen", attendees, "--registry", peps, cwd=tmp_path)
    to_file = run("screen", attendees, "--db", "tiescreen.duckdb", "-o", "out/results.jsonl", cwd=tmp_path)
    assert to_stdout.returncode == to_file.returncode == 0, to_file.stderr
    assert (tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8") == to_stdout.stdout
    assert not list((tmp_path / "out").glob("*.partial"))
    assert "screened 4:" in to_file.stderr and "wrote out/results.jsonl" in to_file.stderr


def test_an_interrupted_stream_leaves_no_output_file(tmp_path: Path) -> None:
    from tiescreen.cli.common import output_stream

    target = tmp_path / "results.jsonl"
    with pytest.raises(KeyboardInterrupt), output_stream(str(target)) as out:
        out.write('{"query": {"id": "q1"}}\n')
        raise KeyboardInterrupt
    assert not target.exists() and not list(tmp_path.iterdir())


def test_a_device_given_as_output_is_written_not_replaced(tmp_path: Path) -> None:
    # `-o /dev/null` once made the rename replace the device with a regular file.
    import stat

    from tiescreen.cli.common import output_stream

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with output_stream(str(fifo)) as out:
            out.write("line\n")
        assert os.read(reader, 100) == b"line\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert not (tmp_path / "pipe.partial").exists()
