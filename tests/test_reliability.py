"""Reliability and security: nothing the user had is lost, nothing is leaked, and bad input or a
fault gives one line and an exit status, never a traceback or a half-written file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.layout import Layout

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture()
def built_copy(project_copy: Layout) -> Layout:
    """A project copy with the committed build in exports/."""
    project_copy.exports.mkdir()
    shutil.copy2(REPO / "exports" / "amurkg.ttl", project_copy.turtle)
    return project_copy


def run(*args: str):
    return runner.invoke(app, list(args))


def one_line_error(result, code: int = 2) -> str:
    """The single error line of a failed command (asserting the exit status and no traceback)."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output
    return errors[0]


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# 1. Data loss: an export never deletes a folder amurkg did not write.


def test_csv_export_refuses_a_users_folder_and_keeps_it(built_copy):
    before = tree(built_copy.seeds)
    line = one_line_error(
        run("export", "--root", str(built_copy.root), "--format", "csv", "--out", str(built_copy.seeds))
    )
    assert "amurkg did not write" in line
    assert tree(built_copy.seeds) == before


def test_csv_export_into_the_current_folder_leaves_nothing_behind(built_copy, monkeypatch):
    monkeypatch.chdir(built_copy.root)
    entries = sorted(p.name for p in built_copy.root.iterdir())
    one_line_error(run("export", "--root", ".", "--format", "csv", "--out", "."))
    assert sorted(p.name for p in built_copy.root.iterdir()) == entries


def test_csv_export_replaces_its_own_earlier_export_with_the_usual_mode(built_copy, tmp_path):
    target = tmp_path / "neo4j"
    for _ in range(2):
        result = run("export", "--root", str(built_copy.root), "--format", "csv", "--out", str(target))
        assert result.exit_code == 0, result.output
    assert {p.name for p in target.iterdir()} == {"nodes.csv", "relationships.csv", ".amurkg-export"}
    assert target.stat().st_mode & 0o777 != 0o700  # not the private mode of a temporary folder
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    (target / "notes.txt").write_text("mine", encoding="utf-8")  # a marked folder is amurkg's to replace
    assert run("export", "--root", str(built_copy.root), "--format", "csv", "--out", str(target)).exit_code == 0


