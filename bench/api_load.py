"""Bounded load on the HTTP API's yente-compatible ``/match`` from a second process.

Starts ``tiescreen serve`` on 127.0.0.1 (a free port) over a generated registry, then sends
``POST /match/default`` requests from this process with ``--concurrency`` clients for at most
``--seconds`` seconds and ``--max-requests`` requests, and prints requests per second, p50/p99
latency, errors, and the server's resident memory (RSS): when it is up, after a warm-up, at
the end, and the slope of a least-squares line through the samples of the second half of the
load (MB per minute: about 0 when memory is flat). Traffic goes only to 127.0.0.1; the
server is stopped at the end.

Usage::

    python bench/api_load.py --seconds 60
    python bench/api_load.py --seconds 600 --people 3000 --concurrency 4    # the 10-minute soak
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tiescreen.generate.registry import write_queries, write_registry


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _start(tmp: Path, people: int, port: int) -> subprocess.Popen[bytes]:
    registry = tmp / "registry.ftm.json"
    write_registry(registry, people, seed=11)
    exe = Path(sys.executable).with_name("tiescreen")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "tiescreen"]
    args = ["serve", "--port", str(port), "--db", str(tmp / "review.sqlite"), "--registry-db", str(tmp / "r.duckdb")]
    args += ["-r", str(registry), "--anonymous-role", "viewer"]
    return subprocess.Popen([*cmd, *args], cwd=tmp, stderr=subprocess.PIPE)


async def _wait_up(base: str, proc: subprocess.Popen[bytes], timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(base_url=base) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise SystemExit(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                if (await client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.5)
    raise SystemExit("server did not start")


def _queries(tmp: Path, people: int, count: int) -> list[dict[str, object]]:
    path = tmp / "queries.csv"
    write_queries(path, tmp / "truth.csv", people, count, seed=11)
    names = [line.split(",")[1] for line in path.read_text(encoding="utf-8").splitlines()[1:] if "," in line]
    return [{"queries": {"q": {"schema": "Person", "properties": {"name": [n]}}}} for n in names]


async def _load(base: str, bodies: list[dict[str, object]], args: argparse.Namespace, pid: int) -> dict[str, object]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    rss: list[tuple[float, float]] = []
    start = time.monotonic()
    stop = start + args.seconds

    async def worker(seed: int) -> None:
        nonlocal errors, sent
        rng = random.Random(seed)
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            while time.monotonic() < stop and sent < args.max_requests:
                sent += 1
                t0 = time.perf_counter()
                try:
                    response = await client.post("/match/default", json=rng.choice(bodies))
                    ok = response.status_code == 200
                except httpx.TransportError:
                    ok = False
                latencies.append(time.perf_counter() - t0)
                errors += not ok

    async def sampler() -> None:
        while time.monotonic() < stop and sent < args.max_requests:
            rss.append((time.monotonic() - start, _rss_mb(pid)))
            await asyncio.sleep(args.sample)

    await asyncio.gather(sampler(), *(worker(i) for i in range(args.concurrency)))
    elapsed = time.monotonic() - start
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "errors": errors,
        "p50": cuts[49],
        "p99": cuts[98],
        "rss": rss,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="Bounded /match load on 127.0.0.1")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--people", type=int, default=5000, help="officials in the generated registry")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between memory samples")
    parser.add_argument("--queries", type=int, default=2000, help="distinct people to match (names vary)")
    parser.add_argument("--warm-up", type=float, default=30, help="seconds of load before measuring")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        port = _free_port()
        proc = _start(tmp, args.people, port)
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(_wait_up(base, proc))
            bodies = _queries(tmp, args.people, args.queries)
            up = _rss_mb(proc.pid)
            asyncio.run(_load(base, bodies, argparse.Namespace(**{**vars(args), "seconds": args.warm_up}), proc.pid))
            warm = _rss_mb(proc.pid)
            figures = asyncio.run(_load(base, bodies, args, proc.pid))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    _report(args, figures, up, warm)
    return 0 if figures["errors"] == 0 else 1


def _slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) points, in MB per minute."""
    if len(points) < 2:
        return 0.0
    mean_t = statistics.fmean(t for t, _ in points)
    mean_r = statistics.fmean(r for _, r in points)
    var = sum((t - mean_t) ** 2 for t, _ in points)
    cov = sum((t - mean_t) * (r - mean_r) for t, r in points)
    return 60 * cov / var if var else 0.0


def _report(args: argparse.Namespace, figures: dict[str, object], up: float, warm: float) -> None:
    rss = figures["rss"]
    assert isinstance(rss, list) and rss
    last, peak = rss[-1][1], max(r for _, r in rss)
    half = [(t, r) for t, r in rss if t >= rss[-1][0] / 2]
    n, secs = figures["requests"], figures["seconds"]
    assert isinstance(n, int) and isinstance(secs, float)
    print(  # noqa: T201
        f"/match: {n} requests in {secs:.0f} s = {n / secs:.1f} req/s with {args.concurrency} clients, "
        f"p50 {float(figures['p50']) * 1000:.0f} ms, p99 {float(figures['p99']) * 1000:.0f} ms, "
        f"{figures['errors']} errors (registry of {args.people} officials, {args.queries} distinct queries, "
        f"pid {os.getpid()} sending)"
    )
    print(  # noqa: T201
        f"server RSS: {up:.0f} MB when up, {warm:.0f} MB after {args.warm_up:.0f} s of warm-up, {last:.0f} MB at "
        f"the end, peak {peak:.0f} MB; slope over the last half {_slope(half):+.2f} MB/min ({len(half)} samples)"
    )
    print("server RSS (s, MB): " + " ".join(f"{t:.0f}:{r:.0f}" for t, r in rss))  # noqa: T201


if __name__ == "__main__":
    sys.exit(main())
