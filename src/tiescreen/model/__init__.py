"""Plain data of the pipeline: no I/O here, only frozen dataclasses.

- :class:`Provenance` says where a value came from.
- :class:`Query` is one person to screen.
- :class:`Evidence` is one compared feature of a candidate pair.
- :class:`Tie` is one path from a matched registry entity to the state.
- :class:`Match` and :class:`PersonResult` hold what screening found.
"""

from tiescreen.model.entity import PARTY_SCHEMATA, PERSON_SCHEMATA, RegistryEntity
from tiescreen.model.provenance import Provenance, SourceInfo, stable_id
from tiescreen.model.query import Query
from tiescreen.model.result import (
    CONFIDENCE_LEVELS,
    Evidence,
    Match,
    PersonResult,
    RunInfo,
    Tie,
    TieKind,
)

__all__ = [
    "CONFIDENCE_LEVELS",
    "PARTY_SCHEMATA",
    "PERSON_SCHEMATA",
    "Evidence",
    "Match",
    "PersonResult",
    "Provenance",
    "Query",
    "RegistryEntity",
    "RunInfo",
    "SourceInfo",
    "Tie",
    "TieKind",
    "stable_id",
]
