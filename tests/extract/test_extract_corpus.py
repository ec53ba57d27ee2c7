"""The labelled sets: the per-field figures stay above the issue's targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tiescreen.extract import extract_article
from tiescreen.extract.evaluate import Score, evaluate, load_labels

CORPUS = Path(__file__).resolve().parent / "corpus"
HELDOUT = Path(__file__).resolve().parent / "heldout"


def _run(corpus: Path) -> dict[str, Score]:
    return evaluate(corpus, lambda path, lang: extract_article(path))


@pytest.fixture(scope="module", params=[CORPUS, HELDOUT], ids=["corpus", "heldout"])
def scores(request: pytest.FixtureRequest) -> dict[str, Score]:
    return _run(request.param)


def test_the_set_is_big_enough_and_mixed() -> None:
    items = load_labels(CORPUS / "labels.yaml")
    assert len(items) >= 30
    assert {i["lang"] for i in items} == {"ru", "en"}
    assert sum(1 for i in items if i["file"].endswith(".html")) >= 8
    assert all((CORPUS / i["file"]).exists() for i in items)


def test_people_f1(scores: dict[str, Score]) -> None:
    assert scores["people"].f1 >= 0.95, scores["people"].misses


def test_every_credit_is_recognised_and_none_is_taken_for_a_person_present(scores: dict[str, Score]) -> None:
    assert scores["credits"].recall == 1.0, scores["credits"].misses
    assert scores["credits"].precision == 1.0, scores["credits"].misses


def test_role_attachment_f1(scores: dict[str, Score]) -> None:
    assert scores["roles"].f1 >= 0.85, scores["roles"].misses


def test_organisations_and_unnamed_roles_are_mostly_found(scores: dict[str, Score]) -> None:
    assert scores["organizations"].f1 >= 0.8, scores["organizations"].misses
    assert scores["unnamed_roles"].f1 >= 0.75, scores["unnamed_roles"].misses


def test_boilerplate_goes_and_the_article_stays(scores: dict[str, Score]) -> None:
    assert scores["sentences"].recall == 1.0, scores["sentences"].misses
    assert scores["boilerplate"].recall >= 0.95, scores["boilerplate"].misses
