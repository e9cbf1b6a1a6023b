"""The same named queries give the same answers on the embedded graph, a persistent Oxigraph store and
a real SPARQL server (the Oxigraph server of the PyPI package `oxigraph`, started here on
127.0.0.1) after `amurkg push`; bad endpoints fail with one clear line."""

from __future__ import annotations

import base64
import gc
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.store.named_queries import library
from amurkg.store.querying import open_store, run_query
from amurkg.store.remote import EndpointStore
from amurkg.store.stores import OxigraphStore, RdflibStore, cached_graph

runner = CliRunner()
DATA_GRAPH = "https://w3id.org/amurkg/data"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    assert found, "the `oxigraph` server binary comes with the test extra (pip install -e '.[test]')"
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Oxigraph SPARQL server on a free port of 127.0.0.1, stopped after the tests."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"the Oxigraph server did not start: {process.stderr.read().decode()[:500]}")
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def embedded(layout):
    store = RdflibStore(cached_graph(layout))
    return {name: run_query(store, q.text, named=q, lang="ru") for name, q in library().items()}


def answers_of(store):
    return {name: run_query(store, q.text, named=q, lang="ru") for name, q in library().items()}


def test_oxigraph_store_gives_the_same_answers(layout, tmp_path, embedded):
    path = tmp_path / "store"
    store = open_store(layout, f"oxigraph:{path}")
    assert isinstance(store, OxigraphStore)
    answers = answers_of(store)
    for name in embedded:
        assert answers[name].variables == embedded[name].variables, name
        assert answers[name].rows == embedded[name].rows, name
    del store
    gc.collect()  # releases the store's lock
    # persistent: opened again, it is not reloaded, and answers the same
    reopened = OxigraphStore(path, layout, progress=lambda m: pytest.fail(f"reloaded: {m}"))
    query = library()["parks-of-city"]
    assert run_query(reopened, query.text, named=query, lang="ru").rows == embedded["parks-of-city"].rows


