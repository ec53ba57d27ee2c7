"""JSON lines as json.dumps writes them, made in a worker with the collector paused."""

from __future__ import annotations

import gc
import io
import json
from pathlib import Path

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
    assert lines == expected.encode("utf-8")  # UTF-8: passed between processes and written as they are
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


def test_a_utf8_file_gets_the_lines_in_order_after_what_was_written_as_text(tmp_path: Path) -> None:
    people = list(fake_result().people)
    path = tmp_path / "out.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write("# first, as text\n")  # still in the text layer's buffer when the bytes come
        JsonLinesWriter(out)(people)
        out.write("# last\n")
    expected = "# first, as text\n" + "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in people)
    assert path.read_text(encoding="utf-8") == expected + "# last\n"


@pytest.mark.parametrize("encoding", ["utf-16", "cp1251"])
def test_a_stream_in_another_encoding_gets_the_lines_in_its_own(tmp_path: Path, encoding: str) -> None:
    people = list(fake_result().people)
    path = tmp_path / "out.jsonl"
    with path.open("w", encoding=encoding, errors="replace") as out:
        JsonLinesWriter(out)(people)
    expected = "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in people)
    assert path.read_text(encoding=encoding) == expected.encode(encoding, "replace").decode(encoding)
    assert "Бахилина" in path.read_text(encoding=encoding)
