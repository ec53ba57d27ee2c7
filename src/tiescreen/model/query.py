"""A person to screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tiescreen.model.pickling import FieldsPickle
from tiescreen.model.quickinit import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class Query(FieldsPickle):
    """One screened person as given: the name plus any attributes the list had.

    ``id`` is the input's ``id`` column, or the 1-based row number as a string.
    """

    id: str
    name: str
    birth_date: str | None = None
    region: str | None = None
    role: str | None = None
    row: int = 0
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "name": self.name}
        for key in ("birth_date", "region", "role"):
            value = getattr(self, key)
            if value:
                data[key] = value
        return data
