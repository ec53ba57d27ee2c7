"""Roles stated without a name: "a local official from the Siberian republic of Tuva",
"чиновница из Тувы", "муниципальный депутат от правящей партии".

Only phrases that read as introducing someone count: in English an indefinite article,
modifiers, a role word and what qualifies it (of/from/at/in ...); in Russian a role word
followed by из/от (where from, on whose behalf). Phrases attached to a named person and
phrases followed by a name are skipped.
"""

from __future__ import annotations

from tiescreen.extract.nlp import Sentence, Token
from tiescreen.extract.roles import is_role_word
from tiescreen.extract.russian import nominative_phrase, parses

__all__ = ["unnamed_roles"]

_ARTICLES = frozenset({"a", "an", "another", "one"})
_EN_PREP = frozenset({"of", "from", "at", "in", "for", "with", "to"})
_RU_PREP = frozenset({"из", "от"})
_STOP = frozenset({",", ";", ".", "!", "?", ")", "(", "—", "–", ":", "said", "says", "told", "who", "which", "and"})


def unnamed_roles(sent: Sentence, lang: str, taken: list[tuple[int, int]]) -> list[str]:
    """Role phrases in the sentence that name no one (Russian in the nominative)."""
    out: list[str] = []
    toks = sent.tokens
    if any(e.label == "PER" and _is_name(sent, e) for e in sent.entities):
        return out  # a sentence that names someone most likely describes them: not unnamed
    for i, tok in enumerate(toks):
        if not is_role_word(tok.text, lang):
            continue
        start = _start_en(toks, i) if lang == "en" else _start_ru(toks, i)
        if start is None:
            continue
        end: int | None = _end(toks, i, lang)
        if lang == "ru" and end == i:
            end = _subject_end(toks, start, i)  # "Помощник губернатора сказал, ..."
        if end is None:
            continue
        a, b = toks[start].start, toks[end].end
        if any(a < y and x < b for x, y in taken) or _names_someone(sent, end):
            continue
        words = toks[start + (1 if lang == "en" else 0) : end + 1]
        phrase = sent.text[words[0].start - sent.start : words[-1].end - sent.start]
        out.append(nominative_phrase(phrase.split()) if lang == "ru" else phrase)
        taken.append((a, b))
    return out


_PLACE_PREPS = frozenset({"from", "in", "of", "at", "из", "в", "во", "от"})


def _is_name(sent: Sentence, ent: object) -> bool:
    """A single word after "from"/"из" that the model called a person is most likely a place."""
    text, start = getattr(ent, "text", ""), getattr(ent, "start", 0)
    before = sent.text[: start - sent.start].split()
    return len(text.split()) > 1 or not before or before[-1].lower() not in _PLACE_PREPS


def _start_en(toks: tuple[Token, ...], i: int) -> int | None:
    for k in range(i - 1, max(-1, i - 5), -1):
        word = toks[k].text.lower()
        if word in _ARTICLES:
            return None if k and toks[k - 1].text.lower() == "as" else k  # "introduced as a mother"
        if toks[k].pos not in {"ADJ", "NOUN", "PROPN", "ADV"} or word in _STOP:
            return None
    return None


def _start_ru(toks: tuple[Token, ...], i: int) -> int | None:
    k = i
    while k > 0 and {"ADJF", "PRTF"} & parses(toks[k - 1].text.lower())[0].tag.grammemes:
        k -= 1
    return None if k and toks[k - 1].text.lower() == "как" else k


def _end(toks: tuple[Token, ...], i: int, lang: str) -> int:
    """The last word of the role phrase: the role word, or the end of its of/from/из/от part."""
    preps = _EN_PREP if lang == "en" else _RU_PREP
    if i + 1 >= len(toks) or toks[i + 1].text.lower() not in preps:
        return i
    end = i + 1
    while end + 1 < len(toks) and end - i < 12 and not _ends_phrase(toks[end + 1], lang):
        end += 1
    return end


def _subject_end(toks: tuple[Token, ...], start: int, i: int) -> int | None:
    """A role that opens the sentence as its subject, with its genitives, before the verb."""
    if start != 0:
        return None
    end = i
    while end + 1 < len(toks) and end - i < 4 and _genitive(toks[end + 1].text):
        end += 1
    if end + 1 < len(toks) and {"VERB"} & parses(toks[end + 1].text.lower())[0].tag.grammemes:
        return end
    return None


def _genitive(word: str) -> bool:
    first = parses(word.lower())[0]
    return first.tag.case == "gent" and bool({"NOUN", "ADJF"} & first.tag.grammemes)


def _ends_phrase(tok: Token, lang: str) -> bool:
    if tok.text.lower() in _STOP:
        return True
    if lang == "en":
        return tok.pos in {"VERB", "AUX"}
    return bool({"VERB", "INFN"} & parses(tok.text.lower())[0].tag.grammemes)


def _names_someone(sent: Sentence, end: int) -> bool:
    """True when a name follows the phrase ("a teacher, Anna Ivanova" names her)."""
    toks = sent.tokens
    nxt = end + 1
    while nxt < len(toks) and toks[nxt].text in {",", "—", "–"}:
        nxt += 1
    if nxt >= len(toks):
        return False
    return any(e.label == "PER" and e.start == toks[nxt].start for e in sent.entities)
