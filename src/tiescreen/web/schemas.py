"""The JSON API's request and response bodies (pydantic: data crossing a boundary).

The yente-compatible models follow the shapes OpenSanctions yente documents for
``/match/{dataset}``, with our explanations and ties added.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from tiescreen.normalize.names import MAX_NAME_CHARS

# -- runs and decisions ----------------------------------------------------------------------


# A name longer than the readers accept (1,000 characters) is refused with 422, naming the field.
Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME_CHARS)]


class PersonIn(BaseModel):
    name: Name = Field(..., examples=["Olesya Shigina"])
    id: str | None = Field(None, max_length=256)
    birth_date: str | None = Field(None, max_length=32)
    region: str | None = Field(None, max_length=MAX_NAME_CHARS)
    role: str | None = Field(None, max_length=MAX_NAME_CHARS)


class RunIn(BaseModel):
    """Start a run over a list of people (names or objects)."""

    people: list[Name | PersonIn] = Field(..., min_length=1, max_length=100_000)
    title: str | None = Field(None, max_length=500)
    threshold: float | None = Field(None, gt=0, le=1)


class RunOut(BaseModel):
    id: str
    title: str | None
    status: str = Field(..., examples=["done"], description="running, done or failed")
    created_at: str
    created_by: str | None
    tool_version: str | None
    threshold: float | None
    sources: list[dict[str, Any]] = Field(description="registries screened, with content hashes")
    people_file: str | None
    summary: dict[str, Any]
    error: str | None
    counts: dict[str, int] | None = Field(None, description="candidates by review status")


class DecisionIn(BaseModel):
    """A decision on one candidate of a run.

    Send ``expected_decision_id`` to avoid overwriting a colleague's decision: the ``id`` of
    the candidate's ``decision`` you were shown, or 0 (or null) when it had none. If another
    decision was recorded since, nothing is saved and the answer is HTTP 409 with the
    decision now in force in ``current``. Without the field the last writer wins.
    """

    run_id: str = Field(..., max_length=64)
    person_idx: int = Field(..., ge=0, description="0-based position of the person in the run")
    entity_id: str = Field(..., max_length=256)
    verdict: str = Field(..., max_length=16, examples=["confirm"], description="confirm, reject or unsure")
    note: str | None = Field(None, max_length=2000)
    expected_decision_id: int | None = Field(
        None,
        ge=0,
        examples=[0],
        description="id of the decision in force you saw (0 or null: none yet); omit to skip the check",
    )

    def expected(self) -> int | None:
        """The expected decision id: 0 for an explicit null, None when the field was omitted."""
        if self.expected_decision_id is None and "expected_decision_id" in self.model_fields_set:
            return 0
        return self.expected_decision_id


class DecisionOut(BaseModel):
    id: int
    query_name: str
    query_key: str
    entity_id: str
    entity_hash: str
    verdict: str
    note: str | None
    user: str
    created_at: str
    run_id: str | None
    action: str
    supersedes: int | None


class ConflictOut(BaseModel):
    """HTTP 409: the candidate was decided since you saw it; nothing was saved."""

    detail: str
    current: DecisionOut | None = Field(description="the decision now in force (null: none)")


class CandidateOut(BaseModel):
    person_idx: int
    query_id: str
    query_name: str
    entity_id: str
    caption: str
    score: float
    tie_kinds: list[str]
    confidence: str
    status: str = Field(description="undecided, stale, confirm, reject or unsure")
    reused: bool = Field(description="the decision in force was made in another run")
    decision: DecisionOut | None


# -- yente -----------------------------------------------------------------------------------


class EntityExample(BaseModel):
    """An FtM-shaped entity to match: schema and properties (strings or lists)."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore")
    id: str | None = None
    schema_: str = Field("Person", alias="schema", examples=["Person"])
    properties: dict[str, str | list[Any]] = Field(..., examples=[{"name": ["Olesya Shigina"]}])

    @field_validator("properties")
    @classmethod
    def _values_fit(cls, properties: dict[str, str | list[Any]]) -> dict[str, str | list[Any]]:
        """Refuse a value longer than a name can be (scoring it would only waste the server's time)."""
        for key, values in properties.items():
            for i, value in enumerate(values if isinstance(values, list) else [values]):
                if isinstance(value, str) and len(value) > MAX_NAME_CHARS:
                    raise ValueError(f"{key}[{i}] is {len(value)} characters long, more than {MAX_NAME_CHARS}")
        return properties


class EntityMatchQuery(BaseModel):
    """yente's match request; ``weights``, ``config`` and algorithm options are accepted and ignored."""

    model_config = ConfigDict(extra="ignore")
    queries: dict[str, EntityExample]
    weights: dict[str, float] = Field(default_factory=dict)
    threshold: float | None = Field(None, ge=0, le=1)
    cutoff: float | None = Field(None, ge=0, le=1)
    limit: int | None = Field(None, ge=1, le=500)


class TotalSpec(BaseModel):
    value: int
    relation: str = "eq"


class EntityResponse(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    id: str
    caption: str
    schema_: str = Field(..., alias="schema")
    properties: dict[str, list[Any]]
    datasets: list[str] = Field(default_factory=list)
    referents: list[str] = Field(default_factory=list)
    target: bool = False
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None
    ties: list[dict[str, Any]] = Field(default_factory=list, description="tiescreen: ties to the state with paths")


class ScoredEntityResponse(EntityResponse):
    score: float
    match: bool
    features: dict[str, float]
    explanation: list[dict[str, Any]] = Field(default_factory=list, description="tiescreen: each compared feature")
    confidence: str = Field("possible", description="tiescreen: possible, probable or confirmed")
    reasons: list[str] = Field(default_factory=list)


class EntityMatches(BaseModel):
    status: int = 200
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: dict[str, Any]


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    matcher: dict[str, Any]
    limit: int


class SearchResponse(BaseModel):
    results: list[ScoredEntityResponse]
    total: TotalSpec
    limit: int
    offset: int = 0
    facets: dict[str, Any] = Field(default_factory=dict)
