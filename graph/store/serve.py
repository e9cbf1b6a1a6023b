"""`amurkg serve`: a read-only SPARQL 1.1 endpoint over the built graph, with a query page.

One pure-Python `ThreadingHTTPServer` over an in-memory pyoxigraph store loaded from
exports/amurkg.ttl. Queries go through the same entry point as `amurkg query` (`run_query`: checked
with `sparql.check`, updates refused, project prefixes declared, label helper, time limit), so the
endpoint answers what the command line answers. At most `slots` queries run on the store at a time
(a query given up on at its time limit keeps its slot until the engine finishes it, so runaway
queries cannot pile up); an answer above `max_rows` rows (or triples) is refused, not cut.

Paths: `/sparql` (also `/query`) the SPARQL 1.1 Protocol (GET ?query=, POST form-encoded or
application/sparql-query; `lang=` sets the label language); `/` the query page (offline: no
script or style from elsewhere); `/viz`, `/map`, `/ontology` the pages `amurkg viz`, `amurkg map`
and `amurkg ontology` write, generated on first request and kept. Updates (`/update`, `update=`,
application/sparql-update, INSERT… in a query) are refused with 403.
"""

from __future__ import annotations

import html
import ipaddress
import json
import re
import socket
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from amurkg.errors import InputError
from amurkg.layout import Layout
from amurkg.namespaces import PREFIXES
from amurkg.store import DEFAULT_MAX_ROWS, DEFAULT_PORT, DEFAULT_TIMEOUT
from amurkg.store.answers import PLAIN_LOCAL, Answer, to_csv, to_json, to_tsv, to_turtle
from amurkg.store.loading import load_built_graph
from amurkg.store.named_queries import NamedQuery, bind, library
from amurkg.store.querying import LANGUAGES, run_query
from amurkg.store.sparql import prologue_for, with_values
from amurkg.store.stores import OxigraphStore, QueryFailed

PAGE_TEMPLATE = Path(__file__).resolve().parent / "serve_page.html"

MAX_BODY = 1_000_000  # bytes of a POSTed query
EXAMPLE_QUERY = """SELECT ?park ?park_label ?city ?city_label
WHERE {
  ?park a ak:Park ;
        ak:locatedIn ?city .
  ?city a ak:City .
}
ORDER BY ?city ?park
LIMIT 50
"""

RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"
CSV, TSV = "text/csv", "text/tab-separated-values"
TURTLE, NTRIPLES = "text/turtle", "application/n-triples"
#: What each query form can be written as, the default first; `format=` names accepted as overrides.
MEDIA_TYPES = {
    "SELECT": (RESULTS_JSON, RESULTS_XML, CSV, TSV, "application/json"),
    "ASK": (RESULTS_JSON, RESULTS_XML, "application/json"),
    "CONSTRUCT": (TURTLE, NTRIPLES, "application/x-turtle"),
}
FORMAT_NAMES = {
    "json": RESULTS_JSON,
    "xml": RESULTS_XML,
    "csv": CSV,
    "tsv": TSV,
    "turtle": TURTLE,
    "ttl": TURTLE,
    "nt": NTRIPLES,
    "ntriples": NTRIPLES,
}
PAGE_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'"
)


