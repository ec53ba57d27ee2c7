"""Ties through family: the screened person is a parent, child or spouse of an official.

FtM's ``Family.relationship`` says what the ``relative`` is to the ``person``: with
person = the official and relative = the screened woman, "mother" means she is his mother.
When the screened person is the ``person`` side, the word is turned round ("mother" ->
"child"), so the report always says what the screened person is to the official.
"""

from __future__ import annotations

from tiescreen.model import RegistryEntity, Tie, TieKind

__all__ = ["relationship_words", "relative_tie"]

_INVERSE = {
    "mother": "child",
    "father": "child",
    "parent": "child",
    "son": "parent",
    "daughter": "parent",
    "child": "parent",
    "wife": "spouse",
    "husband": "spouse",
    "spouse": "spouse",
    "brother": "sibling",
    "sister": "sibling",
    "sibling": "sibling",
    "мать": "ребёнок",
    "отец": "ребёнок",
    "сын": "родитель",
    "дочь": "родитель",
    "жена": "супруг(а)",
    "муж": "супруг(а)",
    "супруга": "супруг(а)",
    "супруг": "супруг(а)",
}


def relationship_words(link: RegistryEntity, screened_id: str, official: RegistryEntity) -> str:
    """What the screened person is to the official, in words.

    >>> fam = RegistryEntity("f", "Family", "", {"person": ("s",), "relative": ("m",), "relationship": ("mother",)})
    >>> son = RegistryEntity("s", "Person", "Uvarov D.")
    >>> relationship_words(fam, "m", son)
    'mother of Uvarov D.'
    >>> relationship_words(fam, "s", RegistryEntity("m", "Person", "Uvarova G."))
    'child of Uvarova G. (who is their mother)'
    """
    word = (link.first("relationship") or "relative").strip()
    if screened_id in link.get("relative"):
        return f"{word} of {official.caption}"
    inverse = _INVERSE.get(word.lower())
    if inverse:
        return f"{inverse} of {official.caption} (who is their {word})"
    return f"relative of {official.caption} (who is their {word})"


def relative_tie(screened_id: str, link: RegistryEntity, official: RegistryEntity, tie: Tie, link_source: str) -> Tie:
    """The screened person's tie through ``official``'s own ``tie``."""
    relationship = relationship_words(link, screened_id, official)
    return Tie(
        TieKind.RELATIVE,
        tie.role,
        tie.body,
        tie.current,
        (screened_id, link.id, *tie.path),
        (link_source, *tie.sources),
        tie.start,
        tie.end,
        relative_name=official.caption,
        relationship=relationship,
        body_kind=tie.body_kind,
        ruling_party=tie.ruling_party,
        steps=(relationship, *tie.steps),
        relative_kind=str(tie.kind),
        evidence=tie.evidence,
    )
