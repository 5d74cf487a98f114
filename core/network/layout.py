"""Automatic left-to-right layout of a graph: columns by depth, rows by the
average row of each node's inputs, so wires mostly run straight. A deep
network wraps onto further bands like lines of text, so it stays readable
on a landscape screen instead of shrinking to a thin strip."""

from __future__ import annotations

from core.network.graph import Graph, _topological_order

COLUMN = 260.0
ROW = 130.0
BAND_GAP = 60.0


def auto_layout(graph: Graph, wrap: int = 4) -> dict[str, tuple[float, float]]:
    """New positions for every node; nodes in a cycle go to the last column."""
    order, cyclic = _topological_order(graph)
    depth: dict[str, int] = {}
    for node_id in order:
        parents = [e.src for e in graph.edges if e.dst == node_id]
        depth[node_id] = 1 + max((depth[p] for p in parents), default=-1)
    last = max(depth.values(), default=-1) + 1
    for node_id in cyclic:
        depth[node_id] = last
    columns: dict[int, list[str]] = {}
    for node_id in order + cyclic:
        columns.setdefault(depth[node_id], []).append(node_id)
    rows: dict[str, float] = {}
    for col in sorted(columns):
        members = columns[col]
        if col:
            members.sort(key=lambda n: _mean_parent_row(graph, n, rows))
        for i, node_id in enumerate(members):
            rows[node_id] = i - (len(members) - 1) / 2
    positions, band_top = {}, 0.0
    for band_start in range(0, len(columns), wrap):
        band = sorted(columns)[band_start : band_start + wrap]
        low = min(rows[n] for c in band for n in columns[c])
        high = max(rows[n] for c in band for n in columns[c])
        for c in band:
            for node_id in columns[c]:
                positions[node_id] = ((c - band_start) * COLUMN, band_top + (rows[node_id] - low) * ROW)
        band_top += (high - low + 1) * ROW + BAND_GAP
    return positions


def _mean_parent_row(graph: Graph, node_id: str, rows: dict[str, float]) -> float:
    parents = [rows[e.src] for e in graph.edges if e.dst == node_id and e.src in rows]
    return sum(parents) / len(parents) if parents else 0.0
