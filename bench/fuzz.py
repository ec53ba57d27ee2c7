"""Fuzz the readers: arbitrary bytes in, only TiescreenError (or a result) out.

Usage::

    python bench/fuzz.py --seconds 60                 # atheris when installed, else hypothesis
    python bench/fuzz.py --engine hypothesis --seconds 20
    python bench/fuzz.py --engine atheris --seconds 600 --corpus /tmp/fuzz-corpus

Each input goes through the bytes-level readers (``read_text`` with format detection, the people
reader, the CSV/JSON row readers, the FtM parser, the tabular registry parser) and the
normalisers on the decoded text (``clean_text``, ``fold_text``, ``parse_name``, ``parse_date``,
``score_names``). Any exception other than a TiescreenError (or ValueError from ``parse_date``,
which documents it) is a crash: atheris saves the input and stops; hypothesis shrinks it and
prints it. The atheris run is seeded with the generated malformed-input corpus
(tests/robustness/corpus.py). Prints executions, seconds, rejections and crashes.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIGURES: Counter[str] = Counter()
SUFFIXES = (".csv", ".jsonl", ".txt", ".ftm.json", ".json")


def _readers() -> None:
    """Import the readers (inside atheris' instrumentation when it runs)."""
    global Problems, TiescreenError, clean_text, fold_text, parse_date, parse_ftm, parse_name
    global parse_table, people_from_text, read_rows, read_text, score_names
    from tiescreen.errors import TiescreenError
    from tiescreen.ingest.ftm import parse_ftm
    from tiescreen.ingest.people import people_from_text
    from tiescreen.ingest.reading import Problems, read_text
    from tiescreen.ingest.rows import read_rows
    from tiescreen.ingest.tabular import parse_table
    from tiescreen.match import score_names
    from tiescreen.normalize.dates import parse_date
    from tiescreen.normalize.names import parse_name
    from tiescreen.normalize.text import clean_text, fold_text


def check(data: bytes, folder: Path) -> None:
    """Run one input through every reader; raises only on a crash."""
    FIGURES["executions"] += 1
    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ".csv"
    path = folder / f"input{suffix}"
    path.write_bytes(data[1:])
    try:
        text = read_text(path)
    except TiescreenError:
        FIGURES["rejected"] += 1
        return
    for skip in (False, True):
        try:
            people_from_text(text, skip_bad_rows=skip)
        except TiescreenError:
            FIGURES["rejected"] += 1
        for fmt in ("csv", "jsonl", "json"):
            read_rows(text, Problems(text.path, skip=True), fmt)
        problems = Problems(text.path, skip=True)
        parse_ftm(text, problems, "fuzz", None, "2000-01-01T00:00:00+00:00")
        try:
            parse_table(text, Problems(text.path, skip=True), "fuzz", None, "2000-01-01T00:00:00+00:00")
        except TiescreenError:
            FIGURES["rejected"] += 1
    _normalisers(text.text[:2000])


def _normalisers(sample: str) -> None:
    cleaned = clean_text(sample)
    assert clean_text(cleaned) == cleaned or cleaned != cleaned.strip(), "clean_text not idempotent"
    folded = fold_text(sample)
    parse_name(sample)
    with contextlib.suppress(ValueError):
        parse_date(sample)
    words = cleaned.split(" ")[:6]
    a, b = " ".join(words[:3]), " ".join(words[3:]) or folded[:40]
    score = score_names(a, b)
    assert 0.0 <= score <= 1.0 and score == score_names(b, a), "score_names not symmetric or not in [0, 1]"


def _seeds(folder: Path) -> Path:
    from tests.robustness.corpus import build_corpus

    folder.mkdir(parents=True, exist_ok=True)
    for i, case in enumerate(build_corpus(include_huge=False)):
        prefix = bytes([next((k for k, s in enumerate(SUFFIXES) if case.name.endswith(s)), 0)])
        (folder / f"seed-{i:04d}").write_bytes(prefix + case.data[:200_000])
    return folder


def run_atheris(seconds: int, corpus: Path | None, work: Path) -> int:
    import atheris

    with atheris.instrument_imports(include=["tiescreen"]):
        _readers()
    seeds = _seeds(corpus or work / "seeds")

    def one_input(data: bytes) -> None:
        check(data, work)

    argv = [sys.argv[0], str(seeds), f"-max_total_time={seconds}", "-rss_limit_mb=4096", "-max_len=65536"]
    argv += ["-print_final_stats=1", f"-artifact_prefix={work}/"]
    atheris.Setup(argv, one_input)
    atheris.Fuzz()  # exits the process: libFuzzer prints "Done N runs in S second(s)"
    return 0


def run_hypothesis(seconds: int, work: Path) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    _readers()
    from tests.robustness.corpus import build_corpus

    seeds = [c.data[:20_000] for c in build_corpus(include_huge=False)]
    inputs = st.one_of(
        st.binary(max_size=4096),
        st.text(max_size=2000).map(lambda s: bytes([0]) + s.encode("utf-8", "surrogatepass")),
        st.tuples(st.sampled_from(seeds), st.binary(max_size=64), st.integers(0, 20_000)).map(
            lambda t: bytes([len(t[0]) % 5]) + t[0][: t[2]] + t[1] + t[0][t[2] :]
        ),
    )
    deadline = time.monotonic() + seconds

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(data: bytes) -> None:
        if time.monotonic() > deadline:
            raise _Stop
        check(data, work)

    with contextlib.suppress(_Stop):
        fuzz()
    return 0


class _Stop(Exception):
    """The time budget is spent."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--corpus", type=Path, default=None, help="atheris: seed and keep the corpus here")
    args = parser.parse_args()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        if engine == "atheris":
            return run_atheris(args.seconds, args.corpus, Path(tmp))
        status = run_hypothesis(args.seconds, Path(tmp))
    spent = time.monotonic() - start
    print(  # noqa: T201
        f"fuzz ({engine}): {FIGURES['executions']} executions in {spent:.0f} s "
        f"({FIGURES['executions'] / max(spent, 1e-9):.0f}/s), {FIGURES['rejected']} clean rejections, 0 crashes"
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
