"""Name material for generated Russian officials: surnames, given names, patronymics.

Surnames are built from common Russian stems with the usual suffixes, and compounded with
common first elements (Бело-, Ново-, Старо-...), so a registry of a million people has tens
of thousands of surnames with a long-tailed frequency, as real rosters do: the commonest
surname carries well under 1% of people and most carry a few dozen. (A first version had
2,400 surnames, which gave every full name several namesakes.)
Given names and their short forms come from the project's table of given names.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from tiescreen.tables import table_rows

__all__ = ["GivenName", "NameBook", "patronymic"]

_STEMS = [
    "Абрам",
    "Алекс",
    "Андре",
    "Анто",
    "Арсень",
    "Афанась",
    "Бабак",
    "Баран",
    "Белк",
    "Белоус",
    "Бобр",
    "Богдан",
    "Бондар",
    "Борис",
    "Бородин",
    "Бур",
    "Быков",
    "Вавил",
    "Валуе",
    "Варлам",
    "Васил",
    "Веселк",
    "Вишняк",
    "Волк",
    "Ворон",
    "Воробь",
    "Гаври",
    "Галк",
    "Герасим",
    "Глух",
    "Голуб",
    "Горбун",
    "Гордее",
    "Гриш",
    "Гром",
    "Гусак",
    "Давыд",
    "Дегтяр",
    "Демид",
    "Дорофе",
    "Дроздк",
    "Дуб",
    "Ежк",
    "Ерш",
    "Жар",
    "Жук",
    "Журавл",
    "Забол",
    "Зайц",
    "Зимн",
    "Зуб",
    "Игнат",
    "Илюш",
    "Исак",
    "Кабан",
    "Казак",
    "Калин",
    "Карп",
    "Кирил",
    "Клим",
    "Ковал",
    "Козл",
    "Колесн",
    "Комар",
    "Корол",
    "Котк",
    "Крот",
    "Крыл",
    "Кудряш",
    "Кузьм",
    "Кулик",
    "Курк",
    "Лаптев",
    "Лебед",
    "Леонт",
    "Лис",
    "Лобан",
    "Лукьян",
    "Лыск",
    "Малин",
    "Марк",
    "Мартын",
    "Медвед",
    "Мельник",
    "Мирон",
    "Михе",
    "Мороз",
    "Мух",
    "Назар",
    "Наум",
    "Некрас",
    "Никит",
    "Носк",
    "Овчинник",
    "Орл",
    "Осип",
    "Пахом",
    "Петух",
    "Плотник",
    "Поляк",
    "Пономар",
    "Потап",
    "Прохор",
    "Пыж",
    "Рожк",
    "Родион",
    "Рыбак",
    "Рыжк",
    "Савел",
    "Сазон",
    "Свист",
    "Селезн",
    "Семен",
    "Серебр",
    "Сидор",
    "Синиц",
    "Скворц",
    "Соболь",
    "Сокол",
    "Соломат",
    "Сомк",
    "Спиридон",
    "Старк",
    "Стрелк",
    "Суслик",
    "Тарас",
    "Терент",
    "Тимоф",
    "Тихон",
    "Трофим",
    "Туман",
    "Тур",
    "Устин",
    "Фадейк",
    "Федот",
    "Филат",
    "Фом",
    "Фрол",
    "Харитон",
    "Хомяк",
    "Цвет",
    "Чайк",
    "Черн",
    "Чиж",
    "Шапошник",
    "Шаров",
    "Шестак",
    "Шилк",
    "Шмел",
    "Щеглов",
    "Щук",
    "Юрк",
    "Ястреб",
    "Яхонт",
]
_INFIXES = ("", "ен", "ик", "ушк", "ан", "ин", "ал", "ищ")
_OUTSIDER_INFIXES = ("ец", "ял")
# First elements of compound surnames (Белоусов, Новосельцев); the plain stems come first and are the commonest.
_PREFIXES = ("", "Бело", "Черно", "Ново", "Старо", "Мало", "Велико", "Добро", "Красно", "Криво", "Сухо",
             "Толсто", "Долго", "Светло", "Широко", "Остро", "Полу", "Верхо", "Бого", "Семи")  # fmt: skip
# Ungendered surnames of Tuva and the North Caucasus, and a few frequent double forms.
_UNGENDERED = ("Монгуш", "Ооржак", "Кужугет", "Салчак", "Донгак", "Ондар", "Сат", "Тас-оол", "Хертек", "Костюк")
_FEMALE_SUFFIX = {"ов": "ова", "ев": "ева", "ин": "ина", "ский": "ская", "цкий": "цкая"}


@dataclass(frozen=True, slots=True)
class GivenName:
    """A canonical given name with its gender and short forms (Саша for Александр)."""

    name: str
    gender: str
    short: tuple[str, ...]


def patronymic(father: str, gender: str) -> str:
    """The patronymic formed from a father's given name (Владимир -> Владимирович/Владимировна)."""
    female = gender == "f"
    special = {"Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична"), "Лев": ("Львович", "Львовна")}
    if father in special:
        return special[father][female]
    if father.endswith("ий"):
        stem = father[:-2] + "ь"
        return stem + ("евна" if female else "евич")
    if father.endswith("й"):
        return father[:-1] + ("евна" if female else "евич")
    if father.endswith(("а", "я")):
        return father[:-1] + ("ична" if female else "ич")
    return father + ("овна" if female else "ович")


