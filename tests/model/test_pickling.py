"""Results cross processes as pickles: they must come back whole."""

import pickle
from dataclasses import dataclass

from tiescreen.model import Evidence, Match, PersonResult, Provenance, Query, Tie, TieKind
from tiescreen.model.pickling import FieldsPickle


def _result() -> PersonResult:
    tie = Tie(
        TieKind.OFFICE, "Mayor", "City Hall", True, ("p1", "occ1", "pos1"), ("https://x/1",), "2019", steps=("A", "B")
    )
    match = Match(
        "p1",
        "Ivanov Ivan",
        "Person",
        0.91,
        (Evidence("name", 0.9, "same name", "a", "b", 0.5),),
        ties=(tie,),
        confidence="probable",
        names=("Ivanov Ivan",),
        provenance=(Provenance("registry", "p1", None, "sha256:1", "2026-01-01"),),
    )
    query = Query("7", "Ivan Ivanov", "1970-01-01", "Tver", row=7, extra={"note": "kept"})
    return PersonResult(query, (match,), claims=(tie,))


def test_round_trip_keeps_every_field() -> None:
    result = _result()
    back = pickle.loads(pickle.dumps(result))
    assert back == result
    assert back.to_dict() == result.to_dict()
    assert back.query.extra == {"note": "kept"}  # not compared by ==, kept all the same
    assert back.matches[0].provenance[0].loaded_at == "2026-01-01"


@dataclass(frozen=True, slots=True)
class _One(FieldsPickle):
    value: tuple[int, ...]


def test_a_class_of_one_field_round_trips() -> None:
    assert pickle.loads(pickle.dumps(_One((1, 2)))) == _One((1, 2))
