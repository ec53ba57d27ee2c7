"""What extraction produces: people, organisations and roles named by one article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article", "ExtractedOrg", "ExtractedPerson", "RoleStatement", "UnnamedRole"]


@dataclass(frozen=True, slots=True)
class RoleStatement:
    """A role the article gives someone, with the sentence that says so."""

    role: str
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "sentence": self.sentence}


# A role stated without a name ("a local official from the Siberian republic of Tuva").
UnnamedRole = RoleStatement


@dataclass(frozen=True, slots=True)
class ExtractedPerson:
    """One individual named by the article, every way the article spelled them.

    ``name`` is in the nominative, as the article spells it in full; ``mentions`` are the
    spellings as they stand in the text; ``is_credit`` is true when the article names the
    person only in a photo credit or byline, never as someone present.
    """

    name: str
    mentions: tuple[str, ...]
    statements: tuple[RoleStatement, ...] = ()
    is_credit: bool = False

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.role for s in self.statements))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mentions": list(self.mentions),
            "roles": list(self.roles),
            "is_credit": self.is_credit,
            "statements": [s.to_dict() for s in self.statements],
        }


@dataclass(frozen=True, slots=True)
class ExtractedOrg:
    """One organisation named by the article (party, ministry, media, NGO, Telegram channel)."""

    name: str
    mentions: tuple[str, ...]
    kind: str = "other"
    is_credit: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": list(self.mentions), "kind": self.kind, "is_credit": self.is_credit}


@dataclass(frozen=True, slots=True)
class Article:
    """An article read: its own text and what it names."""

    text: str
    lang: str
    people: tuple[ExtractedPerson, ...] = ()
    organizations: tuple[ExtractedOrg, ...] = ()
    unnamed_roles: tuple[RoleStatement, ...] = ()
    source: str = ""
    title: str | None = None
    credits: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "people": [p.to_dict() for p in self.people],
            "organizations": [o.to_dict() for o in self.organizations],
            "unnamed_roles": [u.to_dict() for u in self.unnamed_roles],
            "text": self.text,
            "lang": self.lang,
            "source": self.source,
            "title": self.title,
            "credits": list(self.credits),
        }
