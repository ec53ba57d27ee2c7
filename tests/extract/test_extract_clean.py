"""Boilerplate removal: trafilatura plus our rules."""

from __future__ import annotations

import pytest

from tiescreen.errors import InputError
from tiescreen.extract.clean import clean_html, clean_lines

BODY = "Olga Tsukanova, a member of the Council of Mothers and Wives, said the meeting had been staged by officials."


@pytest.mark.parametrize(
    "line",
    [
        "Support us monthly: every donation keeps our reporters working.",
        "Payment methods: bank card, PayPal, crypto",
        "Remind me later",
        "Поддержите нас ежемесячным пожертвованием",
        "Напомнить мне позже",
        "Read more: Who were the women at the Kremlin meeting?",
        "Читайте также: Кто были женщины на встрече",
        "Share: Facebook · Telegram · Email",
        "Поделиться: ВКонтакте · Telegram",
        "Subscribe to our newsletter and get the main news every morning.",
        "Подпишитесь на нашу рассылку",
    ],
)
def test_boilerplate_lines_go(line: str) -> None:
    assert clean_lines([BODY, line], "t").text == BODY


def test_repeated_caption_is_kept_once_and_credit_is_cut_out() -> None:
    caption = "The meeting at the residence. Photo: Mikhail Metzel / TASS"
    cleaned = clean_lines([caption, BODY, caption], "t")
    assert cleaned.text.count("The meeting at the residence.") == 1
    assert "Metzel" not in cleaned.text
    assert cleaned.credits == ("Mikhail Metzel / TASS",)


def test_article_sentences_about_support_stay() -> None:
    long = "The governor said the region would support families of the mobilised with monthly payments " * 6
    assert clean_lines([long.strip()], "t").text == long.strip()


def test_html_page_gives_text_title_and_figcaption_credit() -> None:
    page = (
        "<html><head><title>Who sat next to the president</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        "<figure><img src='a.jpg'><figcaption>At the meeting. Фото: Алексей Смирнов / ТАСС</figcaption></figure>"
        f"<p>{BODY}</p><p>Share: Facebook · Telegram</p><p>{BODY.replace('Olga', 'Anna')}</p>"
        "<div class='byline'>By Helen Marsh</div></article><footer>All rights reserved.</footer></body></html>"
    )
    cleaned = clean_html(page, "page.html")
    assert cleaned.title == "Who sat next to the president"
    assert BODY in cleaned.text
    assert "Share" not in cleaned.text and "Home" not in cleaned.text
    assert "Алексей Смирнов / ТАСС" in cleaned.credits
    assert "Helen Marsh" in cleaned.credits


def test_empty_after_rules() -> None:
    with pytest.raises(InputError, match="no article text"):
        clean_lines(["Remind me later", "Share: Facebook"], "t")
