"""The screening pipeline: people in, evidence out. The CLI and web app call this.

sources -> normalize -> index -> match -> ties -> report
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from tiescreen import __version__
from tiescreen.engine.finish import finish_queries
from tiescreen.engine.ingest import ingest
from tiescreen.errors import StoreError
from tiescreen.ingest import ColumnMapping, IngestReport, read_people
from tiescreen.ingest.reading import Problems
from tiescreen.match.scorer import DEFAULT_THRESHOLD, Scorer
from tiescreen.model import PersonResult, Query, RunInfo
from tiescreen.stats.event import EventStats, StatsConfig, count_confirmed, event_statistics
from tiescreen.store.registry import DEFAULT_DB, RegistryStore, open_store
from tiescreen.ties.walk import TieWalker

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PreparedSink", "ScreenResult", "Sink", "screen", "screen_article", "screen_queries", "summarise"]

MATCHES_PER_QUERY = 10
Progress = Callable[[int, int], None]
Sink = Callable[[list[PersonResult]], None]


@runtime_checkable
class PreparedSink(Protocol):
    """A sink that splits its work in two: ``prepare`` runs where the results are made (in
    the worker processes, side by side) and gives something small to pass on, ``write``
    takes that here, in order. A JSON lines writer renders in the workers this way."""

    def __call__(self, people: list[PersonResult]) -> None: ...

    def prepare(self, people: list[PersonResult]) -> Any: ...

    def write(self, prepared: Any) -> None: ...


@dataclass
class ScreenResult:
    """The people screened, in input order, and what the run used."""

    people: list[PersonResult]
    run: RunInfo
    ingests: list[IngestReport] = field(default_factory=list)
    stats_config: StatsConfig = field(default_factory=StatsConfig)

    def __iter__(self) -> Iterator[PersonResult]:
        return iter(self.people)

    def __len__(self) -> int:
        return len(self.people)

    @property
    def tied(self) -> list[PersonResult]:
        return [p for p in self.people if p.tied]

    def summary(self) -> dict[str, Any]:
        """Counts for the report: screened, tied, possible, by tie kind."""
        return summarise(self.people)

    def statistics(self) -> EventStats:
        """The staging statistics (``stats_config`` holds the base rate, precision, recall)."""
        confirmed, _family = count_confirmed(self.people)
        return event_statistics(len(self.people), confirmed, self.stats_config)

    def to_dict(self) -> dict[str, Any]:
        return {
            "run": self.run.to_dict(),
            "summary": self.summary(),
            "statistics": self.statistics().to_dict(),
            "people": [p.to_dict() for p in self.people],
        }

    def to_pandas(self) -> pd.DataFrame:
        """One row per (person, match, tie); people without matches get one row."""
        import pandas as pd

        from tiescreen.report.tabular import tie_rows

        return pd.DataFrame(tie_rows(self), dtype=object)


def summarise(people: Sequence[PersonResult]) -> dict[str, Any]:
    """Counts for the report: screened, tied, possible, by tie kind (:func:`add_summary` adds
    up the counts of results written part by part)."""
    kinds: dict[str, int] = {}
    verdicts = {"tied": 0, "possible": 0, "no_tie_found": 0}
    for person in people:
        verdict = person.verdict  # one of the three: each person's ties are read once
        verdicts[verdict] += 1
        if verdict == "tied":  # tie_kinds is empty without a tie that stands
            for kind in person.tie_kinds():
                kinds[kind] = kinds.get(kind, 0) + 1
    return {
        "screened": len(people),
        **verdicts,
        "by_kind": dict(sorted(kinds.items())),
        "confirmed": count_confirmed(people)[0],
    }


def add_summary(into: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """``into`` with the counts of ``part`` (another :func:`summarise`) added."""
    kinds: dict[str, int] = into["by_kind"]
    for kind, count in part["by_kind"].items():
        kinds[kind] = kinds.get(kind, 0) + count
    into["by_kind"] = dict(sorted(kinds.items()))
    for key in ("screened", "tied", "possible", "no_tie_found", "confirmed"):
        into[key] += part[key]
    return into


def screen(
    people: str | Path | Sequence[Query | str],
    registries: Sequence[str | Path] = (),
    *,
    db: str | Path | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = MATCHES_PER_QUERY,
    mapping: ColumnMapping | None = None,
    skip_bad_rows: bool = False,
    encoding: str | None = None,
    progress: Progress | None = None,
    on_ingest: Callable[[IngestReport], None] | None = None,
    warn: Callable[[str], None] | None = None,
    title: str | None = None,
    workers: int | None = None,
    engine: str = "local",
    sink: Sink | None = None,
) -> ScreenResult:
    """Screen people against registries and return per-person results with ties and evidence.

    Args:
        people: a file (CSV, JSON lines, text), or a list of names or :class:`Query`.
        registries: registry files or URLs to load first (skipped when unchanged).
        db: the embedded store (default ``tiescreen.duckdb`` in the current folder).
        threshold: the lowest score reported as a match.
        limit: the most matches kept per person.
        mapping: column mapping for CSV registries.
        skip_bad_rows: keep good rows of partly bad files.
        encoding: read input files in this encoding instead of UTF-8/UTF-16.
        progress: called with (done, total) while screening.
        on_ingest: called with each registry's :class:`IngestReport`.
        warn: called with a line for each skipped row of the people list.
        workers: processes that score candidates (default: every core this process may use).
        engine: ``"local"`` (embedded) or ``"spark"`` (``pip install 'tiescreen[spark]'``).
        sink: called with the results part by part, in order, as they are finished; they are
            then not kept (the result's ``people`` is empty): a large batch in flat memory.

    Returns:
        A :class:`ScreenResult`; ``to_dict()`` and ``to_pandas()`` give it as data.

    Raises:
        InputError: a bad people list or registry. StoreError: no store and no registry.

    Example:
        >>> result = screen(["Olesya Shigina"], ["registry.ftm.json"])  # doctest: +SKIP
        >>> result.people[0].tied  # doctest: +SKIP
        True
    """
    skipped = Problems(str(people), skip=skip_bad_rows)
    queries = _queries(people, skipped, encoding)
    if skipped.found and warn:
        warn(f"{skipped.path}: skipped {skipped.skipped} bad row(s)")
        for problem in skipped.found[:20]:
            warn(f"  {problem}")
    people_file = str(people) if isinstance(people, str | Path) else None
    db_path = Path(db or DEFAULT_DB)
    if not registries and not db_path.exists():
        raise StoreError(
            f"no registry given and no store at {db_path}: pass a registry or run `tiescreen ingest` first"
        )
    with open_store(db_path, read_only=not registries) as store:
        ingests = []
        for registry in registries:
            report = ingest(store, registry, mapping=mapping, skip_bad_rows=skip_bad_rows, encoding=encoding)
            ingests.append(report)
            if on_ingest:
                on_ingest(report)
        sources = tuple(store.sources())  # (read now: the workers' store is not opened here again)
        results = screen_queries(
            store, queries, threshold=threshold, limit=limit, progress=progress, workers=workers, engine=engine,
            sink=sink,
        )  # fmt: skip
        run = RunInfo(
            __version__,
            threshold,
            datetime.now(UTC).isoformat(timespec="seconds"),
            sources,
            people_file,
            title,
        )
    return ScreenResult(results, run, ingests)


def screen_article(
    article: str | Path, registries: Sequence[str | Path] = (), *, lang: str | None = None, **options: Any
) -> ScreenResult:
    """Screen everyone an article names; attach each role it states as a ``claimed`` tie.

    Args:
        article: an HTML file, a text file or a URL (see :func:`tiescreen.extract.extract_article`).
        registries: as for :func:`screen`.
        lang: ``"ru"`` or ``"en"``; detected when None.
        options: the keyword options of :func:`screen`.

    Returns:
        A :class:`ScreenResult` whose people carry ``claims`` (the article's sentence as
        evidence, the article as source); claims alone never make a person ``tied``.
    """
    from tiescreen.extract import extract_article
    from tiescreen.extract.screening import article_queries, with_claims

    extracted = extract_article(article, lang=lang)
    if options.get("title") is None:
        options["title"] = extracted.title
    result = screen(article_queries(extracted), registries, **options)
    result.people = with_claims(result.people, extracted)
    result.run = replace(result.run, people_file=str(article))
    return result


def _queries(people: str | Path | Sequence[Query | str], problems: Problems, encoding: str | None) -> list[Query]:
    if isinstance(people, str | Path):
        return read_people(people, skip_bad_rows=problems.skip, encoding=encoding, problems=problems)
    out: list[Query] = []
    for i, item in enumerate(people, start=1):
        out.append(item if isinstance(item, Query) else Query(id=str(i), name=str(item), row=i))
    return out


def screen_queries(
    store: RegistryStore,
    queries: Sequence[Query],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = MATCHES_PER_QUERY,
    progress: Progress | None = None,
    scorer: Scorer | None = None,
    workers: int | None = None,
    engine: str = "local",
    sink: Sink | None = None,
) -> list[PersonResult]:
    """Screen already-read queries against a store, on ``workers`` cores (default: all).

    ``engine="spark"`` runs candidate generation and scoring as a Spark job instead
    (``$SPARK_MASTER``, default local); ties are then walked in the store by this process.
    With a ``sink``, each part of the results goes to it as it is finished, and is not kept.
    """
    scorer = scorer or Scorer(threshold)
    results: list[PersonResult] = []
    keep = sink or results.extend
    from tiescreen.engine.local import candidates_for

    wanted = candidates_for(limit)  # twice the matches shown, at least 20: either engine
    if engine != "spark":
        from tiescreen.engine.local import screen_people

        render, write = (sink.prepare, sink.write) if isinstance(sink, PreparedSink) else (None, keep)
        for part in screen_people(
            store,
            queries,
            scorer,
            threshold,
            limit=limit,
            candidates=wanted,
            workers=workers,
            progress=progress,
            render=render,
        ):
            write(part)
        return results
    from tiescreen.engine import require_spark

    require_spark()
    from tiescreen.engine.spark import screen_blocks

    walker = TieWalker(store)
    for block in screen_blocks(store, queries, scorer, threshold, workers=workers, progress=progress, limit=wanted):
        chunk = queries[block.start : block.start + len(block.scored)]
        keep(finish_queries(store, walker, scorer, chunk, block.scored, threshold, limit))
    return results
