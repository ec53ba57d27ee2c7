"""Read FollowTheMoney entities (JSON lines, as OpenSanctions and Aleph publish them).

The ``followthemoney`` library checks every schema and property; entities become
:class:`~tiescreen.model.RegistryEntity` here and FtM is not seen again inside the pipeline.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from followthemoney import model, registry

from tiescreen.ingest.reading import Problems, TextFile, nul_problem
from tiescreen.model import Provenance, RegistryEntity

__all__ = ["LINK_SCHEMATA", "edge_props", "parse_ftm"]

# Schemata whose entity references the tie walk follows: (source property, target property).
LINK_SCHEMATA = {
    "Occupancy": ("holder", "post"),
    "Membership": ("member", "organization"),
    "Employment": ("employee", "employer"),
    "Directorship": ("director", "organization"),
    "Ownership": ("owner", "asset"),
    "Family": ("person", "relative"),
    "Associate": ("person", "associate"),
    "Representation": ("agent", "client"),
    "UnknownLink": ("subject", "object"),
}
MAX_NAME = 1000  # characters; longer "names" are data errors (and slow to index)
# Other references that must resolve for a tie to make sense.
REQUIRED_REFS = {"Position": ("organization",)}


def edge_props(schema: str) -> tuple[str, ...]:
    return LINK_SCHEMATA.get(schema, ()) + REQUIRED_REFS.get(schema, ())


def parse_ftm(
    text: TextFile,
    problems: Problems,
    source: str,
    url: str | None,
    loaded_at: str,
    known: Callable[[str], bool] = lambda _id: False,
) -> list[RegistryEntity]:
    """Parse FtM JSON lines (or a JSON array of entities) into registry entities.

    Unknown schemata, invalid JSON, missing ids and references to entities that are neither
    in the file nor already known (``known``) are recorded in ``problems``, located by line.
    """
    entities: list[RegistryEntity] = []
    lines: dict[str, int] = {}
    for number, raw in _records(text, problems):
        entity = _entity(raw, number, problems, source, url, text.content_hash, loaded_at)
        if entity is None:
            continue
        if entity.id in lines:
            entities.append(entity)  # merged with the earlier record by the store
            continue
        lines[entity.id] = number
        entities.append(entity)
    return _drop_dangling(entities, lines, problems, known)


def _records(text: TextFile, problems: Problems) -> Iterable[tuple[int, Any]]:
    stripped = text.text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            problems.add(f"line {exc.lineno}", f"invalid JSON: {exc.msg}")
            return
        except (ValueError, RecursionError) as exc:
            problems.add("line 1", f"invalid JSON: {exc}")
            return
        yield from ((i, item) for i, item in enumerate(data, start=1))
        return
    for number, line in text.lines():
        if not line.strip():
            continue
        nul = nul_problem(line)
        if nul:
            problems.add(f"line {number}", nul)
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            problems.add(f"line {number}", f"invalid JSON: {exc.msg} at column {exc.colno}")
        except ValueError as exc:  # a number too long to convert
            problems.add(f"line {number}", f"invalid JSON: {exc}")
        except RecursionError:
            problems.add(f"line {number}", "JSON nested too deeply")


def _entity(
    raw: Any, number: int, problems: Problems, source: str, url: str | None, digest: str, loaded_at: str
) -> RegistryEntity | None:
    where = f"line {number}"
    if not isinstance(raw, dict):
        problems.add(where, "is not a JSON object (an FtM entity)")
        return None
    entity_id, schema_name = raw.get("id"), raw.get("schema")
    if not entity_id or not isinstance(entity_id, str):
        problems.add(where, "entity has no 'id'")
        return None
    schema = model.get(schema_name) if isinstance(schema_name, str) else None
    if schema is None:
        problems.add(
            where,
            f"entity {entity_id!r} has unknown schema {schema_name!r}",
            "use a FollowTheMoney schema such as Person, Occupancy, Position",
        )
        return None
    props = raw.get("properties") or {}
    if not isinstance(props, dict):
        problems.add(where, f"entity {entity_id!r}: 'properties' is not an object")
        return None
    clean: dict[str, tuple[str, ...]] = {}
    for name, values in props.items():
        prop = schema.get(name)
        if prop is None:
            continue  # FtM evolves; a property this version does not know is left out
        values = values if isinstance(values, list) else [values]
        kept = tuple(str(v) for v in values if isinstance(v, str | int | float) and str(v).strip())
        if prop.type == registry.name and any(len(v) > MAX_NAME for v in kept):
            problems.add(where, f"entity {entity_id!r}: a {name!r} is more than {MAX_NAME} characters long")
            return None
        if kept:
            clean[name] = kept
    caption = raw.get("caption") if isinstance(raw.get("caption"), str) else None
    source_url = (clean.get("sourceUrl") or (None,))[0] or url
    prov = Provenance(source, entity_id, source_url, digest, loaded_at)
    return RegistryEntity(entity_id, schema.name, caption or _caption(schema.name, clean), clean, prov)


def _caption(schema: str, props: dict[str, tuple[str, ...]]) -> str:
    for prop in ("name", "lastName", "title", "role", "relationship"):
        if props.get(prop):
            return props[prop][0]
    return schema


def _drop_dangling(
    entities: list[RegistryEntity], lines: dict[str, int], problems: Problems, known: Callable[[str], bool]
) -> list[RegistryEntity]:
    kept: list[RegistryEntity] = []
    for entity in entities:
        missing = [
            (prop, target)
            for prop in edge_props(entity.schema)
            for target in entity.get(prop)
            if target not in lines and not known(target)
        ]
        if missing:
            prop, target = missing[0]
            problems.add(
                f"line {lines.get(entity.id, 0)}",
                f"{entity.schema} {entity.id!r} refers in '{prop}' to {target!r}, which is not in the file",
                "load the registry that holds it first, or skip this row",
            )
            continue
        kept.append(entity)
    return kept
