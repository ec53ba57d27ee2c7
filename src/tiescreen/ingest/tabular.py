"""Registries in CSV or JSON lines, turned into FtM-shaped entities through a column mapping.

A mapping names the column (or a ``{column}`` template) for each field:

.. code-block:: yaml

    name: mayorLabel            # required
    id: mayor                   # stable record id (default: row number)
    position: "Mayor of {itemLabel}"
    body: "Administration of {itemLabel}"
    region: itemLabel
    party: party
    start: appointed
    end: left_office
    birth_date: birth_date
    url: mayor                  # source URL of the record

Each row becomes a Person, and when it has a position an Occupancy of a Position held at a
PublicBody, and when it has a party a Membership of an Organization, exactly as an FtM
registry would say it, so the tie walk does not care where the data came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from tiescreen.errors import ConfigError
from tiescreen.ingest.reading import Problems, TextFile
from tiescreen.ingest.rows import Row, read_rows
from tiescreen.model import Provenance, RegistryEntity, stable_id
from tiescreen.normalize.dates import parse_date
from tiescreen.normalize.text import clean_text

__all__ = ["ColumnMapping", "load_mapping", "parse_table"]

_TEMPLATE = re.compile(r"\{([^{}]+)\}")
MAX_NAME = 1000  # characters; longer "names" are data errors (and slow to index)


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which column (or ``{column}`` template) holds each field of a registry row."""

    name: str = "name"
    id: str | None = None
    position: str | None = None
    body: str | None = None
    region: str | None = None
    party: str | None = None
    start: str | None = None
    end: str | None = None
    birth_date: str | None = None
    url: str | None = None
    country: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "mapping") -> ColumnMapping:
        allowed = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise ConfigError(f"{where}: unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(allowed))}")
        bad = [k for k, v in data.items() if v is not None and not isinstance(v, str)]
        if bad:
            raise ConfigError(f"{where}: field(s) {', '.join(bad)} must be a column name or a template")
        return cls(**{k: v for k, v in data.items() if v})

    @classmethod
    def guess(cls, columns: list[str]) -> ColumnMapping:
        """Map columns whose names are the field names (``start_date`` and ``end_date`` too)."""
        lowered = {c.lower(): c for c in columns}
        found: dict[str, str] = {}
        for f in fields(cls):
            for alias in (f.name, f"{f.name}_date", f"{f.name}date"):
                if alias in lowered:
                    found[f.name] = lowered[alias]
                    break
        return cls(**found)

    def merged(self, other: dict[str, str | None]) -> ColumnMapping:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data.update({k: v for k, v in other.items() if v})
        return ColumnMapping(**data)

    def columns(self) -> set[str]:
        used: set[str] = set()
        for f in fields(self):
            spec = getattr(self, f.name)
            if spec:
                used.update(_TEMPLATE.findall(spec) if "{" in spec else [spec])
        return used


def load_mapping(path: Path | str) -> ColumnMapping:
    """Read a YAML mapping file. Raises ConfigError naming the file when it is wrong."""
    import yaml  # only a mapping file needs it: screening does not pay its import

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read mapping: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{p}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{p}: a mapping file is a YAML object of field: column")
    return ColumnMapping.from_dict(data, str(p))


def _value(spec: str | None, cells: dict[str, str]) -> str:
    if not spec:
        return ""
    if "{" in spec:
        return clean_text(_TEMPLATE.sub(lambda m: cells.get(m.group(1), ""), spec))
    return clean_text(cells.get(spec, ""))


def parse_table(
    text: TextFile,
    problems: Problems,
    source: str,
    url: str | None,
    loaded_at: str,
    mapping: ColumnMapping | None = None,
) -> list[RegistryEntity]:
    """Turn each row of a CSV/JSON-lines registry into Person, Position, Occupancy, body and party."""
    columns, rows = read_rows(text, problems)
    guessed = ColumnMapping.guess(columns)
    mapping = guessed.merged({f.name: getattr(mapping, f.name) for f in fields(ColumnMapping)}) if mapping else guessed
    missing = sorted(c for c in mapping.columns() if c not in columns)
    if rows and missing:
        raise ConfigError(
            f"{text.path}: mapping names column(s) {', '.join(map(repr, missing))} that the file does not have "
            f"(columns found: {', '.join(map(repr, columns[:15]))})"
        )
    out: list[RegistryEntity] = []
    for row in rows:
        out.extend(_row_entities(row, mapping, problems, source, url, text.content_hash, loaded_at))
    return out