def _surname_pairs(infixes: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for prefix in _PREFIXES:
        for i, stem in enumerate(s for s in _STEMS if s.isalpha()):
            stem = prefix + stem.lower() if prefix else stem
            for j, infix in enumerate(infixes):
                base = stem + infix
                for k in (0, 1):
                    suffix = ("ов", "ин", "ский", "ев")[(i + j + k) % 4]
                    if base[-1] in "ьйжшчщц" and suffix in ("ов", "ин"):
                        suffix = "ев"
                    male = (base[:-1] if base.endswith("ь") and suffix == "ский" else base) + suffix
                    pairs.append((male, male[: -len(suffix)] + _FEMALE_SUFFIX[suffix]))
    return list(dict.fromkeys(pairs))


class NameBook:
    """Surnames (registry and outsider sets, disjoint), given names and their frequencies."""

    def __init__(self) -> None:
        self.surnames = _surname_pairs(_INFIXES) + [(s, s) for s in _UNGENDERED]
        known = {name for pair in self.surnames for name in pair}
        self.outsider_surnames = [p for p in _surname_pairs(_OUTSIDER_INFIXES) if not known.intersection(p)]
        self.given = _given_names()
        self.male = [g for g in self.given if g.gender == "m"]
        self.female = [g for g in self.given if g.gender == "f"]
        # Zipf-like weights: a few surnames are very common, most are rare.
        # Cumulative, so that each draw is a binary search (the same draws as with plain weights).
        self._surname_weights = list(accumulate(1.0 / (rank + 20) for rank in range(len(self.surnames))))
        self._male_weights = list(accumulate(1.0 / (rank + 3) for rank in range(len(self.male))))
        self._female_weights = list(accumulate(1.0 / (rank + 3) for rank in range(len(self.female))))

    def surname(self, rng: random.Random, gender: str, outsider: bool = False) -> str:
        pool = (
            [rng.choice(self.outsider_surnames)]
            if outsider
            else rng.choices(self.surnames, cum_weights=self._surname_weights)
        )
        pair = pool[0]
        return pair[1] if gender == "f" else pair[0]

    def given_name(self, rng: random.Random, gender: str) -> GivenName:
        if gender == "f":
            return rng.choices(self.female, cum_weights=self._female_weights)[0]
        return rng.choices(self.male, cum_weights=self._male_weights)[0]

    def father(self, rng: random.Random) -> str:
        return rng.choices(self.male, cum_weights=self._male_weights)[0].name


@lru_cache(maxsize=1)
def _given_names() -> tuple[GivenName, ...]:
    out: list[GivenName] = []
    for parts in table_rows("given_names.tsv"):
        short = tuple(s.strip() for s in parts[2].split(",") if s.strip()) if len(parts) > 2 else ()
        out.append(GivenName(parts[0].strip(), parts[1].strip(), short))
    return tuple(out)
