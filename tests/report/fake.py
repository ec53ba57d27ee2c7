"""A hand-built screening result (no store), with hostile values where reports must escape."""

from __future__ import annotations

from tiescreen.model import Evidence, Match, PersonResult, Provenance, Query, RunInfo, Tie, TieKind
from tiescreen.pipeline import ScreenResult

EVIL = "<script>alert(1)</script>"
URL = "https://registry.example.org/"


def _tie(kind: TieKind, role: str, body: str, confidence: str = "confirmed", **more: object) -> Tie:
    return Tie(
        kind, role, body, more.pop("current", True), ("p-1", "l-1", "b-1"),
        (URL + "p-1", "javascript:alert(1)", "officials#17"), confidence=confidence, **more,  # type: ignore[arg-type]
    )  # fmt: skip


CLAIM = Tie(
    TieKind.CLAIMED, "член Общественной палаты", "Общественная палата Тверской области", None, (),
    ("https://news.example.org/article",), confidence="possible",
    evidence="Ирина Петрова, член Общественной палаты Тверской области, рассказала…",
)  # fmt: skip


def fake_result() -> ScreenResult:
    deputy = Match(
        "p-1", "Бахилина Наталья Игоревна", "Person", 0.98, (Evidence("name", 1.0, "best name form"),),
        ties=(
            _tie(TieKind.OFFICE, "Депутат", "Совет депутатов муниципального округа Отрадное", start="2017-09-10",
                 body_kind="legislature"),
            _tie(TieKind.PARTY, "член партии", "Всероссийская политическая партия «Единая Россия»",
                 body_kind="party", ruling_party=True),
            _tie(TieKind.FORMER_OFFICE, "Советник", EVIL, current=False, start="2006-01-01", end="2011-09-30",
                 body_kind="government"),
            _tie(TieKind.PARTY_CANDIDATE, "кандидат по списку", "КПРФ", body_kind="party", ruling_party=False),
        ),
        confidence="confirmed", reasons=("name and region agree",),
        provenance=(Provenance("officials", "17", URL + "p-1"),),
    )  # fmt: skip
    mother = Match(
        "p-2", "Уварова Галина Петровна", "Person", 1.0, (),
        ties=(
            _tie(TieKind.RELATIVE, "Глава администрации", "Администрация Кировского района", relative_name="Уваров Д.",
                 relationship="mother of Уваров Д.", relative_kind="office", body_kind="government"),
        ),
        confidence="confirmed", reasons=("name and region agree",),
    )  # fmt: skip
    namesake = Match(
        "p-3", "Лукина Мария Сергеевна", "Person", 0.85, (),
        ties=(_tie(TieKind.OFFICE, "Депутат", "Ярославская областная дума", confidence="possible"),),
        confidence="possible", reasons=("conflicting region: cannot be confirmed",),
        conflicts=("region: Краснодарский край not in Ярославская область (conflict)",),
    )  # fmt: skip
    people = [
        PersonResult(Query("a1", "Natalia Bakhilina", region="Москва"), (deputy,)),
        PersonResult(Query("a2", "Галина Уварова"), (mother,)),
        PersonResult(Query("a3", "Мария Лукина"), (namesake,)),
        PersonResult(Query("a4", EVIL), ()),
        PersonResult(Query("a5", "Ирина Петрова"), (), claims=(CLAIM,)),
    ]
    return ScreenResult(people, RunInfo("test", 0.7, "2026-01-01T00:00:00+00:00", title="Test event"))
