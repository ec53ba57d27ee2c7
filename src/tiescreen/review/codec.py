"""Read a stored :class:`~tiescreen.pipeline.ScreenResult` back from its ``to_dict()`` form.

Fields are matched by name against the model's dataclasses, so fields added to the model
(the contract allows additions) come back without changes here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar

from tiescreen.model import Evidence, Match, PersonResult, Provenance, Query, RunInfo, SourceInfo, Tie, TieKind
from tiescreen.pipeline import ScreenResult

T = TypeVar("T")
_RUN_KEYS = {f.name for f in fields(RunInfo)} - {"extra"}


def result_from_dict(data: dict[str, Any]) -> ScreenResult:
    """The inverse of ``ScreenResult.to_dict()`` (the summary is recomputed, not read)."""
    people = [_person(p, i) for i, p in enumerate(data.get("people", []), start=1)]
    return ScreenResult(people, _run(data["run"]))


def _build(cls: type[T], data: dict[str, Any], nested: dict[str, Callable[[Any], Any]] | None = None) -> T:
    """A dataclass from a dict: known fields only, lists as tuples, nested values converted."""
    kwargs: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in data:
            continue
        value = data[f.name]
        if nested and f.name in nested:
            value = nested[f.name](value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[f.name] = value
    return cls(**kwargs)


def _run(data: dict[str, Any]) -> RunInfo:
    run = _build(RunInfo, data, {"sources": lambda v: tuple(_build(SourceInfo, s) for s in v)})
    run.extra.update({k: v for k, v in data.items() if k not in _RUN_KEYS})
    return run


def _person(data: dict[str, Any], row: int) -> PersonResult:
    query = _build(Query, {**data["query"], "id": str(data["query"]["id"]), "row": row})
    return PersonResult(query, tuple(_match(m) for m in data.get("matches", [])))


def _match(data: dict[str, Any]) -> Match:
    return _build(
        Match,
        data,
        {
            "explanation": lambda v: tuple(_build(Evidence, e) for e in v),
            "ties": lambda v: tuple(_build(Tie, t, {"kind": TieKind}) for t in v),
            "provenance": lambda v: tuple(_build(Provenance, p) for p in v),
        },
    )
