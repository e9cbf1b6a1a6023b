"""Answering a query: open the store the user chose, check and prepare the text, run it with a
time limit."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from amurkg.errors import InputError
from amurkg.layout import Layout
from amurkg.store.answers import Answer
from amurkg.store.named_queries import NamedQuery, bind
from amurkg.store.sparql import check, prologue_for, query_form, used_bindings, with_labels
from amurkg.store.stores import OxigraphStore, QueryFailed, RdflibStore, Store, cached_graph, within

LANGUAGES = ("en", "zh", "ja", "ru")


def open_store(
    layout: Layout,
    store: str = "embedded",
    endpoint: str | None = None,
    graph: str | None = None,
    timeout: float | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> Store:
    """`embedded` (default), `oxigraph` or `oxigraph:PATH`, or a remote endpoint URL."""
    if endpoint:
        from amurkg.store.remote import EndpointStore

        return EndpointStore(endpoint, graph, timeout)
    kind, _, path = store.partition(":")
    if kind in ("embedded", "rdflib") and not path:
        return RdflibStore(cached_graph(layout))
    if kind == "oxigraph":
        return OxigraphStore(Path(path) if path else layout.cache / "oxigraph", layout, progress)
    raise InputError.one("--store", f"{store!r} is not a store; use embedded, oxigraph or oxigraph:PATH")


def run_query(
    store: Store,
    text: str,
    *,
    named: NamedQuery | None = None,
    params: Mapping[str, str] | None = None,
    lang: str = "en",
    timeout: float | None = None,
    source: str = "query",
    max_memory_mb: float | None = None,
    allow_service: bool = False,
) -> Answer:
    """Check the query (read-only, syntax, no SERVICE unless `allow_service`), bind its parameters as
    RDF terms, add the label helpers and run it on the store, giving up after `timeout` seconds or
    when its answer takes more than `max_memory_mb` of memory."""
    if lang not in LANGUAGES:
        raise InputError.one("--lang", f"{lang!r} is not one of {', '.join(LANGUAGES)}")
    # A named query ships with amurkg and its tests parse it; only other text needs rdflib's SPARQL
    # parser (0.5 s with its import, most of a warm query's time on Oxigraph).
    form = query_form(text) if named is not None and text == named.text else check(text, source, allow_service).form
    terms = bind(
        named,
        params or {},
        store.label_graph,
        lambda iri: bool(store.run("ASK { ?e a ?class }", "ASK", {"e": iri}).boolean),
    )
    prepared = prologue_for(text) + with_labels(text, lang)
    bindings = used_bindings(prepared, terms, lang)

    def work() -> Answer:
        try:
            return store.run(prepared, form, bindings)
        except (QueryFailed, InputError):
            raise
        except Exception as exc:  # noqa: BLE001 - an engine's own failure, told in one line
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise QueryFailed(f"{store.description} could not answer: {message}") from None

    return within(timeout, work, max_memory_mb)
