"""Small inline SVG charts for the event summary (server-rendered: the report runs no script).

- :func:`null_chart`: how many people with ties a random group of the same size would have
  (the binomial distribution under the base rate), with the observed count marked.
- :func:`share_chart`: the observed share with its Clopper-Pearson interval against the
  base rate, on one 0-100 % axis.
"""

from __future__ import annotations

from markupsafe import Markup

from tiescreen.stats.event import EventStats

__all__ = ["null_chart", "share_chart"]

_W, _H, _LEFT, _BOTTOM, _TOP = 460, 170, 20, 28, 22
_TIED, _NULL, _INK, _MUTED = "#b3261e", "#8a94a6", "#1d2430", "#5b6575"


def null_chart(s: EventStats) -> Markup:
    """Bars of P(X = x) for x = 0..n under the base rate; the observed k in red."""
    n = s.n
    if n == 0:
        return Markup("")
    plot_w, plot_h = _W - _LEFT - 8, _H - _BOTTOM - _TOP
    step = plot_w / (n + 1)
    peak = max(s.distribution) or 1.0
    parts = [
        f'<line x1="{_LEFT}" y1="{_TOP + plot_h}" x2="{_W - 8}" y2="{_TOP + plot_h}" stroke="{_MUTED}"/>',
    ]
    for x, prob in enumerate(s.distribution):
        h = plot_h * prob / peak
        left = _LEFT + x * step + step * 0.15
        parts.append(
            f'<rect x="{left:.1f}" y="{_TOP + plot_h - h:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}" '
            f'fill="{_NULL}"><title>{x} of {n}: probability {prob:.2g}</title></rect>'
        )
        if n <= 20 or x % 5 == 0 or x == s.k:
            parts.append(
                f'<text x="{left + step * 0.35:.1f}" y="{_TOP + plot_h + 13}" font-size="10" text-anchor="middle" '
                f'fill="{_MUTED}">{x}</text>'
            )
    mark = _LEFT + s.k * step + step * 0.5
    parts.append(
        f'<line x1="{mark:.1f}" y1="{_TOP - 4}" x2="{mark:.1f}" y2="{_TOP + plot_h}" stroke="{_TIED}" '
        'stroke-width="2"/>'
        f'<text x="{min(mark, _W - 70):.1f}" y="{_TOP - 8}" font-size="11" fill="{_TIED}" text-anchor="middle">'
        f"here: {s.k}</text>"
        f'<text x="{_W / 2:.0f}" y="{_H - 2}" font-size="10" fill="{_MUTED}" text-anchor="middle">'
        f"people with confirmed ties: in a random group of {n} (grey), at this event (red)</text>"
    )
    return _svg(parts, "How many people with ties a random group would have, and how many this event had")


def share_chart(s: EventStats) -> Markup:
    """The observed share and its interval against the base rate, on a 0-100 % axis."""
    width, left, right, y = _W, 16, _W - 20, 34

    def at(share: float) -> float:
        return left + (right - left) * share

    base = at(s.config.base_rate)
    parts = [
        f'<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="{_MUTED}"/>',
        *(
            f'<text x="{at(t / 100):.1f}" y="{y + 16}" font-size="10" fill="{_MUTED}" text-anchor="middle">{t} %</text>'
            for t in (0, 25, 50, 75, 100)
        ),
        f'<line x1="{base:.1f}" y1="{y - 10}" x2="{base:.1f}" y2="{y + 4}" stroke="{_NULL}" stroke-width="3"/>',
        f'<text x="{base:.1f}" y="{y + 30}" font-size="10" fill="{_MUTED}" text-anchor="middle">'
        f"base rate {s.config.base_rate:.0%}</text>",
        f'<line x1="{at(s.share_low):.1f}" y1="{y - 4}" x2="{at(s.share_high):.1f}" y2="{y - 4}" stroke="{_TIED}" '
        'stroke-width="6" opacity=".35"/>',
        f'<circle cx="{at(s.share):.1f}" cy="{y - 4}" r="5" fill="{_TIED}"><title>observed {s.share:.0%}, '
        f"interval {s.share_low:.0%}–{s.share_high:.0%}</title></circle>",
        f'<text x="{at(s.share):.1f}" y="{y - 14}" font-size="11" fill="{_TIED}" text-anchor="middle">'
        f"observed {s.share:.0%}</text>",
    ]
    return _svg(parts, "Observed share with ties and its interval, against the base rate", width, 70)


def _svg(parts: list[str], label: str, width: int = _W, height: int = _H) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{label}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">' + "".join(parts) + "</svg>"
    )
