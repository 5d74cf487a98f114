"""Time shape inference on a 100-node graph: Input → 49 × (Linear, ReLU) → Output.

Run from the repository root: `python bench/shape_inference.py`. Prints the best
of several timings; the last line is `ms=<milliseconds>`.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.network.graph import Graph, infer  # noqa: E402

REPEATS, LOOPS = 7, 20


def hundred_node_graph() -> Graph:
    g = Graph()
    prev = g.add_node("Input", "inp", {"shape": (8,)}).id
    for i in range(98):
        kind, params = ("Linear", {"out_features": 8}) if i % 2 == 0 else ("ReLU", {})
        node = g.add_node(kind, f"n{i}", params).id
        g.add_edge(prev, node)
        prev = node
    g.add_edge(prev, g.add_node("Output", "out", {"loss": "mse"}).id)
    return g


def main() -> None:
    g = hundred_node_graph()
    result = infer(g)
    assert len(g.nodes) == 100 and result.ok, result.problems
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(LOOPS):
            infer(g)
        best = min(best, (time.perf_counter() - start) / LOOPS)
    print(f"infer on {len(g.nodes)} nodes, {len(g.edges)} wires: best of {REPEATS}×{LOOPS} runs")
    print(f"ms={best * 1000:.3f}")


if __name__ == "__main__":
    main()
