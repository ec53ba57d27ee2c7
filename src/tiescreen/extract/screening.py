"""From an article to screening: the people it names become queries, its role statements claims.

A claim is a :class:`~tiescreen.model.Tie` of kind ``claimed`` whose evidence is the sentence
and whose source is the article; it stays "possible" and never makes anyone ``tied``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tiescreen.extract.model import Article, ExtractedPerson, RoleStatement
from tiescreen.model import PersonResult, Query, Tie, TieKind

__all__ = ["article_queries", "claims_for", "with_claims"]


def article_queries(article: Article) -> list[Query]:
    """One query per person the article names, credits left out, in the article's order.

    ``id`` is ``a1``, ``a2``...; ``role`` holds the roles the article states.
    """
    named = [p for p in article.people if not p.is_credit]
    return [
        Query(
            id=f"a{i}",
            name=person.name,
            role="; ".join(person.roles) or None,
            row=i,
            extra={"source": article.source, "mentions": "; ".join(person.mentions)},
        )
        for i, person in enumerate(named, start=1)
    ]


def claims_for(person: ExtractedPerson, article: Article) -> tuple[Tie, ...]:
    """The person's role statements as claimed ties with the sentence as evidence."""
    return tuple(_claim(s, article) for s in person.statements)


def _claim(statement: RoleStatement, article: Article) -> Tie:
    body = next((o.name for o in article.organizations if _names(statement.role, o.mentions)), None)
    return Tie(
        kind=TieKind.CLAIMED,
        role=statement.role,
        body=body,
        current=None,
        path=(),
        sources=(article.source,),
        confidence="possible",
        evidence=statement.sentence,
    )


def _names(role: str, mentions: Sequence[str]) -> bool:
    low = role.casefold()
    return any(m.casefold().removeprefix("the ") in low for m in mentions if m)


def with_claims(results: Sequence[PersonResult], article: Article) -> list[PersonResult]:
    """Attach each person's claims to their screening result (matched by query order)."""
    named = [p for p in article.people if not p.is_credit]
    out: list[PersonResult] = []
    for result in results:
        index = result.query.row - 1
        person = named[index] if 0 <= index < len(named) and named[index].name == result.query.name else None
        out.append(replace(result, claims=claims_for(person, article)) if person else result)
    return out
