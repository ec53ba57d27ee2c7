"""Name-matching benchmark: tiescreen's matcher and nomenklatura's logic-v2, side by side.

Usage (from the project root)::

    .venv/bin/python bench/names.py                 # all data sets, both matchers
    .venv/bin/python bench/names.py --sets duma,generated --no-anchor

For every data set it prints precision, recall and F1 at each matcher's default threshold,
recall at a 1% false-positive rate, and comparisons per second per core (CPU time of the
scoring process, so that other load on a shared machine does not count). logic-v2 runs in its own
environment (``bench/.venv-anchor``, created on first use with ``nomenklatura`` from PyPI)
as a subprocess, on the same pairs; its scoring time excludes building the FtM entities.
Our speed is measured in three cache states (see :func:`run_ours`): cold, names parsed
beforehand, and steady state (word-pair comparisons cached too); each name pair is always
scored afresh. Data comes from ../shared/data and is never copied.
"""

# ruff: noqa: T201  (a benchmark prints its figures)

from __future__ import annotations

import argparse
import csv
import gc
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "names"))
sys.path.insert(0, str(HERE.parent / "src"))

import nb_data  # noqa: E402
import nb_generate  # noqa: E402
import nb_metrics  # noqa: E402

ANCHOR_ENV = HERE / ".venv-anchor"
ANCHOR_SPEC = "nomenklatura==4.17.4"
ANCHOR_THRESHOLD = 0.7  # logic-v2's own default
FROZEN = nb_data.SHARED / "name-pairs" / "nomenklatura" / "name_bench_logicv2_frozen_scores.csv"


def ensure_anchor() -> Path:
    """The Python of the benchmark's own environment with nomenklatura (created if missing)."""
    python = ANCHOR_ENV / "bin" / "python"
    if not python.exists():
        print(f"creating {ANCHOR_ENV} with {ANCHOR_SPEC} (once)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(ANCHOR_ENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", ANCHOR_SPEC], check=True)
    return python


