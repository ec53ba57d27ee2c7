"""A registry entity inside the pipeline (FtM stays at the edges, in ``ingest/``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tiescreen.model.provenance import Provenance
from tiescreen.model.quickinit import quick_init

# FtM schemata that carry a person's or organisation's name and can be screened or tied to.
PERSON_SCHEMATA = frozenset({"Person"})
PARTY_SCHEMATA = frozenset({"Organization", "PublicBody", "Company", "LegalEntity"})
# Every property the scorer reads from a person: the name forms (see ``names()``), the
# birth date and where they live or work. The warm index keeps exactly these per person
# (a "scoring record"), so candidates are scored without reading the store.
NAME_FORM_PROPS = ("name", "alias", "previousName", "weakAlias", "firstName", "fatherName", "middleName", "lastName")
REGION_PROPS = ("address", "country", "subnationalArea", "region", "jurisdiction", "notes", "birthPlace")
SCORING_PROPS = (*NAME_FORM_PROPS, "birthDate", *REGION_PROPS)


@quick_init
@dataclass(frozen=True, slots=True)
class RegistryEntity:
    """One registry record: FtM schema name, id, caption and properties, with provenance."""

    id: str
    schema: str
    caption: str
    properties: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    provenance: Provenance | None = None

    def get(self, prop: str) -> tuple[str, ...]:
        return tuple(self.properties.get(prop, ()))

    def first(self, prop: str) -> str | None:
        values = self.properties.get(prop)
        return values[0] if values else None

    def names(self) -> list[str]:
        """All name forms: names, aliases, and first/father/last name combinations."""
        props = self.properties  # read in place: asked for every candidate scored
        seen: dict[str, None] = {}
        for prop in ("name", "alias", "previousName", "weakAlias"):
            for value in props.get(prop, ()):
                seen.setdefault(value, None)
        firsts = props.get("firstName") or ("",)
        fathers = props.get("fatherName") or props.get("middleName") or ("",)
        for last in props.get("lastName", ()):
            for first in firsts[:4]:
                for father in fathers[:2]:
                    parts = [p for p in (last, first, father) if p]
                    if len(parts) > 1:
                        seen.setdefault(" ".join(parts), None)
        if not seen and self.caption:
            seen[self.caption] = None
        return list(seen)

    def to_ftm(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "schema": self.schema,
            "properties": {k: list(v) for k, v in self.properties.items()},
        }
