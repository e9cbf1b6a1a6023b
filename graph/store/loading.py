"""Reading the built graph back (for query, viz, export and analytics commands)."""

from __future__ import annotations

from rdflib import Graph

from amurkg.errors import InputError
from amurkg.layout import Layout
from amurkg.namespaces import bind_prefixes


def load_built_graph(layout: Layout) -> Graph:
    """The graph `amurkg build` wrote to exports/amurkg.ttl; a clear error if there is none."""
    path = layout.turtle
    if not path.is_file():
        raise InputError.one(layout.shown(path), "no built graph; run `amurkg build` first")
    graph = Graph()
    bind_prefixes(graph)
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # noqa: BLE001 - any parser failure is the same problem for the user
        raise InputError.one(layout.shown(path), f"cannot parse the built graph: {exc}") from None
    return graph
