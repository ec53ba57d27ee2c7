"""Probes for bench/scale.py, each run as its own process; the last stderr line is JSON.

python bench/scale_probes.py latency STORE QUERIES.csv N
python bench/scale_probes.py recall DATA_DIR N
python bench/scale_probes.py wide STORE QUERIES.csv TRUTH.csv N WIDE
"""

# ruff: noqa: T201  (a benchmark prints its figures)
from __future__ import annotations

import json
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from tiescreen.engine.ingest import ingest
from tiescreen.engine.local import CANDIDATES, MATCHES, NEAR_MISS, name_index
from tiescreen.index.plan import plan_query
from tiescreen.index.records import birth_dates, parse_record
from tiescreen.ingest import read_people
from tiescreen.match.scorer import DEFAULT_THRESHOLD, Scorer
from tiescreen.model import Query, RegistryEntity
from tiescreen.pipeline import screen_queries
from tiescreen.store import open_store


def latency(db: str, queries_path: str, n: int) -> dict[str, float]:
    """Per-query latency against the warm index, one person at a time, at three depths.

    candidates: plan the query and look it up in the index; match: also score the candidates
    from their scoring records (what a matching API answers); full: ``screen_queries`` of one
    query, which also reads the matched people from the store and walks their ties.
    """
    queries = read_people(queries_path)[: n + 20]
    scorer = Scorer()
    with open_store(db, read_only=True) as store:
        index = name_index(store)
        assert index.records is not None
        for q in queries[:20]:
            screen_queries(store, [q], workers=1)
        cand, match, full = [], [], []
        for q in queries[20:]:
            t0 = time.perf_counter()
            numbers = index.candidates(plan_query(q.name, q.birth_date), CANDIDATES).tolist()
            t1 = time.perf_counter()
            for no in numbers:
                entity = index.records.entity(no)
                if entity is not None:
                    scorer.score(q, entity, floor=DEFAULT_THRESHOLD - NEAR_MISS)  # as the engine does
            t2 = time.perf_counter()
            screen_queries(store, [q], workers=1)
            t3 = time.perf_counter()
            cand.append(t1 - t0)
            match.append(t2 - t0)
            full.append(t3 - t2)
    ms = 1000.0

    def pct(values: list[float], p: int) -> float:
        return float(np.percentile(values, p)) * ms

    return {
        "p50_ms": pct(full, 50),
        "p99_ms": pct(full, 99),
        "match_p50_ms": pct(match, 50),
        "match_p99_ms": pct(match, 99),
        "cand_p50_ms": pct(cand, 50),
        "cand_p99_ms": pct(cand, 99),
        "latency_n": len(full),
    }


def _truth(path: Path) -> dict[str, set[str]]:
    """The generator's truth: each query's id -> the ids of the registry people it was made from."""
    truth: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        qid, _kind, ids = line.split(",")
        truth[qid] = set(filter(None, ids.split(";")))
    return truth


_PEOPLE: dict[int, RegistryEntity] = {}
_QUERIES: list[Query] = []


def _exhaustive(i: int) -> list[int]:
    """Every person scoring at the threshold with query ``i`` (the floor skips only pairs that
    a conflicting birth date keeps below it, as the engine does: exact)."""
    scorer, q = Scorer(), _QUERIES[i]
    return [no for no, e in _PEOPLE.items() if scorer.score(q, e, floor=DEFAULT_THRESHOLD).score >= DEFAULT_THRESHOLD]