class ServedStore(OxigraphStore):
    """The built graph in an in-memory pyoxigraph store (nothing written to disk, so several servers
    and `amurkg query --store oxigraph` can run beside each other). Queries run through
    `OxigraphStore.run`, at most `slots` at a time."""

    def __init__(self, layout: Layout, slots: int = 2):
        import pyoxigraph as ox

        if not layout.turtle.is_file():
            load_built_graph(layout)  # raises the clear "run amurkg build first" error
        self.path = layout.turtle
        self.description = "the served graph"
        self.union = False  # the Turtle's triples are in the default graph
        self.store = ox.Store()
        try:
            self.store.bulk_load(path=str(layout.turtle), format=ox.RdfFormat.TURTLE)
        except (SyntaxError, ValueError, OSError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError.one(layout.shown(layout.turtle), f"cannot parse the built graph: {first}") from None
        self.triples = len(self.store)
        self._slots = threading.BoundedSemaphore(max(1, slots))

    def run(self, text: str, form: str, bindings: Any = None) -> Answer:
        with self._slots:
            return super().run(text, form, bindings)


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def text_reply(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode())


def negotiate(form: str, accept: str, override: str = "") -> str | None:
    """The media type to answer a query of this form with, from the `format=` override or the Accept
    header (q-values honoured, `*/*` and `type/*` understood); None when nothing offered is acceptable."""
    offered = MEDIA_TYPES["CONSTRUCT" if form in ("CONSTRUCT", "DESCRIBE") else form]
    if override:
        wanted = FORMAT_NAMES.get(override.strip().lower(), override.strip().lower())
        return wanted if wanted in offered else None
    ranges: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        if not media:
            continue
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((-quality, index, media.lower()))
    if not ranges:
        return offered[0]
    for negative_quality, _, media in sorted(ranges):
        if negative_quality >= 0:
            break
        if media == "*/*":
            return offered[0]
        if media.endswith("/*"):
            for candidate in offered:
                if candidate.startswith(media[:-1]):
                    return candidate
        elif media in offered:
            return media
    return None


def to_xml(answer: Answer) -> bytes:
    """W3C SPARQL Query Results XML Format (SELECT bindings or the ASK boolean)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if answer.form == "ASK":
        lines += ["  <head/>", f"  <boolean>{'true' if answer.boolean else 'false'}</boolean>", "</sparql>"]
        return ("\n".join(lines) + "\n").encode()
    lines.append("  <head>")
    lines += [f'    <variable name="{xml_escape(v)}"/>' for v in answer.variables]
    lines += ["  </head>", "  <results>"]
    for row in answer.rows:
        lines.append("    <result>")
        for name, term in zip(answer.variables, row):
            if term is not None:
                lines.append(f'      <binding name="{xml_escape(name)}">{_xml_term(term)}</binding>')
        lines.append("    </result>")
    lines += ["  </results>", "</sparql>"]
    return ("\n".join(lines) + "\n").encode()


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str) -> str:
    return xml_escape(_NOT_XML.sub("\ufffd", value), {'"': "&quot;"})


def _xml_term(term: Identifier) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{_xml_text(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{_xml_text(str(term))}</bnode>"
    assert isinstance(term, Literal)
    if term.language:
        return f'<literal xml:lang="{_xml_text(term.language)}">{_xml_text(str(term))}</literal>'
    if term.datatype and term.datatype != XSD.string:
        return f'<literal datatype="{_xml_text(str(term.datatype))}">{_xml_text(str(term))}</literal>'
    return f"<literal>{_xml_text(str(term))}</literal>"


def to_ntriples(answer: Answer) -> bytes:
    """A CONSTRUCT or DESCRIBE answer as N-Triples, lines sorted (the same answer, the same bytes)."""
    graph = Graph()
    for triple in answer.graph or ():
        graph.add(triple)
    lines = sorted(line for line in graph.serialize(format="nt", encoding="utf-8").decode().splitlines() if line)
    return ("\n".join(lines) + "\n").encode() if lines else b""


WRITERS: dict[str, Callable[[Answer], bytes]] = {
    RESULTS_JSON: to_json,
    "application/json": to_json,
    RESULTS_XML: to_xml,
    CSV: to_csv,
    TSV: to_tsv,
    TURTLE: to_turtle,
    "application/x-turtle": to_turtle,
    NTRIPLES: to_ntriples,
}


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Endpoint:
    """What the server serves: the store, the query page and the generated pages (kept once made)."""

    def __init__(
        self,
        layout: Layout,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_rows: int = DEFAULT_MAX_ROWS,
        slots: int = 2,
    ):
        self.layout = layout
        self.timeout = timeout
        self.max_rows = max_rows
        self.store = ServedStore(layout, slots)
        self._pages: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._graph: Graph | None = None

    # -- SPARQL ---------------------------------------------------------------------------------

    def answer(self, text: str, accept: str = "", override: str = "", lang: str = "en") -> Reply:
        """Run a query as `amurkg query` does and write the answer in the negotiated format."""
        try:
            answer = run_query(self.store, text, lang=lang, timeout=self.timeout, source="query")
        except InputError as exc:
            message = "; ".join(p.message for p in exc.problems)
            status = HTTPStatus.FORBIDDEN if " is an update;" in message else HTTPStatus.BAD_REQUEST
            if status == HTTPStatus.FORBIDDEN:
                message = message.replace("amurkg query is read-only", "this endpoint is read-only")
            return text_reply(status, message)
        except QueryFailed as exc:
            timed_out = "did not finish within" in str(exc)
            message = str(exc).replace(" (--timeout)", " (amurkg serve --timeout)")
            return text_reply(
                HTTPStatus.SERVICE_UNAVAILABLE if timed_out else HTTPStatus.INTERNAL_SERVER_ERROR, message
            )
        size = len(answer.rows) if answer.form == "SELECT" else len(answer.graph or ())
        if size > self.max_rows:
            unit = "rows" if answer.form == "SELECT" else "triples"
            return text_reply(
                HTTPStatus.BAD_REQUEST,
                f"the answer has {size:,} {unit}, more than this server gives ({self.max_rows:,}, "
                "amurkg serve --max-rows); add LIMIT (and OFFSET to page through it)",
            )
        media = negotiate(answer.form, accept, override)
        if media is None:
            offered = MEDIA_TYPES["CONSTRUCT" if answer.form in ("CONSTRUCT", "DESCRIBE") else answer.form]
            wanted = f"format={override}" if override else f"Accept: {accept}"
            return text_reply(
                HTTPStatus.NOT_ACCEPTABLE, f"a {answer.form} answer cannot be {wanted}; offered: {', '.join(offered)}"
            )
        return Reply(HTTPStatus.OK, f"{media}; charset=utf-8", WRITERS[media](answer), {"Vary": "Accept"})

    def named_queries(self) -> list[dict[str, str]]:
        """The query library for the page: each query with its parameters' defaults bound (VALUES
        blocks) and the prefixes it uses declared, ready to run or edit."""
        if "named" not in self._pages:
            entries = [self._named_entry(query) for query in library().values()]
            self._pages["named"] = json.dumps(entries, ensure_ascii=False).encode()
        return json.loads(self._pages["named"])

    def _named_entry(self, query: NamedQuery) -> dict[str, str]:
        exists = lambda iri: bool(self.store.run("ASK { ?e a ?class }", "ASK", {"e": iri}).boolean)  # noqa: E731
        try:
            terms = bind(query, {}, self.store.label_graph, exists)
            body = with_values(query.text, terms)
        except InputError:
            body = query.text  # a default that does not name anything here: the user fills it in
        parameters = ", ".join(f"{p.name} = {p.default}" for p in query.parameters if p.default)
        return {
            "name": query.name,
            "title": query.title,
            "description": query.description,
            "parameters": parameters,
            "text": prologue_for(body) + body,
        }

    # -- pages ----------------------------------------------------------------------------------

    def query_page(self, sparql_path: str = "/sparql") -> bytes:
        if "index" not in self._pages:
            example = prologue_for(EXAMPLE_QUERY) + EXAMPLE_QUERY
            data = {
                "endpoint": sparql_path,
                "prefixes": {p: str(ns) for p, ns in PREFIXES.items()},
                "local": PLAIN_LOCAL.pattern,
                "languages": list(LANGUAGES),
                "example": example,
                "queries": self.named_queries(),
            }
            page = PAGE_TEMPLATE.read_text(encoding="utf-8")
            page = page.replace("{{TRIPLES}}", f"{self.store.triples:,}")
            page = page.replace("{{SOURCE}}", html.escape(self.layout.shown(self.layout.turtle)))
            page = page.replace("{{EXAMPLE}}", html.escape(example))
            page = page.replace("{{DATA}}", _script_json(data))
            self._pages["index"] = page.encode("utf-8")
        return self._pages["index"]

    def generated_page(self, name: str, params: dict[str, str]) -> bytes:
        """/viz (network; `focus`, `depth`, `lang`), /map (`lang`) or /ontology, made once per choice."""
        lang = params.get("lang", "en")
        if lang not in LANGUAGES:
            raise InputError.one("lang", f"{lang!r} is not one of {', '.join(LANGUAGES)}")
        key = f"{name}?" + urllib.parse.urlencode(sorted(params.items()))
        with self._lock:
            if key not in self._pages:
                if len(self._pages) > 64:  # many distinct focus pages: keep memory bounded
                    self._pages = {k: v for k, v in self._pages.items() if not k.startswith("/viz?")}
                self._pages[key] = self._make_page(name, params, lang).encode("utf-8")
            return self._pages[key]

    def _built_graph(self) -> Graph:
        if self._graph is None:
            from amurkg.store.stores import cached_graph

            self._graph = cached_graph(self.layout)
        return self._graph

    def _make_page(self, name: str, params: dict[str, str], lang: str) -> str:
        if name == "/ontology":
            from amurkg.exports.ontology_doc import ontology_html
            from amurkg.pipeline.build import load_ontology

            return ontology_html(load_ontology(self.layout)[0])
        from amurkg.views.model import read_network
        from amurkg.views.page import Source

        graph = self._built_graph()
        source = Source.of(self.layout.turtle, self.layout.shown(self.layout.turtle))
        if name == "/map":
            from amurkg.views.geomap import render_map

            return render_map(
                read_network(graph), lang, f"Graph {source.name} built {source.built} (sha256 {source.digest})."
            )[0]
        from amurkg.store.resolve import EntityIndex
        from amurkg.views.page import render_page
        from amurkg.views.select import Filters, select

        focus = params.get("focus", "")
        try:
            depth = int(params.get("depth", "1"))
        except ValueError:
            raise InputError.one("depth", f"{params['depth']!r} is not a number") from None
        slug = EntityIndex.slug(EntityIndex(graph).resolve(focus)) if focus else ""
        filters = Filters(focus=slug, depth=depth)
        return render_page(select(read_network(graph), filters), filters, lang, source)


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class Handler(BaseHTTPRequestHandler):
    """One request: route it, reply, and log one line to the server's log function."""

    server: Server
    protocol_version = "HTTP/1.1"
    server_version = "amurkg-serve"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._handle("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._handle("OPTIONS")

    def do_PUT(self) -> None:  # noqa: N802
        self._handle("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._handle("DELETE")

    def do_PATCH(self) -> None:  # noqa: N802
        self._handle("PATCH")

    def _handle(self, method: str) -> None:
        try:
            reply = self._route(method)
        except InputError as exc:
            reply = text_reply(HTTPStatus.BAD_REQUEST, "; ".join(str(p) for p in exc.problems))
        except Exception as exc:  # noqa: BLE001 - a request must never kill the server
            reply = text_reply(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {type(exc).__name__}: {exc}")
        self._send(reply, head=method == "HEAD")

    def _route(self, method: str) -> Reply:
        if not self._host_allowed():
            return text_reply(HTTPStatus.MISDIRECTED_REQUEST, "this server answers only requests addressed to it")
        url = urllib.parse.urlsplit(self.path)
        path = url.path.rstrip("/") or "/"
        params = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        if method == "OPTIONS":
            return Reply(HTTPStatus.NO_CONTENT, "text/plain", b"", {"Allow": "GET, HEAD, POST, OPTIONS"})
        if path in ("/update", "/store", "/data") or method in ("PUT", "DELETE", "PATCH"):
            return self._refuse_update()
        if path in ("/sparql", "/query"):
            return self._sparql(method, params)
        if method == "POST":
            return text_reply(HTTPStatus.METHOD_NOT_ALLOWED, f"POST {path}: only /sparql takes POST")
        endpoint = self.server.endpoint
        if path == "/":
            return Reply(
                HTTPStatus.OK,
                "text/html; charset=utf-8",
                endpoint.query_page(),
                {"Content-Security-Policy": PAGE_POLICY},
            )
        if path in ("/viz", "/map", "/ontology"):
            return Reply(HTTPStatus.OK, "text/html; charset=utf-8", endpoint.generated_page(path, params))
        if path == "/favicon.ico":
            return Reply(HTTPStatus.NO_CONTENT, "image/x-icon", b"")
        return text_reply(HTTPStatus.NOT_FOUND, f"{path}: not here; the query page is at /, the endpoint at /sparql")

    def _refuse_update(self) -> Reply:
        reply = text_reply(
            HTTPStatus.FORBIDDEN,
            "this endpoint is read-only: SPARQL updates and graph-store writes are refused "
            "(rebuild with `amurkg build` to change the graph)",
        )
        reply.headers["Allow"] = "GET, HEAD, POST, OPTIONS"
        return reply

    def _sparql(self, method: str, params: dict[str, str]) -> Reply:
        if method == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self.close_connection = True
                return text_reply(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a query of {length:,} bytes is too long")
            body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/sparql-update":
                return self._refuse_update()
            if kind == "application/sparql-query":
                params = {**params, "query": body}
            elif kind == "application/x-www-form-urlencoded":
                params = {**params, **dict(urllib.parse.parse_qsl(body, keep_blank_values=True))}
            else:
                return text_reply(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    "POST a query as application/sparql-query or application/x-www-form-urlencoded (query=…)",
                )
        if "update" in params:
            return self._refuse_update()
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return text_reply(
                HTTPStatus.BAD_REQUEST, "this endpoint has one default graph; drop default-graph-uri/named-graph-uri"
            )
        text = params.get("query", "")
        if not text.strip():
            return text_reply(
                HTTPStatus.BAD_REQUEST, "no query: give ?query=… (SPARQL 1.1 Protocol); the query page is at /"
            )
        lang = params.get("lang") or "en"
        if lang not in LANGUAGES:
            return text_reply(HTTPStatus.BAD_REQUEST, f"lang={lang!r} is not one of {', '.join(LANGUAGES)}")
        return self.server.endpoint.answer(text, self.headers.get("Accept") or "", params.get("format", ""), lang)

    def _host_allowed(self) -> bool:
        """On a loopback address, only requests naming a loopback host (a page elsewhere that rebinds
        its own name to 127.0.0.1 cannot read the graph through the browser)."""
        if not is_loopback(self.server.bind):
            return True
        host = (self.headers.get("Host") or "").strip()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return is_loopback(name.strip("[]"))

    def _send(self, reply: Reply, head: bool = False) -> None:
        self.send_response(reply.status)
        headers = {
            "Content-Type": reply.content_type,
            "Content-Length": str(len(reply.body)),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store",
            **reply.headers,
        }
        cors = self.server.cors
        if cors:
            origin = self.headers.get("Origin", "")
            if cors == "*" or origin == cors:
                headers["Access-Control-Allow-Origin"] = cors
                headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
                headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
                headers["Vary"] = ", ".join(filter(None, (headers.get("Vary"), "Origin")))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        self.server.log(f"{self.address_string()} {format % args}")


class Server(ThreadingHTTPServer):
    """The HTTP server: `serve_forever()` to run, `shutdown()` (from another thread) to stop."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        endpoint: Endpoint,
        bind: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        cors: str | None = None,
        log: Callable[[str], None] = lambda _: None,
    ):
        self.endpoint, self.bind, self.cors, self.log = endpoint, bind, cors, log
        if ":" in bind:
            self.address_family = socket.AF_INET6
        try:
            super().__init__((bind, port), Handler)
        except OSError as exc:
            if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
                raise InputError.one(f"{bind}:{port}", "the port is in use; choose another with --port") from None
            raise InputError.one(f"--bind {bind}", f"cannot listen there: {exc.strerror or exc}") from None

    @property
    def url(self) -> str:
        host = f"[{self.bind}]" if ":" in self.bind else self.bind
        return f"http://{host}:{self.server_address[1]}"


def start(
    layout: Layout,
    *,
    bind: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    cors: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    slots: int = 2,
    log: Callable[[str], None] = lambda _: None,
) -> Server:
    """Load the built graph and bind the server (port 0: a free port); the caller runs
    `serve_forever()`. InputError when there is no built graph or the port is taken."""
    return Server(Endpoint(layout, timeout=timeout, max_rows=max_rows, slots=slots), bind, port, cors, log)
