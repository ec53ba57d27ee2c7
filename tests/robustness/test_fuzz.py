"""The fuzzing harness of bench/fuzz.py with a small budget (the long run is documented)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]


def _fuzz_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tiescreen_bench_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module._readers()
    return module


FUZZ = _fuzz_module()


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.binary(max_size=2048), st.text(max_size=500).map(lambda s: b"\x00" + s.encode())))
def test_readers_survive_arbitrary_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    FUZZ.check(data, tmp_path_factory.mktemp("fuzz"))


@pytest.mark.slow
def test_atheris_run_finds_no_crash(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fuzz.py"), "--engine", "atheris", "--seconds", "60"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Done " in proc.stderr
