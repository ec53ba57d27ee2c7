"""A graph per person, drawn on the server as inline SVG (no script: the report's CSP allows none).

Columns: the screened person -> the matched registry record -> (the relative) -> the role
-> the body. Shared nodes merge (two ties to one party draw one party node). Edges take the
colour of the tie kind; ended ties and ties the tool does not stand behind are dashed. Every
label is escaped; long labels are cut and keep the full text in a ``<title>`` tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from tiescreen.model import PersonResult, Tie

__all__ = ["KIND_COLOUR", "person_graph"]

KIND_COLOUR = {
    "office": "#b3261e",
    "former_office": "#c26a63",
    "party": "#1f4fa3",
    "party_candidate": "#6f8fc9",
    "movement": "#7b3fa0",
    "state_employer": "#a05a00",
    "relative": "#3f7f7a",
    "claimed": "#6b7280",
}
_COL_X = (0, 210, 420, 630, 840)
_NODE_W, _NODE_H, _GAP, _PAD = 172, 40, 10, 6
_MAX_TIES = 14
_CHARS = 24


@dataclass(slots=True)
class _Node:
    col: int
    label: str
    sub: str
    colour: str
    row: int = 0


@dataclass(slots=True)
class _Layout:
    nodes: dict[tuple[int, str], _Node] = field(default_factory=dict)
    edges: list[tuple[tuple[int, str], tuple[int, str], str, bool]] = field(default_factory=list)

    def node(self, col: int, label: str, sub: str = "", colour: str = "#1d2430") -> tuple[int, str]:
        key = (col, label)
        if key not in self.nodes:
            row = sum(1 for c, _ in self.nodes if c == col)
            self.nodes[key] = _Node(col, label, sub, colour, row)
        return key

    def edge(self, a: tuple[int, str], b: tuple[int, str], colour: str, dashed: bool) -> None:
        if (a, b, colour, dashed) not in self.edges:
            self.edges.append((a, b, colour, dashed))


def _when(tie: Tie) -> str:
    if tie.start and tie.end:
        return f"{tie.start[:4]}–{tie.end[:4]}"
    if tie.start:
        return f"since {tie.start[:4]}" if tie.current is not False else f"from {tie.start[:4]}"
    return "ended" if tie.current is False else ""


def _add_tie(layout: _Layout, record: tuple[int, str], tie: Tie) -> None:
    kind = str(tie.kind)
    colour = KIND_COLOUR.get(kind, "#6b7280")
    dashed = tie.current is False or tie.confidence == "possible"
    source = record
    if tie.relative_name:
        relative = layout.node(2, tie.relative_name, tie.relationship or "relative", KIND_COLOUR["relative"])
        layout.edge(source, relative, colour, dashed)
        source = relative
    role_label = tie.role or kind.replace("_", " ")
    own_kind = f"their {tie.relative_kind}" if tie.relative_kind else kind
    sub = " · ".join(s for s in (own_kind.replace("_", " "), _when(tie)) if s)
    role = layout.node(3, f"{role_label}\x1f{tie.body or ''}", sub, colour)
    layout.nodes[role].label = role_label
    layout.edge(source, role, colour, dashed)
    if tie.body and tie.body != tie.role:
        body_sub = (tie.body_kind or "").replace("_", " ")
        if tie.ruling_party:
            body_sub = "ruling party"
        body = layout.node(4, tie.body, body_sub, colour)
        layout.edge(role, body, colour, dashed)


def _cut(text: str) -> str:
    return text if len(text) <= _CHARS else text[: _CHARS - 1] + "…"


def _xy(layout: _Layout, key: tuple[int, str], height: int) -> tuple[int, int]:
    node = layout.nodes[key]
    count = sum(1 for c, _ in layout.nodes if c == node.col)
    top = (height - count * (_NODE_H + _GAP) + _GAP) // 2
    used = sorted({c for c, _ in layout.nodes})  # no empty relative column: close the gap
    return _COL_X[used.index(node.col)], top + node.row * (_NODE_H + _GAP)


def _svg_node(layout: _Layout, key: tuple[int, str], height: int) -> str:
    node = layout.nodes[key]
    x, y = _xy(layout, key, height)
    full = f"{node.label} — {node.sub}" if node.sub else node.label
    return (
        f"<g><title>{escape(full)}</title>"
        f'<rect x="{x}" y="{y}" width="{_NODE_W}" height="{_NODE_H}" rx="6" fill="#fff" stroke="{node.colour}" '
        f'stroke-width="1.5"/>'
        f'<text x="{x + _PAD}" y="{y + 16}" font-size="11" fill="#1d2430">{escape(_cut(node.label))}</text>'
        f'<text x="{x + _PAD}" y="{y + 31}" font-size="10" fill="#5b6575">{escape(_cut(node.sub))}</text></g>'
    )


def _svg_edge(layout: _Layout, edge: tuple[tuple[int, str], tuple[int, str], str, bool], height: int) -> str:
    a, b, colour, dashed = edge
    ax, ay = _xy(layout, a, height)
    bx, by = _xy(layout, b, height)
    x1, y1, x2, y2 = ax + _NODE_W, ay + _NODE_H // 2, bx, by + _NODE_H // 2
    mid = (x1 + x2) // 2
    dash = ' stroke-dasharray="5 4"' if dashed else ""
    return (
        f'<path d="M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}" fill="none" stroke="{colour}" '
        f'stroke-width="1.6"{dash}/>'
    )


def person_graph(person: PersonResult) -> Markup:
    """The SVG graph of one person's ties, or empty markup when there are none."""
    layout = _Layout()
    me = layout.node(0, person.query.name, "screened", "#1d2430")
    drawn = 0
    for match in person.matches:
        if not match.ties or drawn >= _MAX_TIES:
            continue
        record = layout.node(1, match.caption, f"{match.confidence} · score {match.score:.2f}", "#1d2430")
        layout.edge(me, record, "#1d2430", match.confidence == "possible")
        for tie in match.ties[: _MAX_TIES - drawn]:
            _add_tie(layout, record, tie)
            drawn += 1
    for claim in person.claims[: max(0, _MAX_TIES - drawn)]:
        _add_tie(layout, me, claim)  # straight from the person: no registry record behind it
        drawn += 1
    if not drawn:
        return Markup("")
    rows = max(sum(1 for c, _ in layout.nodes if c == col) for col in range(5))
    height = rows * (_NODE_H + _GAP) + _GAP
    parts = [_svg_edge(layout, e, height) for e in layout.edges]
    parts += [_svg_node(layout, k, height) for k in layout.nodes]
    label = escape(f"Ties of {person.query.name}")
    width = _COL_X[len({c for c, _ in layout.nodes}) - 1] + _NODE_W + 2
    return Markup(
        f'<svg class="graph" width="{width}" viewBox="0 0 {width} {height}" role="img" aria-label="{label}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">' + "".join(parts) + "</svg>"
    )
