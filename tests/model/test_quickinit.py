"""The quicker __init__ of frozen slotted dataclasses: the dataclass's own, only cheaper."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field

import pytest

from tiescreen.index.candidates import PositionSet, WordHits
from tiescreen.index.plan import QueryWord
from tiescreen.match.align import NameComparison
from tiescreen.match.scorer import PairScore
from tiescreen.model import Evidence, Match, Provenance, RegistryEntity, Tie
from tiescreen.model.quickinit import quick_init
from tiescreen.normalize.names import NameToken, ParsedName


def _made() -> type:
    """A fresh frozen slotted dataclass: a plain field, a default, a factory, a field left out of comparisons."""

    @dataclass(frozen=True, slots=True)
    class Made:
        a: int
        b: str = "b"
        c: list[int] = field(default_factory=list)
        d: tuple[int, ...] = field(default=(), compare=False)

    return Made


Plain = _made()  # the dataclass's own __init__
Quick = quick_init(_made())  # the same class, given the quicker one


def _fields(obj: object) -> tuple[object, ...]:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, "x"), {}), ((1,), {"c": [2]}), ((), {"a": 3, "d": (4,), "b": "y"}), ((1, "x", [5], (6,)), {})],
)
def test_it_sets_what_the_dataclass_init_sets(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    assert _fields(Quick(*args, **kwargs)) == _fields(Plain(*args, **kwargs))  # type: ignore[arg-type]


def test_the_signature_and_the_errors_are_the_dataclass_ones() -> None:
    assert list(inspect.signature(Quick).parameters) == list(inspect.signature(Plain).parameters)
    assert inspect.signature(Quick).parameters["b"].default == "b"
    for bad in ((), (1, "x", [], (), 5)):
        with pytest.raises(TypeError):
            Quick(*bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Quick(1, e=2)  # type: ignore[call-arg]


def test_each_object_gets_its_own_default_from_the_factory_and_stays_frozen() -> None:
    one, two = Quick(1), Quick(1)
    assert one.c == [] and one.c is not two.c
    assert one == two and Quick(1, d=(1,)) == Quick(1, d=(2,))  # compare=False kept
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.a = 2  # type: ignore[misc]


def test_it_refuses_classes_it_cannot_serve() -> None:
    @dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclass(slots=True)
    class NotFrozen:
        a: int

    @dataclass(frozen=True, slots=True)
    class PostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True, kw_only=True)
    class KeywordsOnly:
        a: int

    for cls in (NoSlots, NotFrozen, PostInit, KeywordsOnly, int):
        with pytest.raises(TypeError):
            quick_init(cls)


@pytest.mark.parametrize(
    "cls",
    [
        WordHits,
        PositionSet,
        Evidence,
        Tie,
        Match,
        NameComparison,
        ParsedName,
        NameToken,
        RegistryEntity,
        PairScore,
        Provenance,
        QueryWord,
    ],
)
def test_the_classes_made_by_the_hundred_thousand_have_it(cls: type) -> None:
    assert cls.__init__.__code__.co_filename == "<string>" and "_set0" in cls.__init__.__code__.co_names


def test_objects_made_with_it_pickle_and_compare_as_before() -> None:
    evidence = Evidence("name", 0.9, "best name form", "Olesya Shigina", "Шигина Олеся")
    assert pickle.loads(pickle.dumps(evidence)) == evidence
    entity = RegistryEntity("e1", "Person", "Шигина Олеся", {"name": ("Шигина Олеся",)})
    assert pickle.loads(pickle.dumps(entity)) == entity and RegistryEntity("e2", "Person", "x").properties == {}
    assert RegistryEntity("e2", "Person", "x").properties is not RegistryEntity("e3", "Person", "y").properties
