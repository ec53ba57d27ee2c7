"""Screening a store starts without the libraries only other work needs (issue 4: start-up)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# registry parsing, URL fetch, event statistics, moving columns in bulk (ingest), mapping files
HEAVY = ("followthemoney", "httpx", "scipy.stats", "pyarrow", "yaml")


def _loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_the_cli_and_the_pipeline_import_no_ingest_or_statistics_libraries() -> None:
    assert _loaded_after("import tiescreen.pipeline, tiescreen.cli, tiescreen.engine.local") == []


def test_a_mapping_file_imports_yaml_when_it_is_read(tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("name: full_name\n", encoding="utf-8")
    code = (
        f"from tiescreen.ingest.tabular import load_mapping\nassert load_mapping({str(mapping)!r}).name == 'full_name'"
    )
    assert _loaded_after(code) == ["yaml"]


def test_statistics_import_scipy_when_they_compute() -> None:
    code = (
        "from tiescreen.stats import tail_probability\n"
        "assert 'scipy.stats' not in sys.modules\n"
        "assert tail_probability(2, 3, 0.5) == 0.5"
    )
    assert _loaded_after(code) == ["scipy.stats"]
