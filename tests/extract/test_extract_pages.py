"""Whole pages with scripts, sidebars, donation blocks, bylines and a legacy encoding."""

from __future__ import annotations

from pathlib import Path

from tiescreen.extract import extract_article

PAGES = Path(__file__).resolve().parent / "pages"


def test_russian_page_in_cp1251() -> None:
    article = extract_article(PAGES / "ru_cp1251.html")
    assert article.lang == "ru"
    assert "Самое читаемое" not in article.text and "Поддержите" not in article.text
    assert "Фейк" not in article.text  # script content is not text
    people = {p.name: p for p in article.people}
    assert people["Наталья Громова"].roles == ("заместитель главы администрации Ленинского района Махачкалы",)
    assert "Громову" in people["Наталья Громова"].mentions
    assert people["Михаил Климентьев"].is_credit
    kinds = {o.name: o.kind for o in article.organizations if not o.is_credit}
    assert kinds["Агентство"] == "telegram"
    assert kinds["Движение первых"] == "ngo"


def test_english_wire_story() -> None:
    article = extract_article(PAGES / "en_wire.html")
    assert "Sign up" not in article.text and "Read more" not in article.text and "cookies" not in article.text
    people = {p.name: p for p in article.people}
    # The main verb after a relative clause still gives the role.
    assert people["Natalya Gromova"].roles == ("deputy head of the Leninsky district administration in Makhachkala",)
    assert people["Vera Lapina"].roles == ("heads the local branch of the Movement of the First",)
    assert {n for n, p in people.items() if p.is_credit} == {"Kate Holloway", "Ivan Sorokin", "Mark Potter"}
    assert article.title == "Putin's 'mothers' were officials, investigation finds"  # the h1 before <title>
