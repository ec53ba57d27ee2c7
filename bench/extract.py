"""Benchmark `tiescreen extract` on the labelled set: precision/recall per field and speed.

Run:  .venv/bin/python bench/extract.py [--corpus tests/extract/corpus] [--misses]

Speed is measured on one core after the models are loaded: boilerplate removal alone
(articles/s over the set's files) and end to end (read, clean, detect, NER, roles, merge).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, as the targets say
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from tiescreen.extract import extract_article, extract_text, remove_boilerplate
from tiescreen.extract.evaluate import evaluate, load_labels


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


TARGETS = {"people": ("f1", 0.95), "credits": ("recall", 1.0), "roles": ("f1", 0.85)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent.parent / "tests/extract/corpus")
    parser.add_argument("--misses", action="store_true", help="List every miss and extra.")
    parser.add_argument("--rounds", type=int, default=3, help="Passes over the set for the speed figures.")
    args = parser.parse_args()
    labels = load_labels(args.corpus / "labels.yaml")
    files = [args.corpus / item["file"] for item in labels]
    langs = {args.corpus / item["file"]: item["lang"] for item in labels}
    t0 = time.perf_counter()
    scores = evaluate(args.corpus, lambda p, lang: extract_article(p, lang=None))
    warm = time.perf_counter() - t0
    n_html = sum(1 for f in files if f.suffix == ".html")
    n_ru = sum(1 for v in langs.values() if v == "ru")
    counts = f"{len(files)} articles: {n_html} HTML pages, {n_ru} Russian, {len(files) - n_ru} English"
    say(f"labelled set: {args.corpus} ({counts})")
    say(f"{'field':<15}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>5}{'fn':>5}  target")
    for name, s in scores.items():
        target = TARGETS.get(name)
        mark = ""
        if target:
            value = getattr(s, target[0])
            mark = f"{target[0]} >= {target[1]:.2f} {'ok' if value >= target[1] else 'MISSED'}"
        say(f"{name:<15}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}  {mark}")
    if args.misses:
        for name, s in scores.items():
            for miss in s.misses:
                say(f"  {name}: {miss}")
    say(f"first pass incl. model loading: {warm:.1f} s")
    html = [f for f in files if f.suffix == ".html"]
    wall, cpu = _timed(lambda: [remove_boilerplate(f) for _ in range(args.rounds * 10) for f in html])
    n = args.rounds * 10 * len(html)
    say(f"boilerplate removal: {n / wall:.0f} HTML pages/s wall clock, {n / cpu:.0f} per CPU second")
    wall, cpu = _timed(lambda: [extract_article(f) for _ in range(args.rounds) for f in files])
    n = args.rounds * len(files)
    mean = sum(len(f.read_bytes()) for f in files) // len(files)
    say(f"end to end: {n / wall:.1f} articles/s wall clock, {n / cpu:.1f} per CPU second (files of {mean} bytes)")
    for lang in ("ru", "en"):
        # A longer article: the set's plain-text articles of one language, one after another.
        text = "\n".join(f.read_text(encoding="utf-8") for f in files if f.suffix == ".txt" and langs[f] == lang)
        wall, cpu = _timed(lambda text=text, lang=lang: [extract_text(text, lang=lang) for _ in range(args.rounds)])
        say(f"end to end, {lang} article of {len(text)} characters: {args.rounds / cpu:.1f} per CPU second")
    say(f"machine load while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``work`` (CPU time is what one core spends, load or not)."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


if __name__ == "__main__":
    main()
