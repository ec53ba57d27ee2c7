"""Workers get rigour's name groups from one server process, and need not wait for it."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from pathlib import Path

import pytest

from tiescreen.engine.groups import GroupService, GroupsPending, deferring
from tiescreen.normalize import variants

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")


def _groups_of(word: str) -> tuple[frozenset[str], int]:
    return variants.name_groups(word), os.getpid()


def _defer_then_wait(word: str) -> tuple[bool, frozenset[str]]:
    with deferring():
        try:
            variants.name_groups(word)
            pending = False
        except GroupsPending:
            pending = True
    return pending, variants.name_groups(word)


def _fake_rigour(log: Path, delay: float = 0.0):  # type: ignore[no-untyped-def]
    def fake(word: str) -> frozenset[str]:  # stands for the 8-second tagger
        with log.open("a", encoding="utf-8") as f:
            f.write(word + "\n")
        time.sleep(delay)
        return frozenset({f"name:{word.lower()}", f"pid:{os.getpid()}"})

    return fake


def test_workers_ask_one_server_instead_of_building_rigours_tagger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIESCREEN_NAME_VARIANTS", "1")
    log = tmp_path / "asked.txt"
    monkeypatch.setattr(variants, "rigour_groups", _fake_rigour(log))
    context = multiprocessing.get_context("fork")
    words = ["Iryna", "Ирина", "Iryna", "Orlskvii"] * 3
    with GroupService(context, 2) as service, context.Pool(2, initializer=service.attach) as pool:
        answers = pool.map(_groups_of, words, chunksize=1)
    servers = {g.removeprefix("pid:") for groups, _ in answers for g in groups if g.startswith("pid:")}
    workers = {str(pid) for _, pid in answers}
    assert len(servers) == 1 and not servers & (workers | {str(os.getpid())})  # one server answered all
    assert [{g for g in groups if g.startswith("name:")} for groups, _ in answers] == [
        {f"name:{w.lower()}"} for w in words
    ]
    asked = log.read_text(encoding="utf-8").split()
    assert sorted(set(asked)) == sorted(set(words)) and len(asked) <= 2 * len(set(words))  # cached per worker


def test_a_worker_sets_a_word_aside_while_the_server_builds_and_gets_it_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIESCREEN_NAME_VARIANTS", "1")
    monkeypatch.setattr(variants, "rigour_groups", _fake_rigour(tmp_path / "asked.txt", delay=0.5))
    context = multiprocessing.get_context("fork")
    with GroupService(context, 1) as service, context.Pool(1, initializer=service.attach) as pool:
        pending, groups = pool.apply(_defer_then_wait, ("Iryna",))
        again = pool.apply(_defer_then_wait, ("Iryna",))
    assert pending  # deferring: no waiting for the slow server
    assert "name:iryna" in groups  # waiting: the answer came
    assert again == (False, groups)  # answered once, kept
