"""The matcher on the real data in ../shared/data (skipped when it is absent)."""

from __future__ import annotations

import csv
import math

from tests.conftest import shared_path
from tiescreen.match import DEFAULT_THRESHOLD, score_names


def _recall_at_fpr(pos: list[float], neg: list[float], fpr: float = 0.01) -> float:
    ranked = sorted(neg, reverse=True)
    allowed = math.floor(fpr * len(ranked))
    cut = ranked[allowed] if allowed < len(ranked) else -1.0
    return sum(1 for s in pos if s > cut) / len(pos)


def test_duma_deputies_are_found_across_scripts() -> None:
    base = shared_path("name-pairs", "duma")
    with open(base / "duma_crossscript_pairs.csv", encoding="utf-8", newline="") as fh:
        pos = [score_names(r["cyrillic_name"], r["latin_name"]) for r in csv.DictReader(fh)]
    with open(base / "duma_crossscript_hard_negatives.csv", encoding="utf-8", newline="") as fh:
        neg = [score_names(r["cyrillic_name"], r["latin_name"]) for r in csv.DictReader(fh)]
    assert _recall_at_fpr(pos, neg) >= 0.97
    assert sum(s >= DEFAULT_THRESHOLD for s in neg) <= 0.01 * len(neg) + 1


def test_the_logic_v2_failures_named_in_the_issue_are_fixed() -> None:
    assert score_names("Olesya Shigina", "Olesya Shigin") < DEFAULT_THRESHOLD
    assert score_names("Elena Ivanova", "Elena Ivanov") < DEFAULT_THRESHOLD
    assert score_names("Шигина Олеся Владимировна", "Шигина Олеся Петровна") < DEFAULT_THRESHOLD
    base = shared_path("name-pairs", "duma")
    with open(base / "duma_crossscript_pairs.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert score_names("Зюганов Геннадий Андреевич", "Gennadi Sjuganow") >= DEFAULT_THRESHOLD
    for spelling in ("Tsjirkova", "Ivanovitsj"):
        hits = [r for r in rows if spelling in r["latin_name"]]
        assert hits, spelling
        assert all(score_names(r["cyrillic_name"], r["latin_name"]) >= DEFAULT_THRESHOLD for r in hits), spelling


def test_putin_in_many_scripts_is_one_person_in_cyrillic_and_latin() -> None:
    path = shared_path("name-pairs", "nomenklatura", "putin_names.txt")
    forms = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    cyr_lat = [f for f in forms if all(ord(c) < 0x370 or 0x400 <= ord(c) < 0x500 for c in f)]  # no Greek
    scores = [score_names("Владимир Владимирович Путин", f) for f in cyr_lat]
    assert sum(s >= DEFAULT_THRESHOLD for s in scores) >= 0.9 * len(scores)
