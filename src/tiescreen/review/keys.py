"""What makes a decision reusable: the same query name and the same registry entity content."""

from __future__ import annotations

import hashlib
import json

from tiescreen.model import RegistryEntity
from tiescreen.normalize.text import clean_text


def query_key(name: str) -> str:
    """The name a decision is about, folded so that spacing, case and ё/е do not matter.

    >>> query_key("  ШИГИНА  Олёся ") == query_key("шигина олеся")
    True
    """
    text = clean_text(name).casefold().replace("ё", "е")
    return " ".join(text.split())


def entity_hash(entity: RegistryEntity) -> str:
    """A hash of what the registry says about an entity (schema and properties).

    A decision stops applying when this changes: the registry entry was edited.
    """
    props = {k: sorted(v) for k, v in sorted(entity.properties.items())}
    data = json.dumps({"schema": entity.schema, "properties": props}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
