"""Where every record came from."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any

from tiescreen.model.pickling import FieldsPickle
from tiescreen.model.quickinit import quick_init


def stable_id(*parts: object) -> str:
    """A deterministic short id from its parts, so re-runs reproduce the same ids.

    >>> stable_id("mayors", 3) == stable_id("mayors", 3)
    True
    """
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One loaded registry file (or URL): its name, location and content hash."""

    name: str
    path: str
    url: str | None
    content_hash: str
    loaded_at: str
    records: int = 0
    skipped: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@quick_init
@dataclass(frozen=True, slots=True)
class Provenance(FieldsPickle):
    """The source of one registry record: source name, record id or row, URL, hash, time."""

    source: str
    record: str
    url: str | None = None
    content_hash: str | None = None
    loaded_at: str | None = None

    def cite(self) -> str:
        """A short human citation: ``source_url`` when known, else ``source#record``."""
        return self.url or f"{self.source}#{self.record}"

    def to_dict(self, loaded_at: bool = True) -> dict[str, Any]:
        """The fields by name (without the load time when ``loaded_at`` is False)."""
        data: dict[str, Any] = {
            "source": self.source,
            "record": self.record,
            "url": self.url,
            "content_hash": self.content_hash,
        }
        if loaded_at:
            data["loaded_at"] = self.loaded_at
        return data
