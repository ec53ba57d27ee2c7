"""Roles from the sentence: titles before a name, appositions and relative clauses after it.

- before: "Kremlin spokesman Dmitry Peskov", "депутат Мосгордумы Иванов" (the role noun and
  the name agree in case, so "матерью Анны Ивановой" is not Анна's role);
- after: "Olga Tsukanova, a member of the Council of Mothers and Wives, said",
  "Олеся Шигина, режиссёр патриотических фильмов,", "Шигина — депутат ...";
- relative clauses and predicates with a role verb: "who heads ...", "who is a deputy ...",
  "которая возглавляет ...", "является депутатом ...".

Russian roles come back in the nominative ("депутатом Мосгордумы" -> "депутат Мосгордумы").
"""

from __future__ import annotations

import re

from tiescreen.extract.lexicon import (
    ADVERBS,
    ARTICLES_EN,
    COPULA_EN,
    COPULA_RU,
    RELATIVE_EN,
    RELATIVE_RU,
    ROLE_EN,
    ROLE_RU,
    ROLE_VERBS_EN,
    ROLE_VERBS_RU,
)
from tiescreen.extract.nlp import Entity, Sentence, Token
from tiescreen.extract.russian import nominative_phrase, parses

__all__ = ["is_role_word", "roles_for"]

_STOP = frozenset({",", ";", ".", "!", "?", ")", "(", "—", "–", ":"})
_OPENERS = frozenset({",", "—", "–", "("})
_MAX_PHRASE = 14


def is_role_word(word: str, lang: str) -> bool:
    low = word.lower()
    if lang == "en":
        return low in ROLE_EN or (low.endswith("s") and low[:-1] in ROLE_EN)
    return any(p.normal_form in ROLE_RU for p in parses(low)[:3]) or low in ROLE_RU


def _span(sent: Sentence, ent: Entity) -> tuple[int, int]:
    idx = [i for i, t in enumerate(sent.tokens) if ent.start <= t.start < ent.end]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)


def roles_for(sent: Sentence, ent: Entity, lang: str, name_case: str | None = None) -> list[tuple[str, int, int]]:
    """Roles the sentence gives the named person, each with its character span."""
    first, end = _span(sent, ent)
    if first == end:
        return []
    found = [_before(sent, first, lang, name_case), *_after(sent, end, lang)]
    return [(_sentence_case(sent, r, lang), r[1], r[2]) for r in found if r and r[0]]


def _sentence_case(sent: Sentence, role: tuple[str, int, int], lang: str) -> str:
    """ "Film director ..." opening a sentence is "film director": proper nouns keep their capital."""
    text, start, _ = role
    first = text.split()[0]
    if start != sent.start or not first[:1].isupper() or first.isupper():
        return text
    if any(e.start <= start < e.end and e.label in {"ORG", "LOC"} for e in sent.entities):
        return text
    if lang == "ru" and any({"Geox", "Name", "Surn", "Orgn", "Abbr"} & p.tag.grammemes for p in parses(first)[:2]):
        return text
    return text[:1].lower() + text[1:]


def _text(tokens: tuple[Token, ...] | list[Token], sent: Sentence) -> str:
    if not tokens:
        return ""
    return sent.text[tokens[0].start - sent.start : tokens[-1].end - sent.start]


def _before(sent: Sentence, first: int, lang: str, name_case: str | None) -> tuple[str, int, int] | None:
    toks = sent.tokens
    j = first - 1
    if lang == "en" and j >= 2 and toks[j].text == "," and is_role_word(toks[j - 1].text, "en"):
        return _title_before_comma(sent, j)
    if j < 0 or toks[j].text in _STOP:
        return None
    if lang == "en":
        if not is_role_word(toks[j].text, "en"):
            return None
        k = j
        while k - 1 >= 0 and (toks[k - 1].pos in {"ADJ", "PROPN", "NOUN"} or is_role_word(toks[k - 1].text, "en")):
            if toks[k - 1].text in _STOP or (toks[k - 1].pos == "PROPN" and toks[k - 1].text.lower() in {"ms", "mr"}):
                break
            k -= 1
        role = _text(toks[k:first], sent)
        return role, toks[k].start, toks[j].end
    return _before_ru(sent, first, name_case)


