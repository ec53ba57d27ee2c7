"""Classify an organisation by its name and legal form, in Russian and English.

"администрация Каа-Хемского района" is a state body by its words, "ГБУ «Юность»" a state
institution by its legal form, even when no registry says so. Returns one of:

- ``legislature``: councils of deputies, dumas, assemblies, khurals, parliaments
- ``government``: administrations, governments, ministries, agencies, courts, prosecutors
- ``party``: political parties (``ruling_party`` says whether it is United Russia)
- ``movement``: the People's Front, civic chambers, state-run youth and veterans' movements
- ``state_institution``: ГБУ, МБУ, ГКУ, ФГУП, МУП... (by legal form)
- ``state_media``: state broadcasters and agencies
- ``None``: nothing says it is the state
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tiescreen.normalize.text import fold_text

__all__ = ["BodyClass", "classify_body"]


@dataclass(frozen=True, slots=True)
class BodyClass:
    kind: str | None
    ruling_party: bool | None = None
    reason: str = ""


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), re.IGNORECASE)


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
)
_MOVEMENT = _rx(
    r"народн\w+ фронт",
    r"\bонф\b",
    r"people'?s front",
    r"\bonf\b",
    r"общественн\w+ палат",
    r"civic chamber",
    r"public chamber",
    r"юнарми",
    r"yunarmiya",
    r"движени\w+ первых",
    r"movement of the first",
    r"молод\w+ гварди",
    r"young guard",
    r"боев\w+ братств",
    r"combat brotherhood",
    r"российск\w+ движени",
    r"совет\w* матерей",
    r"council of mothers",
    r"волонт\w+ рот",
    r"мы вместе",
    r"\bмолодежн\w+ парламент",
)
_LEGISLATURE = _rx(
    r"совет\w* депутатов",
    r"\bдум[аыеу]\b",
    r"законодательн\w+ собрани",
    r"собрани\w+ депутатов",
    r"\bхурал",
    r"курултай",
    r"\bпарламент",
    r"городск\w+ совет",
    r"муниципальн\w+ совет",
    r"\bгоссовет",
    r"council of deputies",
    r"\bduma\b",
    r"legislative assembly",
    r"\bparliament\b",
    r"city council",
    r"municipal council",
    r"state council",
    r"\bkhural\b",
    r"federation council",
    r"совет\w* федерации",
    r"народн\w+ собрани",
)
_GOVERNMENT = _rx(
    r"\bадминистраци",
    r"\bправительств",
    r"\bминистерств",
    r"\bмэри[яи]\b",
    r"\bпрефектур",
    r"\bуправ[аы]\b",
    r"\bгубернатор",
    r"\bпрокуратур",
    r"\bсуд\b",
    r"\bсуда\b",
    r"\bмвд\b",
    r"\bфсб\b",
    r"\bфедеральн\w+ служб",
    r"\bфедеральн\w+ агентств",
    r"\bдепартамент",
    r"\bкомитет\w*\b.*\b(?:по|города|области|края|республики)",
    r"\bглав[аы] (?:района|города|республики|администрации)",
    r"\bкремл",
    r"администрации президента",
    r"\badministration\b",
    r"\bgovernment\b",
    r"\bministry\b",
    r"\bministerial?\b",
    r"\bmayor'?s office\b",
    r"\bprefecture\b",
    r"\bprosecutor",
    r"\bcourt\b",
    r"\bfederal (?:service|agency)\b",
    r"\bgovernor\b",
    r"\bkremlin\b",
    r"presidential (?:administration|executive office)",
    r"\bdepartment of\b",
)
_STATE_FORM = _rx(
    r"\b(?:фгбу|гбу|мбу|гку|мку|фгку|фгуп|гуп|муп|гау|мау|фгау|фгбоу|гбоу|мбоу|мбдоу|мадоу|гбуз|гауз|мбуз|огбу|"
    r"кгбу|кгку|огку|гоу|моу|мбук|мкук|гбук|мбудо|гбудо|мкоу|гбпоу|гапоу)\b",
    r"государственн\w+ (?:бюджетн|казенн|казённ|автономн|унитарн)\w*",
    r"муниципальн\w+ (?:бюджетн|казенн|казённ|автономн|унитарн)\w*",
    r"\bstate (?:budgetary|budget|unitary|autonomous|owned|institution|enterprise)",
    r"\bmunicipal (?:budgetary|budget|unitary|institution|enterprise)",
    r"\bfederal state (?:budgetary|unitary|institution)",
)
_STATE_MEDIA = _rx(
    r"\bвгтрк\b",
    r"первый канал",
    r"\bтасс\b",
    r"\btass\b",
    r"риа новости",
    r"ria novosti",
    r"\brt\b",
    r"russia today",
    r"россия[- ]1",
    r"россия сегодня",
    r"\bvgtrk\b",
    r"channel one",
    r"звезда",
    r"\bzvezda\b",
)


def classify_body(name: str | None, topics: tuple[str, ...] = ()) -> BodyClass:
    """Classify an organisation name (and FtM topics, when the registry gives them).

    >>> classify_body("администрация Каа-Хемского района").kind
    'government'
    >>> classify_body("ГБУ «Юность»").kind
    'state_institution'
    >>> classify_body("Всероссийская политическая партия «Единая Россия»").ruling_party
    True
    """
    text = fold_text(name or "").replace("«", " ").replace("»", " ").replace('"', " ")
    topic_set = set(topics)
    if _RULING.search(text):
        return BodyClass("party", True, "the ruling party")
    if "pol.party" in topic_set or _PARTY.search(text):
        return BodyClass("party", False, "a political party")
    if _MOVEMENT.search(text):
        return BodyClass("movement", None, "a state-backed movement or civic chamber")
    if _LEGISLATURE.search(text):
        return BodyClass("legislature", None, "a legislature or council of deputies")
    if _STATE_MEDIA.search(text) or "media.state" in topic_set:
        return BodyClass("state_media", None, "state media")
    if _STATE_FORM.search(text) or topic_set & {"gov.soe", "gov.muni"}:
        return BodyClass("state_institution", None, "a state or municipal institution by its legal form")
    if _GOVERNMENT.search(text) or topic_set & {
        "gov",
        "gov.executive",
        "gov.national",
        "gov.state",
        "gov.judicial",
        "gov.security",
    }:
        return BodyClass("government", None, "a government body")
    return BodyClass(None)
