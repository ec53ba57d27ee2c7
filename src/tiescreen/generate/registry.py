"""Write a generated registry of Russian officials (FtM JSON lines) and queries with known truth.

Everyone is invented. The registry holds ``people`` Person entities, each with an Occupancy of
a Position in a regional or municipal body, and for some a party Membership, an Employment at
a state institution and a Family link to another official: about 3.2 entities per person.
Queries spell half of the people the way lists and the press do (see :mod:`.variants`) and
add people who are not in the registry, with other-gender forms of registry names among them.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from tiescreen.generate.names import NameBook, patronymic
from tiescreen.generate.variants import VARIANTS, other_gender

__all__ = ["GeneratedPerson", "write_queries", "write_registry"]

REGIONS = (
    "Москва", "Санкт-Петербург", "Московская область", "Курская область", "Республика Тыва",
    "Ярославская область", "Саратовская область", "Тверская область", "Свердловская область",
    "Краснодарский край", "Новосибирская область", "Республика Татарстан", "Чеченская Республика",
    "Республика Саха (Якутия)", "Приморский край", "Ростовская область", "Нижегородская область",
    "Омская область", "Пермский край", "Воронежская область",
)  # fmt: skip
_BODIES = (
    ("Совет депутатов муниципального округа №{n}, {region}", ("Депутат", "Председатель")),
    ("Администрация района №{n}, {region}", ("Начальник отдела", "Заместитель главы", "Глава")),
    ("Законодательное собрание, {region}", ("Депутат", "Заместитель председателя")),
    ("Правительство, {region}", ("Министр", "Заместитель председателя правительства")),
)
_PARTIES = ("Всероссийская политическая партия «Единая Россия»", "КПРФ", "ЛДПР", "Справедливая Россия")
_INSTITUTIONS = ("ГБУ «Жилищник района №{n}»", "МБУ «Молодёжный центр №{n}»", "ФГУП «Почта №{n}»")
SOURCE = "https://registry.example.org/generated"
ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class GeneratedPerson:
    """A registry person as the generator knows it (the truth queries are made from)."""

    id: str
    surname: str
    given: str
    patronymic: str
    gender: str
    birth_date: str
    short: tuple[str, ...]

    @property
    def full_name(self) -> str:
        return f"{self.surname} {self.given} {self.patronymic}"


class _Out:
    """A file that counts the entities written to it."""

    def __init__(self, f: TextIO) -> None:
        self.f, self.count = f, 0

    def write(self, text: str) -> None:
        self.f.write(text)
        self.count += 1


def _line(out: _Out, entity_id: str, schema: str, **props: Any) -> None:
    clean = {k: v if isinstance(v, list) else [v] for k, v in props.items() if v}
    out.write(json.dumps({"id": entity_id, "schema": schema, "properties": clean}, ensure_ascii=False) + "\n")


def _person(rng: random.Random, book: NameBook, n: int, outsider: bool = False) -> GeneratedPerson:
    gender = rng.choice("mf")
    given = book.given_name(rng, gender)
    surname = book.surname(rng, gender, outsider)
    birth = f"{rng.randint(1950, 1998)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    pid = f"x-{n}" if outsider else f"p-{n}"
    return GeneratedPerson(pid, surname, given.name, patronymic(book.father(rng), gender), gender, birth, given.short)


def _write_bodies(out: _Out, scale: int) -> list[tuple[str, str]]:
    """Bodies and their positions; returns (position id, region) pairs."""
    positions: list[tuple[str, str]] = []
    per_region = max(1, scale // 2000)
    for r, region in enumerate(REGIONS):
        for b, (template, roles) in enumerate(_BODIES):
            for n in range(1 if "{n}" not in template else per_region):
                org = f"org-{r}-{b}-{n}"
                _line(out, org, "PublicBody", name=template.format(n=n + 1, region=region), country="ru")
                for k, role in enumerate(roles):
                    pos = f"pos-{r}-{b}-{n}-{k}"
                    _line(out, pos, "Position", name=role, organization=org, country="ru")
                    positions.append((pos, region))
    for k, party in enumerate(_PARTIES):
        _line(out, f"party-{k}", "Organization", name=party, country="ru")
    return positions


def iter_people(people: int, seed: int) -> Iterator[GeneratedPerson]:
    """The registry's people, reproducibly (the same seed gives the same people)."""
    rng = random.Random(seed)
    book = NameBook()
    for n in range(1, people + 1):
        yield _person(rng, book, n)