def _title_before_comma(sent: Sentence, comma: int) -> tuple[str, int, int] | None:
    """ "its new regional coordinator, Oksana Lebedeva": a possessive or "the" opens the title."""
    toks = sent.tokens
    if toks[comma - 1].text.lower() not in ROLE_EN:
        return None  # a plural ("two of the speakers, A and B") names a group, not this person
    k = comma - 1
    while k - 1 >= 0 and toks[k - 1].pos in {"ADJ", "NOUN", "PROPN"} and toks[k - 1].text not in _STOP:
        k -= 1
    if k - 1 >= 0 and toks[k - 1].text.lower() in {"its", "his", "her", "their", "the", "'s", "’s"}:
        return _text(toks[k:comma], sent), toks[k].start, toks[comma - 1].end
    return None


def _before_ru(sent: Sentence, first: int, name_case: str | None) -> tuple[str, int, int] | None:
    toks = sent.tokens
    j, head = first - 1, None
    while j >= 0 and first - j <= 8:
        word = toks[j].text
        if word in _STOP and word not in {"«", "»", '"'}:
            break
        if is_role_word(word, "ru") and _agrees(word, name_case):
            head = j
            break
        if not _dependent_ru(word):
            break
        j -= 1
    if head is None:
        return None
    k = head
    while k - 1 >= 0 and _adjective_ru(toks[k - 1].text):
        k -= 1
    words = [t.text for t in toks[k:first]]
    return nominative_phrase(words), toks[k].start, toks[first - 1].end


def _agrees(word: str, name_case: str | None) -> bool:
    if name_case is None:
        return True
    return any(p.tag.case == name_case for p in parses(word.lower()) if "NOUN" in p.tag.grammemes)


def _dependent_ru(word: str) -> bool:
    """A word that can stand between a role noun and the name: a genitive, a name, a quote."""
    if word in {"«", "»", '"', "-"} or word[:1].isupper():
        return True
    readings = parses(word.lower())[:2]
    if any("NPRO" in p.tag.grammemes or "Apro" in p.tag.grammemes for p in readings):
        return False  # "её муж Игорь": the possessive is not part of the role
    return any(p.tag.case == "gent" for p in readings)


def _adjective_ru(word: str) -> bool:
    """An adjective or participle, but not a possessive pronoun ("её", "его")."""
    first = parses(word.lower())[0]
    return bool({"ADJF", "PRTF"} & first.tag.grammemes) and "Apro" not in first.tag.grammemes


def _after(sent: Sentence, end: int, lang: str) -> list[tuple[str, int, int] | None]:
    toks = sent.tokens
    i = end
    if i < len(toks) and toks[i].text in {"'s", "’s"}:
        return []
    if (
        i < len(toks)
        and toks[i].text == ","
        and i + 2 < len(toks)
        and toks[i + 1].text.isdigit()
        and toks[i + 2].text == ","
    ):
        i += 2  # "Olga Tsukanova, 45, a member of ..."
    if i >= len(toks):
        return []
    if toks[i].text in _OPENERS:
        found: list[tuple[str, int, int] | None] = []
        # Up to three comma phrases: "Цуканова, член Совета матерей, которая возглавляет ОНФ,";
        # a relative clause that states no role is stepped over ("Gromova, who was introduced
        # as a mother, is deputy head of ...").
        for _ in range(3):
            if i >= len(toks) or toks[i].text not in _OPENERS:
                break
            phrase = _until_stop(toks, i + 1)
            role = _apposition(phrase, sent, lang)
            if role is None and not (phrase and phrase[0].text.lower() in (RELATIVE_EN | RELATIVE_RU)):
                break
            found.append(role)
            i += len(phrase) + 1
        return found
    while i < len(toks) and toks[i].text.lower() in ADVERBS:
        i += 1
    if i < len(toks) and toks[i].text.lower() in (ROLE_VERBS_EN if lang == "en" else ROLE_VERBS_RU):
        return [_predicate(_until_stop(toks, i), sent, lang)]
    return []


