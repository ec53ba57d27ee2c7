"""The demo event: every attendee gets the right verdict and tie kinds, in every export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tiescreen.demo import write_demo
from tiescreen.pipeline import ScreenResult, screen
from tiescreen.report import render

EXPECTED = {
    "a01": ("tied", ["office", "party", "state_employer"]),  # municipal deputy, ruling party, ГБУ deputy director
    "a02": ("tied", ["office"]),  # Tuvan district administration
    "a03": ("tied", ["office"]),  # deputy head of a regional government, initials only
    "a04": ("tied", ["former_office"]),  # former governor's adviser
    "a05": ("tied", ["movement"]),  # civic chamber
    "a06": ("tied", ["movement"]),  # People's Front
    "a07": ("tied", ["party_candidate"]),  # on a party list, not a member
    "a08": ("tied", ["relative"]),  # mother of a district head
    "a09": ("possible", []),  # namesake of a deputy in another region
    "a10": ("no_tie_found", []),  # female form of a deputy's surname
    "a11": ("possible", []),  # namesake of a filler official in another region
    "a12": ("no_tie_found", []),
    "a13": ("tied", ["state_employer"]),  # deputy director of a company the region owns
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> ScreenResult:
    folder: Path = tmp_path_factory.mktemp("demo")
    files = write_demo(folder)
    return screen(files.people, [files.registry], db=folder / "store.duckdb")


def test_every_attendee_gets_the_right_verdict(demo):
    got = {p.query.id: (p.verdict, p.tie_kinds()) for p in demo.people}
    assert got == EXPECTED


def test_demo_statistics(demo):
    stats = demo.statistics()
    assert (stats.n, stats.k) == (13, 8)  # the mother counts apart
    assert stats.p_value < 1e-6


def test_jsonl_carries_verdicts_and_ftm_loads(demo):
    lines = [json.loads(line) for line in render(demo, "jsonl").splitlines()]
    assert [line["tied"] for line in lines] == [v == "tied" for v, _ in EXPECTED.values()]
    entities = [json.loads(line) for line in render(demo, "ftm").splitlines()]
    screened = [e for e in entities if e["schema"] == "Person" and e["id"].startswith("ts-")]
    assert len({e["id"] for e in entities}) == len(entities)
    assert {"Occupancy", "Membership", "UnknownLink", "Employment", "Family", "Note"} <= {e["schema"] for e in entities}
    assert len(screened) >= 9
