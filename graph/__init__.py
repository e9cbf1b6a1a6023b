"""amurkg — a multilingual knowledge graph of China–Russia regional cooperation.

The package reads as the data flows: ``corpus`` (documents, catalog, claims: what goes in) →
``text`` (normalization, sentences, linking: language rules) → ``extract`` (what the text states) →
``build`` (the pipeline that assembles, validates and writes the graph) → ``store`` (SPARQL over
the built graph) → ``views``, ``exports`` and ``analysis`` (what people look at).

For notebooks, five verbs::

    import amurkg
    result = amurkg.build(".")                          # documents → graph; writes exports/amurkg.ttl
    graph = amurkg.open_graph(".")                      # the built graph as an rdflib Graph
    rows = amurkg.query("parks-of-city", city="harbin") # a named query (or SPARQL text) → rows
    frame = amurkg.query("parks-of-city", city="harbin", dataframe=True)   # … as a pandas DataFrame
    network = amurkg.to_networkx(graph)                 # entities and stated relations in networkx
    html = amurkg.viz(graph, focus="harbin", depth=1, out="harbin.html")  # the `amurkg viz` page

Everything else is importable from its module (``amurkg.store.querying``, ``amurkg.analysis.network``…).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

    from amurkg.layout import Layout
    from amurkg.pipeline.build import BuildResult

__all__ = ["build", "open_graph", "query", "to_networkx", "viz"]


def _layout(root: str | Path | None) -> Layout:
    from amurkg.layout import find_layout

    return find_layout(Path(root) if root is not None else None)


def build(root: str | Path | None = None, *, validate: bool = True, jobs: int = 1, write: bool = True) -> BuildResult:
    """Build the graph of the project at `root` (default: the current project) and, unless
    `write=False`, write ``exports/amurkg.ttl``. Raises ``amurkg.errors.InputError`` on bad input and
    ``amurkg.pipeline.build.ValidationFailed`` when the graph violates the SHACL shapes."""
    from amurkg.pipeline.build import build as run_build
    from amurkg.pipeline.build import build_lock, write_build
    from amurkg.pipeline.fingerprint import input_fingerprint

    layout = _layout(root)
    if not write:
        return run_build(layout, validate=validate, jobs=jobs)
    with build_lock(layout):  # one writing build at a time (InputError if another one runs)
        fingerprint = input_fingerprint(layout)
        result = run_build(layout, validate=validate, jobs=jobs)
        write_build(result, layout, fingerprint, validated=validate)
    return result


def open_graph(root: str | Path | None = None) -> Graph:
    """The built graph (``exports/amurkg.ttl``) as an rdflib Graph with the project's prefixes."""
    from amurkg.store.loading import load_built_graph

    return load_built_graph(_layout(root))


def query(
    text_or_name: str,
    root: str | Path | None = None,
    *,
    lang: str = "en",
    store: str = "embedded",
    dataframe: bool = False,
    **params: str,
) -> Any:
    """Run a named query (``"parks-of-city"``) or SPARQL text on the built graph.

    Parameters of a named query are keyword arguments (``city="哈尔滨"`` — labels in any language,
    slugs or IRIs). SELECT gives a list of dicts of rdflib terms, or a pandas DataFrame of their
    string forms with ``dataframe=True`` (needs pandas); ASK a bool; CONSTRUCT/DESCRIBE a Graph.
    """
    from amurkg.store.named_queries import library
    from amurkg.store.querying import open_store, run_query

    queries = library()
    named = queries.get(text_or_name)
    text = named.text if named is not None else text_or_name
    answer = run_query(open_store(_layout(root), store), text, named=named, params=params, lang=lang)
    if answer.form == "ASK":
        return bool(answer.boolean)
    if answer.form != "SELECT":
        return answer.graph
    if dataframe:
        import pandas as pd

        return pd.DataFrame(
            [[None if t is None else str(t) for t in row] for row in answer.rows], columns=answer.variables
        )
    return answer.records()


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities (and the documents that state relations) as nodes, stated relations as edges with
    their evidence: the one networkx model that views, analytics and property-graph exports use."""
    from amurkg.analysis.network import build_network

    return build_network(graph)


def viz(
    graph_or_root: Graph | str | Path | None = None,
    *,
    focus: str | None = None,
    depth: int = 1,
    lang: str = "en",
    out: str | Path | None = None,
) -> str:
    """The interactive network page of `amurkg viz` (one offline HTML file) for a graph or a project
    (default: the current one's built graph), optionally the neighbourhood of `focus` (slug or any
    label, any language) within `depth` links. Returns the HTML; writes it to `out` when given.
    Raises ``amurkg.errors.InputError`` for an unknown focus."""
    from rdflib import Graph

    from amurkg.pipeline.serialize import write_atomically
    from amurkg.store.resolve import EntityIndex
    from amurkg.views.model import read_network
    from amurkg.views.page import Source, render_page
    from amurkg.views.select import Filters, select

    if isinstance(graph_or_root, Graph):
        graph, source = graph_or_root, Source("an rdflib Graph", "in memory", f"{len(graph_or_root)} triples")
    else:
        layout = _layout(graph_or_root)
        graph = open_graph(layout.root)
        source = Source.of(layout.turtle, layout.shown(layout.turtle))
    slug = EntityIndex.slug(EntityIndex(graph).resolve(focus)) if focus else ""
    filters = Filters(focus=slug, depth=depth)
    page = render_page(select(read_network(graph), filters), filters, lang, source)
    if out is not None:
        write_atomically(Path(out), page.encode("utf-8"))
    return page
