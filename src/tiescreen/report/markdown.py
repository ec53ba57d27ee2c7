"""A Markdown report: summary, then one section per person with the evidence chain."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tiescreen.report.words import KIND_LABEL, claim_status, is_link, match_sentence, tie_sentence, verdict_label
from tiescreen.stats import count_confirmed, describe

if TYPE_CHECKING:
    from tiescreen.pipeline import ScreenResult

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+|!~])")


def md(text: object) -> str:
    """Escape Markdown (and inline HTML) in data shown in the report."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def _source(source: str) -> str:
    return f"<{source}>" if is_link(source) and not re.search(r"[\s<>]", source) else md(source)


def render_markdown(result: ScreenResult) -> str:
    s = result.summary()
    out = [f"# {md(result.run.title or 'tiescreen report')}", ""]
    out.append(
        f"Screened **{s['screened']}** people: **{s['tied']}** with a tie found, "
        f"{s['possible']} with a possible tie only, {s['no_tie_found']} with no tie found in the sources screened."
    )
    out.append("")
    stats = result.statistics()
    words = describe(stats, relatives=count_confirmed(result.people)[1])
    out += [f"**{md(words[0])}**", "", *(f"- {md(w)}" for w in words[1:]), ""]
    if s["by_kind"]:
        out += ["| tie kind | people |", "|---|---|"]
        out += [f"| {KIND_LABEL.get(k, k)} | {n} |" for k, n in s["by_kind"].items()]
        out.append("")
    out.append("Sources: " + ", ".join(f"{md(src.name)} ({md(src.content_hash[:19])}…)" for src in result.run.sources))
    out.append("")
    for person in result.people:
        out.append(f"## {md(person.query.name)} — {verdict_label(person)}")
        out.append("")
        claims = [
            f"- *{md(tie_sentence(c))}* — “{md(c.evidence or '')}” — {md(claim_status(person, c))}; sources: "
            + ", ".join(_source(s) for s in c.sources)
            for c in person.claims
        ]
        if not person.matches:
            out += [*claims, ""] if claims else ["No tie found in the sources screened.", ""]
            continue
        for match in person.matches:
            out.append(f"- **{md(match_sentence(match))}** — {md('; '.join(match.reasons))}")
            if match.conflicts:
                out.append(f"  - **conflicting, not confirmed:** {md('; '.join(match.conflicts))}")
            for e in match.explanation[1:]:
                out.append(f"  - {md(e.detail)}")
            for tie in match.ties:
                links = ", ".join(_source(s) for s in tie.sources)
                out.append(
                    f"  - *{md(tie_sentence(tie))}* — path: {md(' → '.join(tie.steps or tie.path))}; sources: {links}"
                )
        out += [*claims, ""]
    out.append(
        f"_tiescreen {md(result.run.tool_version)}, threshold {result.run.threshold}, {md(result.run.started_at)}_"
    )
    return "\n".join(out) + "\n"
