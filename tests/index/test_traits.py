"""A person's traits mask and what a query's initials ask of it: the rule alone, the masks the
store builds, and candidates against exhaustive scoring on a registry of namesakes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import NAMESAKE_QUERIES, NAMESAKES, namesake_lines
from tiescreen.engine.ingest import ingest
from tiescreen.index.keys import split_words
from tiescreen.index.memory import NameIndex
from tiescreen.index.plan import plan_query
from tiescreen.index.records import parse_record
from tiescreen.index.traits import LETTERS, InitialsRule, fewest_words, initial_bit, pack
from tiescreen.match.scorer import Scorer
from tiescreen.model import Query
from tiescreen.store import open_store

A, M = initial_bit("a"), initial_bit("m")


def test_every_initial_needs_a_word_in_its_letter() -> None:
    masks = pack([A | M, A, M], [0, 0, 0], [3, 3, 3])
    assert InitialsRule(A | M).agree(masks).tolist() == [True, False, False]


def test_a_letter_taken_by_a_full_word_needs_two_words() -> None:
    masks = pack([A | M, A | M], [A, 0], [3, 3])
    assert InitialsRule(A, twice=A, words=1).agree(masks).tolist() == [True, False]
    assert InitialsRule(A, words=1).agree(masks).tolist() == [True, True]


@pytest.mark.parametrize(
    ("fewest", "words", "asked"), [(1, 1, False), (2, 1, True), (2, 2, False), (3, 2, True), (0, 2, True)]
)
def test_a_name_form_no_longer_than_the_query_asks_no_initials(fewest: int, words: int, asked: bool) -> None:
    masks = pack([A], [0], [fewest])
    assert InitialsRule(M, twice=M, words=words).agree(masks).tolist() == [not asked]


def test_every_letter_and_the_top_bits_survive_packing() -> None:
    every = (1 << LETTERS) - 1
    masks = pack([every], [every], [1])  # bit 63 set: the mask reads as negative
    assert masks[0] < 0
    assert InitialsRule(every, twice=every).agree(masks).tolist() == [True]
    assert InitialsRule(every, twice=every, words=1).agree(pack([0], [0], [1])).tolist() == [True]
    assert InitialsRule(1 << 30, words=1).agree(pack([0], [0], [2])).tolist() == [False]


def test_fewest_words_skips_forms_without_words() -> None:
    assert fewest_words([["Алексенева", "Мария"], [], ["Алексенева"]]) == 1
    assert fewest_words([[], []]) == 0


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("traits")
    (folder / "r.ftm.json").write_text(namesake_lines(), encoding="utf-8")
    with open_store(folder / "s.duckdb") as store:
        ingest(store, folder / "r.ftm.json", bulk_from=0)
    return folder / "s.duckdb"


def _index(db: Path) -> tuple[NameIndex, dict[int, str]]:
    with open_store(db, read_only=True) as store:
        ids = {int(no): str(i) for no, i in store.db.query("t", "SELECT no, id FROM entities")}
        return NameIndex.from_store(store), ids


def test_the_stores_fewest_words_are_the_scorers_name_forms(namesakes: Path) -> None:
    with open_store(namesakes, read_only=True) as store:
        rows = store.db.query("t", "SELECT no, fewest, record FROM person_index")
    assert len(rows) == len(NAMESAKES)
    for no, fewest, record in rows:
        forms = parse_record(no, record).names()
        assert fewest == fewest_words(split_words(name) for name in forms), record


def test_candidates_keep_everyone_the_scorer_matches_and_drop_contradicted_initials(namesakes: Path) -> None:
    index, ids = _index(namesakes)
    assert index.records is not None
    scorer = Scorer()
    found = {}
    for name in NAMESAKE_QUERIES:
        plan = plan_query(name)
        candidates = {ids[no] for no in index.candidates(plan, 100).tolist()}
        unasked = {ids[no] for no in index.candidates(replace(plan, initials=0, repeated=0), 100).tolist()}
        scored = {i for no, i in ids.items() if scorer.score(Query("q", name), index.records.entity(no)).score >= 0.7}
        assert scored & unasked <= candidates, name  # the initials drop no one the scorer matches
        found[name] = candidates
    assert "am" not in found["А. Алексенева"]  # its one word in А is the surname
    assert {"aa", "an", "ai", "lone"} <= found["А. Алексенева"]
    # Two words in А (of three asked); "odd" has a one-word name form (its weak alias Маша).
    assert found["А. А. Алексенева"] == {"aa", "an", "ai", "lone", "odd"}
    assert "pn" not in found["А. А. Полякикский"]  # one word in А for two initials
    assert "pa" in found["А. А. Полякикский"]
    assert "two" in found["Алексенева Ольга М."]  # a name of two words leaves the initial nothing to contradict
    assert "typo" in found["А. Олексенева"]  # its word in А is the given name: once is enough


def test_the_masks_the_store_builds(namesakes: Path) -> None:
    index, ids = _index(namesakes)
    by_id = {i: int(index.masks[no]) for no, i in ids.items()}
    taken = np.asarray([by_id["aa"], by_id["am"]], dtype=np.int64)
    assert InitialsRule(A, twice=A).agree(taken).tolist() == [True, False]
    assert InitialsRule(M, words=1).agree(np.asarray([by_id["lone"]], dtype=np.int64)).tolist() == [True]
    assert InitialsRule(M, words=1).agree(np.asarray([by_id["parts"]], dtype=np.int64)).tolist() == [True]
    assert plan_query("А. А. Полякикский").repeated == A
