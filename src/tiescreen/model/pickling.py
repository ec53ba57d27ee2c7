"""Cheaper pickling for the frozen slotted dataclasses that cross processes by the thousand."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

__all__ = ["FieldsPickle"]


class FieldsPickle:
    """Base of a frozen slotted dataclass: pickled as its class and field values.

    Unpickling then rebuilds each object with one ``__init__`` call; the dataclass's own
    ``__getstate__``/``__setstate__`` look up its fields for every object (workers send
    their results to the main process as pickles: this saves about a third).
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type[Any], tuple[Any, ...]]:
        return type(self), _values(type(self))(self)


_GETTERS: dict[type[Any], Callable[[Any], tuple[Any, ...]]] = {}  # one per class


def _values(cls: type[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """The class's field values as a tuple (a slotted dataclass's slots are its fields, in order)."""
    if cls not in _GETTERS:
        fields = tuple(cls.__slots__)
        one: Callable[[Any], tuple[Any, ...]] = lambda obj: (getattr(obj, fields[0]),)  # noqa: E731
        # attrgetter of one name gives the value itself, not a one-element tuple
        _GETTERS[cls] = operator.attrgetter(*fields) if len(fields) > 1 else one
    return _GETTERS[cls]