def test_csv_export_into_an_empty_folder(built_copy, tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    result = run("export", "--root", str(built_copy.root), "--format", "csv", "--out", str(target))
    assert result.exit_code == 0, result.output
    assert (target / "nodes.csv").is_file()


# 2. HTTP: no credentials across origins, no silent method change.


class _Server:
    """A loopback HTTP server in a thread that records each request and answers as told:
    `redirect` = (status, url) or None (then 200 with SPARQL JSON), `silent` never answers."""

    def __init__(self, redirect: tuple[int, str] | None = None, silent: bool = False):
        import http.server
        import threading

        self.requests: list[dict] = []
        self.redirect = redirect
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # noqa: ANN002
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                server.requests.append({"method": self.command, "headers": dict(self.headers), "body": body})
                if silent:
                    server.release.wait(10)
                    return
                if server.redirect:
                    self.send_response(server.redirect[0])
                    self.send_header("Location", server.redirect[1])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                reply = b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            do_GET = do_POST = do_PUT = _answer

        self.release = threading.Event()
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def servers():
    started: list[_Server] = []

    def start(**kwargs) -> _Server:
        started.append(_Server(**kwargs))
        return started[-1]

    yield start
    for server in started:
        server.close()


@pytest.fixture()
def credentials(monkeypatch):
    monkeypatch.setenv("AMURKG_USER", "alice")
    monkeypatch.setenv("AMURKG_PASSWORD", "secret")


@pytest.mark.parametrize("code", [302, 303, 301])
def test_push_redirect_that_would_drop_the_body_fails_and_sends_nothing_there(built_copy, servers, credentials, code):
    target = servers()
    origin = servers(redirect=(code, target.url + "store"))
    line = one_line_error(run("push", "--root", str(built_copy.root), "--endpoint", origin.url + "store"), 3)
    assert f"HTTP {code}" in line and "GET" in line
    assert target.requests == []
    assert "secret" not in line


def test_push_follows_307_with_method_and_body_but_no_credentials_to_another_origin(built_copy, servers, credentials):
    target = servers()
    origin = servers(redirect=(307, target.url + "store"))
    result = run("push", "--root", str(built_copy.root), "--endpoint", origin.url + "store")
    assert result.exit_code == 0, result.output
    assert origin.requests[0]["headers"].get("Authorization", "").startswith("Basic ")
    (sent,) = target.requests
    assert sent["method"] == "POST" and sent["body"] == built_copy.turtle.read_bytes()
    assert "Authorization" not in sent["headers"]


def test_query_redirect_to_another_origin_gets_no_credentials(built_copy, servers, credentials):
    target = servers()
    origin = servers(redirect=(307, target.url + "query"))
    result = run("query", "--root", str(built_copy.root), "--endpoint", origin.url + "query", "SELECT ?x {}")
    assert result.exit_code == 0, result.output
    assert target.requests and "Authorization" not in target.requests[0]["headers"]


def test_same_origin_redirect_keeps_credentials(built_copy, servers, credentials):
    origin = servers()
    origin.redirect = (308, origin.url + "elsewhere")
    # the one server redirects every time: the client stops after a few hops, with one line
    line = one_line_error(run("query", "--root", str(built_copy.root), "--endpoint", origin.url, "ASK {}"), 3)
    assert "HTTP 308" in line
    assert all(r["headers"].get("Authorization", "").startswith("Basic ") for r in origin.requests)
    assert 1 < len(origin.requests) <= 6


def test_a_server_that_never_answers_times_out_in_one_line(built_copy, servers):
    silent = servers(silent=True)
    line = one_line_error(
        run("query", "--root", str(built_copy.root), "--endpoint", silent.url, "--timeout", "1", "ASK {}"), 3
    )
    assert "did not answer" in line or "did not finish" in line


# 3. Faults and bad files: one line, exit 2, nothing half-written.


def build_args(layout: Layout, *extra: str) -> list[str]:
    return ["build", "--root", str(layout.root), "--quiet", *extra]


def test_a_listed_document_that_is_not_utf8_is_named(project_copy):
    listed = sorted(project_copy.documents.glob("*.txt"))[0]
    listed.write_bytes("Сотрудничество Хэйлунцзяна и Приморья.\n".encode("cp1251"))
    line = one_line_error(run(*build_args(project_copy)))
    assert f"documents/{listed.name}" in line and "not UTF-8" in line
    assert not project_copy.turtle.exists()


def _refuse_writes_in(monkeypatch, folder: Path, code: int, message: str) -> None:
    import tempfile

    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        if Path(kwargs.get("dir", "")).resolve() == folder.resolve():
            raise OSError(code, message)
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def test_read_only_exports_is_told_before_the_work(project_copy, monkeypatch):
    import errno

    _refuse_writes_in(monkeypatch, project_copy.exports, errno.EROFS, "Read-only file system")
    called = []
    monkeypatch.setattr(
        "amurkg.pipeline.build.build", lambda *a, **k: called.append(1)
    )  # imported when the command runs
    line = one_line_error(run(*build_args(project_copy)))
    assert "exports" in line and "read-only file system" in line
    assert called == []  # refused before linking, extracting and validating


def test_full_disk_while_writing_the_turtle_keeps_the_old_one_whole(built_copy, monkeypatch):
    import errno
    import os

    import amurkg.pipeline.serialize as serialize

    before = built_copy.turtle.read_bytes()
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle):
            self.file = real_fdopen(handle, "wb")

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.file.close()

        def write(self, data: bytes) -> int:
            self.file.write(data[:4096])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(serialize.os, "fdopen", lambda handle, mode: Full(handle))
    line = one_line_error(run(*build_args(built_copy, "--force", "--no-validate")))
    assert "exports/amurkg.ttl" in line and "no space left" in line
    assert built_copy.turtle.read_bytes() == before
    assert [p.name for p in built_copy.exports.iterdir()] == ["amurkg.ttl"]


def test_a_corrupt_cache_entry_is_a_miss(tmp_path):
    import pickle

    from amurkg.pipeline.process import OutcomeCache

    cache = OutcomeCache(tmp_path, "fingerprint")
    for key, data in {"garbage": b"garbage\n", "truncated": b"\x80\x04\x95", "other": pickle.dumps({"x": 1})}.items():
        (tmp_path / f"{key}.pickle").write_bytes(data)
        assert cache.get(key) is None
    assert cache.hits == 0


