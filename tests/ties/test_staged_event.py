"""A fictional staged event, built here: every person gets the right verdict and tie kinds.

The registry is FtM JSON lines as OpenSanctions publishes them; everyone in it is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tiescreen.model import Query
from tiescreen.pipeline import ScreenResult, screen

URL = "https://registry.example.org/"


class _Registry:
    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []

    def add(self, schema: str, entity_id: str, **props: object) -> str:
        clean = {k: v if isinstance(v, list) else [v] for k, v in props.items() if v is not None}
        clean.setdefault("sourceUrl", [URL + entity_id])
        self.rows.append({"id": entity_id, "schema": schema, "properties": clean})
        return entity_id

    def person(self, entity_id: str, name: str, region: str, birth: str | None = None, **more: object) -> str:
        return self.add("Person", entity_id, name=name, address=region, birthDate=birth, country="ru", **more)

    def office(self, person: str, role: str, body: str, start: str, end: str | None = None) -> None:
        post = self.add("Position", f"pos-{person}-{len(self.rows)}", name=role, organization=body)
        self.add("Occupancy", f"occ-{person}-{len(self.rows)}", holder=person, post=post, startDate=start, endDate=end)


def _registry() -> list[dict[str, object]]:
    r = _Registry()
    council = r.add("PublicBody", "council", name="Совет депутатов муниципального округа Отрадное")
    kaa_khem = r.add("PublicBody", "kaa-khem", name="Администрация Каа-Хемского района")
    yar_gov = r.add("PublicBody", "yar-gov", name="Правительство Ярославской области")
    duma = r.add("PublicBody", "yar-duma", name="Ярославская областная дума")
    chamber = r.add("Organization", "chamber", name="Общественная палата Тверской области")
    ruling = r.add("Organization", "ruling", name="Всероссийская политическая партия «Единая Россия»")
    kprf = r.add("Organization", "kprf", name="Коммунистическая партия Российской Федерации")
    gbu = r.add("Organization", "gbu", name="ГБУ «Жилищник района Отрадное»")
    kursk_gov = r.add("PublicBody", "kursk-gov", name="Правительство Курской области")
    heat = r.add("Company", "heat", name="АО «Курская теплосетевая компания»")
    r.add("Ownership", "own-heat", owner=kursk_gov, asset=heat, percentage="100")
    saratov = r.add("PublicBody", "saratov", name="Администрация Кировского района города Саратова")

    p = r.person("deputy", "Бахилина Наталья Игоревна", "Москва", "1978-03-14")
    r.office(p, "Депутат Совета депутатов муниципального округа Отрадное", council, "2017-09-10")
    r.add("Membership", "mem-deputy", member=p, organization=ruling, role="член партии", startDate="2012-05-01")
    r.add("Employment", "emp-deputy", employee=p, employer=gbu, role="заместитель директора", startDate="2019-02-01")
    p = r.person("tuva", "Ооржак Чечена Борисовна", "Республика Тыва", "1981-07-02")
    r.office(p, "Начальник отдела культуры администрации Каа-Хемского района", kaa_khem, "2020-01-15")
    p = r.person("former", "Третьякова Ирина Павловна", "Ярославская область", "1970-04-05")
    r.office(p, "Советник губернатора Ярославской области", yar_gov, "2006-06-01", "2011-09-30")
    p = r.person("candidate", "Костюк Лариса Олеговна", "Краснодарский край", "1979-12-02")
    r.add("Membership", "cand", member=p, organization=kprf, role="кандидат в депутаты по списку партии (беспартийная)")
    p = r.person("chamber-member", "Нефёдова Оксана Юрьевна", "Тверская область", "1983-01-30")
    r.add("Membership", "mem-chamber", member=p, organization=chamber, role="член Общественной палаты")
    son = r.person("son", "Уваров Дмитрий Сергеевич", "Саратовская область", "1988-05-17", gender="male")
    r.office(son, "Глава администрации Кировского района", saratov, "2022-01-10")
    mother = r.person("mother", "Уварова Галина Петровна", "Саратовская область", "1962-02-08")
    r.add("Family", "fam", person=son, relative=mother, relationship="mother")
    p = r.person("yar-deputy", "Лукина Мария Сергеевна", "Ярославская область", "1985-09-09")
    r.office(p, "Депутат Ярославской областной думы", duma, "2018-09-09")
    p = r.person("male-deputy", "Воронцов Алексей Николаевич", "Ярославская область", "1969-06-06", gender="male")
    r.office(p, "Депутат Ярославской областной думы", duma, "2013-09-08")
    p = r.person("heat-director", "Гладышева Елена Викторовна", "Курская область", "1975-11-23")
    r.add("Directorship", "dir-heat", director=p, organization=heat, role="генеральный директор")
    r.person(
        "pep",
        "Самойлова Татьяна Андреевна",
        "Свердловская область",
        "1972-08-19",
        position="Депутат Государственной думы (2011–2016)",
        topics="role.pep",
    )
    return r.rows


PEOPLE = [
    Query("deputy", "Natalia Bakhilina", region="Москва", row=1),
    Query("tuva", "Oorzhak Chechena", region="Республика Тыва", row=2),
    Query("former", "Irina Tretyakova", birth_date="1970-04-05", row=3),
    Query("candidate", "Лариса Костюк", region="Краснодарский край", row=4),
    Query("chamber", "Нефёдова Оксана Юрьевна", row=5),
    Query("mother", "Галина Уварова", region="Саратовская область", row=6),
    Query("namesake", "Мария Лукина", region="Краснодарский край", row=7),
    Query("female-form", "Воронцова Алина", region="Ярославская область", row=8),
    Query("state-company", "Елена Гладышева", region="Курская область", row=9),
    Query("pep", "Самойлова Татьяна Андреевна", row=10),
    Query("ordinary-1", "Ксения Хромова", region="Москва", row=11),
    Query("ordinary-2", "Светлана Пестова", region="Тверская область", row=12),
]

EXPECTED = {
    # query id: (verdict, the tie kinds the tool stands behind)
    "deputy": ("tied", ["office", "party", "state_employer"]),
    "tuva": ("tied", ["office"]),
    "former": ("tied", ["former_office"]),
    "candidate": ("tied", ["party_candidate"]),
    "chamber": ("tied", ["movement"]),
    "mother": ("tied", ["relative"]),
    "namesake": ("possible", []),
    "state-company": ("tied", ["state_employer"]),
    "pep": ("tied", ["former_office"]),
    "ordinary-1": ("no_tie_found", []),
    "ordinary-2": ("no_tie_found", []),
}


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> ScreenResult:
    folder: Path = tmp_path_factory.mktemp("staged")
    registry = folder / "officials.ftm.jsonl"
    registry.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in _registry()) + "\n", encoding="utf-8")
    return screen(PEOPLE, [registry], db=folder / "store.duckdb", title="staged event")


def _person(result: ScreenResult, query_id: str):
    return next(p for p in result.people if p.query.id == query_id)


@pytest.mark.parametrize(("query_id", "expected"), EXPECTED.items())
def test_every_person_gets_the_right_verdict_and_kinds(result, query_id, expected):
    person = _person(result, query_id)
    assert (person.verdict, person.tie_kinds()) == expected


def test_female_form_of_a_deputys_surname_is_not_tied(result):
    # Whether the other-gender form is listed as a possible relative or not at all is the
    # matcher's call; what matters is that she is never shown with the deputy's ties.
    person = _person(result, "female-form")
    assert not person.tied
    assert person.tie_kinds() == []
    assert all(m.relation == "possible_relative" for m in person.matches)


def test_namesake_in_another_region_shows_the_conflict(result):
    person = _person(result, "namesake")
    match = person.matches[0]
    assert match.confidence == "possible"
    assert any("Ярославская область" in c for c in match.conflicts)
    assert {t.confidence for t in match.ties} == {"possible"}


def test_former_office_keeps_its_dates_however_old(result):
    tie = _person(result, "former").matches[0].ties[0]
    assert (tie.current, tie.start, tie.end) == (False, "2006-06-01", "2011-09-30")


def test_party_tie_names_the_ruling_party_and_the_candidate_is_kept_apart(result):
    deputy = _person(result, "deputy").matches[0]
    party = next(t for t in deputy.ties if str(t.kind) == "party")
    assert party.ruling_party is True
    assert party.body == "Всероссийская политическая партия «Единая Россия»"
    candidate = _person(result, "candidate").matches[0].ties[0]
    assert str(candidate.kind) == "party_candidate"
    assert candidate.ruling_party is False


def test_relative_tie_carries_the_officials_own_tie(result):
    tie = _person(result, "mother").matches[0].ties[0]
    assert tie.relationship == "mother of Уваров Дмитрий Сергеевич"
    assert tie.relative_kind == "office"
    assert tie.path[:2] == ("mother", "fam")
    assert tie.path[-1] == "saratov"


def test_state_company_through_ownership_cites_the_owner(result):
    tie = _person(result, "state-company").matches[0].ties[0]
    assert tie.body_kind == "state_company"
    assert tie.path[-2:] == ("own-heat", "kursk-gov")
    assert URL + "own-heat" in tie.sources


def test_every_tie_cites_every_step(result):
    for person in result.people:
        for match in person.matches:
            for tie in match.ties:
                assert tie.sources and all(s.startswith(URL) for s in tie.sources)


def test_statistics_count_only_confirmed_own_ties(result):
    stats = result.statistics()
    confirmed = [p for p in result.people if p.verdict == "tied"]
    # the mother is tied through her son only; relatives are not in the base rate
    assert stats.n == len(PEOPLE)
    assert stats.k == len(confirmed) - 1
    assert stats.p_value < 1e-6