def run_anchor(pairs: list[nb_data.Pair]) -> tuple[list[float], float]:
    """logic-v2 scores of the pairs and its scoring time in seconds."""
    python = ensure_anchor()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.csv"
        nb_data.write_csv(pairs, path)
        out = subprocess.run(
            [str(python), str(HERE / "names" / "anchor_logicv2.py"), str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.splitlines()
    seconds = float(out[-1].split("=")[1])
    return [float(line) for line in out[:-1]], seconds


def _clear_caches(level: str) -> None:
    """Empty the caches of one level: "pair" (name pairs), "word" (+ word pairs), "all"."""
    from tiescreen.match import chinese, nicknames, org_words, orgs, scorer, tokens, typos
    from tiescreen.normalize import frequency, given_names, morph, names, text, translit, variants

    caches: list = [scorer._person_score, orgs.score_org_names]
    if level in ("word", "all"):
        caches += [tokens._similarity, tokens.key_similarity, given_names.same_given_name, typos.typo_similarity]
        caches += [nicknames.same_nickname]
    if level == "all":
        caches += [names.parse_name, translit.keys_for, translit.loose_keys, given_names._lookup, orgs.org_parts]
        caches += [variants._groups, tokens._word, translit.raw_keys, frequency.is_known_surname, morph.readings]
        caches += [typos.east_slavic, typos.latin_form, typos.syllabic, typos.abjad, typos.skeleton, typos.sound_key]
        caches += [chinese._wade_giles_keys, chinese._pinyin_keys, org_words.is_place]
        caches += [text.fold_text, morph.known_readings]
    for cache in caches:
        cache.cache_clear()


def _timed(pairs: list[nb_data.Pair]) -> float:
    from tiescreen.match.scorer import score_names

    gc.collect()
    gc.freeze()  # what is cached lives as long as the registry index: keep it out of the collector
    start = time.process_time()
    for p in pairs:
        score_names(p.name1, p.name2, p.schema)
    return time.process_time() - start


def run_ours(pairs: list[nb_data.Pair]) -> tuple[list[float], dict[str, float]]:
    """Our scores and the seconds taken in three cache states.

    ``cold``: every cache empty (name parsing included). ``names``: each distinct name parsed
    and keyed beforehand, as the screening pipeline does; word and pair comparisons computed
    afresh. ``steady``: also the word-pair comparisons cached, as in a long screening run where
    the same words meet again; each name pair is still scored afresh.
    """
    from tiescreen.match.scorer import score_names, warm_up

    warm_up(orgs=True, variants=True)  # load every table and dictionary once, freeze them out of the GC
    _clear_caches("all")
    start = time.process_time()
    scores = [score_names(p.name1, p.name2, p.schema) for p in pairs]
    seconds = {"cold": time.process_time() - start}
    _clear_caches("word")
    seconds["names"] = _timed(pairs)
    _clear_caches("pair")
    seconds["steady"] = _timed(pairs)
    return scores, seconds


def cross_check(pairs: list[nb_data.Pair], scores: list[float]) -> str:
    """How many of logic-v2's scores agree with upstream's frozen run (within 0.01)."""
    if not FROZEN.exists():
        return "frozen scores absent"
    with open(FROZEN, encoding="utf-8", newline="") as fh:
        frozen = {(r["name1"], r["name2"], r["schema"]): float(r["score"]) for r in csv.DictReader(fh)}
    both = [
        (s, frozen[(p.name1, p.name2, p.schema)])
        for p, s in zip(pairs, scores, strict=True)
        if (p.name1, p.name2, p.schema) in frozen
    ]
    close = sum(1 for a, b in both if abs(a - b) <= 0.01)
    return f"logic-v2 here vs upstream frozen run: {close}/{len(both)} scores within 0.01"


def load_sets(names: list[str], token_sample: int, seed: int) -> dict[str, list[nb_data.Pair]]:
    loaders = {
        "duma": nb_data.duma,
        "nomenklatura": nb_data.nomenklatura,
        "tokens": lambda: nb_data.name_tokens(token_sample, seed),
        "generated": lambda: nb_generate.generate(seed),
    }
    return {name: loaders[name]() for name in names}


def _line(who: str, m: nb_metrics.Metrics, threshold: float, per_second: str) -> str:
    return (
        f"  {who:<22} P {m.precision:.3f}  R {m.recall:.3f}  F1 {m.f1:.3f} (at {threshold:.2f})  "
        f"R@1%FPR {m.recall_at_fpr:.3f}  {per_second}"
    )


def report(name: str, pairs: list[nb_data.Pair], anchor: bool, per_tag: bool) -> None:
    from tiescreen.match.defaults import DEFAULT_THRESHOLD

    labels = [p.label for p in pairs]
    print(f"\n{name}: {len(pairs)} pairs ({sum(labels)} positive, {len(pairs) - sum(labels)} negative)")
    scores, seconds = run_ours(pairs)
    ours = nb_metrics.evaluate(scores, labels, DEFAULT_THRESHOLD)
    speed = ", ".join(f"{len(pairs) / s:,.0f}/s {state}" for state, s in seconds.items())
    print(_line("tiescreen", ours, DEFAULT_THRESHOLD, speed))
    if anchor:
        theirs_scores, seconds = run_anchor(pairs)
        theirs = nb_metrics.evaluate(theirs_scores, labels, ANCHOR_THRESHOLD)
        print(_line("nomenklatura logic-v2", theirs, ANCHOR_THRESHOLD, f"{len(pairs) / seconds:,.0f}/s"))
        if name == "nomenklatura":
            print("  " + cross_check(pairs, theirs_scores))
    if per_tag:
        _per_tag(pairs, scores, DEFAULT_THRESHOLD)


def _per_tag(pairs: list[nb_data.Pair], scores: list[float], threshold: float) -> None:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for p, s in zip(pairs, scores, strict=True):
        tag = p.tag.split(":")[0] if p.tag.startswith("translit") else p.tag
        total[tag] += 1
        right[tag] += (s >= threshold) == p.label
    print("  per phenomenon (share scored right at the default threshold):")
    for tag in sorted(total):
        print(f"    {tag:<20} {right[tag]:>4}/{total[tag]:<4} {right[tag] / total[tag]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="duma,nomenklatura,tokens,generated")
    parser.add_argument("--token-sample", type=int, default=2000, help="positives drawn from the 32,927 test tokens")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--no-anchor", action="store_true", help="skip logic-v2")
    parser.add_argument("--per-tag", action="store_true", help="break each set down by phenomenon/tag")
    parser.add_argument("--write", type=Path, help="also write each set as CSV (name1,name2,schema,is_match,tag) here")
    args = parser.parse_args()
    sets = load_sets(args.sets.split(","), args.token_sample, args.seed)
    for name, pairs in sets.items():
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            nb_data.write_csv(pairs, args.write / f"{name}.csv")
        report(name, pairs, not args.no_anchor, args.per_tag)


if __name__ == "__main__":
    main()
