"""FollowTheMoney JSON lines of the findings, for Aleph and OpenSanctions tools.

Built with the ``followthemoney`` library, so every entity is checked against its schema
(an unknown property raises instead of writing an entity Aleph would reject). For each
screened person with a tie the tool stands behind:

- a ``Person`` (the name as screened, birth date and region when given; ``role.pep`` for a
  current office, ``role.pep.frmr`` for a former one, ``role.rca`` for a relative);
- per tie: ``Occupancy`` + ``Position`` + ``PublicBody`` (offices), ``Membership`` (party,
  movement), ``UnknownLink`` (a party-list candidate, who is not a member), ``Employment``
  (state employer), ``Family`` + the official's ``Person`` and own tie (relatives), a
  ``Note`` (a claim from an article); every link carries the tie's sources as ``sourceUrl``;
- a ``Note`` per match with the evidence: record id, score, confidence, reasons, conflicts.

Possible ties (name-only matches on common names, conflicting attributes) are left out:
an export is read as findings, and those are not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followthemoney import EntityProxy, model

from tiescreen.model import Match, PersonResult, Tie, TieKind, stable_id
from tiescreen.report.words import tie_sentence

if TYPE_CHECKING:
    from tiescreen.pipeline import ScreenResult

__all__ = ["ftm_entities", "render_ftm"]

_PUBLIC = frozenset({"government", "legislature", "court"})
_BODY_TOPIC = {"party": "pol.party", "state_company": "gov.soe", "state_institution": "gov", "court": "gov.judicial"}
_BODY_TOPIC.update({"government": "gov.executive", "legislature": "gov.legislative"})


def _entity(schema: str, *key: object, **props: object) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = f"ts-{stable_id(schema, *key)}"
    for prop, value in props.items():
        if value is None or value == "" or value == ():
            continue
        proxy.add(prop, list(value) if isinstance(value, tuple | list) else value)  # type: ignore[arg-type]
    return proxy


def _links(sources: tuple[str, ...]) -> list[str]:
    return [s for s in sources if s.startswith(("http://", "https://"))]


def _body(tie: Tie) -> EntityProxy | None:
    if not tie.body:
        return None
    schema = "PublicBody" if tie.body_kind in _PUBLIC else "Company" if tie.body_kind == "state_company" else None
    return _entity(
        schema or "Organization", "body", tie.body, name=tie.body, topics=_BODY_TOPIC.get(tie.body_kind or "")
    )


def _tie_entities(holder: EntityProxy, tie: Tie, kind: str) -> Iterator[EntityProxy]:
    """The entities of one tie of ``holder`` (``kind`` is the tie's own kind, for relatives too)."""
    body = _body(tie)
    if body is not None:
        yield body
    key = (holder.id, kind, tie.role, tie.body, tie.start)
    dates = {"startDate": tie.start, "endDate": tie.end, "sourceUrl": _links(tie.sources)}
    status = None if tie.current is None else ("current" if tie.current else "ended")
    if kind in ("office", "former_office"):
        post = _entity("Position", "post", tie.role, tie.body, name=tie.role or tie.body, organization=body)
        yield post
        yield _entity("Occupancy", *key, holder=holder, post=post, status=status, **dates)
    elif kind in ("party", "movement") and body is not None:
        yield _entity("Membership", *key, member=holder, organization=body, role=tie.role, status=status, **dates)
    elif kind == "party_candidate" and body is not None:
        role = f"party-list candidate, not a member: {tie.role}" if tie.role else "party-list candidate, not a member"
        yield _entity("UnknownLink", *key, subject=holder, object=body, role=role, **dates)
    elif kind == "state_employer" and body is not None:
        yield _entity("Employment", *key, employee=holder, employer=body, role=tie.role, status=status, **dates)
    elif kind == "claimed":
        text = tie.evidence or tie_sentence(tie)
        yield _entity(
            "Note", *key, entity=holder, name=tie_sentence(tie), description=text, sourceUrl=dates["sourceUrl"]
        )


def _relative_entities(person: EntityProxy, tie: Tie) -> Iterator[EntityProxy]:
    official = _entity("Person", "official", tie.relative_name, tie.path[2:3], name=tie.relative_name)
    yield official
    word = (tie.relationship or "relative").split(" of ")[0]
    yield _entity(
        "Family",
        person.id,
        official.id,
        person=official,
        relative=person,
        relationship=word,
        sourceUrl=_links(tie.sources[:1]),
    )
    yield from _tie_entities(official, tie, tie.relative_kind or "office")


def _topics(person: PersonResult) -> list[str]:
    kinds = set(person.tie_kinds())
    own_current = any(
        t.kind == TieKind.OFFICE for m in person.matches if m.tied for t in m.ties if t.confidence != "possible"
    )
    topics = ["role.pep"] if own_current else ["role.pep.frmr"] if "former_office" in kinds else []
    return topics + (["role.rca"] if "relative" in kinds else [])


def _note(person: EntityProxy, match: Match) -> EntityProxy:
    lines = [f"tiescreen matched registry record {match.entity_id} ({match.caption}): score {match.score:.2f}, "
             f"{match.confidence}; " + "; ".join(match.reasons)]  # fmt: skip
    if match.conflicts:
        lines.append("conflicts: " + "; ".join(match.conflicts))
    lines += [e.detail for e in match.explanation]
    urls = [p.url for p in match.provenance if p.url and p.url.startswith(("http://", "https://"))]
    return _entity(
        "Note", person.id, match.entity_id, entity=person, name=f"Evidence: {match.caption}",
        description="\n".join(lines), sourceUrl=urls,
    )  # fmt: skip


def ftm_entities(result: ScreenResult) -> Iterator[EntityProxy]:
    """The findings as FtM entities, each once, people in input order."""
    seen: set[str] = set()
    for person in result.people:
        if not person.tied:
            continue
        q = person.query
        me = _entity("Person", "screened", q.id, q.name, name=q.name, birthDate=q.birth_date, address=q.region)
        me.add("topics", _topics(person))
        me.add("notes", f"screened by tiescreen as: {q.role}" if q.role else None)
        out = [me]
        for match in (m for m in person.matches if m.tied):
            out.append(_note(me, match))
            for tie in (t for t in match.ties if t.confidence != "possible"):
                if tie.kind == TieKind.RELATIVE:
                    out.extend(_relative_entities(me, tie))
                else:
                    out.extend(_tie_entities(me, tie, str(tie.kind)))
        for entity in out:
            if entity.id not in seen:
                seen.add(str(entity.id))
                yield entity


def render_ftm(result: ScreenResult) -> str:
    """FtM JSON lines, one entity per line."""
    lines = [json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for e in ftm_entities(result)]
    return "\n".join(lines) + ("\n" if lines else "")
