"""Walk the registry graph from a matched person to the state.

Paths followed (FtM):

- Person <- Occupancy.holder, Occupancy.post -> Position (-> Position.organization)   office
- Person <- Membership.member, Membership.organization -> party / movement / body
- Person <- Employment.employee, Employment.employer -> state institution or body
- Person <- Directorship.director, Directorship.organization -> state institution
- ... -> a company <- Ownership.asset, Ownership.owner -> a state body     state company
- Person <- Family.person / Family.relative -> the relative, and the relative's own ties
- the Person's own ``position`` and ``political`` statements (as PEP lists carry them)

Each tie keeps its path of entity ids and the source of every step. Ended ties are kept,
however old, with their dates.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Protocol

from tiescreen.model import RegistryEntity, Tie, TieKind
from tiescreen.ties.bodies import STATE_KINDS, BodyClass, classify_body
from tiescreen.ties.family import relative_tie
from tiescreen.ties.kinds import is_current, link_kind, statement_tie

__all__ = ["GraphReader", "TieWalker", "cite"]

_LINKS = {
    # link schema: (property pointing at the person, property pointing onwards)
    "Occupancy": ("holder", "post"),
    "Membership": ("member", "organization"),
    "Employment": ("employee", "employer"),
    "Directorship": ("director", "organization"),
}
HOLDS = frozenset(person for person, _onward in _LINKS.values())  # a link's properties naming its person
ONWARD = frozenset(onward for _person, onward in _LINKS.values())  # ... and what it ties them to
_COMPANIES = frozenset({"Company", "Organization", "LegalEntity"})
Ref = tuple[str, str, str]  # (src, prop, dst): src refers to dst through prop


def cite(entity: RegistryEntity) -> str:
    """The source of one entity: its URL when known, else ``source#record`` or its id."""
    p = entity.provenance
    if p is not None and p.url:
        return p.url
    urls = entity.properties.get("sourceUrl")  # read in place: asked for every step of every tie
    if urls:
        return urls[0]
    return f"{p.source}#{p.record}" if p is not None else entity.id


class GraphReader(Protocol):
    """What the walk reads: a :class:`~tiescreen.store.registry.RegistryStore`, or a
    :class:`~tiescreen.ties.prefetch.Prefetched` read of one."""

    def entities(self, ids: Iterable[str], *, cited: bool = False) -> dict[str, RegistryEntity]: ...

    def referring(self, ids: Iterable[str], props: Collection[str] | None = None) -> list[tuple[str, str, str]]: ...


BODY_CACHE = 100_000  # positions and organisations kept between calls (many people share them)


class TieWalker:
    """Finds the ties of registry people, reading the graph from a store.

    Positions and organisations are shared by many people, so the walker keeps up to
    :data:`BODY_CACHE` of them between calls; make a new walker when the store changes.
    """

    def __init__(self, store: GraphReader) -> None:
        self.store = store
        self._bodies: dict[str, RegistryEntity] = {}

    def ties(
        self,
        person_ids: Iterable[str],
        relatives: bool = True,
        known: Mapping[str, RegistryEntity] | None = None,
    ) -> dict[str, list[Tie]]:
        """Ties of each person, own ties first, then ties through relatives.

        ``known`` may hold person entities already read (they are not read again).
        """
        ids = list(dict.fromkeys(person_ids))
        known = known or {}
        people = {i: known[i] for i in ids if i in known}
        people.update(self.store.entities((i for i in ids if i not in people), cited=True))
        # One read of the references and links serves the own ties and the relatives.
        refs = self.store.referring(ids)
        links = self.store.entities({src for src, _, _ in refs}, cited=True)
        own = self._own_ties(people, ([r for r in refs if r[2] in people], links))
        if relatives:
            for person_id, ties in self._relative_ties(refs, links).items():
                own.setdefault(person_id, []).extend(ties)
        return own

    def _own_ties(
        self, people: dict[str, RegistryEntity], read: tuple[list[Ref], dict[str, RegistryEntity]] | None = None
    ) -> dict[str, list[Tie]]:
        result: dict[str, list[Tie]] = {pid: _statement_ties(p) for pid, p in people.items()}
        if read is None:  # only references through HOLDS make ties below: the others' links are not read
            refs = self.store.referring(people, HOLDS)
            links = self.store.entities({src for src, _, _ in refs}, cited=True)
        else:
            refs, links = read
        onward = self._shared(
            {t for link in links.values() if link.schema in _LINKS for t in link.get(_LINKS[link.schema][1])}
        )
        orgs = self._shared({o for e in onward.values() if e.schema == "Position" for o in e.get("organization")})
        owners = self._state_owners([e for e in (*onward.values(), *orgs.values()) if e.schema in _COMPANIES])
        for src, prop, dst in refs:
            link = links.get(src)
            if link is None or link.schema not in _LINKS or _LINKS[link.schema][0] != prop:
                continue
            for target_id in link.get(_LINKS[link.schema][1]):
                target = onward.get(target_id)
                if target is None:
                    continue
                tie = _link_tie(people[dst], link, target, orgs, owners)
                if tie is not None:
                    result.setdefault(dst, []).append(tie)
        return result

    def _shared(self, ids: set[str]) -> dict[str, RegistryEntity]:
        """Positions and bodies by id, through the walker's cache."""
        found = {i: self._bodies[i] for i in ids if i in self._bodies}
        fresh = self.store.entities(ids - found.keys(), cited=True)
        if len(self._bodies) + len(fresh) > BODY_CACHE:
            self._bodies.clear()
        self._bodies.update(fresh)
        return found | fresh

    def _state_owners(
        self, companies: list[RegistryEntity]
    ) -> dict[str, tuple[RegistryEntity, RegistryEntity, BodyClass]]:
        """Companies the data says a state body owns: company id -> (Ownership, owner, class)."""
        unclassified = {
            c.id for c in companies if classify_body(c.first("name") or c.caption, c.get("topics")).kind is None
        }
        refs = self.store.referring(unclassified, ("asset",))
        links = self.store.entities({src for src, _, _ in refs}, cited=True)
        owner_ids = {o for link in links.values() if link.schema == "Ownership" for o in link.get("owner")}
        owner_entities = self.store.entities(owner_ids, cited=True)
        found: dict[str, tuple[RegistryEntity, RegistryEntity, BodyClass]] = {}
        for src, _prop, dst in refs:
            link = links.get(src)
            if link is None or link.schema != "Ownership":
                continue
            for owner_id in link.get("owner"):
                owner = owner_entities.get(owner_id)
                if owner is None:
                    continue
                cls = classify_body(owner.first("name") or owner.caption, owner.get("topics"))
                if cls.kind in STATE_KINDS:
                    found.setdefault(dst, (link, owner, cls))
        return found

    def _relative_ties(self, refs: list[Ref], all_links: dict[str, RegistryEntity]) -> dict[str, list[Tie]]:
        links = {k: v for k, v in all_links.items() if v.schema == "Family"}
        pairs: list[tuple[str, str, RegistryEntity]] = []
        for src, _prop, dst in refs:
            link = links.get(src)
            if link is None:
                continue
            pairs.extend((dst, other, link) for other in link.get("person") + link.get("relative") if other != dst)
        if not pairs:
            return {}
        relatives = self.store.entities({o for _, o, _ in pairs}, cited=True)
        their = self._own_ties(relatives)
        out: dict[str, list[Tie]] = {}
        for person_id, other_id, link in pairs:
            relative = relatives.get(other_id)
            if relative is None:
                continue
            for tie in their.get(other_id, []):
                if tie.kind in (TieKind.RELATIVE, TieKind.CLAIMED):
                    continue
                out.setdefault(person_id, []).append(relative_tie(person_id, link, relative, tie, cite(link)))
        return out


