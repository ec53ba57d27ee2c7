"""Scoring records: what the scorer reads of each registry person, held compactly in memory.

The store keeps, per person, the values of :data:`~tiescreen.model.entity.SCORING_PROPS`
(the name forms, the birth date, the places) as one line of text. The warm index holds all
of them as a single UTF-8 buffer with each person's place in it, so scoring a candidate
needs no database read: the full record is read from the store only for the pairs that are
kept. A million generated people take 232 MB here (``nbytes``, measured on the scale benchmark's store).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from tiescreen.model import RegistryEntity
from tiescreen.model.entity import SCORING_PROPS

__all__ = ["FIELD", "VALUE", "ScoringRecords", "birth_dates", "parse_record"]

FIELD = "\x1f"  # between properties
VALUE = "\x1e"  # between the values of one property
_BIRTH_DATE = SCORING_PROPS.index("birthDate")


def parse_record(no: int, text: str) -> RegistryEntity:
    """A person entity carrying only the scored properties (its id is ``#<no>``), blank values dropped."""
    fields = text.split(FIELD, len(SCORING_PROPS))
    props: dict[str, tuple[str, ...]] = {}
    for prop, field in zip(SCORING_PROPS, fields, strict=False):
        if not field:
            continue  # most fields are empty, and most others hold one value: no call for either
        if VALUE not in field:
            if not field.isspace():
                props[prop] = (field,)
        elif values := _values(field):
            props[prop] = values
    caption = fields[-1] if len(fields) > len(SCORING_PROPS) else ""
    return RegistryEntity(f"#{no}", "Person", caption or (props["name"][0] if "name" in props else ""), props)


def birth_dates(text: str) -> tuple[str, ...]:
    """The ``birthDate`` values of a record, as :func:`parse_record` gives them, without parsing the rest."""
    fields = text.split(FIELD, _BIRTH_DATE + 1)
    return _values(fields[_BIRTH_DATE]) if len(fields) > _BIRTH_DATE else ()


def _values(field: str) -> tuple[str, ...]:
    """A property's non-blank values."""
    if VALUE not in field:  # most properties hold one value: no split, no generator
        return (field,) if field and not field.isspace() else ()
    return tuple(v for v in field.split(VALUE) if v.strip())


class ScoringRecords:
    """Scoring records of people by number: one byte buffer and where each person's record lies in it."""

    def __init__(self, starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64], data: bytes | memoryview) -> None:
        self.starts = starts
        self.ends = ends
        self.data = data

    @classmethod
    def build(cls, batches: Iterable[Sequence[tuple[Any, ...]]], size: int) -> ScoringRecords:
        """From ``(no, record)`` rows, for numbers below ``size``."""
        nos: list[int] = []
        parts: list[bytes] = []
        for rows in batches:
            for no, text in rows:
                nos.append(int(no))
                parts.append((text or "").encode("utf-8"))
        lengths = np.array([len(p) for p in parts], dtype=np.int64)
        return cls.from_parts(np.array(nos, dtype=np.int64), lengths, b"".join(parts), size)

    @classmethod
    def from_parts(
        cls, nos: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64], data: bytes, size: int | None = None
    ) -> ScoringRecords:
        """From person numbers (in any order), their records' UTF-8 lengths and the records joined in that order.

        Numbers below ``size`` (default: the highest plus one) that are absent have no record.
        """
        numbers = np.asarray(nos, dtype=np.int64)
        if size is None:
            size = int(numbers.max()) + 1 if len(numbers) else 0
        ends = np.cumsum(lengths, dtype=np.int64)
        starts_by_no = np.zeros(size, dtype=np.int64)
        ends_by_no = np.zeros(size, dtype=np.int64)
        starts_by_no[numbers] = ends - lengths
        ends_by_no[numbers] = ends
        return cls(starts_by_no, ends_by_no, data)

    def __len__(self) -> int:
        return int(np.count_nonzero(self.ends > self.starts))

    def nbytes(self) -> int:
        return len(self.data) + self.starts.nbytes + self.ends.nbytes

    def entity(self, no: int) -> RegistryEntity | None:
        """The scoring record of person ``no`` as an entity, or None when there is none."""
        text = self.text(no)
        return None if text is None else parse_record(no, text)

    def texts(self, numbers: npt.NDArray[np.int64]) -> list[str | None]:
        """:meth:`text` of many people at once (a query's candidates: two gathers, not two reads each)."""
        if len(numbers) and (int(numbers.min()) < 0 or int(numbers.max()) >= len(self.starts)):
            return [self.text(no) for no in numbers.tolist()]  # some number of no record: one at a time
        data = self.data
        return [
            str(data[start:end], "utf-8") if end > start else None
            for start, end in zip(self.starts[numbers].tolist(), self.ends[numbers].tolist(), strict=True)
        ]

    def text(self, no: int) -> str | None:
        """The scoring record of person ``no`` as stored (see :func:`parse_record`), or None when there is none."""
        if not 0 <= no < len(self.starts):
            return None
        start, end = int(self.starts[no]), int(self.ends[no])
        if start == end:
            return None
        return str(self.data[start:end], "utf-8")
