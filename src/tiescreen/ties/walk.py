"""Walk the registry graph from a matched person to the state.

Paths followed (FtM):

- Person <- Occupancy.holder, Occupancy.post -> Position (-> Position.organization)   office
- Person <- Membership.member, Membership.organization -> party / movement / body
- Person <- Employment.employee, Employment.employer -> state institution or body
- Person <- Directorship.director, Directorship.organization -> state institution
- Person <- Family.person / Family.relative -> the relative, and the relative's own ties
- the Person's own ``position`` statements (as OpenSanctions PEP data carries them)

Each tie keeps its path of entity ids and the source of every step.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tiescreen.model import RegistryEntity, Tie, TieKind
from tiescreen.store.registry import RegistryStore
from tiescreen.ties.bodies import BodyClass, classify_body

__all__ = ["TieWalker"]

_LINKS = {
    # link schema: (property pointing at the person, property pointing onwards)
    "Occupancy": ("holder", "post"),
    "Membership": ("member", "organization"),
    "Employment": ("employee", "employer"),
    "Directorship": ("director", "organization"),
}
_FAMILY = {"Family": ("person", "relative")}
_CANDIDATE_WORDS = ("candidate", "кандидат", "list", "списк")


def _cite(entity: RegistryEntity) -> str:
    p = entity.provenance
    if p is None:
        return entity.id
    return p.url or f"{p.source}#{p.record}"


def _is_current(start: str | None, end: str | None, status: Iterable[str]) -> bool:
    statuses = {s.lower() for s in status}
    if statuses & {"ended", "former", "past", "inactive"}:
        return False
    if end:
        return end[:10] >= date.today().isoformat()[: len(end[:10])]
    return True


class TieWalker:
    """Finds the ties of registry people, reading the graph from a store."""

    def __init__(self, store: RegistryStore) -> None:
        self.store = store

    def ties(self, person_ids: Iterable[str], relatives: bool = True) -> dict[str, list[Tie]]:
        """Ties of each person, own ties first, then ties through relatives."""
        ids = list(dict.fromkeys(person_ids))
        people = self.store.entities(ids)
        own = self._own_ties(people)
        if relatives:
            for person_id, ties in self._relative_ties(ids).items():
                own.setdefault(person_id, []).extend(ties)
        return own

    def _own_ties(self, people: dict[str, RegistryEntity]) -> dict[str, list[Tie]]:
        result: dict[str, list[Tie]] = {pid: self._statement_ties(p) for pid, p in people.items()}
        refs = self.store.referring(people)
        links = self.store.entities({src for src, _, _ in refs})
        onward_ids = {t for link in links.values() if link.schema in _LINKS for t in link.get(_LINKS[link.schema][1])}
        onward = self.store.entities(onward_ids)
        orgs = self.store.entities(
            {o for e in onward.values() if e.schema == "Position" for o in e.get("organization")}
        )
        for src, prop, dst in refs:
            link = links.get(src)
            if link is None or link.schema not in _LINKS or _LINKS[link.schema][0] != prop:
                continue
            for target_id in link.get(_LINKS[link.schema][1]):
                target = onward.get(target_id)
                if target is None:
                    continue
                tie = self._link_tie(people[dst], link, target, orgs)
                if tie is not None:
                    result.setdefault(dst, []).append(tie)
        return result

    def _link_tie(
        self,
        person: RegistryEntity,
        link: RegistryEntity,
        target: RegistryEntity,
        orgs: dict[str, RegistryEntity],
    ) -> Tie | None:
        body_entity = target
        role = link.first("role")
        path = [person.id, link.id, target.id]
        if target.schema == "Position":
            role = target.first("name") or target.caption
            org_id = target.first("organization")
            if org_id and org_id in orgs:
                body_entity = orgs[org_id]
                path.append(org_id)
        if target.schema == "Position":
            body_name = (body_entity.first("name") or body_entity.caption) if body_entity is not target else None
        else:
            body_name = target.first("name") or target.caption
        cls = classify_body(body_name, body_entity.get("topics"))
        if cls.kind is None and target.schema == "Position":
            cls = classify_body(role, target.get("topics"))
        start = link.first("startDate") or link.first("date")
        end = link.first("endDate")
        current = _is_current(start, end, link.get("status"))
        kind = self._kind(link.schema, cls, role, link, current)
        if kind is None:
            return None
        sources = tuple(dict.fromkeys(_cite(e) for e in (person, link, target, body_entity)))
        steps = tuple(c for c in dict.fromkeys([person.caption, role or link.caption, body_name or ""]) if c)
        ruling = cls.ruling_party if cls.kind == "party" else None
        return Tie(
            kind,
            role,
            body_name,
            current,
            tuple(path),
            sources,
            start,
            end,
            body_kind=cls.kind,
            ruling_party=ruling,
            steps=steps,
        )

    @staticmethod
    def _kind(schema: str, cls: BodyClass, role: str | None, link: RegistryEntity, current: bool) -> TieKind | None:
        text = " ".join([role or "", *link.get("summary"), *link.get("description")]).lower()
        if cls.kind == "party":
            return TieKind.PARTY_CANDIDATE if any(w in text for w in _CANDIDATE_WORDS) else TieKind.PARTY
        if cls.kind == "movement":
            return TieKind.MOVEMENT
        if schema == "Occupancy":
            return TieKind.OFFICE if current else TieKind.FORMER_OFFICE
        if cls.kind in ("state_institution", "state_media"):
            return TieKind.STATE_EMPLOYER
        if cls.kind in ("government", "legislature"):
            if schema == "Employment":
                return TieKind.STATE_EMPLOYER
            return TieKind.OFFICE if current else TieKind.FORMER_OFFICE
        return None

    @staticmethod
    def _statement_ties(person: RegistryEntity) -> list[Tie]:
        """Offices stated on the person record itself (``position``), as PEP lists carry them."""
        ties: list[Tie] = []
        for position in person.get("position"):
            cls = classify_body(position, person.get("topics"))
            is_pep = "role.pep" in person.get("topics") or cls.kind is not None
            if not is_pep:
                continue
            ties.append(
                Tie(
                    TieKind.OFFICE,
                    position,
                    None,
                    None,
                    (person.id,),
                    (_cite(person),),
                    body_kind=cls.kind,
                    steps=(person.caption, position),
                )
            )
        return ties

    def _relative_ties(self, ids: list[str]) -> dict[str, list[Tie]]:
        refs = [r for r in self.store.referring(ids)]
        links = {k: v for k, v in self.store.entities({s for s, _, _ in refs}).items() if v.schema in _FAMILY}
        pairs: list[tuple[str, str, RegistryEntity]] = []
        for src, _prop, dst in refs:
            link = links.get(src)
            if link is None:
                continue
            for other in link.get("person") + link.get("relative"):
                if other != dst:
                    pairs.append((dst, other, link))
        if not pairs:
            return {}
        relatives = self.store.entities({o for _, o, _ in pairs})
        their = self._own_ties(relatives)
        out: dict[str, list[Tie]] = {}
        for person_id, other_id, link in pairs:
            relative = relatives.get(other_id)
            if relative is None:
                continue
            relationship = _relationship(link, person_id, relative)
            for tie in their.get(other_id, []):
                if tie.kind in (TieKind.RELATIVE, TieKind.CLAIMED):
                    continue
                out.setdefault(person_id, []).append(
                    Tie(
                        TieKind.RELATIVE,
                        tie.role,
                        tie.body,
                        tie.current,
                        (person_id, link.id, *tie.path),
                        (_cite(link), *tie.sources),
                        tie.start,
                        tie.end,
                        relative_name=relative.caption,
                        relationship=relationship,
                        body_kind=tie.body_kind,
                        ruling_party=tie.ruling_party,
                        steps=(relationship, *tie.steps),
                    )
                )
        return out


def _relationship(link: RegistryEntity, person_id: str, relative: RegistryEntity) -> str:
    """Say the family link from the screened person's side.

    FtM's ``relationship`` names what the ``relative`` is to the ``person``: with
    person = the official and relative = the screened woman, "mother" means she is his mother.
    """
    word = link.first("relationship") or "relative"
    if person_id in link.get("relative"):
        return f"{word} of {relative.caption}"
    return f"relative of {relative.caption} (who is their {word})"