def _dates(row: Row, mapping: ColumnMapping, problems: Problems) -> dict[str, str] | None:
    found: dict[str, str] = {}
    for field_name in ("start", "end", "birth_date"):
        raw = _value(getattr(mapping, field_name), row.cells)
        if not raw:
            continue
        try:
            found[field_name] = parse_date(raw)
        except ValueError as exc:
            problems.add(f"{row.where}, column {getattr(mapping, field_name)!r}", str(exc), "use YYYY-MM-DD")
            return None
    return found


def _row_entities(
    row: Row,
    mapping: ColumnMapping,
    problems: Problems,
    source: str,
    url: str | None,
    digest: str,
    loaded_at: str,
) -> list[RegistryEntity]:
    if len(row.cells.get(mapping.name, "")) > MAX_NAME:
        problems.add(f"{row.where}, column {mapping.name!r}", f"name is more than {MAX_NAME} characters long")
        return []
    name = _value(mapping.name, row.cells)
    if not any(ch.isalpha() for ch in name):
        problems.add(f"{row.where}, column {mapping.name!r}", "has no name")
        return []
    if len(name) > MAX_NAME:
        problems.add(
            f"{row.where}, column {mapping.name!r}", f"name is {len(name)} characters long, more than {MAX_NAME}"
        )
        return []
    dates = _dates(row, mapping, problems)
    if dates is None:
        return []
    record = _value(mapping.id, row.cells) or f"row-{row.number}"
    record_url = _value(mapping.url, row.cells) or url
    if record_url and not record_url.startswith(("http://", "https://")):
        record_url = url

    def make(schema: str, key: str, caption: str, props: dict[str, list[str]], shared: bool = False) -> RegistryEntity:
        # Bodies, positions and parties are shared by every row that names them.
        entity_id = f"{source}-{stable_id(source, key) if shared else stable_id(source, record, key)}"
        clean = {k: tuple(v for v in vals if v) for k, vals in props.items() if any(vals)}
        prov = Provenance(source, record if not key or shared else f"{record}/{key}", record_url, digest, loaded_at)
        return RegistryEntity(entity_id, schema, caption, clean, prov)

    region, country = _value(mapping.region, row.cells), _value(mapping.country, row.cells)
    person = make(
        "Person",
        "",
        name,
        {
            "name": [name],
            "birthDate": [dates.get("birth_date", "")],
            "country": [country],
            "address": [region],
            "sourceUrl": [record_url or ""],
        },
    )
    out = [person]
    position, body = _value(mapping.position, row.cells), _value(mapping.body, row.cells)
    if position or body:
        org = make("PublicBody", f"body:{body}", body, {"name": [body], "address": [region]}, True) if body else None
        post = make(
            "Position",
            f"position:{position or body}",
            position or body,
            {
                "name": [position or body],
                "organization": [org.id if org else ""],
                "subnationalArea": [region],
            },
            True,
        )
        occ = make(
            "Occupancy",
            f"occupancy:{position or body}",
            position or body,
            {
                "holder": [person.id],
                "post": [post.id],
                "startDate": [dates.get("start", "")],
                "endDate": [dates.get("end", "")],
            },
        )
        out.extend(e for e in (org, post, occ) if e is not None)
    party = _value(mapping.party, row.cells)
    if party:
        org = make("Organization", f"party:{party}", party, {"name": [party], "topics": ["pol.party"]}, True)
        out.append(org)
        out.append(make("Membership", f"membership:{party}", party, {"member": [person.id], "organization": [org.id]}))
    return out
