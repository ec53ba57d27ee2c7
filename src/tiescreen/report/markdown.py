"""A Markdown report: summary, then one section per person with the evidence chain."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tiescreen.report.words import KIND_LABEL, is_link, match_sentence, tie_sentence, verdict_label

if TYPE_CHECKING:
    from tiescreen.pipeline import ScreenResult

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+|!~])")


def md(text: object) -> str:
    """Escape Markdown (and inline HTML) in data shown in the report."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def render_markdown(result: ScreenResult) -> str:
    s = result.summary()
    out = [f"# {md(result.run.title or 'tiescreen report')}", ""]
    out.append(
        f"Screened **{s['screened']}** people: **{s['tied']}** with a tie found, "
        f"{s['possible']} with a possible tie only, {s['no_tie_found']} with no tie found in the sources screened."
    )
    out.append("")
    if s["by_kind"]:
        out += ["| tie kind | people |", "|---|---|"]
        out += [f"| {KIND_LABEL.get(k, k)} | {n} |" for k, n in s["by_kind"].items()]
        out.append("")
    out.append("Sources: " + ", ".join(f"{md(src.name)} ({md(src.content_hash[:19])}…)" for src in result.run.sources))
    out.append("")
    for person in result.people:
        out.append(f"## {md(person.query.name)} — {verdict_label(person)}")
        out.append("")
        if not person.matches:
            out.append("No tie found in the sources screened.")
            out.append("")
            continue
        for match in person.matches:
            out.append(f"- **{md(match_sentence(match))}** — {md('; '.join(match.reasons))}")
            for e in match.explanation[1:]:
                out.append(f"  - {md(e.detail)}")
            for tie in match.ties:
                links = ", ".join(
                    f"<{s}>" if is_link(s) and not re.search(r"[\s<>]", s) else md(s) for s in tie.sources
                )
                out.append(
                    f"  - *{md(tie_sentence(tie))}* — path: {md(' → '.join(tie.steps or tie.path))}; sources: {links}"
                )
        out.append("")
    out.append(
        f"_tiescreen {md(result.run.tool_version)}, threshold {result.run.threshold}, {md(result.run.started_at)}_"
    )
    return "\n".join(out) + "\n"
