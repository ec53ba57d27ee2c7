"""A quicker ``__init__`` for the frozen slotted dataclasses made by the hundred thousand.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, found
anew for every field of every object: about a microsecond for an object of six fields, and
scoring and finishing 2,000 of the scale benchmark's queries make about 165,000 of them
(name tokens, comparisons, evidence, the entities read for the tie walk; counted in one
process). A slotted class's fields are member descriptors, whose own ``__set__`` stores the
value directly, at a third of the cost. :func:`quick_init` gives a class an ``__init__`` that
calls them, with the dataclass's parameters, defaults and default factories; the class stays
frozen (nothing but ``__init__`` writes its fields).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

__all__ = ["quick_init"]

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen slotted dataclass the quicker ``__init__`` (a class decorator, applied
    over ``@dataclass(frozen=True, slots=True)``).

    Raises:
        TypeError: the class is not a frozen slotted dataclass, or has what the quicker
            ``__init__`` does not do (``__post_init__``, init-only variables, keyword-only or
            non-init fields).
    """
    params = getattr(cls, "__dataclass_params__", None)
    slots = cls.__dict__.get("__slots__")
    if params is None or not params.frozen or slots is None:
        raise TypeError(f"{cls.__name__} is not a frozen slotted dataclass")
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]  # (a dataclass: checked above)
    if hasattr(cls, "__post_init__"):  # (init-only variables need one too)
        raise TypeError(f"{cls.__name__} has a __post_init__")
    if any(f.kw_only or not f.init for f in fields):
        raise TypeError(f"{cls.__name__} has keyword-only or non-init fields")
    names: dict[str, Any] = {"_FACTORY": _FACTORY}
    params_src: list[str] = []
    body: list[str] = []
    for i, f in enumerate(fields):
        names[f"_set{i}"] = getattr(cls, f.name).__set__  # the slot's member descriptor
        if f.default is not dataclasses.MISSING:
            names[f"_default{i}"] = f.default
            params_src.append(f"{f.name}=_default{i}")
        elif f.default_factory is not dataclasses.MISSING:
            names[f"_factory{i}"] = f.default_factory
            params_src.append(f"{f.name}=_FACTORY")
            body.append(f"    if {f.name} is _FACTORY:\n        {f.name} = _factory{i}()")
        else:
            params_src.append(f.name)
        body.append(f"    _set{i}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params_src)}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(source, names)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


class _Factory:
    """The default of a parameter whose field has a default factory (called when it is not given)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()
