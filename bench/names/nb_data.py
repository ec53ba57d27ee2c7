"""The labelled name-pair sets of the name benchmark, read from ../shared/data (never copied).

Each loader returns a list of :class:`Pair`. Samples are deterministic (seeded ``random.Random``).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"


@dataclass(frozen=True, slots=True)
class Pair:
    name1: str
    name2: str
    label: bool
    schema: str = "Person"
    tag: str = ""


def duma() -> list[Pair]:
    """523 real Cyrillic/Latin pairs of Duma deputies plus 190 derived hard negatives."""
    base = SHARED / "name-pairs" / "duma"
    pairs: list[Pair] = []
    with open(base / "duma_crossscript_pairs.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            pairs.append(Pair(r["cyrillic_name"], r["latin_name"], True, tag=r["cyrillic_lang_guess"]))
    with open(base / "duma_crossscript_hard_negatives.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            pairs.append(Pair(r["cyrillic_name"], r["latin_name"], False, tag="negative"))
    return pairs


def nomenklatura() -> list[Pair]:
    """OpenSanctions' name benchmark: 826 pairs, persons, companies, vessels (upstream's dev set)."""
    path = SHARED / "name-pairs" / "nomenklatura" / "name_bench_cases.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        return [
            Pair(r["name1"], r["name2"], r["is_match"] == "true", r["schema"], r["case_group"])
            for r in csv.DictReader(fh)
        ]


def name_tokens(sample: int, seed: int) -> list[Pair]:
    """Wikidata Latin/Cyrillic single-token transliterations, test split (wd_russian_20).

    ``sample`` positives are drawn uniformly (seeded) from the 32,927 rows. Each positive gets one
    negative: its Latin token against the Cyrillic token of another sampled row that starts with the
    same Latin letter and has a length within two letters (hard, not random, negatives).
    """
    path = SHARED / "name-tokens" / "wd_russian_20"
    rows: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0] and parts[1]:
                rows.append((parts[0], parts[1].replace(" ", "")))
    rng = random.Random(seed)
    chosen = rng.sample(rows, min(sample, len(rows)))
    pairs = [Pair(lat, cyr, True, tag="token") for lat, cyr in chosen]
    by_letter: dict[str, list[tuple[str, str]]] = {}
    for lat, cyr in rows:
        by_letter.setdefault(lat[:1].lower(), []).append((lat, cyr))
    for lat, cyr in chosen:
        pool = by_letter.get(lat[:1].lower(), rows)
        for _ in range(50):
            other_lat, other_cyr = rng.choice(pool)
            if other_lat.lower() != lat.lower() and other_cyr != cyr and abs(len(other_cyr) - len(cyr)) <= 2:
                pairs.append(Pair(lat, other_cyr, False, tag="token-negative"))
                break
    return pairs


def write_csv(pairs: list[Pair], path: Path) -> None:
    """Write pairs as name1,name2,schema,is_match (the anchor runner and score-pairs read this)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name1", "name2", "schema", "is_match", "tag"])
        for p in pairs:
            writer.writerow([p.name1, p.name2, p.schema, "true" if p.label else "false", p.tag])
