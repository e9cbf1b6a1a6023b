"""SPARQL servers: querying a SPARQL 1.1 endpoint, and pushing the built graph with the SPARQL 1.1
Graph Store Protocol. Credentials come from AMURKG_USER / AMURKG_PASSWORD only, and never appear
in messages."""

from __future__ import annotations

import base64
import http.client
import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from amurkg.errors import InputError
from amurkg.namespaces import bind_prefixes
from amurkg.store.answers import Answer, plain
from amurkg.store.sparql import with_values
from amurkg.store.stores import QueryFailed, label_graph_query

USER_VARIABLE = "AMURKG_USER"
PASSWORD_VARIABLE = "AMURKG_PASSWORD"
USER_AGENT = "amurkg (SPARQL client)"


def checked_url(url: str) -> str:
    """An http(s) URL without credentials in it; InputError otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError.one("--endpoint", f"{url!r} is not an http(s) URL")
    if parts.username or parts.password:
        raise InputError.one(
            "--endpoint", f"put credentials in ${USER_VARIABLE} and ${PASSWORD_VARIABLE}, not in the URL"
        )
    return url


def _auth_headers() -> dict[str, str]:
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if not user:
        return {}
    token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or {"http": 80, "https": 443}.get(parts.scheme)


def same_origin_for_credentials(first: str, then: str) -> bool:
    """Whether credentials meant for `first` may go to `then`: the same scheme, host and port, or the
    same host moving from http on port 80 to https on port 443."""
    a, b = _origin(first), _origin(then)
    return a == b or (a[1] == b[1] and a[0] == "http" and a[2] == 80 and b[0] == "https" and b[2] == 443)


class RedirectRefused(Exception):
    """A redirect the policy does not follow (it is told to the user as a QueryFailed)."""


class _RedirectPolicy(urllib.request.HTTPRedirectHandler):
    """The one redirect policy of amurkg's HTTP client (query and push):

    - only to http(s) URLs, at most 5 times;
    - a request with a body (POST, PUT) follows only 307 and 308, which keep the method and the body;
      301, 302 and 303 would turn it into a GET without the body, so they are an error naming the
      new address;
    - the Authorization header never goes to another origin (see same_origin_for_credentials)."""

    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201 - urllib's signature
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise RedirectRefused(f"{req.full_url} redirected to {newurl!r}, which is not an http(s) URL")
        method = req.get_method()
        if method not in ("GET", "HEAD") and code not in (307, 308):
            raise RedirectRefused(
                f"{req.full_url} answered HTTP {code}, a redirect to {newurl} that would turn the {method} "
                f"into a GET without its body; nothing was sent there (use that address if it is right)"
            )
        headers_out = {k: v for k, v in req.header_items() if k.lower() != "authorization"}
        if same_origin_for_credentials(req.full_url, newurl) and req.has_header("Authorization"):
            headers_out["Authorization"] = req.get_header("Authorization")
        return urllib.request.Request(
            newurl,
            data=req.data,
            headers=headers_out,
            origin_req_host=req.origin_req_host,
            unverifiable=True,
            method=method,
        )


_OPENER = urllib.request.build_opener(_RedirectPolicy())


def request(method: str, url: str, body: bytes | None, headers: dict[str, str], timeout: float | None) -> Reply:
    """One HTTP request under the redirect policy above; any failure becomes a QueryFailed with one
    clear line."""
    headers = {"User-Agent": USER_AGENT, **headers, **_auth_headers()}
    req = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with _OPENER.open(req, timeout=timeout or 60) as response:
            return Reply(response.status, response.headers.get("Content-Type", ""), response.read())
    except RedirectRefused as exc:
        raise QueryFailed(str(exc)) from None
    except urllib.error.HTTPError as exc:
        detail = exc.read(2000).decode("utf-8", "replace").strip().splitlines()
        first = f": {detail[0][:200]}" if detail else ""
        if 300 <= exc.code < 400:
            first = f": too many redirects or no Location{first}"
        raise QueryFailed(f"{url} answered HTTP {exc.code} {exc.reason}{first}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, RedirectRefused):
            raise QueryFailed(str(reason)) from None
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise QueryFailed(f"{url} did not answer within {timeout or 60:g} s") from None
        if isinstance(reason, ConnectionRefusedError):
            raise QueryFailed(f"cannot connect to {url}: connection refused") from None
        if isinstance(reason, socket.gaierror):
            raise QueryFailed(f"cannot connect to {url}: unknown host") from None
        raise QueryFailed(f"cannot connect to {url}: {reason}") from None
    except TimeoutError:
        raise QueryFailed(f"{url} did not answer within {timeout or 60:g} s") from None
    except (ConnectionError, OSError, http.client.HTTPException) as exc:
        raise QueryFailed(f"connection to {url} failed: {exc or type(exc).__name__}") from None


def _term(binding: dict) -> URIRef | Literal | BNode:
    kind = binding.get("type")
    if kind == "uri":
        return URIRef(binding["value"])
    if kind == "bnode":
        return BNode(binding["value"])
    if "xml:lang" in binding:
        return Literal(binding["value"], lang=binding["xml:lang"])
    if binding.get("datatype"):
        return plain(Literal(binding["value"], datatype=URIRef(binding["datatype"])))
    return Literal(binding["value"])


class EndpointStore:
    """A remote SPARQL 1.1 endpoint (SPARQL Protocol, POST with a form-encoded query)."""

    def __init__(self, url: str, graph: str | None = None, timeout: float | None = None):
        self.url = checked_url(url)
        self.graph = graph
        self.timeout = timeout
        self.description = f"endpoint {url}"

    def run(self, text: str, form: str, bindings: Mapping[str, Identifier] | None = None) -> Answer:
        fields = [("query", with_values(text, bindings or {}))] + (
            [("default-graph-uri", self.graph)] if self.graph else []
        )
        accept = (
            "application/n-triples, text/turtle;q=0.9"
            if form in ("CONSTRUCT", "DESCRIBE")
            else "application/sparql-results+json"
        )
        reply = request(
            "POST",
            self.url,
            urllib.parse.urlencode(fields).encode(),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
            self.timeout,
        )
        if form in ("CONSTRUCT", "DESCRIBE"):
            graph = Graph()
            syntax = "nt" if "n-triples" in reply.content_type else "turtle"
            try:
                graph.parse(data=reply.body.decode("utf-8"), format=syntax)
            except Exception as exc:  # noqa: BLE001 - a bad reply is the server's problem
                raise QueryFailed(f"{self.url} sent a reply that is not RDF: {exc}") from None
            return Answer(form, graph=graph)
        try:
            document = json.loads(reply.body)
        except ValueError:
            raise QueryFailed(
                f"{self.url} did not send SPARQL JSON results (Content-Type {reply.content_type or 'none'})"
            ) from None
        if form == "ASK":
            return Answer("ASK", boolean=bool(document.get("boolean")))
        names = list(document.get("head", {}).get("vars", []))
        rows = [
            tuple(_term(b[n]) if n in b else None for n in names)
            for b in document.get("results", {}).get("bindings", [])
        ]
        return Answer("SELECT", names, rows)

    def label_graph(self) -> Graph:
        graph = self.run(label_graph_query(), "CONSTRUCT").graph
        bind_prefixes(graph)
        return graph


def push(url: str, turtle: bytes, graph: str | None, replace: bool, timeout: float | None = None) -> int:
    """Send Turtle to a Graph Store Protocol service: PUT (replace) or POST (add) into the named graph,
    or the default graph. Returns the HTTP status."""
    checked_url(url)
    target = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(target.query)
    query.append(("graph", graph) if graph else ("default", ""))
    address = urllib.parse.urlunsplit(
        target._replace(query=urllib.parse.urlencode(query).replace("default=", "default"))
    )
    reply = request(
        "PUT" if replace else "POST", address, turtle, {"Content-Type": "text/turtle; charset=utf-8"}, timeout
    )
    return reply.status


def shard_as_ntriples(path: Path, graph: str) -> bytes:
    """A shard's N-Quads lines without their graph name: N-Triples, which is also Turtle."""
    suffix = f" <{graph}> .\n".encode()
    lines = path.read_bytes().splitlines(keepends=True)
    return b"".join(line[: -len(suffix)] + b" .\n" if line.endswith(suffix) else line for line in lines)


def push_shards(
    url: str, shards: list[tuple[str, Path]], timeout: float | None = None, progress: Callable[[str], None] = print
) -> int:
    """PUT each shard into its named graph (Graph Store Protocol), replacing what the graph held;
    returns the number of triples sent."""
    sent = 0
    for number, (graph, path) in enumerate(shards, 1):
        data = shard_as_ntriples(path, graph)
        push(url, data, graph, replace=True, timeout=timeout)
        triples = data.count(b"\n")
        sent += triples
        progress(f"  {number}/{len(shards)} {graph}: {triples:,} triples")
    return sent
