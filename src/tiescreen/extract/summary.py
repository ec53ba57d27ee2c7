"""A readable summary of an extracted article (the default output of ``tiescreen extract``)."""

from __future__ import annotations

from tiescreen.extract.model import Article

__all__ = ["summary"]


def summary(article: Article) -> str:
    """Who the article names, in what role; credits, organisations and unnamed roles."""
    named = [p for p in article.people if not p.is_credit]
    credits = [p for p in article.people if p.is_credit]
    head = article.title or article.source
    lines = [f"{head} ({article.lang}, {len(article.text.split())} words)", ""]
    lines.append(f"People named ({len(named)}):")
    for person in named:
        roles = "; ".join(person.roles) or "no role stated"
        also = [m for m in person.mentions if m != person.name]
        lines.append(f"  {person.name}: {roles}" + (f"  (also: {', '.join(also)})" if also else ""))
    if credits:
        lines += ["", f"Photo credits and bylines, not present ({len(credits)}):"]
        lines += [f"  {p.name}" for p in credits]
    orgs = [o for o in article.organizations if not o.is_credit]
    if orgs:
        lines += ["", f"Organisations ({len(orgs)}):"]
        lines += [f"  {o.name} [{o.kind}]" for o in orgs]
    if article.unnamed_roles:
        lines += ["", f"Roles stated without a name ({len(article.unnamed_roles)}):"]
        lines += [f"  {u.role}" for u in article.unnamed_roles]
    return "\n".join(lines) + "\n"
