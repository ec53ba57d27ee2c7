"""Boilerplate removal: trafilatura for HTML, then our rules for what it keeps.

trafilatura finds the article body; it still lets through donation appeals ("support us
monthly", "payment methods", "remind me later"), "Read more" blocks, share buttons,
newsletter prompts and photo captions repeated under every picture. :func:`clean_lines`
drops those, and cuts photo credits and bylines out of the text into ``credits``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tiescreen.errors import InputError
from tiescreen.extract.credits import credit_of_line, strip_credits

__all__ = ["Cleaned", "clean_html", "clean_lines"]

MIN_WORDS = 8
_SHORT = 220  # rules for short lines (menus, buttons, prompts) apply only below this length
_DONATION = re.compile(
    r"support us|support (?:our|independent) (?:work|journalism)|donat(?:e|ion)|payment methods?|"
    r"remind me (?:later|in|tomorrow|next)|"
    r"become a (?:member|patron|supporter)|monthly (?:donation|payment|support)|support .{0,40}monthly|"
    r"поддерж(?:ите|ать) (?:нас|редакцию|.{0,30}журналистику)|пожертвова|задонат|донат|способы оплаты|"
    r"напомнить (?:мне )?(?:позже|через|завтра|потом)|ежемесячн\w* (?:платеж|платёж|взнос|пожертвов|поддерж)|"
    r"помочь (?:нам|редакции)",
    re.IGNORECASE,
)
_READ_MORE = re.compile(
    r"^(?:read (?:more|also|next)|see also|related(?: articles| stories)?|more on (?:this|the topic)|"
    r"most read|читайте (?:также|еще|ещё|далее)|подробнее|по теме|смотрите также|читать (?:далее|также)|"
    r"самое читаемое|еще по теме|ещё по теме)\b",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^(?:(?:share|tweet|email|copy link|print|поделиться|скопировать ссылку|отправить|facebook|twitter|x|"
    r"telegram|vk|вконтакте|whatsapp|viber|одноклассники|ok|reddit|linkedin|pinterest)(?:\s+(?:this|on|in|via))?"
    r"[\s,|·•:/]*)+$",
    re.IGNORECASE,
)
_PROMPT = re.compile(
    r"newsletter|subscribe|sign up (?:for|to)|рассылк|подпишит|подписывайтесь|подписаться|cookies?|"
    r"файлы cookie|advertisement|^реклама$|all rights reserved|все права защищены|"
    r"(?:follow|join) us on|наш (?:телеграм|telegram)[- ]канал|enable javascript",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The article's own text, its title, and the credits cut out of it."""

    text: str
    title: str | None
    credits: tuple[str, ...]


def clean_html(html: str, source: str, url: str | None = None) -> Cleaned:
    """Extract an HTML page's article text with trafilatura and our rules.

    Raises:
        InputError: the page has no article text (an index page, a login wall, broken markup).
    """
    import trafilatura

    tree = trafilatura.load_html(html)
    if tree is None:
        raise InputError.single(source, "", "is not a readable HTML page (the markup cannot be parsed)")
    credits = _page_credits(tree)
    title = _title(tree)
    body = trafilatura.extract(
        tree, url=url, include_comments=False, include_tables=False, favor_precision=True, fast=True
    )
    if not body:
        raise InputError.single(source, "", "has no article text (it may be an index page, a login wall or empty)")
    cleaned = clean_lines(body.splitlines(), source)
    return Cleaned(cleaned.text, title, tuple(dict.fromkeys([*credits, *cleaned.credits])))


def clean_lines(lines: list[str], source: str) -> Cleaned:
    """Apply our boilerplate rules to the lines of a text and cut out its credits.

    Raises:
        InputError: nothing that reads as an article is left.
    """
    kept: list[str] = []
    credits: list[str] = []
    seen: set[str] = set()
    for raw in lines:
        line = " ".join(raw.split())
        key = line.casefold()
        if not line or _is_boilerplate(line) or (key in seen and len(line) < 400):
            continue
        seen.add(key)
        text, credit = strip_credits(line)
        if credit:
            credits.append(credit)
        if text:
            kept.append(text)
    text = "\n".join(kept)
    # Scripts without spaces (Chinese, Japanese) have few "words": count letters as well.
    if len(text.split()) < MIN_WORDS and sum(ch.isalpha() for ch in text) < 20:
        raise InputError.single(source, "", "has no article text (nothing is left once the boilerplate is removed)")
    return Cleaned(text, None, tuple(dict.fromkeys(credits)))


_SHARE_START = re.compile(r"^(?:share|поделиться|поделитесь)\b", re.IGNORECASE)


def _is_boilerplate(line: str) -> bool:
    if _SHARE.match(line) or _READ_MORE.match(line) or (len(line) < 60 and _SHARE_START.match(line)):
        return True
    if len(line) < _SHORT and _PROMPT.search(line):
        return True
    return len(line) < 2 * _SHORT and bool(_DONATION.search(line))


def _page_credits(tree: object) -> list[str]:
    """Credits and bylines the page marks up (figcaption, credit/byline classes, author meta)."""
    xpath = getattr(tree, "xpath")  # noqa: B009 - lxml element
    found: list[str] = []
    for value in xpath("//meta[@name='author']/@content"):
        found.append(str(value).strip())
    query = (
        "//figcaption | //*[@rel='author'] | //*[contains(@class,'credit') or contains(@class,'byline') "
        "or contains(@class,'caption') or contains(@class,'author') or contains(@class,'copyright')]"
    )
    for element in xpath(query):
        text = " ".join(element.text_content().split())
        if not text or len(text) > 300:
            continue
        credit = strip_credits(text)[1] or credit_of_line(text)
        marks = element.get("class", "") or element.get("rel", "")
        is_named_by_class = re.search(r"byline|author|credit|copyright", marks)
        if credit:
            found.append(credit)
        elif is_named_by_class and len(text) <= 120:
            found.append(text)
    return [c for c in dict.fromkeys(found) if c]


def _title(tree: object) -> str | None:
    xpath = getattr(tree, "xpath")  # noqa: B009 - lxml element
    for query in ("//meta[@property='og:title']/@content", "//h1", "//title"):
        for value in xpath(query):
            text = value if isinstance(value, str) else value.text_content()
            text = " ".join(str(text).split())
            if text:
                return text
    return None
