"""People merged per individual, roles attached, credits apart, organisations merged."""

from __future__ import annotations

from tiescreen.extract import extract_text
from tiescreen.extract.model import Article, ExtractedPerson
from tiescreen.extract.people import PersonMention, merge_people


def _person(article: Article, name: str) -> ExtractedPerson:
    found = [p for p in article.people if p.name == name]
    assert found, f"{name} not in {[p.name for p in article.people]}"
    return found[0]


def test_spellings_of_one_woman_merge_across_scripts() -> None:
    mentions = [
        PersonMention("Olesya Shigina", "Olesya Shigina"),
        PersonMention("Shigina", "Shigina"),
        PersonMention("Ms Shigina", "Shigina"),
        PersonMention("Олесей Шигиной", "Олеся Шигина"),
    ]
    people = merge_people(mentions, "en")
    assert len(people) == 1
    assert people[0].name == "Olesya Shigina"
    assert set(people[0].mentions) == {"Olesya Shigina", "Shigina", "Ms Shigina", "Олесей Шигиной"}


def test_other_gender_surname_is_another_person() -> None:
    people = merge_people(
        [PersonMention("Анна Иванова", "Анна Иванова"), PersonMention("Пётр Иванов", "Пётр Иванов")], "ru"
    )
    assert [p.name for p in people] == ["Анна Иванова", "Пётр Иванов"]


def test_english_roles_from_titles_appositions_and_relative_clauses() -> None:
    article = extract_text(
        "Director Olesya Shigina, whose films were funded by the state, sat next to the president. "
        "Olga Tsukanova, a member of the Council of Mothers and Wives, said the meeting was staged. "
        "Kremlin spokesman Dmitry Peskov disagreed. Ms Shigina declined to comment.",
        lang="en",
    )
    shigina = _person(article, "Olesya Shigina")
    assert shigina.roles == ("director",)
    assert "Ms Shigina" in shigina.mentions
    assert _person(article, "Olga Tsukanova").roles == ("member of the Council of Mothers and Wives",)
    assert _person(article, "Dmitry Peskov").roles == ("Kremlin spokesman",)
    assert shigina.statements[0].sentence.startswith("Director Olesya Shigina")


def test_russian_roles_come_back_in_the_nominative() -> None:
    article = extract_text(
        "Президент встретился с Олесей Шигиной, режиссёром патриотических фильмов, и депутатом Мосгордумы Ивановым. "
        "Шигина рассказала о своих фильмах.",
        lang="ru",
    )
    shigina = _person(article, "Олеся Шигина")
    assert shigina.roles == ("режиссёр патриотических фильмов",)
    assert set(shigina.mentions) == {"Олесей Шигиной", "Шигина"}
    assert _person(article, "Иванов").roles == ("депутат Мосгордумы",)


def test_a_role_in_another_case_belongs_to_someone_else() -> None:
    article = extract_text("Журналисты поговорили с матерью Анны Ивановой о встрече в Кремле.", lang="ru")
    assert _person(article, "Анна Иванова").roles == ()


def test_unnamed_roles_are_kept_with_their_sentence() -> None:
    article = extract_text(
        "Vladimir Putin met the women on Friday. Another guest was a local official from the Siberian republic "
        "of Tuva, according to the Telegram channel Ostorozhno Novosti.",
        lang="en",
    )
    assert [u.role for u in article.unnamed_roles] == ["local official from the Siberian republic of Tuva"]
    assert article.unnamed_roles[0].sentence.startswith("Another guest")
    kinds = {o.name: o.kind for o in article.organizations}
    assert kinds["Ostorozhno Novosti"] == "telegram"


def test_credits_are_never_people_present() -> None:
    article = extract_text(
        "Vladimir Putin met eight women on Friday in his residence outside Moscow.",
        lang="en",
        credits=("Alexander Scherbak / TASS / Kremlin",),
    )
    assert _person(article, "Alexander Scherbak").is_credit
    assert not _person(article, "Vladimir Putin").is_credit
    tass = next(o for o in article.organizations if o.name == "TASS")
    assert tass.is_credit and tass.kind == "media"


def test_organisations_merge_and_are_classified() -> None:
    article = extract_text(
        "Депутат от «Единой России» Павел Горбунов поддержал решение. Представители Единой России не ответили. "
        "Министерство обороны отказалось от комментариев.",
        lang="ru",
    )
    kinds = {o.name: o.kind for o in article.organizations}
    assert kinds.get("Единая Россия") == "party"
    assert kinds.get("Министерство обороны") == "ministry"
    assert len([o for o in article.organizations if o.name == "Единая Россия"]) == 1


def test_contract_shape() -> None:
    data = extract_text(
        "Kremlin spokesman Dmitry Peskov said the guests were chosen by the regions.", lang="en"
    ).to_dict()
    assert {"people", "organizations", "unnamed_roles", "text"} <= set(data)
    person = data["people"][0]
    assert {"name", "mentions", "roles", "is_credit"} <= set(person)
    assert person == {**person, "name": "Dmitry Peskov", "roles": ["Kremlin spokesman"], "is_credit": False}


def test_an_english_article_quoting_the_russian_spelling_names_one_person() -> None:
    article = extract_text(
        "Film director Olesya Shigina (Олеся Шигина in Russian) sat next to the president. "
        "State television called her Олесей Шигиной in a caption. Ms Shigina declined to comment.",
        lang="en",
    )
    assert [p.name for p in article.people] == ["Olesya Shigina"]
    assert set(article.people[0].mentions) == {"Olesya Shigina", "Олеся Шигина", "Олесей Шигиной", "Ms Shigina"}


def test_a_russian_name_with_its_latin_spelling_in_brackets() -> None:
    article = extract_text("Режиссёр Олеся Шигина (Olesya Shigina) встретилась с президентом.", lang="ru")
    assert [p.name for p in article.people] == ["Олеся Шигина"]
    assert "Olesya Shigina" in article.people[0].mentions
