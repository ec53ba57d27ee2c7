"""Does screening build rigour's name tagger? Counts the pairs that consult Wikidata's name groups.

Usage (from the project root; the store is opened read-only)::

    .venv/bin/python bench/name_groups_use.py bench/.data/p1000000-q10000/bench.duckdb \
        bench/.data/p1000000-q10000/queries.csv --queries 2000

The queries are screened in this process (one worker), so that every call is seen. It prints
how many times rigour's ``analyze_names`` ran (its first call builds the tagger: about 6 s of
CPU, holding the GIL, in every process that needs it), and which word pairs, in which rule of
:mod:`tiescreen.match.tokens`, looked up a word rigour had not yet tagged.
"""

# ruff: noqa: T201  (a benchmark prints its figures)

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import rigour.names  # noqa: E402

from tiescreen.ingest import read_people  # noqa: E402
from tiescreen.match import tokens  # noqa: E402
from tiescreen.normalize import variants  # noqa: E402
from tiescreen.pipeline import screen_queries  # noqa: E402
from tiescreen.store import open_store  # noqa: E402

CALLS: Counter[str] = Counter()  # the rule (function in tokens.py) that asked
PAIRS: Counter[tuple[str, str, str]] = Counter()


def _instrument() -> None:
    """Count rigour's analyze_names calls and note the word pairs behind them."""
    analyze = rigour.names.analyze_names

    def counted(*args: Any, **kwargs: Any) -> Any:
        CALLS["analyze_names"] += 1
        return analyze(*args, **kwargs)

    rigour.names.analyze_names = counted  # variants._groups imports it from rigour.names on each miss
    for rule in ("_given_relation", "_clipped", "_typo"):
        original = getattr(tokens, rule)

        def traced(*args: Any, _rule: str = rule, _original: Any = original) -> Any:
            before = CALLS["analyze_names"]
            found = _original(*args)
            if CALLS["analyze_names"] > before:
                CALLS[_rule] += 1
                PAIRS[(_rule, args[0], args[1])] += 1
            return found

        setattr(tokens, rule, traced)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store")
    parser.add_argument("queries")
    parser.add_argument("--queries", dest="count", type=int, default=2000)
    parser.add_argument("--write", help="also write each query's matches (id, score) as JSON lines here")
    args = parser.parse_args()
    _instrument()
    queries = read_people(args.queries)[: args.count]
    started = time.process_time()
    with open_store(args.store, read_only=True) as store:
        results = screen_queries(store, queries, workers=1)
    if args.write:
        with open(args.write, "w", encoding="utf-8") as out:
            for person in results:
                found = [(m.entity_id, round(m.score, 4)) for m in person.matches]
                out.write(json.dumps({"query": person.query.name, "matches": found}, ensure_ascii=False) + "\n")
    print(f"screened {len(results)} queries in {time.process_time() - started:.1f} s CPU (one process)")
    print(f"rigour analyze_names calls: {CALLS['analyze_names']} (name-group lookups enabled: {variants.enabled()})")
    for rule in ("_given_relation", "_clipped", "_typo"):
        print(f"  first asked by {rule}: {CALLS[rule]}")
    for (rule, a, b), n in PAIRS.most_common(40):
        print(f"  {rule:16} {a} / {b}  x{n}")


if __name__ == "__main__":
    main()
