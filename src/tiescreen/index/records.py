"""Scoring records: what the scorer reads of each registry person, held compactly in memory.

The store keeps, per person, the values of :data:`~tiescreen.model.entity.SCORING_PROPS`
(the name forms, the birth date, the places) as one line of text. The warm index holds all
of them as a single UTF-8 buffer with offsets by person number, so scoring a candidate
needs no database read: the full record is read from the store only for the pairs that are
kept. A million generated people took 204 MB here (measured by the scale benchmark).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from tiescreen.model import RegistryEntity
from tiescreen.model.entity import SCORING_PROPS

__all__ = ["FIELD", "VALUE", "ScoringRecords", "parse_record"]

FIELD = "\x1f"  # between properties
VALUE = "\x1e"  # between the values of one property


def parse_record(no: int, text: str) -> RegistryEntity:
    """A person entity carrying only the scored properties (its id is ``#<no>``)."""
    fields = text.split(FIELD, len(SCORING_PROPS))
    props = {
        prop: values
        for prop, field in zip(SCORING_PROPS, fields, strict=False)
        if field and (values := tuple(v for v in field.split(VALUE) if v.strip()))
    }
    caption = fields[-1] if len(fields) > len(SCORING_PROPS) else ""
    return RegistryEntity(f"#{no}", "Person", caption or next(iter(props.get("name", ())), ""), props)


class ScoringRecords:
    """Scoring records of people by number: one byte buffer and its offsets."""

    def __init__(self, offsets: npt.NDArray[np.int64], data: bytes) -> None:
        self.offsets = offsets
        self.data = data

    @classmethod
    def build(cls, batches: Iterable[Sequence[tuple[Any, ...]]], size: int) -> ScoringRecords:
        """From ``(no, record)`` rows in ascending ``no`` order, for numbers below ``size``."""
        lengths = np.zeros(size + 1, dtype=np.int64)
        parts: list[bytes] = []
        for rows in batches:
            for no, text in rows:
                raw = (text or "").encode("utf-8")
                lengths[int(no) + 1] = len(raw)
                parts.append(raw)
        return cls(np.cumsum(lengths), b"".join(parts))

    def __len__(self) -> int:
        return int(np.count_nonzero(np.diff(self.offsets)))

    def nbytes(self) -> int:
        return len(self.data) + self.offsets.nbytes

    def entity(self, no: int) -> RegistryEntity | None:
        """The scoring record of person ``no`` as an entity, or None when there is none."""
        if not 0 <= no < len(self.offsets) - 1:
            return None
        start, end = int(self.offsets[no]), int(self.offsets[no + 1])
        if start == end:
            return None
        return parse_record(no, self.data[start:end].decode("utf-8"))
