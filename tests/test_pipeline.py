"""The public Python API: tiescreen.screen and its result objects."""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path

import pytest

import tiescreen
from tiescreen.engine import local
from tiescreen.errors import StoreError
from tiescreen.model import Match, PersonResult, Query, Tie, TieKind
from tiescreen.pipeline import screen, summarise


def test_screen_from_files_and_result_objects(tmp_path: Path, peps: Path, attendees: Path) -> None:
    result = tiescreen.screen(attendees, [peps], db=tmp_path / "s.duckdb")
    assert [p.query.id for p in result] == ["q1", "q2", "q3", "q4"]
    shigina = result.people[0]
    assert shigina.tied and shigina.verdict == "tied"
    assert shigina.matches[0].entity_id == "p-1"
    assert {t.kind.value for t in shigina.matches[0].ties} == {"office", "party"}
    assert result.people[3].verdict == "no_tie_found" and not result.people[3].matches
    summary = result.summary()
    assert summary["screened"] == 4 and summary["tied"] == sum(p.tied for p in result)
    assert result.run.sources[0].content_hash.startswith("sha256:")
    data = result.to_dict()
    assert data["people"][0]["query"]["id"] == "q1" and data["summary"] == summary


def test_to_pandas_has_one_row_per_tie(tmp_path: Path, peps: Path, attendees: Path) -> None:
    result = tiescreen.screen(attendees, [peps], db=tmp_path / "s.duckdb")
    frame = result.to_pandas()
    ties = sum(max(1, len(m.ties)) for p in result for m in p.matches) + sum(1 for p in result if not p.matches)
    assert len(frame) == ties
    assert set(frame[frame.query_id == "q1"].tie_kind) == {"office", "party"}


def test_names_and_queries_given_directly(tmp_path: Path, peps: Path) -> None:
    people = ["Тас-оол Ирина", Query(id="x", name="Olesya Shigina", birth_date="1975-04-02")]
    result = tiescreen.screen(people, [peps], db=tmp_path / "s.duckdb")
    assert result.people[0].query.id == "1"
    tas = result.people[0].matches[0]
    assert tas.entity_id == "p-2" and tas.ties[0].kind.value in {"office", "state_employer"}
    shigina = result.people[1].matches[0]
    assert shigina.confidence == "confirmed" and "birth date" in " ".join(shigina.reasons)


def test_screen_against_a_prepared_store_without_registries(tmp_path: Path, peps: Path) -> None:
    db = tmp_path / "s.duckdb"
    tiescreen.screen(["x"], [peps], db=db)
    result = tiescreen.screen(["Olesya Shigina"], db=db)
    assert result.people[0].tied
    with pytest.raises(StoreError, match="no store"):
        tiescreen.screen(["Olesya Shigina"], db=tmp_path / "missing.duckdb")


def test_conflicting_birth_date_is_never_a_finding(tmp_path: Path, peps: Path) -> None:
    result = tiescreen.screen([Query(id="a", name="Шигина Олеся", birth_date="1990-01-01")], [peps],
                              db=tmp_path / "s.duckdb", threshold=0.3)  # fmt: skip
    person = result.people[0]
    assert not person.tied
    for match in person.matches:
        assert match.confidence == "possible"


def _person(*matches: tuple[str, ...]) -> PersonResult:
    """A result whose matches have ties of these confidences (kinds cycling through three)."""
    kinds = (TieKind.OFFICE, TieKind.PARTY, TieKind.RELATIVE)
    return PersonResult(
        Query(id="q", name="n"),
        tuple(
            Match(
                f"e{i}",
                "c",
                "Person",
                0.9,
                (),
                tuple(Tie(kinds[j % 3], None, None, True, (), (), confidence=c) for j, c in enumerate(levels)),
            )
            for i, levels in enumerate(matches)
        ),
    )


def test_summarise_counts_as_the_results_say() -> None:
    levels = ("possible", "probable", "confirmed")
    people = [_person(), _person(())]
    people += [_person(m) for m in product(levels, repeat=2)] + [
        _person(("possible",), m) for m in product(levels, repeat=3)
    ]
    kinds: dict[str, int] = {}
    for p in people:
        for kind in p.tie_kinds():
            kinds[kind] = kinds.get(kind, 0) + 1
    summary = summarise(people)
    assert list(summary) == ["screened", "tied", "possible", "no_tie_found", "by_kind", "confirmed"]
    assert summary["tied"] == sum(p.tied for p in people) > 0
    assert summary["possible"] == sum(p.possible for p in people) > 0
    assert summary["no_tie_found"] == sum(p.verdict == "no_tie_found" for p in people) > 0
    assert summary["by_kind"] == dict(sorted(kinds.items())) and len(kinds) == 3


@pytest.mark.parametrize("workers", [1, 2])
def test_a_limit_above_twenty_shows_that_many_namesakes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Thirty people of one name: a result asked for 25 matches shows 25, not the 20 candidates
    a query of the default ten scores; the default still shows ten."""
    monkeypatch.setattr(local, "MIN_PARALLEL", 0)
    registry = tmp_path / "namesakes.ftm.json"
    people = [{"id": f"p-{i:02d}", "schema": "Person", "properties": {"name": ["Иванов Сергей Петрович"]}}
              for i in range(30)]  # fmt: skip
    registry.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in people), encoding="utf-8")
    wide = screen(["Иванов Сергей Петрович"], [registry], db=tmp_path / "s.duckdb", limit=25, workers=workers)
    usual = screen(["Иванов Сергей Петрович"], db=tmp_path / "s.duckdb", workers=workers)
    assert [m.entity_id for m in wide.people[0].matches] == [f"p-{i:02d}" for i in range(25)]
    assert [m.entity_id for m in usual.people[0].matches] == [f"p-{i:02d}" for i in range(10)]
