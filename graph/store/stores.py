"""Where queries run: the built graph embedded with rdflib (cached), a persistent Oxigraph store, or a
remote SPARQL 1.1 endpoint. Each store answers prepared query text with an `Answer`."""

from __future__ import annotations

import gc
import hashlib
import pickle
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Protocol, cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import ResultRow
from rdflib.term import Identifier, Node

from amurkg.errors import InputError
from amurkg.layout import Layout
from amurkg.namespaces import AK, bind_prefixes
from amurkg.store import SHARDS_MARKER, SOURCE_MARKER
from amurkg.store.answers import Answer, plain
from amurkg.store.limits import (  # noqa: F401 - re-exported: the stores' bounds live in limits
    DEFAULT_MEMORY_MB,
    DEFAULT_TIMEOUT,
    Cancelled,
    QueryFailed,
    collect,
    within,
)
from amurkg.store.loading import load_built_graph

CACHE_VERSION = "1"


@cache
def label_graph_query() -> str:
    """CONSTRUCT the types and labels of the entities (the catalog's classes are imported only when a
    name has to be resolved, not on every query)."""
    from amurkg.corpus.catalog import CORE_CLASSES

    return """
CONSTRUCT { ?e a ?c ; <http://www.w3.org/2000/01/rdf-schema#label> ?l ;
                     <http://www.w3.org/2004/02/skos/core#altLabel> ?a }
WHERE { VALUES ?c { %s }
        ?e a ?c .
        OPTIONAL { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }
        OPTIONAL { ?e <http://www.w3.org/2004/02/skos/core#altLabel> ?a } }
""" % " ".join(f"<{AK[c]}>" for c in CORE_CLASSES + ("Document",))


class Store(Protocol):
    description: str

    def run(self, text: str, form: str, bindings: Mapping[str, Identifier] | None = None) -> Answer: ...

    def label_graph(self) -> Graph:
        """Types and labels of the entities, for resolving names to IRIs."""
        ...


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class RdflibStore:
    """The built graph in memory (rdflib)."""

    def __init__(self, graph: Graph, description: str = "embedded"):
        self.graph = graph
        self.description = description

    def run(self, text: str, form: str, bindings: Mapping[str, Identifier] | None = None) -> Answer:
        from amurkg.store.sparql import with_values

        result = self.graph.query(with_values(text, bindings or {}))
        if form == "ASK":
            return Answer("ASK", boolean=bool(result.askAnswer))
        if form in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            for triple in collect(result.graph or ()):
                graph.add(triple)
            return Answer(form, graph=graph)
        names = [str(v) for v in result.vars or ()]
        rows = [tuple(plain(cast(ResultRow, row)[i]) for i in range(len(names))) for row in collect(result)]
        return Answer("SELECT", names, rows)

    def label_graph(self) -> Graph:
        return self.graph


def cached_graph(layout: Layout) -> Graph:
    """The built graph, from a pickle under .cache/ keyed by the Turtle file's SHA-256 (parsed and
    cached on first use; a stale or unreadable cache is ignored)."""
    turtle = layout.turtle
    if not turtle.is_file():
        return load_built_graph(layout)
    key = source_hash(turtle)[:20]
    if _LOADED.get(turtle.resolve(), (None,))[0] == key:
        return _LOADED[turtle.resolve()][1]
    graph = _cached_graph(layout, key)
    _LOADED[turtle.resolve()] = (key, graph)
    return graph


_LOADED: dict[Path, tuple[str, Graph]] = {}


def _cached_graph(layout: Layout, key: str) -> Graph:
    folder = layout.cache / "query"
    cache = folder / f"graph-{CACHE_VERSION}-{key}.pickle"
    if cache.is_file():
        gc.disable()
        try:
            with cache.open("rb") as handle:
                graph = pickle.load(handle)
            if isinstance(graph, Graph):
                return graph
        except Exception:  # noqa: BLE001 - a broken cache is rebuilt
            pass
        finally:
            gc.enable()
    graph = load_built_graph(layout)
    from amurkg.pipeline.serialize import write_atomically

    try:
        write_atomically(cache, pickle.dumps(graph, protocol=pickle.HIGHEST_PROTOCOL))
        for old in folder.glob("graph-*.pickle"):
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return graph


def _from_oxigraph(term) -> URIRef | Literal | BNode | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return plain(Literal(term.value, datatype=URIRef(term.datatype.value)))
    return Literal(str(term))


