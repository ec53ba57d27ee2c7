"""Organisations named by an article, merged and sorted into kinds.

Kinds: party, ministry, state (administrations, dumas, councils, governments), media,
telegram (channels), ngo (foundations, movements, unions), other. Names come back in the
nominative ("Единой России" -> "Единая Россия") and without a leading "the".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tiescreen.extract.lexicon import ADMIN_HEADS_RU, ADMIN_TAIL_EN, INSTITUTION_PLACES, ORG_NAMES, ORG_TYPE_WORDS
from tiescreen.extract.model import ExtractedOrg
from tiescreen.extract.nlp import Entity, Sentence
from tiescreen.extract.russian import nominative_phrase, parses
from tiescreen.normalize.given_names import lookup
from tiescreen.normalize.text import fold_text

__all__ = ["TELEGRAM", "OrgMention", "clean_org", "merge_orgs", "org_kind", "retag"]

TELEGRAM = re.compile(
    r"(?i:telegram[- ]channel|телеграм-канал\w*|telegram-канал\w*|канал\w* в telegram)\s+"
    r"(?:[«\"“](?P<quoted>[^»\"”]{2,60})[»\"”]|(?P<name>[A-ZА-ЯЁ0-9][\w'-]*(?:\s+[A-ZА-ЯЁ0-9][\w'-]*){0,4}))"
)
_NOT_ORGS = frozenset({"telegram", "телеграм", "telegram-канал", "youtube", "vk", "вконтакте"})
_KINDS = (
    ("telegram", r"telegram|телеграм"),
    (
        "ngo",
        r"council of mothers|совет\w* матерей|комитет\w* солдатских матерей|people's front|народн\w* фронт|"
        r"\bонф\b|\bonf\b|movement|движени|foundation|фонд|юнарми|yunarmiya|молод\w* гварди|young guard",
    ),
    ("party", r"\bparty\b|парти|united russia|единая россия|кпрф|лдпр|справедливая россия|новые люди|yabloko|яблоко"),
    ("ministry", r"ministry|министерств|\bмин[а-я]{2,}\b|минобороны|минобрнауки|минздрав"),
    (
        "media",
        r"gazeta|\btass\b|тасс|\bриа\b|ria novosti|reuters|\bafp\b|\bap\b|interfax|интерфакс|meduza|медуза|"
        r"новости|news|газет|newspaper|журнал|magazine|телеканал|channel one|первый канал|россия-1|rt\b|"
        r"kommersant|коммерсант|ведомости|vedomosti|agency|агентств|radio|радио|bbc|times|post|guardian",
    ),
    (
        "state",
        r"administration|администраци|duma|дум[аыеу]|council|совет|government|правительств|kremlin|кремл|"
        r"parliament|assembly|собрани|мэри|мэрия|city hall|committee|комитет|court|суд|prosecutor|прокуратур|"
        r"гбу|мбу|фгуп|гку|мку|state|государствен|municipal|муниципальн|палат|chamber|office|аппарат|ведомств",
    ),
    (
        "ngo",
        r"foundation|фонд|movement|движени|\bfront\b|фронт|union|союз|ngo|нко|society|обществ|association|"
        r"ассоциаци|комитет солдатских|council of mothers|совет матерей|volunteer|волонт",
    ),
)


def org_kind(name: str) -> str:
    """The kind of an organisation, from the words of its name."""
    low = name.lower()
    for kind, pattern in _KINDS:
        if re.search(pattern, low):
            return kind
    return "other"


@dataclass(frozen=True, slots=True)
class OrgMention:
    surface: str
    name: str
    is_credit: bool = False
    kind: str = ""


def clean_org(surface: str, lang: str) -> str:
    """An organisation's name without a leading article or possessive; Russian in the nominative."""
    text = " ".join(surface.split()).strip(" ,.;:")
    if re.fullmatch(r"[«\"“][^«»\"“”]+[»\"”]", text):
        text = text[1:-1]
    if lang == "en":
        text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
        return re.sub(r"(?:'s|’s)$", "", text)
    if "«" in text or '"' in text:
        head, _, rest = text.partition("«") if "«" in text else text.partition('"')
        return (nominative_phrase(head.split()) + " «" + rest).strip() if head.strip() else text
    return nominative_phrase(text.split())


def _key(name: str) -> str:
    return re.sub(r"[^\w]+", " ", fold_text(name)).strip()


@dataclass
class _Org:
    names: list[str] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    credit_only: bool = True
    kind: str = ""


