"""The Spark engine: the same planning, blocking and scoring code run as Spark jobs.

:func:`screen_parquet` is the cluster job: registry people and queries in Parquet, matches
out in Parquet. Every step calls the embedded engine's own functions inside
``mapInPandas``/``applyInPandas``: :func:`~tiescreen.index.keys.split_words` and the word keys
for the index, :func:`~tiescreen.index.plan.plan_query` for the queries,
:func:`~tiescreen.index.candidates.rank_candidates` to pick candidates, and
:class:`~tiescreen.match.scorer.Scorer` to score them, so it returns the same matches.
:func:`screen_blocks` runs it from the CLI (``--engine spark``) against the embedded store.

Needs ``pip install 'tiescreen[spark]'`` and a JVM (Java 17).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from tiescreen.engine import require_spark
from tiescreen.engine.local import CANDIDATES, NEAR_MISS, Block
from tiescreen.index.candidates import GENERATE_CAP, PositionSet, WordHits, rank_candidates, word_weight
from tiescreen.index.keys import split_words, word_blocking_keys, word_key
from tiescreen.index.plan import plan_query, word_similarity
from tiescreen.index.traits import fewest_words, initial_bit, pack
from tiescreen.match.scorer import DEFAULT_THRESHOLD, Scorer
from tiescreen.model import Query
from tiescreen.store.nameindex import NAME_PROPS
from tiescreen.store.registry import RegistryStore, _entity_from_row

__all__ = ["export_people", "screen_blocks", "screen_parquet", "spark_session"]

_PEOPLE_COLS = ("id", "schema", "caption", "properties", "source", "record", "url", "content_hash", "loaded_at")
Progress = Callable[[int, int], None]


def spark_session(master: str | None = None, app: str = "tiescreen") -> Any:
    """A Spark session (``master`` e.g. ``local[2]``; default: $SPARK_MASTER or the cluster's)."""
    require_spark()
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    master = master or os.environ.get("SPARK_MASTER")
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true")
    builder = builder.config("spark.sql.shuffle.partitions", os.environ.get("TIESCREEN_SPARK_PARTITIONS", "8"))
    builder = builder.config("spark.ui.enabled", "false")
    return builder.getOrCreate()


# -- functions run on the executors ------------------------------------------------------------


def _names(properties: str) -> list[str]:
    data = json.loads(properties) if properties else {}
    out: list[str] = []
    for prop in NAME_PROPS:
        values = data.get(prop, [])
        out.extend(str(v) for v in (values if isinstance(values, list) else [values]))
    return out


def _person_words(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for frame in frames:
        rows = [(no, raw) for no, props in zip(frame["no"], frame["properties"], strict=True) for name in _names(props)
                for raw in split_words(name)]  # fmt: skip
        yield pd.DataFrame(rows, columns=["no", "raw"]).drop_duplicates()


def _fewest(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """Each person's fewest words of a name form (tiescreen.index.traits), as the scorer forms them."""
    for frame in frames:
        entities = (_entity_from_row(list(row)) for row in frame[list(_PEOPLE_COLS)].itertuples(index=False))
        fewest = [fewest_words(split_words(name) for name in entity.names()) for entity in entities]
        yield pd.DataFrame({"no": frame["no"], "fewest": fewest})


def _vocab(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for frame in frames:
        rows: list[tuple[object, ...]] = []
        for raw in frame["raw"]:
            wkey = word_key(raw)
            if wkey is not None:
                rows.extend((raw, wkey, key) for key in word_blocking_keys(raw))
        yield pd.DataFrame(rows, columns=["raw", "wkey", "key"])


def _query_rows(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for frame in frames:
        rows: list[tuple[object, ...]] = []
        for qidx, name, birth in zip(frame["qidx"], frame["name"], frame["birth_date"], strict=True):
            plan = plan_query(name, birth or None)
            for word in plan.words:
                rows.extend((qidx, word.pos, key, key in word.exact, plan.initials, plan.year) for key in word.keys)
        yield pd.DataFrame(rows, columns=["qidx", "pos", "key", "exact", "initials", "year"])


def _rank_group(limit: int) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def rank(frame: pd.DataFrame) -> pd.DataFrame:
        first = frame.iloc[0]
        plan = plan_query(str(first["name"]), first["birth_date"] or None)
        sets = []
        for pos, rows in frame.groupby("pos", sort=True):
            word = plan.words[int(pos)]
            hits = [
                WordHits(
                    np.sort(part["no"].to_numpy(dtype=np.int64)),
                    word_weight(word_similarity(word, wkey), int(n)),
                    letter=initial_bit(wkey),
                )
                for (wkey, n), part in rows.groupby(["wkey", "n"], sort=True)
            ]
            sets.append(PositionSet(int(pos), tuple(hits), int(rows["largest"].iat[0]), int(rows["total"].iat[0])))
        traits = frame.drop_duplicates("no").set_index("no")

        def lookup(people: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            found = traits.loc[people]
            return pack(found["mask"], found["twice"], found["fewest"]), found["pyear"].to_numpy(dtype=np.int64)

        need = min(2, int(first["npos"]))
        chosen = rank_candidates(
            sets,
            need,
            limit,
            initials=plan.initials,
            year=plan.year,
            traits=lookup,
            words=len(plan.words),
            repeated=plan.repeated,
        )
        return pd.DataFrame({"qidx": [int(first["qidx"])] * len(chosen), "rank": range(len(chosen)), "no": chosen})

    return rank


def _score_group(threshold: float) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def score(frame: pd.DataFrame) -> pd.DataFrame:
        scorer = Scorer(threshold)
        first = frame.iloc[0]
        query = Query(str(first["qid"]), str(first["name"]), first["birth_date"] or None, first["region"] or None)
        rows: list[tuple[object, ...]] = []
        for _, row in frame.sort_values("rank").iterrows():
            entity = _entity_from_row([row[c] for c in _PEOPLE_COLS])
            pair = scorer.score(query, entity)
            if pair.score >= threshold - NEAR_MISS:
                rows.append((int(row["qidx"]), str(first["qid"]), int(row["no"]), entity.id, float(pair.score)))
        return pd.DataFrame(rows, columns=["qidx", "query_id", "no", "entity_id", "score"])

    return score


# -- the job -----------------------------------------------------------------------------------


def _index(people: Any) -> tuple[Any, Any, Any, Any]:
    from pyspark.sql import functions as F

    words = people.select("no", "properties").mapInPandas(_person_words, "no long, raw string").distinct()
    vocab = words.select("raw").distinct().mapInPandas(_vocab, "raw string, wkey string, key string")
    person_words = words.join(vocab.select("raw", "wkey").distinct(), "raw").select("no", "wkey").distinct()
    freq = person_words.groupBy("wkey").agg(F.count("no").alias("n"))
    # The traits of tiescreen.index.traits: the letters words start with, once and twice or more.
    letters = person_words.groupBy("no", F.expr("shiftleft(1, ascii(wkey) % 31)").alias("bit"))
    letters = letters.agg(F.countDistinct("wkey").alias("n"))
    twice = F.expr("bit_or(CASE WHEN n > 1 THEN bit ELSE 0 END)")
    traits = letters.groupBy("no").agg(F.expr("bit_or(bit)").alias("mask"), twice.alias("twice"))
    year = F.substring(F.get_json_object("properties", "$.birthDate[0]"), 1, 4).try_cast("int")
    traits = people.select("no", F.coalesce(year, F.lit(0)).alias("pyear")).join(traits, "no", "left")
    fewest = people.select("no", *_PEOPLE_COLS).mapInPandas(_fewest, "no long, fewest long")
    traits = traits.join(fewest, "no", "left").select(
        "no", "pyear", *(F.coalesce(c, F.lit(0)).alias(c) for c in ("mask", "twice", "fewest"))
    )
    return vocab.select("key", "wkey").distinct(), person_words, freq, traits


def _candidates(queries: Any, people: Any, limit: int) -> Any:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    keys, person_words, freq, traits = _index(people)
    qrows = queries.select("qidx", "name", "birth_date").mapInPandas(
        _query_rows, "qidx long, pos long, key string, exact boolean, initials long, year long"
    )
    matched = qrows.join(keys, "key").groupBy("qidx", "pos", "wkey").agg(F.max("exact").alias("exact"))
    matched = matched.join(freq, "wkey")
    stats = matched.groupBy("qidx", "pos").agg(F.max("n").alias("largest"), F.sum("n").alias("total"))
    npos = stats.groupBy("qidx").agg(F.count("pos").alias("npos"), F.min("largest").alias("smallest"))
    order = Window.partitionBy("qidx").orderBy("total", "pos")
    stats = stats.join(npos, "qidx").withColumn("order", F.row_number().over(order))
    generating = stats.where(
        (F.col("largest") <= GENERATE_CAP) | ((F.col("smallest") > GENERATE_CAP) & (F.col("order") <= 2))
    )
    generated = matched.join(generating.select("qidx", "pos"), ["qidx", "pos"]).join(person_words, "wkey")
    found = generated.select("qidx", "no").distinct()
    hits = found.join(person_words, "no").join(matched, ["qidx", "wkey"])
    hits = hits.join(stats.select("qidx", "pos", "largest", "total", "npos"), ["qidx", "pos"])
    hits = hits.join(traits, "no").join(queries.select("qidx", "name", "birth_date"), "qidx")
    schema = "qidx long, rank long, no long"
    return hits.groupBy("qidx").applyInPandas(_rank_group(limit), schema)


def screen_parquet(
    spark: Any,
    people_path: str,
    queries_path: str,
    output_path: str | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = CANDIDATES,
) -> Any:
    """Screen queries against registry people, both in Parquet; write (or return) the scored pairs.

    ``people_path`` holds the columns of :func:`export_people`; ``queries_path`` holds ``qidx``,
    ``qid``, ``name``, ``birth_date``, ``region``. The result has one row per pair scoring at
    least ``threshold - 0.15``: ``qidx, query_id, no, entity_id, score``.
    """
    people = spark.read.parquet(people_path)
    queries = spark.read.parquet(queries_path)
    candidates = _candidates(queries, people, limit)
    pairs = candidates.join(people, "no").join(queries, "qidx")
    scored = pairs.groupBy("qidx").applyInPandas(
        _score_group(threshold), "qidx long, query_id string, no long, entity_id string, score double"
    )
    if output_path:
        scored.write.mode("overwrite").parquet(output_path)
    return scored


def export_people(store: RegistryStore, directory: Path) -> Path:
    """Write the store's registry people to ``directory/people.parquet`` (DuckDB COPY)."""
    target = directory / "people.parquet"
    cols = ", ".join(_PEOPLE_COLS)
    location = str(target).replace("'", "''")
    store.db.query(
        "export people", f"COPY (SELECT no, {cols} FROM entities WHERE no IS NOT NULL) TO '{location}' (FORMAT parquet)"
    )
    return target


def _export_queries(queries: Sequence[Query], directory: Path) -> Path:
    target = directory / "queries.parquet"
    frame = pd.DataFrame(
        {
            "qidx": range(len(queries)),
            "qid": [q.id for q in queries],
            "name": [q.name for q in queries],
            "birth_date": [q.birth_date or "" for q in queries],
            "region": [q.region or "" for q in queries],
        }
    )
    frame.to_parquet(target, index=False)
    return target


def screen_blocks(
    store: RegistryStore,
    queries: Sequence[Query],
    scorer: Scorer,
    threshold: float,
    *,
    master: str | None = None,
    progress: Progress | None = None,
    limit: int = CANDIDATES,
    **_: Any,
) -> Iterator[Block]:
    """Run the Spark job against the embedded store and yield the result as one block
    (``limit``: the candidates scored for each query, as the embedded engine's).

    The scored pairs come back from Spark; the evidence of the few kept pairs is rebuilt
    here with the same scorer, and the ties are walked in the embedded store as usual.
    """
    spark = spark_session(master)
    with tempfile.TemporaryDirectory(prefix="tiescreen-spark-") as tmp:
        directory = Path(tmp)
        people_path = export_people(store, directory)
        queries_path = _export_queries(queries, directory)
        rows = screen_parquet(spark, str(people_path), str(queries_path), threshold=threshold, limit=limit).collect()
    by_query: dict[int, list[tuple[int, float]]] = {}
    for row in rows:
        by_query.setdefault(int(row["qidx"]), []).append((int(row["no"]), float(row["score"])))
    people = store.people({no for pairs in by_query.values() for no, _ in pairs})
    scored = [
        [(scorer.score(queries[i], people[no]), people[no]) for no, _ in by_query.get(i, [])]
        for i in range(len(queries))
    ]
    if progress is not None:
        progress(len(queries), len(queries))
    yield Block(0, scored)
