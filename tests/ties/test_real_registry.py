"""A real OpenSanctions cluster (ZALA Aero: private companies, owners, directors, families):
none of it is a tie to the state, and nothing in it may be reported as one."""

from __future__ import annotations

import json

from tests.conftest import shared_path
from tiescreen.pipeline import screen
from tiescreen.ties.bodies import classify_body


def _entities() -> list[dict]:
    path = shared_path("registries", "zala", "entities.ftm.json")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_private_company_names_do_not_classify():
    companies = [e for e in _entities() if e["schema"] in ("Company", "Organization", "LegalEntity")]
    assert len(companies) >= 10
    for company in companies:
        for name in company["properties"].get("name", []):
            assert classify_body(name, tuple(company["properties"].get("topics", []))).kind is None, name


def test_people_of_the_cluster_get_no_state_ties(tmp_path):
    path = shared_path("registries", "zala", "entities.ftm.json")
    names = [e["properties"]["name"][0] for e in _entities() if e["schema"] == "Person"]
    result = screen(names, [path], db=tmp_path / "s.duckdb")
    assert len(result) == len(names) == 6
    assert any(p.matches for p in result.people)  # they are found...
    assert all(p.verdict == "no_tie_found" and not p.tie_kinds() for p in result.people)  # ...but not tied
