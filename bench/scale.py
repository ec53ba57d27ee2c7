"""Scale benchmark: tiescreen and Splink side by side on the same generated data.

    .venv/bin/python bench/scale.py --people 1000000 --queries 10000 --big-queries 100000

Generates (once) a registry of PEOPLE officials with known truth (``python -m
tiescreen.generate``), then runs, each as its own process tree whose peak resident memory
is sampled from /proc: ``tiescreen ingest`` into a fresh store; ``tiescreen screen`` of the
queries (and of BIG_QUERIES); single-query latency against the warm index; candidate recall
against exhaustive scoring on a sample (a small registry) and against a much wider candidate
list, all scored, on the benchmark's registry; and Splink 5 on DuckDB in bench/.venv-splink (made
here on first use). Prints one table and writes ``results.json`` beside the data.
"""

# ruff: noqa: T201  (a benchmark prints its figures)
from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
SPLINK_VENV = HERE / ".venv-splink"


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(ppid, []).append(int(entry))
    return tree


def _tree_memory(pid: int) -> tuple[int, int]:
    """Resident (RSS) and proportional (PSS) memory of a process tree, in bytes.

    Forked workers share the parent's pages until they write them: RSS counts a shared page
    once per process, PSS splits it between them, so the PSS sum is what the tree really uses.
    """
    tree, todo, rss, pss = _children(), [pid], 0, 0
    while todo:
        p = todo.pop()
        todo.extend(tree.get(p, []))
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue
    return rss * 1024, pss * 1024


PEAK_RSS: dict[str, int] = {}  # label -> peak summed RSS, beside the PSS peak that run() returns
# label -> CPU seconds of the whole process tree (user + system): steadier than wall time on a
# shared host whose speed drifts, and it shows what the cores did
CPU_S: dict[str, float] = {}


