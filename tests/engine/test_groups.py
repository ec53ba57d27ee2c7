"""Workers get rigour's name groups from the screening process, which looks each word up once."""

from __future__ import annotations

import multiprocessing
import os
import sys

import pytest

from tiescreen.engine.groups import GroupService
from tiescreen.normalize import variants

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")


def _groups_of(word: str) -> tuple[frozenset[str], int]:
    return variants.name_groups(word), os.getpid()


def test_workers_ask_the_parent_instead_of_building_rigours_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIESCREEN_NAME_VARIANTS", "1")
    parent = os.getpid()
    asked: list[str] = []

    def fake_rigour(word: str) -> frozenset[str]:  # stands for the 6-second tagger
        asked.append(word)
        return frozenset({f"name:{word.lower()}", f"pid:{os.getpid()}"})

    monkeypatch.setattr(variants, "rigour_groups", fake_rigour)
    context = multiprocessing.get_context("fork")
    words = ["Iryna", "Ирина", "Iryna", "Orlskvii"] * 3
    with GroupService(context, 2) as service, context.Pool(2, initializer=service.attach) as pool:
        answers = pool.map(_groups_of, words, chunksize=1)
    assert [groups for groups, _ in answers] == [
        frozenset({f"name:{w.lower()}", f"pid:{parent}"}) for w in words
    ]  # every answer was worked out in the parent, none in a worker
    assert {pid for _, pid in answers} - {parent}  # the look-ups ran in the workers
    assert sorted(set(asked)) == sorted(set(words)) and len(asked) <= 2 * len(set(words))  # cached per worker
