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