def run(cmd: list[str], label: str, env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Run a command; return wall seconds, peak PSS of its process tree (bytes), stderr."""
    print(f"-- {label}: {' '.join(cmd)}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)  # descendants count once waited for
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})  # fmt: skip
    peak = peak_rss = 0
    done = threading.Event()

    def sample() -> None:
        # Reading smaps_rollup walks the page tables of every process: every half second it
        # costs the measured processes little; ten times a second it took a third of a core.
        nonlocal peak, peak_rss
        while not done.is_set():
            rss, pss = _tree_memory(proc.pid)
            peak, peak_rss = max(peak, pss), max(peak_rss, rss)
            done.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_S[label] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    PEAK_RSS[label] = peak_rss
    if proc.returncode != 0:
        raise SystemExit(f"{label} failed ({proc.returncode}):\n{err[-3000:]}")
    return wall, peak, err


def truth_of(path: Path) -> dict[str, set[str]]:
    with path.open(encoding="utf-8") as f:
        return {r["id"]: set(filter(None, r["truth"].split(";"))) for r in csv.DictReader(f)}


def precision_recall(predicted: dict[str, str | None], truth: dict[str, set[str]]) -> tuple[float, float]:
    tp = sum(1 for q, e in predicted.items() if e and e in truth[q])
    fp = sum(1 for q, e in predicted.items() if e and e not in truth[q])
    fn = sum(1 for q, t in truth.items() if t and predicted.get(q) not in t)
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def tiescreen_predictions(path: Path) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            matches = row.get("matches") or []
            out[str(row["query"]["id"])] = matches[0]["entity_id"] if matches else None
    return out


def generate(data: Path, people: int, queries: int, big: int) -> None:
    if not (data / "registry.ftm.json").exists():
        run([PY, "-m", "tiescreen.generate", str(data), "--people", str(people), "--queries", str(queries)], "generate")
    if big and not (data / "big" / "queries.csv").exists():
        from tiescreen.generate import write_queries

        (data / "big").mkdir(exist_ok=True)
        big_dir = data / "big"
        write_queries(
            big_dir / "queries.csv", big_dir / "truth.csv", people, big, 8, registry=data / "registry.ftm.json"
        )


def _compile_package() -> None:
    """Byte-compile tiescreen's modules, as installing a package does: an editable install
    compiles them on first import, unless PYTHONDONTWRITEBYTECODE is set (as in some
    sandboxes), and then every run compiles all of them again (0.1-0.2 s of start-up)."""
    import compileall

    import tiescreen

    compileall.compile_dir(str(Path(tiescreen.__file__).parent), quiet=1)


def bench_tiescreen(
    data: Path, big: int, latency: int, wide: tuple[int, int] | None = None, repeat: int = 3
) -> dict[str, object]:
    db = data / "bench.duckdb"
    _compile_package()
    for leftover in (db, Path(f"{db}.wal")):
        leftover.unlink(missing_ok=True)
    res: dict[str, object] = {}
    res["ingest_s"], res["ingest_peak"], _ = run([PY, "-m", "tiescreen", "ingest", str(data / "registry.ftm.json"),
                                                  "--db", str(db)], "tiescreen ingest")  # fmt: skip
    out = data / "tiescreen.jsonl"
    # The screening is run `repeat` times (this host's speed drifts by a third within the hour):
    # the median is reported, with every run; each run's output must be the same.
    runs: list[tuple[float, int, int, float]] = []
    for i in range(max(1, repeat)):
        target = out if i == 0 else data / "tiescreen.again.jsonl"
        wall, peak, _ = run([PY, "-m", "tiescreen", "screen", str(data / "queries.csv"), "--db", str(db),
                             "-o", str(target)], "tiescreen screen")  # fmt: skip
        runs.append((wall, peak, PEAK_RSS["tiescreen screen"], CPU_S["tiescreen screen"]))
        if i and target.read_bytes() != out.read_bytes():
            raise SystemExit(f"screening run {i + 1} wrote other results than the first")
    median = sorted(runs)[len(runs) // 2]
    res["screen_s"], res["screen_runs_s"] = median[0], [r[0] for r in runs]
    res["screen_peak"], res["screen_rss"] = max(r[1] for r in runs), max(r[2] for r in runs)
    res["ingest_cpu_s"], res["screen_cpu_s"] = CPU_S["tiescreen ingest"], median[3]
    res["precision"], res["recall"] = precision_recall(tiescreen_predictions(out), truth_of(data / "truth.csv"))
    one = data / "one.csv"
    one.write_text("\n".join((data / "queries.csv").read_text(encoding="utf-8").splitlines()[:2]) + "\n", "utf-8")
    res["startup_s"], _, _ = run([PY, "-m", "tiescreen", "screen", str(one), "--db", str(db), "-o", "/dev/null"],
                                 "tiescreen screen (one query: start-up)")  # fmt: skip
    if big:
        big_out = data / "big" / "tiescreen.jsonl"
        res["big_s"], res["big_peak"], _ = run(
            [PY, "-m", "tiescreen", "screen", str(data / "big" / "queries.csv"), "--db", str(db), "-o", str(big_out)],
            "tiescreen screen (big)",
        )
        big_pr = precision_recall(tiescreen_predictions(big_out), truth_of(data / "big" / "truth.csv"))
        res["big_precision"], res["big_recall"] = big_pr
    if latency:
        probe = [PY, str(HERE / "scale_probes.py"), "latency", str(db), str(data / "queries.csv"), str(latency)]
        _, _, err = run(probe, "latency")
        res.update(json.loads(err.strip().splitlines()[-1]))
    if wide:
        probe = [PY, str(HERE / "scale_probes.py"), "wide", str(db), str(data / "queries.csv"),
                 str(data / "truth.csv"), str(wide[0]), str(wide[1])]  # fmt: skip
        _, _, err = run(probe, "candidates against a wider list")
        res.update(json.loads(err.strip().splitlines()[-1]))
    return res


def bench_splink(data: Path) -> dict[str, object]:
    python = SPLINK_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(SPLINK_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "splink>=5", "unidecode", "pandas"], check=True)
    out = data / "splink.csv"
    wall, peak, err = run([str(python), str(HERE / "splink_run.py"), str(data / "registry.ftm.json"),
                           str(data / "queries.csv"), str(out)], "splink")  # fmt: skip
    phases = json.loads(err[err.rindex("{") :])
    with out.open(encoding="utf-8") as f:
        predicted: dict[str, str | None] = {r["qid"]: r["eid"] for r in csv.DictReader(f)}
    truth = truth_of(data / "truth.csv")
    precision, recall = precision_recall({q: predicted.get(q) for q in truth}, truth)
    return {"total_s": wall, "peak": peak, "precision": precision, "recall": recall, **phases}


def report(
    people: int, queries: int, t: dict[str, object], s: dict[str, object] | None, after: dict[str, object] | None = None
) -> None:
    gb = 1024**3
    if after:  # tiescreen ran before and after Splink: its times are the mean of the two
        print("\ntiescreen before / after Splink: ingest "
              f"{float(t['ingest_s']):.1f} / {float(after['ingest_s']):.1f} s, screening (median of its runs) "  # type: ignore[arg-type]
              f"{float(t['screen_s']):.2f} / {float(after['screen_s']):.2f} s; runs after: "  # type: ignore[arg-type]
              f"{', '.join(f'{x:.2f}' for x in after['screen_runs_s'])} s; the table gives the mean of the two")  # type: ignore[attr-defined]  # fmt: skip
        timed = ("ingest_s", "screen_s", "screen_cpu_s", "ingest_cpu_s")
        t = {**t, **{k: (float(t[k]) + float(after[k])) / 2 for k in timed}}  # type: ignore[arg-type]

    def f(key: str, d: dict[str, object] = t) -> float:
        return float(d.get(key, 0.0))  # type: ignore[arg-type]

    print(f"\nregistry {people:,} people; {queries:,} queries (half in the registry)\n")
    print(f"{'':34}{'tiescreen':>14}{'splink':>14}{'ratio':>10}")
    te2e = f("ingest_s") + f("screen_s")
    rows = [("build / ingest (s)", f("ingest_s"), f("prepare_s", s) + f("train_s", s) if s else None),
            ("screening (s)", f("screen_s"), f("predict_s", s) if s else None),
            ("end to end (s)", te2e, f("total_s", s) if s else None),
            ("queries / s (screening)", queries / max(f("screen_s"), 1e-9), None),
            ("  CPU of screening, all processes (s)", f("screen_cpu_s"), None),
            ("  CPU of ingest, all processes (s)", f("ingest_cpu_s"), None),
            ("  start-up (s: load index, names)", f("startup_s"), None),
            ("  queries / s after start-up", queries / max(f("screen_s") - f("startup_s"), 1e-9), None),
            ("peak memory ingest (GB, PSS)", f("ingest_peak") / gb, None),
            ("peak memory screen (GB, PSS)", f("screen_peak") / gb, f("peak", s) / gb if s else None),
            ("  summed RSS of the workers (GB)", f("screen_rss") / gb, None),
            ("precision", f("precision"), f("precision", s) if s else None),
            ("recall", f("recall"), f("recall", s) if s else None)]  # fmt: skip
    for label, a, b in rows:
        ratio = f"{b / a:>9.1f}x" if b and a and "(s)" in label else ""
        print(f"{label:34}{a:>14.3f}{(f'{b:.3f}' if b is not None else '-'):>14}{ratio:>10}")
    if len(t.get("screen_runs_s") or ()) > 1:  # type: ignore[arg-type]
        print(f"\nscreening runs (s): {', '.join(f'{x:.2f}' for x in t['screen_runs_s'])}"  # type: ignore[attr-defined]
              f" (median above; CPU of the median run)")  # fmt: skip
    if "big_s" in t:
        n = int(t.get("big_n", 0)) or 0
        print(f"\n{n:,} queries: {f('big_s'):.1f} s, peak {f('big_peak') / gb:.2f} GB, "
              f"P {f('big_precision'):.3f} R {f('big_recall'):.3f}")  # fmt: skip
    if "p50_ms" in t:
        print(f"single query against the warm index, p50 / p99 (ms): candidates {f('cand_p50_ms'):.2f} / "
              f"{f('cand_p99_ms'):.2f}; match (candidates scored) {f('match_p50_ms'):.2f} / {f('match_p99_ms'):.2f}; "
              f"whole pipeline with people read and ties walked {f('p50_ms'):.1f} / {f('p99_ms'):.1f}")  # fmt: skip
    if "candidate_recall" in t:
        print(f"candidate recall vs exhaustive scoring: {f('candidate_recall'):.4f} "
              f"({t.get('exhaustive_matches')} matches, sample of {t.get('recall_sample')} queries "
              f"x {t.get('recall_people'):,} people); of the generated true matches "
              f"{f('candidate_recall_true'):.4f}")  # fmt: skip
    if "wide_true_recall" in t:
        print(f"candidates against the {t.get('wide_width')} best-ranked, all scored ({t.get('wide_sample')} queries x "
              f"{people:,} people): true matches {f('wide_clear_recall'):.4f} of {t.get('wide_clear')} told apart by "
              f"score, {f('wide_true_recall'):.4f} of all {t.get('wide_true')}; best {t.get('wide_limit')} scores "
              f"reached {f('wide_score_recall'):.4f} of {t.get('wide_positions')}; {t.get('wide_flooded')} queries "
              f"have more than {t.get('wide_limit')} matches")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=10_000)
    ap.add_argument("--big-queries", type=int, default=100_000)
    ap.add_argument("--latency", type=int, default=1000, help="single queries timed against the warm index")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the screening (the median is reported)")
    ap.add_argument("--recall-sample", type=int, default=1000, help="queries scored exhaustively (0: skip)")
    ap.add_argument(
        "--wide-sample",
        type=int,
        default=2000,
        help="queries whose candidates are checked against a wider list, all scored (0: skip)",
    )
    ap.add_argument("--wide", type=int, default=1000, help="length of that wider list")
    ap.add_argument("--recall-people", type=int, default=3000, help="registry size for the exhaustive check")
    ap.add_argument("--data", type=Path, default=HERE / ".data")
    ap.add_argument("--skip-splink", action="store_true")
    ap.add_argument("--reuse-splink", action="store_true",
                    help="take Splink's figures from this data's last results.json, not a new run")  # fmt: skip
    args = ap.parse_args()
    data = args.data / f"p{args.people}-q{args.queries}"
    data.mkdir(parents=True, exist_ok=True)
    generate(data, args.people, args.queries, args.big_queries)
    wide = (args.wide_sample, args.wide) if args.wide_sample else None
    results: dict[str, object] = {"tiescreen": bench_tiescreen(data, args.big_queries, args.latency, wide, args.repeat)}
    results["tiescreen"]["big_n"] = args.big_queries  # type: ignore[index]
    if args.recall_sample:
        sample = args.data / f"recall-p{args.recall_people}-q{args.recall_sample}"
        sample.mkdir(parents=True, exist_ok=True)
        generate(sample, args.recall_people, args.recall_sample, 0)
        _, _, err = run([PY, str(HERE / "scale_probes.py"), "recall", str(sample), str(args.recall_sample)], "recall")
        results["tiescreen"].update(json.loads(err.strip().splitlines()[-1]))  # type: ignore[union-attr]
    earlier = data / "results.json"
    if args.reuse_splink and earlier.exists() and "splink" in json.loads(earlier.read_text(encoding="utf-8")):
        results["splink"] = json.loads(earlier.read_text(encoding="utf-8"))["splink"]
        print("(Splink's figures reused from an earlier run on the same data)", file=sys.stderr)
    elif not args.skip_splink:
        results["splink"] = bench_splink(data)
        # Ingest and screening again after Splink's long run (before, Splink, after): a steady
        # drift of the host's speed then favours neither, and the ratios use the mean of both.
        results["tiescreen_after"] = bench_tiescreen(data, 0, 0, None, args.repeat)
    (data / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    report(args.people, args.queries, results["tiescreen"], results.get("splink"), results.get("tiescreen_after"))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