def _link_tie(
    person: RegistryEntity,
    link: RegistryEntity,
    target: RegistryEntity,
    orgs: dict[str, RegistryEntity],
    owners: dict[str, tuple[RegistryEntity, RegistryEntity, BodyClass]],
) -> Tie | None:
    role = link.first("role")
    path = [person.id, link.id, target.id]
    body_entity: RegistryEntity | None = target
    if target.schema == "Position":
        role = target.first("name") or target.caption
        org_id = target.first("organization")
        body_entity = orgs.get(org_id) if org_id else None
        if body_entity is not None:
            path.append(body_entity.id)
    body_name = (body_entity.first("name") or body_entity.caption) if body_entity is not None else None
    # topics read in place (classify_body takes any sequence): a copy per tie costs
    cls = BodyClass(None) if body_entity is None else classify_body(body_name, body_entity.properties.get("topics", ()))
    if cls.kind is None and target.schema == "Position":
        cls = classify_body(role, target.properties.get("topics", ()))
    cited = [person, link, target, *([body_entity] if body_entity is not None else [])]
    extra_step = ""
    if cls.kind is None and body_entity is not None and body_entity.id in owners:
        ownership, owner, _owner_cls = owners[body_entity.id]
        cls = BodyClass("state_company", None, f"owned by {owner.caption}")
        path += [ownership.id, owner.id]
        cited += [ownership, owner]
        extra_step = f"owned by {owner.caption}"
    end = link.first("endDate")
    current = is_current(end, link.get("status"))
    kind = link_kind(link.schema, cls, role, [*link.get("summary"), *link.get("description")], current)
    if kind is None:
        return None
    steps = [person.caption, role or link.caption, body_name or "", extra_step]
    return Tie(
        kind,
        role,
        body_name,
        current,
        tuple(path),
        tuple(dict.fromkeys(map(cite, cited))),
        link.first("startDate") or link.first("date"),
        end,
        body_kind=cls.kind,
        ruling_party=cls.ruling_party if cls.kind == "party" else None,
        steps=tuple(filter(None, dict.fromkeys(steps))),  # no empty steps
    )


def _statement_ties(person: RegistryEntity) -> list[Tie]:
    """Offices and parties stated on the person record itself (``position``, ``political``)."""
    ties: list[Tie] = []
    props = person.properties  # read in place: asked for every person walked, most state nothing
    positions, political = props.get("position", ()), props.get("political", ())
    if not positions and not political:
        return ties
    topics = person.get("topics")
    statements = [(p, classify_body(p)) for p in positions]
    statements += [(p, classify_body(p, ("pol.party",))) for p in political]
    for text, cls in statements:
        if cls.kind is None and "role.pep" not in topics:
            continue
        read = statement_tie(text, cls)
        ties.append(
            Tie(
                read.kind,
                text,
                None,
                read.current,
                (person.id,),
                (cite(person),),
                read.start,
                read.end,
                body_kind=cls.kind,
                ruling_party=cls.ruling_party if cls.kind == "party" else None,
                steps=(person.caption, text),
                evidence=f"stated on the registry record: {text}",
            )
        )
    return ties
