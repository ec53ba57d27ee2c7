"""A generated Russian name-variation set: every phenomenon of issue 3, plus hard negatives.

Deterministic for a seed. People are drawn from the project's given-name table and the
surname lists below (Russian, Ukrainian, Tatar, Chechen, Tuvan, Yakut); each positive pair is
one person written two ways, each negative pair two different people who look alike.

Positives (tag): ``translit:<system>`` (iuliia standards and press conventions), ``order``,
``initials``, ``diminutive``, ``other_language`` (Ukrainian/Belarusian form), ``noise``
(homoglyphs, zero-width, soft hyphen, ALL CAPS), ``yo``, ``double_surname``,
``patronymic_missing``, ``typo`` (a press typo that is not itself a real surname),
``non_slavic``.
Negatives: ``other_gender`` (Шигин/Шигина), ``other_patronymic`` (namesakes), ``one_letter``
(two real surnames one letter apart), ``other_given``, ``initials_conflict``.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from nb_data import Pair

from tiescreen.normalize.given_names import _table
from tiescreen.normalize.spelling import SYSTEMS, transliterate

# Surnames (male form where a female form exists). Rare and non-Slavic names on purpose.
SURNAMES = ["Шигин", "Иванов", "Кузнецов", "Смирнов", "Петров", "Соколов", "Лебедев", "Щербаков", "Белехов", "Бахилин", "Агуев", "Хабибуллин", "Галиев", "Сафин", "Мухаметшин", "Гарипов", "Зарипов", "Кадыров", "Делимханов", "Умаров", "Дудаев", "Слепцов", "Винокуров", "Аммосов", "Местников", "Рождественский", "Вознесенский", "Черемисинов", "Кожемякин", "Пастухов", "Голованов", "Колокольцев", "Достоевский", "Толстой", "Юсупов", "Шайхутдинов", "Валуев", "Нарышкин"]
INVARIANT = ["Тас-оол", "Монгуш", "Ооржак", "Куулар", "Донгак", "Ондар", "Костюк", "Прокопенко", "Загорулько", "Шойгу", "Хертек"]
ONE_LETTER = (
    ("Иванов", "Ивашов"), ("Котов", "Кротов"), ("Гусев", "Гусаев"), ("Панов", "Панков"),
    ("Фомин", "Фокин"), ("Юдин", "Юрин"), ("Лапин", "Лапшин"), ("Савин", "Савкин"),
    ("Горин", "Гурин"), ("Рябов", "Рябков"), ("Жуков", "Жучков"), ("Носов", "Носков"),
    ("Мишин", "Мишкин"), ("Шилов", "Шипов"), ("Ситников", "Сотников"),
)  # fmt: skip
NON_SLAVIC_GIVEN = {
    "m": ["Айдар", "Рамзан", "Ахмат", "Магомед", "Рустам"],
    "f": ["Айсылу", "Гульнара", "Зарема", "Айна", "Чечена", "Чойгана"],
}
_PATRONYMIC = {
    "Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична"), "Лев": ("Львович", "Львовна"),
    "Павел": ("Павлович", "Павловна"), "Пётр": ("Петрович", "Петровна"), "Яков": ("Яковлевич", "Яковлевна"),
}  # fmt: skip
_HOMOGLYPH = str.maketrans("аеорсх", "aeopcx")
_YO = {"е": "ё"}


@dataclass(frozen=True, slots=True)
class Person:
    given: str
    short: tuple[str, ...]
    other: tuple[str, ...]
    gender: str
    surname: str  # in this person's gender
    patronymic: str

    @property
    def full(self) -> str:
        return f"{self.surname} {self.given} {self.patronymic}"


def female_surname(male: str) -> str:
    """The female form of a surname, or the surname itself when it has none."""
    if "-" in male:
        head, _, tail = male.partition("-")
        return f"{female_surname(head)}-{tail}" if head.endswith(("ов", "ев", "ин")) else male
    if male.endswith(("ов", "ев", "ин", "ын")):
        return male + "а"
    if male.endswith("ский"):
        return male[:-4] + "ская"
    if male.endswith("ой"):
        return male[:-2] + "ая"
    return male


def patronymic(father: str, gender: str) -> str:
    """Патронимы by the regular rules (Сергей -> Сергеевич, Юрий -> Юрьевич, Игорь -> Игоревич)."""
    if father in _PATRONYMIC:
        return _PATRONYMIC[father][0 if gender == "m" else 1]
    if father.endswith("ий") and father[-4] in "аеёиоуыэюя":
        stem = father[:-2] + "ьев"  # Юрий -> Юрьевич, Анатолий -> Анатольевич
    elif father.endswith("ий"):
        stem = father[:-1] + "ев"  # Дмитрий -> Дмитриевич, Георгий -> Георгиевич
    elif father.endswith(("ий", "ей", "ай")) or father.endswith("ь"):
        stem = father[:-1] + "ев"
    else:
        stem = father + "ов"
    return stem + ("ич" if gender == "m" else "на")


def _given_names() -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    names: dict[str, tuple[str, set[str], set[str]]] = {}
    for entries in _table().values():
        for e in entries:
            names.setdefault(e.name, (e.gender, set(), set()))
    from importlib.resources import files

    text = files("tiescreen").joinpath("data/given_names.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cols = [*line.split("\t"), "", "", ""]
            gender, shorts, others = names[cols[0]]
            shorts.update(s for s in cols[2].split(",") if s)
            others.update(s for s in cols[3].split(",") if s and any("\u0400" <= c <= "\u04ff" for c in s))
    return [(n, g, tuple(sorted(s)), tuple(sorted(o))) for n, (g, s, o) in sorted(names.items())]


class Generator:
    """Draws people and writes them in varied ways."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.given = _given_names()
        self.fathers = [g for g in self.given if g[1] == "m"]

    def person(self, surnames: list[str] | None = None, gender: str | None = None) -> Person:
        rng = self.rng
        pool = [g for g in self.given if gender is None or g[1] == gender]
        given, g, short, other = rng.choice(pool)
        male = rng.choice(surnames or SURNAMES + INVARIANT)
        surname = female_surname(male) if g == "f" else male
        return Person(given, short, other, g, surname, patronymic(rng.choice(self.fathers)[0], g))

    def latin(self, text: str, system: str | None = None) -> str:
        system = system or self.rng.choice(SYSTEMS)
        return " ".join(transliterate(w, system).title() for w in text.split())

    def positives(self, n: int) -> list[Pair]:
        makers = [
            self._translit, self._order, self._initials, self._diminutive, self._other_language,
            self._noise, self._yo, self._double, self._patronymic_missing, self._typo, self._non_slavic,
        ]  # fmt: skip
        return [pair for i in range(n) if (pair := makers[i % len(makers)]()) is not None]

    def negatives(self, n: int) -> list[Pair]:
        makers = [
            self._other_gender,
            self._other_patronymic,
            self._one_letter,
            self._other_given,
            self._initials_conflict,
        ]
        return [pair for i in range(n) if (pair := makers[i % len(makers)]()) is not None]

    # -- positives --------------------------------------------------------------------------

    def _translit(self) -> Pair:
        p, system = self.person(), self.rng.choice(SYSTEMS)
        latin = self.latin(f"{p.given} {p.surname}", system)
        return Pair(p.full, latin, True, tag=f"translit:{system}")

    def _order(self) -> Pair:
        p = self.person()
        form = self.rng.choice([f"{p.given} {p.surname}", f"{p.surname.upper()} {p.given}", f"{p.surname}, {p.given}"])
        other = self.latin(form) if self.rng.random() < 0.5 else form
        if form.split()[0].isupper():
            other = other.split()[0].upper() + " " + " ".join(other.split()[1:])
        return Pair(f"{p.given} {p.patronymic} {p.surname}", other, True, tag="order")

    def _initials(self) -> Pair:
        p = self.person()
        if self.rng.random() < 0.5:
            return Pair(p.full, f"{p.given[0]}. {p.patronymic[0]}. {p.surname}", True, tag="initials")
        latin = self.latin(f"{p.surname} {p.given} {p.patronymic}", "ICAO passport transliteration").split()
        return Pair(p.full, f"{latin[0]} {latin[1][0]}.{latin[2][0]}.", True, tag="initials")

    def _diminutive(self) -> Pair | None:
        p = self.person()
        if not p.short:
            return None
        short = self.rng.choice(p.short)
        other = f"{short} {p.surname}"
        return Pair(p.full, self.latin(other) if self.rng.random() < 0.5 else other, True, tag="diminutive")

    def _other_language(self) -> Pair | None:
        p = self.person()
        if not p.other:
            return None
        form = f"{self.rng.choice(p.other)} {p.surname}"
        return Pair(p.full, self.latin(form, "Ukrainian-style spelling"), True, tag="other_language")

    def _noise(self) -> Pair:
        p = self.person()
        rng, text = self.rng, f"{p.surname} {p.given}"
        kind = rng.choice(["homoglyph", "zero_width", "soft_hyphen", "caps"])
        if kind == "homoglyph":
            text = "".join(c.translate(_HOMOGLYPH) if rng.random() < 0.4 else c for c in text)
        elif kind in ("zero_width", "soft_hyphen"):
            cut = rng.randrange(1, len(p.surname))
            mark = "\u200b" if kind == "zero_width" else "\u00ad"
            text = text[:cut] + mark + text[cut:]
        else:
            text = text.upper()
        return Pair(p.full, text, True, tag="noise")

    def _yo(self) -> Pair | None:
        p = self.person(surnames=["Фёдоров", "Семёнов", "Королёв", "Алёшин", "Пономарёв", "Соловьёв"])
        return Pair(p.full, p.full.replace("ё", "е"), True, tag="yo")

    def _double(self) -> Pair:
        p = self.person(surnames=["Тас-оол", "Кара-оол", "Сат-Хертек", "Максаков-Игенбергс"])
        variants = [p.surname.replace("-", " ")]
        if "оол" in p.surname:  # Tuvan names are written as one word, too: Тасоол, Tasool
            variants.append(p.surname.replace("-", ""))
        other = f"{self.rng.choice(variants)} {p.given}"
        if self.rng.random() < 0.5:
            other = self.latin(other)
        return Pair(f"{p.given} {p.surname}", other, True, tag="double_surname")

    def _patronymic_missing(self) -> Pair:
        p = self.person()
        return Pair(p.full, self.latin(f"{p.given} {p.surname}"), True, tag="patronymic_missing")

    def _typo(self) -> Pair | None:
        p = self.person(surnames=[s for s in SURNAMES if len(s) >= 7])
        latin = self.latin(p.surname, "ICAO passport transliteration")
        i = self.rng.randrange(2, len(latin) - 2)
        typo = latin[:i] + latin[i + 1 :] if self.rng.random() < 0.5 else latin[:i] + latin[i] + latin[i:]
        return Pair(p.full, f"{self.latin(p.given)} {typo}", True, tag="typo")

    def _non_slavic(self) -> Pair:
        gender = self.rng.choice("mf")
        p = self.person(surnames=INVARIANT[:6] + ["Хабибуллин", "Кадыров", "Агуев", "Аммосов"], gender=gender)
        given = self.rng.choice(NON_SLAVIC_GIVEN[gender])
        return Pair(f"{p.surname} {given}", self.latin(f"{given} {p.surname}"), True, tag="non_slavic")

    # -- negatives --------------------------------------------------------------------------

    def _other_gender(self) -> Pair:
        p = self.person(surnames=SURNAMES, gender="f")
        male = next(s for s in SURNAMES if female_surname(s) == p.surname)
        if self.rng.random() < 0.5:  # the case: the same given name, the other surname form
            return Pair(f"{p.given} {p.surname}", self.latin(f"{p.given} {male}"), False, tag="other_gender")
        return Pair(p.full, self.latin(f"{p.given} {male}"), False, tag="other_gender")

    def _other_patronymic(self) -> Pair:
        p = self.person()
        other = p.patronymic
        while other == p.patronymic:
            other = patronymic(self.rng.choice(self.fathers)[0], p.gender)
        text = f"{p.surname} {p.given} {other}"
        return Pair(p.full, self.latin(text) if self.rng.random() < 0.5 else text, False, tag="other_patronymic")

    def _one_letter(self) -> Pair:
        a, b = self.rng.choice(ONE_LETTER)
        p = self.person(surnames=[a])
        other = female_surname(b) if p.gender == "f" else b
        text = f"{p.given} {other}"
        return Pair(p.full, self.latin(text) if self.rng.random() < 0.5 else text, False, tag="one_letter")

    def _other_given(self) -> Pair:
        p = self.person()
        q = self.person(surnames=[p.surname], gender=p.gender)
        if q.given == p.given:
            return self._other_given()
        return Pair(f"{p.given} {p.surname}", self.latin(f"{q.given} {p.surname}"), False, tag="other_given")

    def _initials_conflict(self) -> Pair:
        p = self.person()
        q = self.person(gender=p.gender)
        if q.given[0] == p.given[0]:
            return self._initials_conflict()
        return Pair(p.full, f"{q.given[0]}. {p.patronymic[0]}. {p.surname}", False, tag="initials_conflict")


def generate(seed: int = 20261130, positives: int = 1500, negatives: int = 1000) -> list[Pair]:
    """The generated set for a seed (the same pairs every time)."""
    gen = Generator(seed)
    return gen.positives(positives) + gen.negatives(negatives)
