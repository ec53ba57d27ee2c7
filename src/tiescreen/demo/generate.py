"""Generate the demo: a registry of fictional officials (FtM JSON lines) and a fictional event.

Everyone here is invented. The registry has municipal councils, district administrations,
regional governments, the ruling party and another party, the People's Front and a civic
chamber, state institutions, a few relatives and former officials, and several hundred
filler officials. The event is a meeting with "ordinary mothers" at which, as in November
2022, most of the women turn out to have ties to the state, spelled every way the press does.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tiescreen.demo.names import FEMALE_GIVEN, MALE_GIVEN, PATRONYMICS, REGIONS, SURNAMES

__all__ = ["DemoFiles", "Registry", "write_demo"]

SOURCE_URL = "https://registry.example.org/officials"
RULING = "Всероссийская политическая партия «Единая Россия»"


class Registry:
    """Builds FtM-shaped entities with deterministic ids."""

    def __init__(self) -> None:
        self.entities: list[dict[str, Any]] = []
        self._n = 0

    def add(self, schema: str, prefix: str, **props: Any) -> str:
        self._n += 1
        entity_id = f"demo-{prefix}-{self._n:04d}"
        clean = {k: v if isinstance(v, list) else [v] for k, v in props.items() if v not in (None, "", [])}
        clean.setdefault("sourceUrl", [f"{SOURCE_URL}/{entity_id}"])
        self.entities.append({"id": entity_id, "schema": schema, "properties": clean})
        return entity_id

    def body(self, name: str, region: str, schema: str = "PublicBody", topics: list[str] | None = None) -> str:
        return self.add(schema, "org", name=name, address=region, topics=topics or [])

    def person(
        self, surname: str, given: str, patronymic: str, region: str, birth: str | None = None, gender: str = "female"
    ) -> str:
        return self.add(
            "Person",
            "p",
            name=f"{surname} {given} {patronymic}",
            lastName=surname,
            firstName=given,
            fatherName=patronymic,
            address=region,
            birthDate=birth,
            gender=gender,
            country="ru",
        )

    def office(self, person: str, role: str, body: str, start: str, end: str | None = None) -> None:
        post = self.add("Position", "pos", name=role, organization=body)
        self.add(
            "Occupancy",
            "occ",
            holder=person,
            post=post,
            startDate=start,
            endDate=end,
            status="ended" if end else "current",
        )

    def member(self, person: str, org: str, role: str | None = None, start: str | None = None) -> None:
        self.add("Membership", "mem", member=person, organization=org, role=role, startDate=start)

    def employ(self, person: str, employer: str, role: str, start: str | None = None) -> None:
        self.add("Employment", "emp", employee=person, employer=employer, role=role, startDate=start)


@dataclass(frozen=True, slots=True)
class DemoFiles:
    folder: Path
    registry: Path
    people: Path
    report: Path


def _bodies(reg: Registry) -> dict[str, str]:
    b = {
        "otradnoe": reg.body("Совет депутатов муниципального округа Отрадное", "Москва"),
        "zhilishnik": reg.body("ГБУ «Жилищник района Отрадное»", "Москва", "Organization"),
        "kaa_khem": reg.body("Администрация Каа-Хемского района", "Республика Тыва"),
        "kursk_gov": reg.body("Правительство Курской области", "Курская область"),
        "yar_gov": reg.body("Правительство Ярославской области", "Ярославская область"),
        "yar_assembly": reg.body("Ярославская областная дума", "Ярославская область"),
        "tver_chamber": reg.body("Общественная палата Тверской области", "Тверская область", "Organization"),
        "onf": reg.body("Общероссийский народный фронт", "Россия", "Organization"),
        "saratov_kirov": reg.body("Администрация Кировского района города Саратова", "Саратовская область"),
        "ruling": reg.body(RULING, "Россия", "Organization", ["pol.party"]),
        "kprf": reg.body("Коммунистическая партия Российской Федерации", "Россия", "Organization", ["pol.party"]),
        "youth": reg.body("МБУ «Молодёжный центр»", "Краснодарский край", "Organization"),
        "heat": reg.body("АО «Курская теплосетевая компания»", "Курская область", "Company"),
    }
    # Only the data makes a joint-stock company a state company: here an Ownership by the region.
    reg.add("Ownership", "own", owner=b["kursk_gov"], asset=b["heat"], percentage="100", startDate="2014-03-01")
    return b


def _staged(reg: Registry, b: dict[str, str]) -> list[dict[str, str]]:
    """The event's officials and the attendee list naming them (spelled as the press did)."""
    p = reg.person("Бахилина", "Наталья", "Игоревна", "Москва", "1978-03-14")
    reg.office(p, "Депутат Совета депутатов муниципального округа Отрадное", b["otradnoe"], "2017-09-10")
    reg.member(p, b["ruling"], "член партии", "2012-05-01")
    reg.employ(p, b["zhilishnik"], "заместитель директора", "2019-02-01")
    p = reg.person("Ооржак", "Чечена", "Борисовна", "Республика Тыва", "1981-07-02")
    reg.office(p, "Начальник отдела культуры администрации Каа-Хемского района", b["kaa_khem"], "2020-01-15")
    p = reg.person("Гладышева", "Елена", "Викторовна", "Курская область", "1975-11-23")
    reg.office(p, "Заместитель председателя Правительства Курской области", b["kursk_gov"], "2021-10-01")
    p = reg.person("Третьякова", "Ирина", "Павловна", "Ярославская область", "1970-04-05")
    reg.office(p, "Советник губернатора Ярославской области", b["yar_gov"], "2015-06-01", "2019-09-30")
    p = reg.person("Нефёдова", "Оксана", "Юрьевна", "Тверская область", "1983-01-30")
    reg.member(p, b["tver_chamber"], "член Общественной палаты", "2020-03-01")
    p = reg.person("Самойлова", "Татьяна", "Андреевна", "Свердловская область", "1972-08-19")
    reg.member(p, b["onf"], "сопредседатель регионального штаба", "2018-02-01")
    p = reg.person("Костюк", "Лариса", "Олеговна", "Краснодарский край", "1979-12-02")
    reg.member(p, b["kprf"], "кандидат в депутаты по списку партии (беспартийная)", "2021-07-01")
    son = reg.person("Уваров", "Дмитрий", "Сергеевич", "Саратовская область", "1988-05-17", "male")
    reg.office(son, "Глава администрации Кировского района", b["saratov_kirov"], "2022-01-10")
    mother = reg.person("Уварова", "Галина", "Петровна", "Саратовская область", "1962-02-08")
    reg.add("Family", "fam", person=son, relative=mother, relationship="mother")
    p = reg.person("Лукина", "Мария", "Сергеевна", "Ярославская область", "1985-09-09")
    reg.office(p, "Депутат Ярославской областной думы", b["yar_assembly"], "2018-09-09")
    p = reg.person("Воронцов", "Алексей", "Николаевич", "Ярославская область", "1969-06-06", "male")
    reg.office(p, "Депутат Ярославской областной думы", b["yar_assembly"], "2013-09-08")
    p = reg.person("Мещерякова", "Виктория", "Андреевна", "Курская область", "1980-10-21")
    reg.add("Directorship", "dir", director=p, organization=b["heat"], role="заместитель генерального директора")
    role = "мать военнослужащего"
    return [
        {"id": "a01", "name": "Natalia Bakhilina", "region": "Москва", "birth_date": "", "role": role},
        {
            "id": "a02",
            "name": "Oorzhak Chechena",
            "region": "Республика Тыва",
            "birth_date": "",
            "role": role,
        },
        {"id": "a03", "name": "Гладышева Е. В.", "region": "Курская область", "birth_date": "", "role": role},
        {"id": "a04", "name": "Irina Tretyakova", "region": "", "birth_date": "1970-04-05", "role": role},
        {"id": "a05", "name": "Нефёдова Оксана Юрьевна", "region": "", "birth_date": "", "role": role},
        {
            "id": "a06",
            "name": "Tatiana Samoylova",
            "region": "Свердловская область",
            "birth_date": "",
            "role": role,
        },
        {
            "id": "a07",
            "name": "Larisa Kostiuk",
            "region": "Краснодарский край",
            "birth_date": "",
            "role": role,
        },
        {
            "id": "a08",
            "name": "Галина Уварова",
            "region": "Саратовская область",
            "birth_date": "",
            "role": role,
        },
        {"id": "a09", "name": "Мария Лукина", "region": "Краснодарский край", "birth_date": "", "role": role},
        {
            "id": "a10",
            "name": "Воронцова Алина",
            "region": "Ярославская область",
            "birth_date": "",
            "role": role,
        },
        {
            "id": "a11",
            "name": "Светлана Пестова",
            "region": "Тверская область",
            "birth_date": "",
            "role": role,
        },
        {"id": "a12", "name": "Ксения Хромова", "region": "Москва", "birth_date": "", "role": role},
        {
            "id": "a13",
            "name": "Viktoria Meshcheryakova",
            "region": "Курская область",
            "birth_date": "",
            "role": role,
        },
    ]


