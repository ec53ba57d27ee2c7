"""Splink (DuckDB backend) on tiescreen's generated data: run by bench/scale.py in its own venv.

Usage: python bench/splink_run.py REGISTRY.ftm.json QUERIES.csv OUT.csv

Both sides are brought to one Latin spelling (unidecode), names split into tokens sorted
alphabetically (so word order does not matter), with the birth date where known. Blocking
rules: the same first sorted token, the same last sorted token, or the same first four letters
of the longest token. Comparisons: Jaro-Winkler on each token and the whole name, exact birth
date. u from random sampling, m by EM on two of the blocking rules. The best prediction per
query at match probability >= 0.5 is written to OUT.csv (query id, registry id, probability).
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time

import duckdb
import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from unidecode import unidecode

_WORD = re.compile(r"[^\W\d_]+")


def tokens(name: str) -> list[str]:
    return sorted(w for w in _WORD.findall(unidecode(name).lower()) if len(w) > 1)


def frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    out = []
    for uid, name, dob in rows:
        t = tokens(name)
        longest = max(t, key=len) if t else ""
        out.append(
            {
                "unique_id": uid,
                "name": " ".join(t),
                "tok_first": t[0] if t else None,
                "tok_last": t[-1] if t else None,
                "tok_mid": t[1] if len(t) > 2 else None,
                "longest4": longest[:4] or None,
                "dob": dob or None,
            }
        )
    return pd.DataFrame(out)


def registry_rows(path: str) -> list[tuple[str, str, str]]:
    con = duckdb.connect()
    sql = f"""SELECT j->>'$.id', j->>'$.properties.name[0]', coalesce(j->>'$.properties.birthDate[0]', '')
    FROM (SELECT json(raw) AS j FROM read_csv('{path}', columns={{'raw': 'VARCHAR'}}, delim='\x01', quote='',
          escape='', header=false, auto_detect=false, max_line_size=100000000))
    WHERE j->>'$.schema' = 'Person'"""
    return [(str(a), str(b), str(c)) for a, b, c in con.execute(sql).fetchall()]


def main(registry: str, queries: str, out: str) -> None:
    started = time.perf_counter()
    left = frame(registry_rows(registry))
    with open(queries, encoding="utf-8") as f:
        right = frame([(r["id"], r["name"], r.get("birth_date", "")) for r in csv.DictReader(f)])
    prepared = time.perf_counter()
    settings = SettingsCreator(
        link_type="link_only",
        blocking_rules_to_generate_predictions=[block_on("tok_first"), block_on("tok_last"), block_on("longest4")],
        comparisons=[
            cl.JaroWinklerAtThresholds("tok_first", [0.92, 0.8]),
            cl.JaroWinklerAtThresholds("tok_last", [0.92, 0.8]),
            cl.JaroWinklerAtThresholds("tok_mid", [0.92, 0.8]),
            cl.JaroWinklerAtThresholds("name", [0.95, 0.85]),
            cl.ExactMatch("dob"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI()
    tables = [db_api.register(left, table_name="registry"), db_api.register(right, table_name="queries")]
    linker = Linker(tables, settings)
    linker.training.estimate_probability_two_random_records_match([block_on("tok_first", "tok_last")], recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("tok_first"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("tok_last"))
    trained = time.perf_counter()
    predictions = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    predicted = time.perf_counter()
    q_is_r = predictions["source_dataset_r"] == "queries"
    predictions = predictions.assign(
        qid=predictions["unique_id_r"].where(q_is_r, predictions["unique_id_l"]),
        eid=predictions["unique_id_l"].where(q_is_r, predictions["unique_id_r"]),
    )
    best = predictions.sort_values("match_probability", ascending=False).drop_duplicates("qid")
    best[["qid", "eid", "match_probability"]].to_csv(out, index=False)
    json.dump(
        {
            "prepare_s": prepared - started,
            "train_s": trained - prepared,
            "predict_s": predicted - trained,
            "pairs": len(predictions),
        },
        sys.stderr,
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
