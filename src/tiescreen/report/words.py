"""Shared wording for human-readable reports (Markdown and HTML)."""

from __future__ import annotations

from tiescreen.model import Match, PersonResult, Tie
from tiescreen.ties.confidence import tie_confidence

KIND_LABEL = {
    "office": "office",
    "former_office": "former office",
    "party": "party",
    "party_candidate": "party candidate (not a member)",
    "movement": "movement / civic chamber",
    "state_employer": "state employer",
    "relative": "relative of an official",
    "claimed": "claimed in reporting",
}
VERDICT_LABEL = {
    "tied": "Tie found",
    "possible": "Possible tie (not confirmed)",
    "no_tie_found": "No tie found in the sources screened",
}


def tie_sentence(tie: Tie) -> str:
    """One sentence for a tie: kind, role, body, time."""
    parts = [KIND_LABEL.get(str(tie.kind), str(tie.kind)) + ":"]
    if tie.relationship:
        parts.append(tie.relationship + ";")
        if tie.relative_kind:
            parts.append(f"their {KIND_LABEL.get(tie.relative_kind, tie.relative_kind)}:")
    if tie.role:
        parts.append(tie.role)
    if tie.body and tie.body != tie.role:
        parts.append(f"at {tie.body}" if tie.role else tie.body)
    if tie.ruling_party:
        parts.append("(the ruling party)")
    elif tie.ruling_party is False and tie.body_kind == "party":
        parts.append("(not the ruling party)")
    when = []
    if tie.start:
        when.append(f"since {tie.start}" if tie.current else f"from {tie.start}")
    if tie.end:
        when.append(f"until {tie.end}")
    if tie.current is False and not tie.end:
        when.append("ended")
    if when:
        parts.append("(" + ", ".join(when) + ")")
    return " ".join(parts)


def match_sentence(match: Match) -> str:
    rel = (
        " — other-gender surname form: a different person, possibly a relative"
        if match.relation != "same_person"
        else ""
    )
    return f"{match.caption} (score {match.score:.2f}, {match.confidence}){rel}"


def verdict_label(person: PersonResult) -> str:
    """The verdict in words; an article's claims are named, as they are not registry ties."""
    label = VERDICT_LABEL[person.verdict]
    if person.claims and not person.tied:
        unbacked = any(claim_status(person, c).startswith("stated only") for c in person.claims)
        if unbacked:
            label = label.replace("in the sources screened", "in the registries screened")
            return f"{label}; a role is claimed in reporting"
    return label


def is_link(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def claim_status(person: PersonResult, claim: Tie) -> str:
    """Whether a registry record backs an article's claim, in words."""
    for match in person.matches:
        if tie_confidence(claim, match.confidence, match.ties) == "confirmed":
            return f"backed by the registry record {match.caption}"
    return "stated only in reporting: not a finding until a registry confirms it"
