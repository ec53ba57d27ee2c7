"""Read an article and say who it names, in what role, and who is only a credit.

source -> boilerplate removed -> language -> NER -> roles -> credits -> merged people/orgs
"""

from __future__ import annotations

import re
from pathlib import Path

from tiescreen.errors import InputError
from tiescreen.extract.clean import Cleaned, clean_html, clean_lines
from tiescreen.extract.credits import split_credit
from tiescreen.extract.lang import LANGS, detect_lang
from tiescreen.extract.model import Article, RoleStatement
from tiescreen.extract.nlp import Sentence, analyse
from tiescreen.extract.orgs import TELEGRAM, OrgMention, clean_org, merge_orgs, retag
from tiescreen.extract.people import PersonMention, clean_name, merge_people, rescue_surnames
from tiescreen.extract.roles import roles_for
from tiescreen.extract.russian import name_case
from tiescreen.extract.source import read_source
from tiescreen.extract.unnamed import unnamed_roles
from tiescreen.normalize.given_names import lookup

__all__ = ["extract_article", "extract_text", "remove_boilerplate"]

_AGENCIES = re.compile(
    r"^(?:tass|тасс|ria|риа|reuters|afp|ap|epa|getty|sputnik|спутник|kremlin|кремль|pool|пул|шаттерсток|"
    r"shutterstock|коммерсант|kommersant|интерфакс|interfax|press service|пресс-служба|архив|archive|"
    r"social media|соцсети|wikimedia|unsplash|images?)\b",
    re.IGNORECASE,
)


def remove_boilerplate(source: str | Path) -> Cleaned:
    """Read ``source`` (HTML file, text file or URL) and return its article text and credits.

    Raises:
        InputError: the source cannot be read or holds no article.
    """
    raw = read_source(source)
    if raw.is_html:
        return clean_html(raw.content, raw.source, raw.url)
    return clean_lines(raw.content.splitlines(), raw.source)


def extract_article(source: str | Path, lang: str | None = None) -> Article:
    """Who an article names, in what role, and who is only a photo credit or byline.

    Args:
        source: an HTML file, a text file, or an http(s) URL.
        lang: ``"ru"`` or ``"en"``; detected from the text when None.

    Returns:
        An :class:`Article`; ``to_dict()`` gives the ``tiescreen extract`` JSON contract.

    Raises:
        InputError: unreadable, binary, empty or oversized input, no article, unknown language.

    Example:
        >>> article = extract_article("report.html")  # doctest: +SKIP
        >>> [p.name for p in article.people if not p.is_credit]  # doctest: +SKIP
        ['Олеся Шигина']
    """
    cleaned = remove_boilerplate(source)
    return extract_text(cleaned.text, lang=lang, source=str(source), credits=cleaned.credits, title=cleaned.title)


def extract_text(
    text: str,
    *,
    lang: str | None = None,
    source: str = "text",
    credits: tuple[str, ...] = (),
    title: str | None = None,
) -> Article:
    """Extract people, roles, credits and organisations from an article's own text."""
    if lang is not None and lang not in LANGS:
        raise InputError.single(source, "", f"language {lang!r} is not supported", "use --lang ru or --lang en")
    lang = lang or detect_lang(text, source)
    sentences = rescue_surnames([retag(s, lang) for s in analyse(text, lang)], lang)
    people: list[PersonMention] = []
    orgs: list[OrgMention] = []
    unnamed: list[RoleStatement] = []
    for sent in sentences:
        taken = _sentence_people(sent, lang, people)
        orgs.extend(_sentence_orgs(sent, lang))
        unnamed.extend(RoleStatement(r, sent.text) for r in unnamed_roles(sent, lang, taken))
    for credit in credits:
        _credit_parts(credit, lang, people, orgs)
    return Article(
        text=text,
        lang=lang,
        people=tuple(merge_people(people, lang)),
        organizations=tuple(merge_orgs(orgs)),
        unnamed_roles=tuple(dict.fromkeys(unnamed)),
        source=source,
        title=title,
        credits=credits,
    )


def _sentence_people(sent: Sentence, lang: str, out: list[PersonMention]) -> list[tuple[int, int]]:
    taken: list[tuple[int, int]] = []
    for ent in sent.entities:
        if ent.label != "PER" or not ent.text[:1].isupper():
            continue
        case = name_case(ent.text.split()) if lang == "ru" else None
        found = roles_for(sent, ent, lang, case)
        taken.extend((a, b) for _, a, b in found)
        statements = tuple(RoleStatement(role, sent.text.strip()) for role, _, _ in found)
        # "Олеся Шигина (Olesya Shigina)": each spelling is a mention of the same person.
        for piece in _PARENS.split(ent.text):
            name = clean_name(piece, lang)
            if name:
                out.append(PersonMention(piece.strip(), name, statements))
                statements = ()
    return taken


_PARENS = re.compile(r"\s*[()\[\]]\s*")


def _sentence_orgs(sent: Sentence, lang: str) -> list[OrgMention]:
    found = [OrgMention(e.text, clean_org(e.text, lang)) for e in sent.entities if e.label == "ORG"]
    for m in TELEGRAM.finditer(sent.text):
        name = (m.group("quoted") or m.group("name")).strip()
        found = [o for o in found if o.surface not in name]
        found.append(OrgMention(name, name, kind="telegram"))
    return found


def _credit_parts(credit: str, lang: str, people: list[PersonMention], orgs: list[OrgMention]) -> None:
    for part in split_credit(credit):
        if _looks_like_person(part, lang):
            people.append(PersonMention(part, clean_name(part, lang), is_credit=True))
        else:
            orgs.append(OrgMention(part, clean_org(part, lang), is_credit=True))


def _looks_like_person(part: str, lang: str) -> bool:
    words = part.split()
    if not 2 <= len(words) <= 4 or _AGENCIES.match(part):
        return False
    if not all(w[:1].isupper() and not (w.isupper() and len(w) > 2) for w in words):
        return False
    if lookup(words[0]) or lookup(words[-1]):
        return True
    return any(e.label == "PER" for s in analyse(part + ".", lang) for e in s.entities)