def write_registry(path: Path, people: int, seed: int = 7, progress: ProgressFn | None = None) -> int:
    """Write an FtM JSON-lines registry of ``people`` officials; returns the number of entities."""
    rng = random.Random(seed + 1)
    with path.open("w", encoding="utf-8") as f:
        out = _Out(f)
        positions = _write_bodies(out, people)
        previous: dict[str, str] = {}
        for n, p in enumerate(iter_people(people, seed), start=1):
            pos, region = rng.choice(positions)
            _line(out, p.id, "Person", name=p.full_name, firstName=p.given, lastName=p.surname,
                  fatherName=p.patronymic, birthDate=p.birth_date, gender="female" if p.gender == "f" else "male",
                  address=region, country="ru", sourceUrl=f"{SOURCE}/{p.id}")  # fmt: skip
            start = f"{rng.randint(2005, 2023)}-09-{rng.randint(1, 28):02d}"
            end = f"{rng.randint(2015, 2022)}-09-01" if rng.random() < 0.2 else None
            _line(out, f"occ-{n}", "Occupancy", holder=p.id, post=pos, startDate=start, endDate=end)
            if rng.random() < 0.5:
                _line(out, f"mem-{n}", "Membership", member=p.id, organization=f"party-{rng.randrange(4)}")
            if rng.random() < 0.3:
                org = f"inst-{n}"
                _line(out, org, "PublicBody", name=rng.choice(_INSTITUTIONS).format(n=n % 500 + 1), address=region)
                _line(out, f"emp-{n}", "Employment", employee=p.id, employer=org, role="Заместитель директора")
            family = previous.get(p.surname[:5])
            if family and rng.random() < 0.3:
                _line(out, f"fam-{n}", "Family", person=family, relative=p.id, relationship="relative")
            previous[p.surname[:5]] = p.id
            if progress and n % 10_000 == 0:
                progress(n, people)
    return out.count


def read_people(registry: Path) -> Iterator[GeneratedPerson]:
    """The people of a generated registry file, read back from it (the truth is the file)."""
    short = {g.name: g.short for g in NameBook().given}
    with registry.open(encoding="utf-8") as f:
        for line in f:
            if '"schema": "Person"' not in line:
                continue
            e = json.loads(line)
            p = {k: v[0] for k, v in e["properties"].items()}
            gender = "f" if p.get("gender") == "female" else "m"
            yield GeneratedPerson(e["id"], p["lastName"], p["firstName"], p["fatherName"], gender,
                                  p.get("birthDate", ""), short.get(p["firstName"], ()))  # fmt: skip


def write_queries(
    path: Path,
    truth_path: Path,
    people: int,
    queries: int,
    seed: int = 7,
    in_registry: float = 0.5,
    registry: Path | None = None,
) -> None:
    """Write ``queries`` people to screen (CSV ``id,name,birth_date``) and their truth.

    The truth file has ``id,kind,truth``: ``truth`` lists the registry ids a correct screening
    may return (the person and any exact namesakes it cannot be told from), empty when none.
    With ``registry`` the people are read back from that file, else generated again from ``seed``.
    """
    rng = random.Random(seed + 2)
    wanted = int(queries * in_registry)
    chosen = sorted(rng.sample(range(people), wanted))
    picked: list[GeneratedPerson] = []
    by_name: dict[str, list[GeneratedPerson]] = {}
    targets = iter(chosen)
    target = next(targets, None)
    source = read_people(registry) if registry is not None else iter_people(people, seed)
    for n, person in enumerate(source):
        by_name.setdefault(person.full_name, []).append(person)
        while target == n:
            picked.append(person)
            target = next(targets, None)
    book = NameBook()
    rows: list[tuple[str, str, str, str, str]] = []
    for i, person in enumerate(picked):
        variant = rng.choice(VARIANTS)
        name = variant(rng, person)
        dob = person.birth_date if rng.random() < 0.5 else ""
        same = [p.id for p in by_name[person.full_name] if not dob or p.birth_date == dob]
        rows.append((f"q{i + 1}", name, dob, variant.__name__, ";".join(same)))
    for i in range(wanted, queries):
        if rng.random() < 0.2:
            base = rng.choice(picked)
            name, kind = other_gender(rng, base), "other_gender"
            dob = ""
        else:
            outsider = _person(rng, book, i, outsider=True)
            name, kind = rng.choice(VARIANTS)(rng, outsider), "not_in_registry"
            dob = outsider.birth_date if rng.random() < 0.5 else ""
        rows.append((f"q{i + 1}", name, dob, kind, ""))
    rng.shuffle(rows)
    with path.open("w", encoding="utf-8", newline="") as f, truth_path.open("w", encoding="utf-8", newline="") as t:
        qw, tw = csv.writer(f), csv.writer(t)
        qw.writerow(("id", "name", "birth_date"))
        tw.writerow(("id", "kind", "truth"))
        for qid, name, dob, kind, truth in rows:
            qw.writerow((qid, name, dob))
            tw.writerow((qid, kind, truth))