def _filler(reg: Registry, b: dict[str, str], rng: random.Random, count: int) -> None:
    """Officials who are not at the event, so the registry looks like one."""
    roles = ("Депутат", "Главный специалист", "Начальник отдела", "Заместитель главы", "Консультант")
    bodies = [k for k in b if k not in ("ruling", "kprf", "onf", "heat")]
    fathers = list(PATRONYMICS)
    for _ in range(count):
        female = rng.random() < 0.5
        surname = rng.choice(SURNAMES)[1 if female else 0]
        given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        patronymic = PATRONYMICS[rng.choice(fathers)][1 if female else 0]
        region = rng.choice(REGIONS)
        birth = f"{rng.randint(1955, 1995)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        p = reg.person(surname, given, patronymic, region, birth, "female" if female else "male")
        body = rng.choice(bodies)
        start = f"{rng.randint(2005, 2023)}-{rng.randint(1, 12):02d}-01"
        end = f"{rng.randint(2019, 2024)}-12-31" if rng.random() < 0.2 else None
        reg.office(p, rng.choice(roles), b[body], start, end if end and end > start else None)
        if rng.random() < 0.4:
            reg.member(p, b["ruling"], "член партии")


def write_demo(folder: Path | str, *, seed: int = 2022, filler: int = 400) -> DemoFiles:
    """Write the demo registry and attendee list into ``folder`` (created if needed)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    reg = Registry()
    bodies = _bodies(reg)
    attendees = _staged(reg, bodies)
    _filler(reg, bodies, rng, filler)
    registry = out / "officials.ftm.jsonl"
    with registry.open("w", encoding="utf-8") as fh:
        for entity in reg.entities:
            fh.write(json.dumps(entity, ensure_ascii=False) + "\n")
    people = out / "event-attendees.csv"
    with people.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "name", "region", "birth_date", "role"])
        writer.writeheader()
        writer.writerows(attendees)
    return DemoFiles(out, registry, people, out / "report.html")
