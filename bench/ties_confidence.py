"""How often a confirmed (or tied) verdict is right, on a generated registry with known truth.

    python -m tiescreen.generate /tmp/gen --people 20000 --queries 1000
    .venv/bin/python bench/ties_confidence.py /tmp/gen

Prints, per confidence level, the precision (flagged people whose best tied match is a true
registry id) and the recall (people in the registry who get flagged). These are the figures
to pass to ``tiescreen screen --precision/--recall`` for lists like the generated ones.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from tiescreen.pipeline import screen


def main(folder: Path) -> None:
    with (folder / "truth.csv").open(encoding="utf-8") as fh:
        truth = {r["id"]: set(filter(None, r["truth"].split(";"))) for r in csv.DictReader(fh)}
    started = time.perf_counter()
    result = screen(folder / "queries.csv", [folder / "registry.ftm.json"], db=folder / "bench.duckdb")
    seconds = time.perf_counter() - started
    positives = sum(1 for ids in truth.values() if ids)
    print(f"{len(result)} queries ({positives} in the registry) screened in {seconds:.1f} s")  # noqa: T201
    for label, levels in (("confirmed", {"confirmed"}), ("tied (confirmed or probable)", {"confirmed", "probable"})):
        flagged = right = 0
        for person in result.people:
            best = next((m for m in person.matches if m.confidence in levels and m.ties), None)
            if best is None:
                continue
            flagged += 1
            right += best.entity_id in truth[person.query.id]
        precision = right / flagged if flagged else 0.0
        recall = right / positives if positives else 0.0
        print(f"{label}: flagged {flagged}, right {right}, precision {precision:.3f}, recall {recall:.3f}")  # noqa: T201


if __name__ == "__main__":
    main(Path(sys.argv[1]))
