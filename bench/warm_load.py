"""Time the warm-index load of a store: from the store, writing the warm cache, and mapped from it.

    .venv/bin/python bench/warm_load.py --db /tmp/ing1m.duckdb

Each figure is a fresh process (the way `tiescreen screen` starts), timing
``NameIndex.from_store`` alone. The script removes and rewrites ``<db>.warm/``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

CHILD = """
import json, resource, sys, time
from tiescreen.index.memory import NameIndex
from tiescreen.store import open_store
with open_store(sys.argv[1], read_only=True) as store:
    started = time.perf_counter()
    index = NameIndex.from_store(store)
    seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "people": int((index.masks != 0).sum()), "max_rss": rss}))
"""


def load(db: Path, cache: bool) -> dict[str, float]:
    env = {**os.environ, "TIESCREEN_WARM_CACHE": "1" if cache else "0"}
    out = subprocess.run([sys.executable, "-c", CHILD, str(db)], env=env, capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    shutil.rmtree(Path(str(args.db) + ".warm"), ignore_errors=True)
    rows = [("from the store", load(args.db, cache=False)) for _ in range(args.repeat)]
    rows.append(("first load: from the store, cache written", load(args.db, cache=True)))
    rows += [("mapped from the warm cache", load(args.db, cache=True)) for _ in range(args.repeat)]
    for label, r in rows:
        print(f"{label:44} {r['seconds']:6.3f} s   max RSS {r['max_rss'] / 1e9:5.2f} GB")


if __name__ == "__main__":
    main()
