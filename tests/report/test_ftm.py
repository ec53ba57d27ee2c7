"""FtM JSON lines of the findings: valid entities that Aleph and OpenSanctions tools load."""

from __future__ import annotations

import json

from followthemoney import model

from tests.report.fake import fake_result
from tiescreen.report import render


def _entities() -> list[dict]:
    return [json.loads(line) for line in render(fake_result(), "ftm").splitlines()]


def test_every_line_is_a_valid_entity_and_references_resolve():
    rows = _entities()
    ids = {r["id"] for r in rows}
    assert len(ids) == len(rows)
    for row in rows:
        proxy = model.get_proxy(row)
        assert proxy.schema.name == row["schema"]
        fresh = model.make_entity(row["schema"])
        for prop, values in row["properties"].items():
            fresh.add(prop, values, quiet=False)  # raises on a property the schema does not have
        cleaned = {k: sorted(v) for k, v in fresh.to_dict()["properties"].items()}
        assert cleaned == {k: sorted(v) for k, v in row["properties"].items()}  # values survive FtM's cleaning
        for prop in proxy.schema.properties.values():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids, (row["schema"], prop.name)


def test_only_ties_the_tool_stands_behind_are_exported():
    rows = _entities()
    names = {n for r in rows if r["schema"] == "Person" for n in r["properties"]["name"]}
    # the two tied people and the official behind the relative tie; not the namesake whose
    # region conflicts, nor the person with no tie
    assert names == {"Natalia Bakhilina", "Галина Уварова", "Уваров Д."}


def test_ties_become_the_right_links():
    rows = _entities()
    by_schema: dict[str, list[dict]] = {}
    for row in rows:
        by_schema.setdefault(row["schema"], []).append(row)
    occupancy_status = sorted(r["properties"].get("status", [""])[0] for r in by_schema["Occupancy"])
    assert occupancy_status == ["current", "current", "ended"]  # deputy, former adviser, the mother's son
    assert by_schema["Membership"][0]["properties"]["role"] == ["член партии"]
    assert "not a member" in by_schema["UnknownLink"][0]["properties"]["role"][0]
    family = by_schema["Family"][0]["properties"]
    assert family["relationship"] == ["mother"]
    party = next(
        r for r in rows if r["properties"].get("name") == ["Всероссийская политическая партия «Единая Россия»"]
    )
    assert party["properties"]["topics"] == ["pol.party"]
    bakhilina = next(r for r in by_schema["Person"] if r["properties"]["name"] == ["Natalia Bakhilina"])
    assert bakhilina["properties"]["topics"] == ["role.pep"]
    for row in by_schema["Occupancy"] + by_schema["Membership"]:
        assert all(u.startswith("https://") for u in row["properties"]["sourceUrl"])


def test_evidence_note_per_match():
    notes = [r for r in _entities() if r["schema"] == "Note"]
    assert any("score 0.98, confirmed" in n["properties"]["description"][0] for n in notes)
