"""JSON lines as json.dumps writes them, made in a worker with the collector paused."""

from __future__ import annotations

import gc
import io
import json

import pytest

from tests.report.fake import fake_result
from tiescreen.model import PersonResult
from tiescreen.report.jsonl import JsonLinesWriter, render_jsonl


def test_lines_are_json_dumps_of_each_result() -> None:
    result = fake_result()
    expected = "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in result.people)
    assert render_jsonl(result) == expected
    assert "Бахилина" in expected  # not escaped to \u sequences
    lines, counts = JsonLinesWriter.prepare(list(result.people))
    assert lines == expected
    assert counts["screened"] == len(result.people)


def test_prepare_renders_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    to_dict = PersonResult.to_dict

    def watched(self: PersonResult) -> dict[str, object]:
        seen.append(gc.isenabled())
        return to_dict(self)

    monkeypatch.setattr(PersonResult, "to_dict", watched)
    people = list(fake_result().people)
    writer = JsonLinesWriter(io.StringIO())
    writer(people)
    assert seen == [False] * len(people)
    assert gc.isenabled()
    assert writer.summary is not None and writer.summary["screened"] == len(people)