def merge_orgs(mentions: list[OrgMention]) -> list[ExtractedOrg]:
    """Merge organisation mentions by their folded nominative name."""
    groups: dict[str, _Org] = {}
    for m in mentions:
        key = _key(m.name)
        if not key or key in _NOT_ORGS:
            continue
        group = groups.setdefault(key, _Org())
        group.names.append(m.name)
        if m.surface not in group.surfaces:
            group.surfaces.append(m.surface)
        group.credit_only = group.credit_only and m.is_credit
        if m.kind == "telegram":
            group.kind = "telegram"
    out = []
    for group in groups.values():
        name = max(group.names, key=group.names.count)
        kind = group.kind or org_kind(name)
        if group.credit_only and kind == "other":
            kind = "media"  # a credit names an agency or outlet
        out.append(ExtractedOrg(name, tuple(group.surfaces), kind, group.credit_only))
    return out


def retag(sent: Sentence, lang: str) -> Sentence:
    """Correct the model's organisations before anything reads them.

    Known institutions (:data:`ORG_NAMES`) win over whatever the model said of their words
    ("Moscow City Duma" is not a person called Duma); places that stand for an institution
    ("the Kremlin said") become organisations; "администрация Каа-Хемского района" and
    "Kolpino district administration" take in their head noun; a "person" whose name reads as
    a newspaper or party ("Novaya Gazeta Europe") is an organisation.
    """
    ents = list(sent.entities)
    known = [
        Entity(m.group(0), sent.start + m.start(), sent.start + m.end(), "ORG")
        for m in _gazetteer().finditer(sent.text)
    ]
    ents = [e for e in ents if not any(e.start < k.end and k.start < e.end for k in known)] + known
    fixed: list[Entity] = []
    for ent in ents:
        if _is_org(ent, lang) or (ent.label == "PER" and _after_org_word(sent, ent)):
            ent = Entity(ent.text, ent.start, ent.end, "ORG")
        elif ent.label == "LOC" or (ent.label == "ORG" and lang == "en"):
            ent = _with_admin_head(sent, ent, lang)
        fixed.append(ent)
    return Sentence(sent.text, sent.start, sent.tokens, tuple(sorted(fixed, key=lambda e: e.start)))


def _is_org(ent: Entity, lang: str) -> bool:
    """A place standing for an institution, or a "person" whose name reads as a paper or party."""
    if ent.label == "LOC":
        return clean_org(ent.text, lang).lower() in INSTITUTION_PLACES
    if ent.label == "PER":
        return org_kind(ent.text) in {"media", "party", "ministry"} and not lookup(ent.text.split()[0])
    return False


def _after_org_word(sent: Sentence, ent: Entity) -> bool:
    before = sent.text[: ent.start - sent.start].split()
    return bool(before) and before[-1].lower().strip('«"') in ORG_TYPE_WORDS


@lru_cache(maxsize=1)
def _gazetteer() -> re.Pattern[str]:
    names = sorted(ORG_NAMES, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


_RU_AREA = frozenset({"района", "области", "округа", "края", "республики", "города", "поселения"})


def _with_admin_head(sent: Sentence, ent: Entity, lang: str) -> Entity:
    rel_start, rel_end = ent.start - sent.start, ent.end - sent.start
    if lang == "en":
        after = sent.text[rel_end:].lower()
        tail = next((t for t in ADMIN_TAIL_EN if after.startswith(" " + t)), None)
        if tail:
            end = ent.end + 1 + len(tail)
            return Entity(sent.text[rel_start : end - sent.start], ent.start, end, "ORG")
        return ent
    idx = [i for i, t in enumerate(sent.tokens) if t.start == ent.start]
    if not idx or idx[0] == 0:
        return ent
    # The head noun just before, or two before with a genitive between ("министерстве здравоохранения X").
    heads = [sent.tokens[i] for i in (idx[0] - 1, idx[0] - 2) if i >= 0 and sent.tokens[i].text[:1].islower()]
    head = next((h for h in heads if any(p.normal_form in ADMIN_HEADS_RU for p in parses(h.text.lower())[:2])), None)
    if head is None:
        return ent
    end = ent.end
    nxt = [t for t in sent.tokens if t.start > ent.end - 1]
    if nxt and nxt[0].text.lower() in _RU_AREA and not ent.text.lower().endswith(tuple(_RU_AREA)):
        end = nxt[0].end
    return Entity(sent.text[head.start - sent.start : end - sent.start], head.start, end, "ORG")
