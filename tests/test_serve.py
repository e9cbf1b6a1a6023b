"""`amurkg serve`: the built graph answers SPARQL 1.1 Protocol requests over HTTP (on a free port of
127.0.0.1), read-only, with content negotiation, a query page that works offline, and the viz, map
and ontology pages beside it."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from headless import Chromium, chromium_path
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.layout import Layout
from amurkg.namespaces import AK, ID, RDF, RDFS
from amurkg.store.named_queries import named
from amurkg.store.querying import open_store, run_query
from amurkg.store.serve import Server, start

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()
PARKS_OF_HARBIN = "SELECT ?park ?park_label WHERE { ?park a ak:Park ; ak:locatedIn+ id:harbin } ORDER BY ?park"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    served = start(Layout(REPO), port=0)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    yield served
    served.shutdown()
    served.server_close()
    thread.join(10)
    assert not thread.is_alive()


def request(
    server: Server,
    path: str,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(server.url + path, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get(server: Server, query: str, accept: str = "", **params: str) -> tuple[int, dict[str, str], bytes]:
    url = "/sparql?" + urllib.parse.urlencode({"query": query, **params})
    return request(server, url, headers={"Accept": accept} if accept else {})


def test_select_over_get_is_sparql_json_with_labels_as_amurkg_query_gives(server: Server) -> None:
    status, headers, body = get(server, PARKS_OF_HARBIN, "application/sparql-results+json", lang="zh")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    document = json.loads(body)
    assert document["head"]["vars"] == ["park", "park_label"]
    parks = {b["park"]["value"]: b["park_label"] for b in document["results"]["bindings"]}
    assert str(ID["harbin-pingfang-industrial-new-area"]) in parks
    assert parks[str(ID["harbin-pingfang-industrial-new-area"])] == {
        "type": "literal",
        "value": "平房工业新区",
        "xml:lang": "zh",
    }
    local = run_query(open_store(Layout(REPO)), PARKS_OF_HARBIN, lang="zh")
    assert [str(row[0]) for row in local.rows] == list(parks)


def test_post_form_and_sparql_query_body_give_the_same_csv(server: Server) -> None:
    form = urllib.parse.urlencode({"query": PARKS_OF_HARBIN}).encode()
    a = request(server, "/sparql", data=form, headers={"Accept": "text/csv"})
    b = request(
        server,
        "/sparql",
        data=PARKS_OF_HARBIN.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert a[0] == b[0] == 200 and a[1]["Content-Type"].startswith("text/csv")
    assert a[2] == b[2]
    rows = list(csv.reader(io.StringIO(a[2].decode())))
    assert rows[0] == ["park", "park_label"]
    assert [str(ID["harbin-pingfang-industrial-new-area"]), "Pingfang Industrial New Area"] in rows


def test_tsv_and_xml_results(server: Server) -> None:
    status, headers, body = get(server, "SELECT ?c WHERE { id:harbin a ?c }", "text/tab-separated-values")
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    assert body.decode().splitlines() == ["?c", f"<{AK['City']}>"]
    status, headers, body = get(server, "SELECT ?c WHERE { id:harbin a ?c }", "application/sparql-results+xml")
    assert status == 200
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert [u.text for u in ET.fromstring(body).iterfind(".//r:binding/r:uri", ns)] == [str(AK["City"])]


def test_accept_quality_values_and_format_override_choose_the_writer(server: Server) -> None:
    accept = "text/csv;q=0.5, application/sparql-results+xml;q=0.9, */*;q=0.1"
    assert get(server, "ASK { id:harbin a ak:City }", accept)[1]["Content-Type"].startswith(
        "application/sparql-results+xml"
    )
    assert json.loads(get(server, "ASK { id:harbin a ak:City }", format="json")[2]) == {"head": {}, "boolean": True}
    status, _, body = get(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "image/png")
    assert status == 406 and b"application/sparql-results+json" in body


def test_construct_and_describe_as_turtle_and_ntriples(server: Server) -> None:
    query = "CONSTRUCT { id:harbin rdfs:label ?l } WHERE { id:harbin rdfs:label ?l }"
    status, headers, body = get(server, query, "text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=body.decode(), format="turtle")
    assert (ID["harbin"], RDFS.label, Literal("Харбин", lang="ru")) in graph
    status, headers, body = get(server, "DESCRIBE id:harbin", "application/n-triples")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    described = Graph().parse(data=body.decode(), format="nt")
    assert (ID["harbin"], RDF.type, AK["City"]) in described


@pytest.mark.parametrize(
    ("path", "data", "headers", "method"),
    [
        ("/sparql", urllib.parse.urlencode({"query": "INSERT DATA { id:x a ak:City }"}).encode(), {}, None),
        ("/sparql", urllib.parse.urlencode({"update": "INSERT DATA { id:x a ak:City }"}).encode(), {}, None),
        ("/sparql", b"INSERT DATA { id:x a ak:City }", {"Content-Type": "application/sparql-update"}, None),
        ("/update", b"update=CLEAR+ALL", {}, None),
        ("/sparql?query=DROP+ALL", None, {}, None),
        ("/store", b"<a> <b> <c> .", {"Content-Type": "application/n-triples"}, "PUT"),
    ],
)
def test_updates_are_refused_and_change_nothing(server: Server, path, data, headers, method) -> None:
    status, _, body = request(server, path, data=data, headers=headers, method=method)
    assert status == 403 and b"read-only" in body
    assert json.loads(get(server, "ASK { id:harbin a ak:City }")[2])["boolean"] is True
    assert json.loads(get(server, "ASK { id:x ?p ?o }")[2])["boolean"] is False


def test_a_syntax_error_is_one_line_with_the_position(server: Server) -> None:
    status, _, body = get(server, "SELECT ?x WHERE { ?x a ak:City ")
    assert status == 400
    assert body.decode().count("\n") == 1 and "line 1" in body.decode()
    status, _, body = get(server, "SELECT ?x WHERE { ?x a nope:City }")
    assert status == 400 and b"unknown prefix nope:" in body


def test_answers_above_the_cap_are_refused_not_cut(server: Server) -> None:
    cap = server.endpoint.max_rows
    server.endpoint.max_rows = 5
    try:
        status, _, body = get(server, "SELECT ?c WHERE { ?c a ak:City }")
        assert status == 400 and b"LIMIT" in body and b"more than this server gives (5" in body
        status, _, body = get(server, "SELECT ?c WHERE { ?c a ak:City } LIMIT 5")
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 5
    finally:
        server.endpoint.max_rows = cap


def test_a_query_past_the_time_limit_is_given_up(server: Server) -> None:
    limit = server.endpoint.timeout
    server.endpoint.timeout = 0.001
    try:
        status, _, body = get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?a a ak:City . ?m a ak:Mention }")
        assert status == 503 and b"did not finish within" in body
    finally:
        server.endpoint.timeout = limit


def test_the_query_page_is_offline_and_lists_the_named_queries(server: Server) -> None:
    status, headers, body = request(server, "/")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]  # nothing loads from elsewhere
    assert "<textarea" in page and 'id="run"' in page and "PREFIX ak: &lt;https://w3id.org/amurkg/ontology#&gt;" in page
    assert "<script src" not in page and "<link" not in page
    for link in ('href="/viz"', 'href="/map"', 'href="/ontology"'):
        assert link in page
    data = json.loads(page.split('id="amurkg-data">', 1)[1].split("</script>", 1)[0])
    names = [q["name"] for q in data["queries"]]
    assert "parks-of-city" in names and "cross-border-pairs" in names


def test_a_named_query_from_the_page_answers_as_its_defaults(server: Server) -> None:
    """The page's text of a named query has its parameters' defaults bound: run as it is, it gives
    what `amurkg query --name` gives with the defaults."""
    queries = {q["name"]: q for q in server.endpoint.named_queries()}
    text = queries["parks-of-city"]["text"]
    assert "VALUES (?city) { (<https://w3id.org/amurkg/id/harbin>) }" in text and text.startswith("PREFIX ")
    status, _, body = get(server, text)
    served = [b["park"]["value"] for b in json.loads(body)["results"]["bindings"]]
    query = named("parks-of-city")
    local = run_query(open_store(Layout(REPO)), query.text, named=query)
    assert status == 200 and served == [str(t) for t in local.column("park")] and served


def test_viz_map_and_ontology_pages_are_served(server: Server) -> None:
    status, _, body = request(server, "/ontology")
    assert status == 200 and b"ak:targetsIndustry" in body or b"targetsIndustry" in body
    status, _, body = request(server, "/viz?focus=%E5%93%88%E5%B0%94%E6%BB%A8&depth=1")  # 哈尔滨
    assert status == 200 and b"harbin" in body
    status, _, body = request(server, "/viz?focus=no-such-place-anywhere")
    assert status == 400 and b"no-such-place-anywhere" in body
    status, _, body = request(server, "/map")
    assert status == 200 and b"leaflet" in body.lower()


def test_host_check_and_cors(server: Server) -> None:
    status, _, _ = request(server, "/", headers={"Host": "attacker.example"})
    assert status == 421
    _, headers, _ = request(server, "/sparql?query=ASK%7B%7D", headers={"Origin": "http://localhost:3000"})
    assert "Access-Control-Allow-Origin" not in headers  # CORS is off by default
    server.cors = "http://localhost:3000"
    try:
        _, headers, _ = request(server, "/sparql?query=ASK%7B%7D", headers={"Origin": "http://localhost:3000"})
        assert headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
    finally:
        server.cors = None


def test_port_in_use_and_no_graph_are_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port), "--root", str(REPO)])
    assert result.exit_code == 2 and "in use" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["serve", "--port", "0", "--root", str(tmp_path)])
    assert result.exit_code == 2 and "amurkg build" in result.output


def test_the_command_says_where_it_listens_and_ctrl_c_stops_it() -> None:
    command = [str(Path(sys.executable).parent / "amurkg"), "serve", "--port", "0", "--root", str(REPO)]
    env = {**os.environ, "COLUMNS": "200"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("Serving SPARQL at http://127.0.0.1:") and "(Ctrl+C stops)" in line
        url = line.split()[3]
        query = urllib.parse.urlencode({"query": "ASK { id:heihe ak:counterpartOf id:blagoveshchensk }"})
        with urllib.request.urlopen(f"{url}?{query}", timeout=60) as response:
            assert json.loads(response.read())["boolean"] is True
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        assert "Stopped" in process.stdout.read()
        assert "Traceback" not in (process.stderr.read() if process.stderr else "")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser():
    if chromium_path() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run must install it")
        pytest.skip("chromium is not installed (apt-get install chromium fonts-wqy-zenhei)")
    with Chromium() as chromium:
        yield chromium


def test_the_query_page_runs_a_typed_query_in_the_browser(server: Server, browser) -> None:
    page = browser.page()
    try:
        page.goto(server.url + "/")
        page.evaluate("(function(){var e=document.getElementById('query'); e.focus(); e.select();})()")
        page.send("Input.insertText", {"text": "SELECT ?city ?city_label WHERE { VALUES ?city { id:heihe } }"})
        x, y = page.evaluate(
            "(function(){var r=document.getElementById('run').getBoundingClientRect();"
            "return [r.left + r.width/2, r.top + r.height/2];})()"
        )
        page.mouse("mousePressed", x, y)
        page.mouse("mouseReleased", x, y)
        page.wait_for("document.querySelectorAll('#table tbody tr').length > 0")
        cells = page.evaluate("Array.from(document.querySelectorAll('#table tbody td')).map(td => td.textContent)")
        assert cells == ["id:heihe", '"Heihe"@en']
        # a named query link fills the editor with its text, defaults bound
        page.evaluate("document.querySelector('#named a[data-name=\"cross-border-pairs\"]').click()")
        assert "counterpartOf" in page.evaluate("document.getElementById('query').value")
        page.pump(0.3)
        assert page.errors == []
        assert all(url.startswith(server.url) or url.startswith(("data:", "about:")) for url in page.requests)
    finally:
        page.close()


def test_the_served_graph_is_the_built_one(server: Server) -> None:
    built = Graph().parse(REPO / "exports" / "amurkg.ttl", format="turtle")
    assert server.endpoint.store.triples == len(built)
    status, _, body = get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == len(built)
    assert (URIRef(ID["harbin"]), RDF.type, AK["City"]) in built
