"""A single self-contained HTML file a journalist can send to an editor.

Every value from the data goes through Jinja's autoescaping; links are only made from
http(s) URLs, so a registry cannot inject script or ``javascript:`` links.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape

from tiescreen.normalize.translit import readable_latin
from tiescreen.report.words import KIND_LABEL, is_link, tie_sentence, verdict_label

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
    env.globals.update(tie_sentence=tie_sentence, verdict_label=verdict_label, is_link=is_link, kind_label=KIND_LABEL)
    return env


def render_html(result: ScreenResult) -> str:
    template = _env().get_template("report.html.j2")
    summary = result.summary()
    peak = max(summary["by_kind"].values(), default=1)
    return template.render(result=result, summary=summary, peak=peak, run=result.run)
