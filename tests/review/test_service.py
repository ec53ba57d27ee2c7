"""Review decisions: append-only, undo, bulk, reuse across runs, reports with decisions applied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tiescreen.errors import PermissionDenied, ReviewError
from tiescreen.ingest import ingest_registry
from tiescreen.review.filters import Filters
from tiescreen.review.model import Role, RunRecord, User, Verdict
from tiescreen.review.service import ReviewService
from tiescreen.store.registry import open_store


def _run(service: ReviewService, user: User, people: Path) -> RunRecord:
    run = service.create_run(user, title="event", people_file=people.name)
    done = service.execute_run(run, people)
    assert done.status == "done", done.error
    return done


def _pick(service: ReviewService, run_id: str, entity_id: str) -> tuple[int, str]:
    item = next(i for i in service.items(run_id) if i.candidate.entity_id == entity_id)
    return item.candidate.person_idx, item.candidate.entity_id


def test_a_run_records_data_versions_and_candidates(service: ReviewService, ann: User, attendees: Path) -> None:
    run = _run(service, ann, attendees)
    assert run.sources and run.sources[0]["content_hash"].startswith("sha256:")
    assert run.tool_version and run.threshold == pytest.approx(0.7)
    shigina = [i for i in service.items(run.id) if i.candidate.query_id == "q1"]
    assert shigina[0].candidate.entity_id == "p-1"
    assert "office" in shigina[0].candidate.tie_kinds
    assert all(i.state.status == "undecided" for i in service.items(run.id))


def test_a_missing_registry_fails_the_run_with_a_message(tmp_path: Path, ann: User, attendees: Path) -> None:
    from tiescreen.store.decisions import DecisionStore

    svc = ReviewService(DecisionStore.open(tmp_path / "r.sqlite"), tmp_path / "absent.duckdb")
    run = svc.execute_run(svc.create_run(ann, title=None, people_file=None), attendees)
    assert run.status == "failed" and "absent.duckdb" in (run.error or "")


def test_decide_supersedes_and_undo_restores_the_previous_verdict(
    any_service: ReviewService, ann: User, attendees: Path
) -> None:
    service = any_service
    run = _run(service, ann, attendees)
    idx, entity = _pick(service, run.id, "p-1")
    service.decide(ann, run.id, idx, entity, Verdict.CONFIRM, "same region and office")
    service.decide(ann, run.id, idx, entity, Verdict.UNSURE, "on second thought")
    undone = service.undo(ann, run.id)
    assert undone is not None and undone.verdict == Verdict.CONFIRM and undone.action == "undo"
    undone = service.undo(ann, run.id)
    assert undone is not None and undone.verdict == Verdict.NONE
    assert service.undo(ann, run.id) is None
    [item] = [i for i in service.items(run.id) if i.candidate.entity_id == entity and i.candidate.person_idx == idx]
    assert item.state.status == "undecided"
    assert len(service.store.history(item.candidate.query_key, entity)) == 4  # nothing is deleted


def test_undo_does_not_overwrite_someone_elses_later_decision(
    service: ReviewService, ann: User, bob: User, attendees: Path
) -> None:
    run = _run(service, ann, attendees)
    idx, entity = _pick(service, run.id, "p-1")
    service.decide(ann, run.id, idx, entity, Verdict.CONFIRM, None)
    service.decide(bob, run.id, idx, entity, Verdict.REJECT, "namesake")
    with pytest.raises(ReviewError, match="decided again"):
        service.undo(ann, run.id)


def test_no_write_without_a_role(service: ReviewService, ann: User, attendees: Path) -> None:
    run = _run(service, ann, attendees)
    idx, entity = _pick(service, run.id, "p-1")
    with pytest.raises(PermissionDenied):
        service.decide(User("vic", Role.VIEWER), run.id, idx, entity, Verdict.CONFIRM, None)
    with pytest.raises(PermissionDenied):
        service.decide(None, run.id, idx, entity, Verdict.CONFIRM, None)
    with pytest.raises(PermissionDenied):
        service.create_run(User("vic", Role.VIEWER), title=None, people_file=None)
    assert service.store.decisions() == []


def test_bulk_decides_exactly_what_the_filter_shows(service: ReviewService, ann: User, attendees: Path) -> None:
    run = _run(service, ann, attendees)
    idx, entity = _pick(service, run.id, "p-1")
    service.decide(ann, run.id, idx, entity, Verdict.CONFIRM, None)
    undecided = Filters(state="undecided")
    expected = {i.candidate.pair for i in service.items(run.id, undecided)}
    done = service.bulk(ann, run.id, undecided, Verdict.REJECT, "bulk: namesakes")
    assert {d.pair for d in done} == expected and all(d.action == "bulk" for d in done)
    assert service.items(run.id, undecided) == []
    assert service.counts(run.id)["confirm"] == 1


def test_filters_by_band_and_tie_kind(service: ReviewService, ann: User, attendees: Path) -> None:
    run = _run(service, ann, attendees)
    items = service.items(run.id)
    for item in service.items(run.id, Filters(kind="office")):
        assert "office" in item.candidate.tie_kinds
    high = service.items(run.id, Filters(band="high"))
    assert all(i.candidate.score >= 0.9 for i in high)
    assert len(high) + len(service.items(run.id, Filters(band="medium"))) + len(
        service.items(run.id, Filters(band="low"))
    ) == len(items)
    assert Filters.parse("bogus", "nope", None) == Filters()


def test_a_later_run_reuses_decisions_that_still_apply_and_flags_the_rest(
    any_service: ReviewService, ann: User, attendees: Path, peps: Path, registry_db: Path
) -> None:
    service = any_service
    first = _run(service, ann, attendees)
    for item in service.items(first.id):
        verdict = Verdict.CONFIRM if item.candidate.entity_id == "p-1" else Verdict.REJECT
        service.decide(ann, first.id, item.candidate.person_idx, item.candidate.entity_id, verdict, "checked")
    second = _run(service, ann, attendees)
    assert all(i.reused for i in service.items(second.id))
    assert service.counts(second.id)["undecided"] == 0

    # The registry entry of p-1 changes: the decision about it no longer applies.
    lines = [json.loads(line) for line in peps.read_text(encoding="utf-8").splitlines()]
    lines[0]["properties"]["birthDate"] = ["1976-01-01"]
    peps.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in lines) + "\n", encoding="utf-8")
    with open_store(registry_db) as store:
        ingest_registry(store, peps)
    third = _run(service, ann, attendees)
    states = {i.candidate.entity_id: i.state.status for i in service.items(third.id) if i.candidate.query_id == "q1"}
    assert states["p-1"] == "stale"
    assert service.counts(third.id)["stale"] >= 1
    assert service.items(third.id, Filters(state="undecided"))  # stale ones need a decision again


def test_the_report_applies_decisions(service: ReviewService, ann: User, attendees: Path) -> None:
    run = _run(service, ann, attendees)
    items = service.items(run.id)
    confirmed = next(i for i in items if i.candidate.entity_id == "p-1")
    rejected = next(i for i in items if i is not confirmed)
    service.decide(ann, run.id, confirmed.candidate.person_idx, "p-1", Verdict.CONFIRM, "same region")
    service.decide(ann, run.id, rejected.candidate.person_idx, rejected.candidate.entity_id, Verdict.REJECT, None)
    data = json.loads(service.report(run.id, "json"))
    people = data["people"]
    match = next(m for m in people[confirmed.candidate.person_idx]["matches"] if m["entity_id"] == "p-1")
    assert match["confidence"] == "confirmed" and any("confirmed by ann" in r for r in match["reasons"])
    gone = people[rejected.candidate.person_idx]["matches"]
    assert rejected.candidate.entity_id not in {m["entity_id"] for m in gone}
    assert data["run"]["review"]["counts"] == {"confirm": 1, "reject": 1}
    for fmt in ("jsonl", "csv", "md", "html"):
        assert service.report(run.id, fmt)


def test_decisions_go_on_while_the_registry_is_being_written(
    service: ReviewService, ann: User, attendees: Path, registry_db: Path
) -> None:
    run = _run(service, ann, attendees)
    idx, entity = _pick(service, run.id, "p-1")
    with open_store(registry_db):  # the CLI ingesting: DuckDB's one writer holds the file
        decision = service.decide(ann, run.id, idx, entity, Verdict.CONFIRM, "while ingesting")
        assert decision.verdict == Verdict.CONFIRM
        assert "confirmed by ann" in service.report(run.id, "md")
        blocked = service.execute_run(service.create_run(ann, title=None, people_file=None), attendees)
    assert blocked.status == "failed" and blocked.error
    assert service.run(blocked.id).error == blocked.error