def test_a_truncated_turtle_is_one_line_on_every_store(built_copy, tmp_path):
    data = built_copy.turtle.read_bytes()
    cut = data.index(b" ak:", len(data) // 3) + 5  # inside a predicate's name: mid-statement, never a valid end
    built_copy.turtle.write_bytes(data[:cut])
    for store in ("embedded", f"oxigraph:{tmp_path / 'ox'}"):
        line = one_line_error(run("query", "--root", str(built_copy.root), "--store", store, "ASK {}"))
        assert "exports/amurkg.ttl" in line and "cannot parse" in line


# 7. Paths: a listed document stays inside seeds/documents/.


@pytest.mark.parametrize("escape", ["/etc/os-release", "../../etc/os-release", "../documents.yaml", "link.txt"])
def test_a_document_path_leaving_seeds_documents_is_refused(project_copy, escape):
    (project_copy.documents / "link.txt").symlink_to("/etc/os-release")
    listing = project_copy.document_listing.read_text(encoding="utf-8")
    first = sorted(project_copy.documents.glob("*.txt"))[0].name
    project_copy.document_listing.write_text(listing.replace(f"file: {first}", f"file: {escape}"), encoding="utf-8")
    line = one_line_error(run(*build_args(project_copy)))
    assert "must be a file name inside seeds/documents/" in line
    assert not project_copy.turtle.exists()


# 8. One build at a time; what a killed build left is cleaned; "up to date" only when it is.


def test_a_second_build_while_one_runs_is_refused(project_copy):
    from amurkg.pipeline.build import build_lock

    with build_lock(project_copy):
        line = one_line_error(run(*build_args(project_copy)))
    assert "another build of this project is running" in line
    assert not project_copy.turtle.exists()


def test_killed_build_leftovers_are_removed_and_up_to_date_checks_the_output(built_copy):
    import hashlib
    import json

    from amurkg.pipeline.fingerprint import input_fingerprint, is_up_to_date

    fingerprint = input_fingerprint(built_copy)
    built_copy.cache.mkdir()
    stamp = {
        "inputs": fingerprint,
        "validated": True,
        "turtle_sha256": hashlib.sha256(built_copy.turtle.read_bytes()).hexdigest(),
    }
    (built_copy.cache / "build.json").write_text(json.dumps(stamp), encoding="utf-8")
    leftover = built_copy.exports / ".amurkg.ttl.k1ll3d00"
    leftover.write_bytes(b"@prefix half")
    result = run(*build_args(built_copy)[:-1])
    assert result.exit_code == 0 and "up to date" in result.output, result.output
    assert not leftover.exists()
    built_copy.turtle.write_bytes(built_copy.turtle.read_bytes()[:1000])
    assert not is_up_to_date(built_copy, fingerprint)
    built_copy.turtle.unlink()
    assert not is_up_to_date(built_copy, fingerprint)


# 4. Queries have a default time limit and a memory bound.

CARTESIAN = "SELECT * { ?a ?b ?c . ?d ?e ?f }"


def test_query_has_a_default_timeout_documented_in_help():
    result = run("query", "--help")
    assert "--timeout" in result.output and "60" in result.output and "--max-memory" in result.output


def test_a_runaway_query_is_stopped_by_the_memory_bound(built_copy):
    line = one_line_error(
        run("query", "--root", str(built_copy.root), CARTESIAN, "--max-memory", "64", "--timeout", "0"), 3
    )
    assert "--max-memory" in line


def test_a_runaway_query_is_stopped_by_the_timeout(built_copy):
    line = one_line_error(run("query", "--root", str(built_copy.root), CARTESIAN, "--timeout", "1"), 3)
    assert "did not finish within 1 s" in line


# 5. SERVICE reaches the network only when the user allows it.


@pytest.mark.parametrize("store", ["embedded", "oxigraph"])
def test_service_is_refused_on_every_store_without_the_flag(built_copy, servers, tmp_path, store):
    listener = servers()
    query = f"SELECT * {{ SERVICE <{listener.url}sparql> {{ ?s ?p ?o }} }}"
    where = store if store == "embedded" else f"oxigraph:{tmp_path / 'ox'}"
    line = one_line_error(run("query", "--root", str(built_copy.root), "--store", where, query))
    assert "SERVICE" in line and "--allow-service" in line
    assert listener.requests == []


def test_service_is_refused_before_a_remote_endpoint_sees_it(built_copy, servers):
    endpoint = servers()
    one_line_error(
        run("query", "--root", str(built_copy.root), "--endpoint", endpoint.url, "ASK { SERVICE <urn:x> { ?s ?p ?o } }")
    )
    assert endpoint.requests == []
    assert "--allow-service" in run("query", "--help").output


def test_service_is_sent_when_allowed(built_copy, servers):
    listener = servers()
    query = f"SELECT * {{ SERVICE <{listener.url}sparql> {{ ?s ?p ?o }} }}"
    run("query", "--root", str(built_copy.root), "--allow-service", "--timeout", "10", query)
    assert listener.requests  # the user asked for it: the store went to the address


def test_the_word_service_in_a_string_or_comment_is_not_a_service_clause(built_copy):
    result = run("query", "--root", str(built_copy.root), 'ASK { ?s ?p "SERVICE" } # SERVICE <urn:x>')
    assert result.exit_code in (0, 1), result.output


# 6. Control characters: XML outputs stay well-formed, terminals get escapes.

NASTY = "Har\\u001b]0;pwned\\u0007\\u001b[2Jbin\\u0000"


@pytest.fixture()
def nasty_copy(built_copy) -> Layout:
    text = built_copy.turtle.read_text(encoding="utf-8")
    assert '"Harbin"@en' in text
    built_copy.turtle.write_text(text.replace('"Harbin"@en', f'"{NASTY}"@en'), encoding="utf-8")
    return built_copy


@pytest.mark.parametrize("fmt", ["rdfxml", "graphml", "gexf"])
def test_xml_exports_stay_well_formed_with_control_characters(nasty_copy, tmp_path, fmt):
    import xml.etree.ElementTree as ElementTree

    target = tmp_path / f"out.{fmt}"
    result = run("export", "--root", str(nasty_copy.root), "--format", fmt, "--out", str(target))
    assert result.exit_code == 0, result.output
    tree = ElementTree.parse(target)  # raises on a file that is not well-formed XML
    texts = [e.text or "" for e in tree.iter()] + [v for e in tree.iter() for v in e.attrib.values()]
    assert "Har\ufffd]0;pwned\ufffd\ufffd[2Jbin\ufffd" in texts


def test_rdfxml_export_parses_back_to_the_same_graph_without_control_characters(built_copy, tmp_path):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    target = tmp_path / "out.rdf"
    assert run("export", "--root", str(built_copy.root), "--format", "rdfxml", "--out", str(target)).exit_code == 0
    back, source = Graph().parse(target, format="xml"), Graph().parse(built_copy.turtle, format="turtle")
    assert len(back) == len(source) and isomorphic(back, source)


@pytest.mark.parametrize(
    "args",
    [
        ["query", "SELECT ?l { id:harbin rdfs:label ?l FILTER(LANG(?l) = 'en') }"],
        ["query", "--format", "csv", "SELECT ?l { id:harbin rdfs:label ?l FILTER(LANG(?l) = 'en') }"],
        ["query", "--format", "tsv", "SELECT ?l { id:harbin rdfs:label ?l FILTER(LANG(?l) = 'en') }"],
        ["neighbors", "heilongjiang"],
        ["neighbors", "heilongjiang", "--format", "csv"],
    ],
)
def test_terminal_output_shows_control_characters_escaped(nasty_copy, monkeypatch, args):
    monkeypatch.setattr("amurkg.cli.common.stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "400")  # whole labels on one line
    result = run(args[0], "--root", str(nasty_copy.root), *args[1:])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and "\x00" not in result.output
    assert "pwned" in result.output and "\\x1b" in result.output


def test_csv_to_a_file_keeps_the_text_as_it_is(nasty_copy, tmp_path):
    target = tmp_path / "answer.csv"
    query = "SELECT ?l { id:harbin rdfs:label ?l FILTER(LANG(?l) = 'en') }"
    result = run("query", "--root", str(nasty_copy.root), "--format", "csv", "--output", str(target), query)
    assert result.exit_code == 0, result.output
    assert "\x1b]0;pwned" in target.read_text(encoding="utf-8")