def _until_stop(toks: tuple[Token, ...], start: int) -> list[Token]:
    out: list[Token] = []
    for tok in toks[start:]:
        if tok.text in _STOP or len(out) >= _MAX_PHRASE:
            break
        out.append(tok)
    return out


def _apposition(phrase: list[Token], sent: Sentence, lang: str) -> tuple[str, int, int] | None:
    if not phrase:
        return None
    first = phrase[0].text.lower()
    if first in (RELATIVE_EN if lang == "en" else RELATIVE_RU):
        return _predicate(phrase[1:], sent, lang)
    if first in (ROLE_VERBS_EN if lang == "en" else ROLE_VERBS_RU):
        return _predicate(phrase, sent, lang)
    words = phrase
    if lang == "en" and words[0].text.lower() in ARTICLES_EN:
        words = words[1:]
    head = next((n for n, t in enumerate(words[:5]) if is_role_word(t.text, lang)), None)
    if head is None or any(not _modifier(t, lang) for t in words[:head]):
        return None
    return _finish(words, sent, lang)


def _modifier(tok: Token, lang: str) -> bool:
    if lang == "en":
        return tok.pos in {"ADJ", "PROPN", "NOUN", "PART", "NUM"} or tok.text in {"'s", "-"}
    return _adjective_ru(tok.text) or tok.text[:1].isupper()


def _predicate(phrase: list[Token], sent: Sentence, lang: str) -> tuple[str, int, int] | None:
    """ "is a deputy of X", "heads X", "является депутатом X", "возглавляет X"."""
    while phrase and phrase[0].text.lower() in ADVERBS:
        phrase = phrase[1:]
    if not phrase:
        return None
    verb = phrase[0].text.lower()
    if verb not in (ROLE_VERBS_EN if lang == "en" else ROLE_VERBS_RU):
        return None
    rest = phrase[1:]
    while rest and rest[0].text.lower() in ADVERBS:
        rest = rest[1:]
    if rest and rest[0].text.lower() in {"as", "в", "во", "на"} and verb in COPULA_RU and lang == "ru":
        return _finish(phrase, sent, lang)  # "работает в Министерстве обороны": where, not what
    if verb in {"sits", "sat"} and not (rest and rest[0].text.lower() == "on"):
        return None  # "sits on the committee" is a role; "sat to his right" is not
    if rest and rest[0].text.lower() == "as":
        rest = rest[1:]
    elif verb not in (COPULA_EN | COPULA_RU):
        return _finish(phrase, sent, lang) if len(phrase) > 1 else None
    if lang == "en" and rest and rest[0].text.lower() in ARTICLES_EN:
        rest = rest[1:]
    head = next((n for n, t in enumerate(rest[:5]) if is_role_word(t.text, lang)), None)
    if head is None or any(not _modifier(t, lang) for t in rest[:head]):
        return None
    return _finish(rest, sent, lang)


def _finish(words: list[Token], sent: Sentence, lang: str) -> tuple[str, int, int] | None:
    words = _trim(words, lang)
    if not words:
        return None
    text = _text(words, sent)
    if lang == "ru":
        text = _ru_nominative(text)
    return text, words[0].start, words[-1].end


def _trim(words: list[Token], lang: str) -> list[Token]:
    """Cut a clause that starts a new statement ("... and said", "... и заявила")."""
    cut = (
        {"said", "says", "told", "and", "who", "which", "whose", "when"}
        if lang == "en"
        else {"заявила", "заявил", "сказала", "сказал", "которая", "который", "рассказала", "рассказал"}
    )
    for n, tok in enumerate(words):
        low = tok.text.lower()
        if low == "and" and n + 1 < len(words) and words[n + 1].pos not in {"VERB", "AUX"}:
            continue
        if n and low in cut:
            return words[:n]
    return words


def _ru_nominative(text: str) -> str:
    words = re.findall(r"\S+", text)
    if not words:
        return text
    verb = words[0].lower()
    if verb in ROLE_VERBS_RU and verb not in COPULA_RU:
        return text
    return nominative_phrase(words)
