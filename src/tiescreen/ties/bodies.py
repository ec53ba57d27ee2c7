"""Classify an organisation by its name and legal form, in Russian and English.

"администрация Каа-Хемского района" is a state body by its words, "ГБУ «Юность»" a state
institution by its legal form, even when no registry says so. Kinds:

- ``legislature``: councils of deputies, dumas, assemblies, khurals, parliaments
- ``government``: administrations, governments, ministries, agencies, election commissions
- ``court``: courts and prosecutors' offices
- ``party``: political parties (``ruling_party`` says whether it is United Russia)
- ``movement``: the People's Front, civic chambers and public councils, state-run youth
  movements, state-funded veterans' organisations
- ``state_institution``: ГБУ, МБУ, ГКУ, ФГУП, МУП... (by legal form)
- ``state_company``: state corporations by name; companies the data says the state owns
- ``state_media``: state broadcasters, agencies and newspapers
- ``None``: nothing says it is the state

A private legal form (ООО, ПАО, ИП, LLC...) wins over words inside a brand name: "ООО «Партия
Еды»" is a food company, not a party. Only the data (FtM topics, an owner that is a state
body) makes a joint-stock company a state company.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tiescreen.normalize.text import fold_text

__all__ = ["STATE_KINDS", "BodyClass", "classify_body"]

# Kinds that are the state itself (as opposed to parties and movements).
STATE_KINDS = frozenset({"legislature", "government", "court", "state_institution", "state_company", "state_media"})


@dataclass(frozen=True, slots=True)
class BodyClass:
    """What an organisation is: ``kind`` (see the module doc), and why, in words."""

    kind: str | None
    ruling_party: bool | None = None
    reason: str = ""


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


_PRIVATE_FORM = _rx(
    r"^(?:ооо|зао|пао|оао|нао|ао|ип|тоо|llc|ltd|pjsc|jsc|ojsc|cjsc)\b",
    r"\b(?:ооо|зао|пао|оао|нао|ип|llc|ltd|pjsc|cjsc|inc|gmbh|plc)$",
    r"общество с ограниченной ответственностью",
    r"(?:публичное |закрытое |открытое )?акционерное общество",
    r"индивидуальный предприниматель",
    r"limited liability company",
)
_YOUTH_WING = _rx(r"молод\w+ гварди", r"young guard")
_RULING = _rx(r"единая россия", r"единой россии", r"united russia", r"yedinaya rossiya", r"edinaya rossiya")
_PARTY = _rx(
    r"\bпарти[яи]\b",
    r"\bparty\b",
    r"\bлдпр\b",
    r"\bкпрф\b",
    r"справедлив\w* росси",
    r"новые люди",
    r"\bldpr\b",
    r"\bkprf\b",
    r"\byabloko\b",
    r"\bяблоко\b",
    r"a just russia",
    r"\bnew people\b",
)
_MOVEMENT = _rx(
    r"народн\w+ фронт",
    r"\bонф\b",
    r"people'?s front",
    r"\bonf\b",
    r"общественн\w+ палат",
    r"общественн\w+ совет",
    r"civic chamber",
    r"public chamber",
    r"public council",
    r"юнарми",
    r"yunarmi",
    r"движени\w+ первых",
    r"movement of the first",
    r"боев\w+ братств",
    r"combat brotherhood",
    r"российск\w+ движени\w+ школьник",
    r"российск\w+ союз\w* молодеж",
    r"\bсовет\w* матерей",
    r"council of mothers",
    r"волонтер\w+ победы",
    r"офицеры россии",
    r"союз\w* женщин россии",
    r"защитники отечества",
    r"молодежн\w+ (?:парламент|правительств)",
    r"youth parliament",
)
_LEGISLATURE = _rx(
    r"совет\w* (?:народных )?депутатов",
    r"\bдум[аыеу]\b",
    r"законодательн\w+ собрани",
    r"государственн\w+ собрани",
    r"собрани\w+ (?:депутатов|представителей)",
    r"(?:муниципальн|представительн|народн)\w+ собрани",
    r"\bхурал",
    r"курултай",
    r"\bил тумэн",
    r"\bпарламент",
    r"(?:городск|муниципальн|сельск|районн)\w+ совет",
    r"\bгоссовет",
    r"государственн\w+ совет\w* республики",
    r"совет\w* федерации",
    r"council of deputies",
    r"\bduma\b",
    r"(?:legislative|people'?s|state) assembly",
    r"\bparliament\b",
    r"(?:city|municipal|state|regional) council",
    r"\bkhural\b",
    r"kurultai",
    r"federation council",
)
_COURT = _rx(
    r"\bсуд\b",
    r"\bсуда\b",
    r"\bсудебн\w+ участ",
    r"\b(?:арбитражн|районн|городск|областн|краев|верховн|конституционн|военн|мирово)\w* суд",
    r"\bпрокуратур",
    r"\bcourt\b",
    r"\bprosecutor",
)
_GOVERNMENT = _rx(
    r"\bадминистраци",
    r"\bправительств",
    r"\bминистерств",
    r"\bмэри[яи]\b",
    r"\bпрефектур",
    r"\bуправ[аы]\b",
    r"\bгубернатор",
    r"\b(?:мвд|фсб|мчс|фсин|фссп|фнс|уфнс|ифнс|фас|фмба|цик|гибдд|омвд|умвд|гу мвд)\b",
    r"\bрос(?:реестр|потребнадзор|гвардия|комнадзор|обрнадзор|здравнадзор|сельхознадзор|стат|таможн|имуществ)",
    r"\bфедеральн\w+ (?:служб|агентств|казначейств)",
    r"\bуправлени\w+ федеральн",
    r"\bдепартамент",
    r"\bкомитет\w* (?:по\b|государственн|[а-я]+ (?:администрации|правительства))",
    r"следственн\w+ комитет",
    r"избирательн\w+ комисси",
    r"(?:контрольно-)?сч[её]тн\w+ палат",
    r"(?:пенсионн|социальн)\w+ фонд\w* (?:российской федерации|россии)",
    r"военн\w+ комиссариат",
    r"\bвоенкомат",
    r"\bглав[аы] (?:района|города|республики|администрации|муниципальн)",
    r"\bкремл",
    r"уполномоченн\w+ по правам",
    r"\badministration\b",
    r"\bgovernment\b",
    r"\bministry\b",
    r"\bmayor'?s office\b",
    r"\bprefecture\b",
    r"\bfederal (?:\w+ )?(?:service|agency|treasury)\b",
    r"presidential (?:administration|executive office)",
    r"\bgovernor\b",
    r"\bkremlin\b",
    r"investigative committee",
    r"election commission",
    r"accounts chamber",
    r"national guard",
    r"\bdepartment of\b",
)
_STATE_FORM = _rx(
    r"\b(?:фгбу|гбу|мбу|гку|мку|фгку|фгуп|гуп|муп|гау|мау|фгау|фгбоу|гбоу|мбоу|мбдоу|мадоу|маоу|мкдоу|гбуз|гауз|"
    r"мбуз|огбу|огау|кгбу|кгку|кгау|огку|гоу|моу|мбук|мкук|гбук|мбудо|мбоу до|гбудо|мкоу|гбпоу|гапоу|фгаоу|фку|"
    r"гкоу|гбсу|гбу со|гку со|фкп)\b",
    r"государственн\w+ (?:бюджетн|казенн|автономн|унитарн)\w*",
    r"муниципальн\w+ (?:бюджетн|казенн|автономн|унитарн)\w*",
    r"федеральн\w+ (?:бюджетн|казенн|автономн|государственн)\w* (?:учрежден|предприят)",
    r"\bstate (?:budgetary|budget|unitary|autonomous|owned|institution|enterprise)",
    r"\bmunicipal (?:budgetary|budget|unitary|institution|enterprise)",
    r"\bfederal state (?:budgetary|unitary|institution|autonomous)",
)
# The only words with digits the patterns read: elsewhere a number tells no two names apart.
_NUMBERED = (r"россия[- ]1\b", r"россия[- ]24\b")
_NUMBERED_RX = _rx(*_NUMBERED)
_DIGITS = re.compile(r"\d+")
_STATE_COMPANY = _rx(r"\bгоскорпораци", r"государственн\w+ корпораци", r"\bstate corporation\b", r"\bгк «?ростех")
_STATE_MEDIA = _rx(
    r"\bвгтрк\b",
    r"\bгтрк\b",
    r"первый канал",
    r"\bтасс\b",
    r"\btass\b",
    r"риа новости",
    r"ria novosti",
    r"\brt\b",
    r"russia today",
    *_NUMBERED,
    r"россия сегодня",
    r"российская газета",
    r"rossiyskaya gazeta",
    r"\bvgtrk\b",
    r"channel one",
    r"телеканал\w* «?звезда",
    r"\bzvezda tv",
    r"красная звезда",
)
_TOPICS = (
    ({"pol.party"}, "party"),
    ({"gov.soe", "gov.muni.soe"}, "state_company"),
    ({"gov.judicial"}, "court"),
    ({"gov.legislative"}, "legislature"),
    ({"gov", "gov.executive", "gov.national", "gov.state", "gov.muni", "gov.security", "gov.igo"}, "government"),
    ({"media.state"}, "state_media"),
)
_BY_NAME = (
    (_MOVEMENT, "movement", "a state-backed movement, civic chamber or public council"),
    (_LEGISLATURE, "legislature", "a legislature or council of deputies"),
    (_STATE_MEDIA, "state_media", "state media"),
    (_STATE_FORM, "state_institution", "a state or municipal institution by its legal form"),
    (_STATE_COMPANY, "state_company", "a state corporation"),
    (_COURT, "court", "a court or prosecutor's office"),
    (_GOVERNMENT, "government", "a government body"),
)


def _fold(name: str | None) -> str:
    # "№" is what NFKC spells "No": spelt so first, a name keeps to fold_text's fast path (no NFKC).
    text = fold_text((name or "").replace("№", "No"))
    for mark in '«»"“”„()':
        text = text.replace(mark, " ")
    return " ".join(text.split())


def _by_topics(topics: tuple[str, ...]) -> BodyClass | None:
    topic_set = set(topics)
    for wanted, kind in _TOPICS:
        if topic_set & wanted:
            return BodyClass(kind, False if kind == "party" else None, f"the registry tags it {sorted(wanted)[0]}")
    return None


def _party(text: str) -> BodyClass | None:
    if _YOUTH_WING.search(text):
        return BodyClass("movement", None, "the ruling party's youth wing")
    if _RULING.search(text):
        return BodyClass("party", True, "the ruling party")
    if _PARTY.search(text):
        return BodyClass("party", False, "a political party")
    return None


def classify_body(name: str | None, topics: Sequence[str] = ()) -> BodyClass:
    """Classify an organisation name (and FtM topics, when the registry gives them).

    Args:
        name: the organisation's name, in any script and case.
        topics: FtM topics of the registry record (``gov.muni``, ``pol.party``...).

    Returns:
        A :class:`BodyClass`; ``kind`` is None when nothing says it is the state.

    Example:
        >>> classify_body("администрация Каа-Хемского района").kind
        'government'
        >>> classify_body("ГБУ «Юность»").kind
        'state_institution'
        >>> classify_body("Всероссийская политическая партия «Единая Россия»").ruling_party
        True
        >>> classify_body("ООО «Партия Еды»").kind is None
        True
    """
    return _classify(name, tuple(topics))  # bodies repeat across a registry: classify each once


@lru_cache(maxsize=65_536)
def _classify(name: str | None, topics: tuple[str, ...]) -> BodyClass:
    text = _fold(name)
    if not _NUMBERED_RX.search(text):  # "№1" and "№2" classify alike: one classification serves all numbers
        text = _DIGITS.sub("0", text)
    return _classify_text(text, topics)


@lru_cache(maxsize=65_536)
def _classify_text(text: str, topics: tuple[str, ...]) -> BodyClass:
    tagged = _by_topics(topics)
    if _PRIVATE_FORM.search(text) and not _STATE_FORM.search(text):
        return tagged or BodyClass(None, None, "a private legal form")
    party = _party(text)
    if party is not None:
        return party
    for pattern, kind, reason in _BY_NAME:
        if pattern.search(text):
            return BodyClass(kind, None, reason)
    return tagged or BodyClass(None)
