"""A single self-contained HTML file a journalist can send to an editor.

Every value from the data goes through Jinja's autoescaping; links are only made from
http(s) URLs, so a registry cannot inject script or ``javascript:`` links. Graphs and charts
are inline SVG drawn here: the page runs no script, and its CSP forbids any.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

from tiescreen.normalize.translit import readable_latin
from tiescreen.report.charts import null_chart, share_chart
from tiescreen.report.graph import KIND_COLOUR, person_graph
from tiescreen.report.words import KIND_LABEL, claim_status, is_link, tie_sentence, verdict_label
from tiescreen.stats import count_confirmed, describe

if TYPE_CHECKING:
    from tiescreen.pipeline import ScreenResult


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("tiescreen", "report/templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["latin"] = lambda s: readable_latin(s) if s else ""
    env.globals.update(
        tie_sentence=tie_sentence,
        verdict_label=verdict_label,
        is_link=is_link,
        kind_label=KIND_LABEL,
        kind_colour=KIND_COLOUR,
        person_graph=person_graph,
        claim_status=claim_status,
    )
    return env


def render_html(result: ScreenResult) -> str:
    """Render the report: event summary with statistics, then one card per person."""
    template = _env().get_template("report.html.j2")
    summary = result.summary()
    peak = max(summary["by_kind"].values(), default=1)
    stats = result.statistics()
    _own, family = count_confirmed(result.people)
    return template.render(
        result=result,
        summary=summary,
        peak=peak,
        run=result.run,
        stats=stats,
        stats_words=describe(stats, relatives=family),
        null_chart=null_chart(stats),
        share_chart=share_chart(stats),
    )
