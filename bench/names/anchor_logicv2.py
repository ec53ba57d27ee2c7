"""Score name pairs with nomenklatura's logic-v2 (run inside bench/.venv-anchor, not tiescreen's venv).

Reads a CSV (name1,name2[,schema]) from the path given, writes one score per line to stdout,
and the scoring time in seconds (excluding entity construction) as the last line "#seconds=...".
"""

import csv
import sys
import time

from followthemoney import model
from nomenklatura.matching import get_algorithm
from nomenklatura.matching.types import ScoringConfig


def _entity(schema: str, name: str, key: str):  # type: ignore[no-untyped-def]
    entity = model.make_entity(schema or "Person")
    entity.id = key
    entity.add("name", name)
    return entity


def main() -> None:
    matcher = get_algorithm("logic-v2")
    config = ScoringConfig.defaults()
    with open(sys.argv[1], encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pairs = [
        (
            _entity(r.get("schema") or "Person", r["name1"], f"a{i}"),
            _entity(r.get("schema") or "Person", r["name2"], f"b{i}"),
        )
        for i, r in enumerate(rows)
    ]
    matcher.compare(pairs[0][0], pairs[0][1], config)  # warm up the reference data
    scores = []
    start = time.process_time()
    for left, right in pairs:
        scores.append(matcher.compare(left, right, config).score)
    seconds = time.process_time() - start
    out = sys.stdout
    for s in scores:
        out.write(f"{s:.6f}\n")
    out.write(f"#seconds={seconds:.6f}\n")


if __name__ == "__main__":
    main()
