"""Probes for bench/scale.py, each run as its own process; the last stderr line is JSON.

python bench/scale_probes.py latency STORE QUERIES.csv N
python bench/scale_probes.py recall DATA_DIR N
"""

# ruff: noqa: T201  (a benchmark prints its figures)
from __future__ import annotations

import json
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from tiescreen.engine.ingest import ingest
from tiescreen.engine.local import CANDIDATES, NEAR_MISS, name_index
from tiescreen.index.plan import plan_query
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


_PEOPLE: dict[int, RegistryEntity] = {}
_QUERIES: list[Query] = []


def _exhaustive(i: int) -> list[int]:
    scorer = Scorer()
    return [no for no, e in _PEOPLE.items() if scorer.score(_QUERIES[i], e).score >= DEFAULT_THRESHOLD]


def recall(data: str, n: int) -> dict[str, float | int]:
    """Share of the matches exhaustive scoring finds that candidate generation also proposes."""
    global _PEOPLE, _QUERIES
    truth: dict[str, set[str]] = {}
    for line in (Path(data) / "truth.csv").read_text(encoding="utf-8").splitlines()[1:]:
        qid, _kind, ids = line.split(",")
        truth[qid] = set(filter(None, ids.split(";")))
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


if __name__ == "__main__":
    kind, *rest = sys.argv[1:]
    out = latency(rest[0], rest[1], int(rest[2])) if kind == "latency" else recall(rest[0], int(rest[1]))
    print(json.dumps(out), file=sys.stderr)