class OxigraphStore:
    """A persistent pyoxigraph store. It mirrors exports/amurkg.ttl: loaded when empty and reloaded
    when the Turtle changes (a marker file in the store folder keeps the Turtle's hash). A store
    filled by other means (no marker) is queried as it is."""

    MARKER = SOURCE_MARKER
    SHARDS = SHARDS_MARKER  # present when the build loaded its shards (one named graph each)

    def __init__(self, path: Path, layout: Layout, progress: Callable[[str], None] = lambda _: None):
        import pyoxigraph as ox

        self.path = path
        self.description = f"oxigraph:{layout.shown(path)}"
        try:
            path.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(path))
        except OSError as exc:
            raise InputError.one(layout.shown(path), f"cannot open the Oxigraph store: {exc}") from None
        self._sync(layout, progress)
        # loaded from the shards: the default graph of a query is the union of the named graphs
        # (the shards are disjoint, so the union is the built graph, without duplicates)
        self.union = (path / self.SHARDS).is_file()

    def _sync(self, layout: Layout, progress: Callable[[str], None]) -> None:
        import pyoxigraph as ox

        marker = self.path / self.MARKER
        recorded = marker.read_text().split() if marker.is_file() else []  # hash, then size and mtime
        known = recorded[0] if recorded else None
        empty = next(iter(self.store.quads_for_pattern(None, None, None)), None) is None
        if not layout.turtle.is_file():
            if empty:
                load_built_graph(layout)  # raises the clear "run amurkg build first" error
            return
        if known is None and not empty:
            return
        stat = layout.turtle.stat()
        stamp = [str(stat.st_size), str(stat.st_mtime_ns)]
        if recorded[1:] == stamp and not empty:
            return  # the Turtle is untouched since it was loaded: not even read (a large export takes seconds to hash)
        current = source_hash(layout.turtle)
        from amurkg.pipeline.serialize import write_atomically

        if known == current and not empty:
            write_atomically(marker, f"{current}\n{' '.join(stamp)}\n".encode())  # touched, same bytes
            return
        progress(f"loading {layout.shown(layout.turtle)} into {self.description}")
        (self.path / self.SHARDS).unlink(missing_ok=True)
        self.store.clear()
        try:
            self.store.bulk_load(path=str(layout.turtle), format=ox.RdfFormat.TURTLE)
        except (SyntaxError, ValueError) as exc:
            self.store.clear()  # a half-loaded store would answer wrongly: leave it empty (reloaded next time)
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError.one(layout.shown(layout.turtle), f"cannot parse the built graph: {first}") from None
        self.store.flush()
        write_atomically(marker, f"{current}\n{' '.join(stamp)}\n".encode())

    def run(self, text: str, form: str, bindings: Mapping[str, Identifier] | None = None) -> Answer:
        from amurkg.store.sparql import with_values

        prepared = with_values(text, bindings or {})
        result: Any = self.store.query(prepared, use_default_graph_as_union=self.union)  # solutions, boolean or triples
        if form == "ASK":
            return Answer("ASK", boolean=bool(result))
        if form in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            for triple in collect(cast(Iterable, result)):
                s, p, o = (_from_oxigraph(t) for t in (triple.subject, triple.predicate, triple.object))
                graph.add((cast(Node, s), cast(Node, p), cast(Node, o)))
            return Answer(form, graph=graph)
        names = [v.value for v in result.variables]
        rows = [tuple(_from_oxigraph(solution[name]) for name in names) for solution in collect(cast(Iterable, result))]
        return Answer("SELECT", names, rows)

    def label_graph(self) -> Graph:
        answer = self.run(label_graph_query(), "CONSTRUCT")
        bind_prefixes(answer.graph)
        return answer.graph


def load_shards(path: Path, shards: list[tuple[str, Path]], source_sha256: str) -> int:
    """Bring the persistent Oxigraph store at `path` to the build's shards, one named graph each:
    a graph whose shard changed is replaced, a graph no longer built is dropped, the others stay.
    Returns how many graphs were loaded. Raises OSError when the store cannot be opened (another
    process holds it): it is then reloaded from the Turtle file when next queried."""
    import json

    import pyoxigraph as ox

    path.mkdir(parents=True, exist_ok=True)
    store = ox.Store(str(path))
    marker = path / SHARDS_MARKER
    try:
        known = json.loads(marker.read_text(encoding="utf-8")) if marker.is_file() else None
    except (OSError, ValueError):
        known = None
    marker.unlink(missing_ok=True)  # a load that fails half-way is redone from scratch
    (path / OxigraphStore.MARKER).unlink(missing_ok=True)
    if not isinstance(known, dict):
        store.clear()
        known = {}
    wanted = {graph: file.name for graph, file in shards}
    for graph in sorted(set(known) - set(wanted)):
        store.remove_graph(ox.NamedNode(graph))
    loaded = 0
    for graph, file in shards:
        if known.get(graph) == file.name:
            continue
        if graph in known:
            store.clear_graph(ox.NamedNode(graph))
        store.bulk_load(path=str(file), format=ox.RdfFormat.N_QUADS)
        loaded += 1
    store.flush()
    del store
    from amurkg.pipeline.serialize import write_atomically

    write_atomically(marker, json.dumps(wanted, indent=1, sort_keys=True).encode())
    write_atomically(path / OxigraphStore.MARKER, (source_sha256 + "\n").encode())
    return loaded