def recall(data: str, n: int) -> dict[str, float | int]:
    """Share of the matches exhaustive scoring finds that candidate generation also proposes."""
    global _PEOPLE, _QUERIES
    truth = _truth(Path(data) / "truth.csv")
    _QUERIES = read_people(Path(data) / "queries.csv")[:n]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "s.duckdb") as store:
        ingest(store, Path(data) / "registry.ftm.json", bulk_from=0)
        _PEOPLE = store.people(range(10**9 // 100))
        index = name_index(store)
        with multiprocessing.get_context("fork").Pool(2) as pool:
            exhaustive = pool.map(_exhaustive, range(len(_QUERIES)))
        found = total = true_found = true_total = 0
        for q, matches in zip(_QUERIES, exhaustive, strict=True):
            proposed = set(index.candidates(plan_query(q.name, q.birth_date), CANDIDATES).tolist())
            for no in matches:
                hit = no in proposed
                total, found = total + 1, found + hit
                if _PEOPLE[no].id in truth.get(q.id, set()):
                    true_total, true_found = true_total + 1, true_found + hit
    return {
        "candidate_recall": found / max(1, total),
        "candidate_recall_true": true_found / max(1, true_total),
        "exhaustive_matches": total,
        "recall_sample": len(_QUERIES),
        "recall_people": len(_PEOPLE),
    }


_WIDE: tuple[Any, list[Query], int] | None = None  # the index, the queries, the wide list's length


def _wide_one(i: int) -> tuple[set[int], dict[int, float]]:
    """The engine's candidates of query ``i``, and every match (at the threshold) among them and
    the ``wide`` best-ranked people, with its score."""
    assert _WIDE is not None
    index, queries, wide = _WIDE
    q, scorer = queries[i], Scorer()
    plan = plan_query(q.name, q.birth_date)
    engine = set(index.candidates(plan, CANDIDATES).tolist())
    found: dict[int, float] = {}
    for no in engine | set(index.candidates(plan, wide).tolist()):
        text = index.records.text(no)
        if text is None or scorer.out_of_reach(q, birth_dates(text), DEFAULT_THRESHOLD):
            continue  # exact: a conflicting birth date keeps every such pair below the threshold
        score = scorer.score(q, parse_record(no, text), floor=DEFAULT_THRESHOLD).score
        if score >= DEFAULT_THRESHOLD:
            found[no] = round(score, 4)
    return engine, found


def wide(db: str, queries_path: str, truth_path: str, n: int, width: int) -> dict[str, float | int]:
    """The engine's candidates against a much wider candidate list, on the benchmark's registry.

    Exhaustive scoring of one query against a million people takes minutes, so at this scale
    the engine's ``CANDIDATES`` best-ranked people are checked against its ``width`` best,
    all scored (the exhaustive check runs on a small registry: :func:`recall`). Figures:

    - true matches: the generated person a query was made from, when it scores at the
      threshold; ``clear``: those that fewer than ``MATCHES`` other people of the wide list
      score as high as (so any ranking by score reports them; the others are one of many
      namesakes alike to their last letter, where which ones are shown is arbitrary);
    - score recall: per query, the best ``MATCHES`` scores of the wide list, and how many of
      them the engine's candidates reach (namesakes of equal score stand for each other).
    """
    global _WIDE
    truth = _truth(Path(truth_path))
    queries = read_people(queries_path)[:n]
    with open_store(db, read_only=True) as store:
        index = name_index(store)
        assert index.records is not None
        _WIDE = (index, queries, width)
        with multiprocessing.get_context("fork").Pool(2) as pool:
            found = pool.map(_wide_one, range(len(queries)), chunksize=20)
        numbers = sorted({no for _, matches in found for no in matches})
        id_of: dict[int, str] = dict(
            store.db.query("ids", "SELECT no, id FROM entities WHERE list_contains(?, no)", numbers)
        )
    true = clear = true_hit = clear_hit = positions = reached = flooded = 0
    for q, (engine, matches) in zip(queries, found, strict=True):
        best = sorted(matches.values(), reverse=True)[:MATCHES]
        kept = sorted((s for no, s in matches.items() if no in engine), reverse=True)[:MATCHES]
        positions += len(best)
        reached += sum(1 for j, s in enumerate(best) if j < len(kept) and kept[j] >= s)
        flooded += len(matches) > MATCHES
        for no, score in matches.items():
            if id_of[no] in truth.get(q.id, ()):
                true, true_hit = true + 1, true_hit + (no in engine)
                if sum(1 for s in matches.values() if s >= score) <= MATCHES:
                    clear, clear_hit = clear + 1, clear_hit + (no in engine)
    return {
        "wide_true_recall": true_hit / max(1, true),
        "wide_true": true,
        "wide_clear_recall": clear_hit / max(1, clear),
        "wide_clear": clear,
        "wide_score_recall": reached / max(1, positions),
        "wide_positions": positions,
        "wide_flooded": flooded,
        "wide_sample": len(queries),
        "wide_width": width,
        "wide_limit": MATCHES,
    }


if __name__ == "__main__":
    kind, *rest = sys.argv[1:]
    if kind == "latency":
        out: dict[str, float | int] = latency(rest[0], rest[1], int(rest[2]))
    elif kind == "wide":
        out = wide(rest[0], rest[1], rest[2], int(rest[3]), int(rest[4]))
    else:
        out = recall(rest[0], int(rest[1]))
    print(json.dumps(out), file=sys.stderr)
