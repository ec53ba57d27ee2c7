"""The Spark engine gives the embedded engine's matches (needs pyspark and Java: ``pytest -m spark``)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import NAMESAKE_QUERIES, namesake_lines
from tiescreen.engine import require_spark
from tiescreen.errors import ConfigError


def test_missing_pyspark_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    with pytest.raises(ConfigError, match=r"tiescreen\[spark\]"):
        require_spark()
    import tiescreen.engine as engine

    with pytest.raises(ConfigError, match=r"tiescreen\[spark\]"):
        _ = engine.spark


@pytest.mark.spark
def test_spark_local2_gives_the_embedded_matches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a JVM: apt-get install default-jre-headless")
    monkeypatch.setenv("TIESCREEN_SPARK_PARTITIONS", "2")
    from tiescreen.engine import local, spark
    from tiescreen.engine.ingest import ingest
    from tiescreen.generate import write_queries, write_registry
    from tiescreen.ingest import read_people
    from tiescreen.match.scorer import Scorer
    from tiescreen.model import Query
    from tiescreen.store import open_store

    write_registry(tmp_path / "registry.ftm.json", 120, seed=13)
    with (tmp_path / "registry.ftm.json").open("a", encoding="utf-8") as out:
        out.write("\n" + namesake_lines() + "\n")  # initials against namesakes (tiescreen.index.traits)
    write_queries(tmp_path / "queries.csv", tmp_path / "truth.csv", 120, 30, seed=13)
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, tmp_path / "registry.ftm.json", bulk_from=0)
    queries = read_people(tmp_path / "queries.csv") + [Query(f"n{i}", n) for i, n in enumerate(NAMESAKE_QUERIES)]
    scorer = Scorer()
    with open_store(tmp_path / "s.duckdb", read_only=True) as store:
        embedded = next(local.screen_blocks(store, queries, scorer, 0.7, workers=1)).scored
        on_spark = next(spark.screen_blocks(store, queries, scorer, 0.7, master="local[2]")).scored

    def pairs(scored: list[list[tuple[object, object]]]) -> list[list[tuple[str, float]]]:
        return [sorted((e.id, round(p.score, 9)) for p, e in row) for row in scored]  # type: ignore[attr-defined]

    assert pairs(on_spark) == pairs(embedded)
    assert any(pairs(embedded))


@pytest.mark.spark
def test_spark_candidates_are_the_embedded_ones_for_initials_among_namesakes(tmp_path: Path) -> None:
    """The candidates themselves (not only what scores above the floor): both engines read the
    same traits (tiescreen.index.traits) of the same people."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a JVM: apt-get install default-jre-headless")
    from tiescreen.engine import spark
    from tiescreen.engine.ingest import ingest
    from tiescreen.index.memory import NameIndex
    from tiescreen.model import Query
    from tiescreen.store import open_store

    (tmp_path / "r.ftm.json").write_text(namesake_lines(), encoding="utf-8")
    with open_store(tmp_path / "s.duckdb") as store:
        ingest(store, tmp_path / "r.ftm.json", bulk_from=0)
    queries = [Query(f"n{i}", n) for i, n in enumerate(NAMESAKE_QUERIES)]
    with open_store(tmp_path / "s.duckdb", read_only=True) as store:
        embedded = [NameIndex.from_store(store, records=False).lookup(q.name, limit=50).tolist() for q in queries]
        people = spark.export_people(store, tmp_path)
        number = {str(i): int(no) for i, no in store.db.query("ids", "SELECT id, no FROM entities")}
    session = spark.spark_session("local[2]")
    found = spark._candidates(
        session.read.parquet(str(spark._export_queries(queries, tmp_path))), session.read.parquet(str(people)), 50
    ).collect()
    on_spark: list[list[int]] = [[] for _ in queries]
    for row in sorted(found, key=lambda r: (r["qidx"], r["rank"])):
        on_spark[int(row["qidx"])].append(int(row["no"]))
    assert on_spark == embedded
    assert number["am"] not in embedded[0] and number["aa"] in embedded[0]  # "А. Алексенева": Мария has no А to spare