def test_push_then_query_a_real_server(layout, server, embedded):
    pushed = runner.invoke(app, ["push", "--endpoint", f"{server}/store"])
    assert pushed.exit_code == 0, pushed.output
    store = EndpointStore(f"{server}/query")
    answers = answers_of(store)
    for name in embedded:
        assert answers[name].variables == embedded[name].variables, name
        assert answers[name].rows == embedded[name].rows, name
    # from the command line, by a Russian name, in CSV
    result = runner.invoke(
        app,
        [
            "query",
            "--endpoint",
            f"{server}/query",
            "--name",
            "parks-of-city",
            "--param",
            "city=Харбин",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "https://w3id.org/amurkg/id/harbin-pingfang-industrial-new-area" in result.stdout
    ask = runner.invoke(app, ["query", "--endpoint", f"{server}/query", "ASK { id:heihe ak:counterpartOf ?x }"])
    assert (ask.exit_code, ask.stdout) == (0, "true\n")


def test_push_into_a_named_graph_and_replace(layout, server):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    expected = len(cached_graph(layout))
    for _ in range(2):  # --replace twice leaves one copy
        pushed = runner.invoke(app, ["push", "--endpoint", f"{server}/store", "--graph", DATA_GRAPH, "--replace"])
        assert pushed.exit_code == 0, pushed.output
    result = runner.invoke(
        app, ["query", "--endpoint", f"{server}/query", "--graph", DATA_GRAPH, count, "--format", "tsv"]
    )
    assert result.stdout == f"?n\n{expected}\n"


def test_bad_endpoints_fail_with_one_line(server):
    nobody = f"http://127.0.0.1:{free_port()}/query"
    cases = [
        (["query", "ASK { ?s ?p ?o }", "--endpoint", nobody], 3, "connection refused"),
        (["push", "--endpoint", nobody.replace("/query", "/store")], 3, "connection refused"),
        (["query", "ASK { ?s ?p ?o }", "--endpoint", f"{server}/nowhere"], 3, "HTTP 404"),
        (["query", "ASK { ?s ?p ?o }", "--endpoint", "ftp://example.org/sparql"], 2, "not an http(s) URL"),
        (["push", "--endpoint", "http://me:secret@127.0.0.1:1/store"], 2, "AMURKG_USER"),
    ]
    for args, code, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == code, (args, result.output)
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and message in errors[0], result.stderr
        assert "secret" not in result.output


HELD: list = []


def silent_server():
    """A TCP server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    threading.Thread(target=lambda: HELD.append(listener.accept()), daemon=True).start()
    return listener


def test_a_silent_server_times_out():
    listener = silent_server()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    result = runner.invoke(app, ["query", "ASK { ?s ?p ?o }", "--endpoint", url, "--timeout", "1"])
    listener.close()
    assert result.exit_code == 3
    assert "within 1 s" in result.stderr and len(result.stderr.strip().splitlines()) == 1


class Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[dict] = []

    def do_PUT(self):  # noqa: N802 - http.server's naming
        self.seen.append(
            {
                "method": "PUT",
                "path": self.path,
                "auth": self.headers.get("Authorization"),
                "type": self.headers.get("Content-Type"),
                "size": len(self.rfile.read(int(self.headers["Content-Length"]))),
            }
        )
        if not self.headers.get("Authorization"):
            self.send_response(401)
            self.end_headers()
            return
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_push_sends_credentials_from_the_environment_only(layout):
    httpd = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/gsp"
    try:
        refused = runner.invoke(app, ["push", "--endpoint", url, "--replace", "--graph", DATA_GRAPH], env={})
        assert refused.exit_code == 3 and "HTTP 401" in refused.stderr
        ok = runner.invoke(
            app,
            ["push", "--endpoint", url, "--replace", "--graph", DATA_GRAPH],
            env={"AMURKG_USER": "analyst", "AMURKG_PASSWORD": "s3cret-pw"},
        )
        assert ok.exit_code == 0, ok.output
        assert "s3cret-pw" not in ok.output and "analyst" not in ok.output
    finally:
        httpd.shutdown()
    last = Recorder.seen[-1]
    assert last["auth"] == "Basic " + base64.b64encode(b"analyst:s3cret-pw").decode()
    assert last["path"] == "/gsp?graph=https%3A%2F%2Fw3id.org%2Famurkg%2Fdata"
    assert last["type"].startswith("text/turtle") and last["size"] == layout.turtle.stat().st_size


def test_push_shards_puts_each_shard_into_its_named_graph(project_copy, server):
    from amurkg.pipeline.build import build, write_build

    result = build(project_copy)
    write_build(result, project_copy)
    for _ in range(2):  # PUT replaces: pushed twice, each graph holds its shard once
        pushed = runner.invoke(
            app, ["push", "--endpoint", f"{server}/store", "--shards", "--root", str(project_copy.root)]
        )
        assert pushed.exit_code == 0, pushed.output
    assert f"Pushed {len(result.shards)} shards ({len(result.graph):,} triples)" in pushed.stdout
    counts = EndpointStore(f"{server}/query").run(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", "SELECT"
    )
    found = {str(g): int(n) for g, n in counts.rows}
    for shard in result.shards:
        assert found[f"https://w3id.org/amurkg/graph/{shard.name}"] == shard.triples, shard.name
    refused = runner.invoke(
        app,
        ["push", "--endpoint", f"{server}/store", "--shards", "--graph", DATA_GRAPH, "--root", str(project_copy.root)],
    )
    assert refused.exit_code == 2 and "--graph" in refused.output


def test_a_warm_oxigraph_store_neither_reloads_nor_rereads_an_untouched_export(layout, tmp_path, monkeypatch):
    """Reopened with the export untouched (same size and mtime), the store is used as it is without
    hashing the Turtle; touched with the same bytes, it is hashed but not reloaded; changed, reloaded."""
    from amurkg import layout as layouts
    from amurkg.store import stores

    project = layouts.Layout(tmp_path / "project")
    project.exports.mkdir(parents=True)
    shutil.copyfile(layout.turtle, project.turtle)
    path = tmp_path / "store"
    first = OxigraphStore(path, project)
    assert len(first.store) > 0
    del first
    gc.collect()

    def no_hash(_path):
        raise AssertionError("the untouched export was read to hash it")

    monkeypatch.setattr(stores, "source_hash", no_hash)
    untouched = OxigraphStore(path, project, progress=lambda m: pytest.fail(f"reloaded: {m}"))
    del untouched
    gc.collect()
    monkeypatch.undo()

    stat = project.turtle.stat()
    os.utime(project.turtle, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # touched, same bytes
    touched = OxigraphStore(path, project, progress=lambda m: pytest.fail(f"reloaded: {m}"))
    del touched
    gc.collect()

    project.turtle.write_text("<https://w3id.org/amurkg/id/x> a <https://w3id.org/amurkg/ontology#City> .\n")
    messages: list[str] = []
    changed = OxigraphStore(path, project, progress=messages.append)
    assert messages and messages[0].startswith("loading") and len(changed.store) == 1
