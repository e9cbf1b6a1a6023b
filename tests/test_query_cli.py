"""`amurkg query` as users run it: every named query in every output format, the query forms, and
bad queries failing cleanly."""

from __future__ import annotations

import csv
import gc
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.store.named_queries import library, named
from amurkg.store.querying import run_query
from amurkg.store.stores import RdflibStore, cached_graph

runner = CliRunner()
AMURKG = str(Path(sys.executable).parent / "amurkg")
FORMATS = ("table", "csv", "tsv", "json", "md")


def amurkg(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def answers(layout):
    store = RdflibStore(cached_graph(layout))
    return {name: run_query(store, q.text, named=q) for name, q in library().items()}


@pytest.mark.parametrize("name", sorted(library()))
def test_every_named_query_in_every_format(layout, answers, name):
    answer = answers[name]
    assert answer.rows, f"{name} has an answer on the seed graph"
    outputs = {fmt: amurkg("query", "--name", name, "--format", fmt, "--root", str(layout.root)) for fmt in FORMATS}
    for fmt, result in outputs.items():
        assert result.exit_code == 0, (fmt, result.output)

    raw = outputs["csv"].stdout_bytes.decode()
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[0] == answer.variables
    assert len(rows) - 1 == len(answer.rows)
    assert raw.count("\r\n") == len(answer.rows) + 1, "CSV lines end with CRLF"

    tsv = outputs["tsv"].stdout.rstrip("\n").split("\n")
    assert tsv[0].split("\t") == ["?" + v for v in answer.variables]
    assert len(tsv) - 1 == len(answer.rows)

    document = json.loads(outputs["json"].stdout)
    assert document["head"]["vars"] == answer.variables
    bindings = document["results"]["bindings"]
    assert len(bindings) == len(answer.rows)
    first = {v: t for v, t in zip(answer.variables, answer.rows[0]) if t is not None}
    assert {v: b["value"] for v, b in bindings[0].items()} == {v: str(t) for v, t in first.items()}

    md = outputs["md"].stdout.rstrip("\n").split("\n")
    assert md[0] == "| " + " | ".join(answer.variables) + " |" and len(md) == len(answer.rows) + 2

    assert answer.variables[0] in outputs["table"].stdout
    assert f"{len(answer.rows)} row(s)" in outputs["table"].stderr
    # same input, same bytes
    assert amurkg("query", "--name", name, "--format", "json").stdout == outputs["json"].stdout


def test_parks_of_harbin_from_the_command_line_in_chinese():
    result = amurkg("query", "--name", "parks-of-city", "--param", "city=哈尔滨", "--lang", "zh", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert (
        "https://w3id.org/amurkg/id/harbin-pingfang-industrial-new-area,平房工业新区,"
        "https://w3id.org/amurkg/id/aerospace,航空航天"
    ) in result.stdout


def test_json_terms_follow_the_w3c_format():
    result = amurkg(
        "query",
        "SELECT ?x ?l ?n WHERE { BIND(id:heihe AS ?x) id:heihe rdfs:label ?l FILTER(LANG(?l) = 'ru') BIND(42 AS ?n) }",
        "--format",
        "json",
    )
    binding = json.loads(result.stdout)["results"]["bindings"][0]
    assert binding["x"] == {"type": "uri", "value": "https://w3id.org/amurkg/id/heihe"}
    assert binding["l"] == {"type": "literal", "value": "Хэйхэ", "xml:lang": "ru"}
    assert binding["n"] == {"type": "literal", "value": "42", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}


def test_prefixes_are_declared_and_own_prefixes_still_work():
    plain = amurkg("query", "SELECT (COUNT(?c) AS ?n) WHERE { ?c a ak:City }", "--format", "csv")
    own = amurkg(
        "query",
        "PREFIX ak: <https://w3id.org/amurkg/ontology#>\n"
        "PREFIX ex: <http://example.org/>\n"
        "SELECT (COUNT(?c) AS ?n) WHERE { ?c a ak:City }",
        "--format",
        "csv",
    )
    other = amurkg(
        "query", "PREFIX ak: <http://example.org/>\nSELECT (COUNT(?c) AS ?n) WHERE { ?c a ak:City }", "--format", "csv"
    )
    assert plain.exit_code == own.exit_code == other.exit_code == 0
    assert plain.stdout == own.stdout and int(plain.stdout.split()[1]) > 10
    assert other.stdout.split()[1] == "0", "the query's own PREFIX wins"


def test_ask_prints_true_or_false_and_sets_the_exit_status():
    yes = amurkg("query", "ASK { id:heihe ak:counterpartOf id:blagoveshchensk }")
    no = amurkg("query", "ASK { id:heihe ak:counterpartOf id:harbin }")
    assert (yes.exit_code, yes.stdout) == (0, "true\n")
    assert (no.exit_code, no.stdout) == (1, "false\n")
    assert json.loads(amurkg("query", "ASK { ?s ?p ?o }", "--format", "json").stdout) == {"head": {}, "boolean": True}


def test_construct_and_describe_print_turtle():
    result = amurkg("query", "CONSTRUCT { ?a ak:counterpartOf ?b } WHERE { ?a ak:counterpartOf ?b }")
    assert result.exit_code == 0
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert len(graph) == 8 and "id:heihe ak:counterpartOf id:blagoveshchensk" in result.stdout
    described = amurkg("query", "DESCRIBE ?c WHERE { ?c rdfs:label 'Хэйхэ'@ru }")
    assert described.exit_code == 0 and "Хэйхэ" in described.stdout
    assert len(Graph().parse(data=described.stdout, format="turtle")) > 5


def test_a_file_query(tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("# the pairs\nSELECT ?b WHERE { id:heihe ak:counterpartOf ?b }\n", encoding="utf-8")
    result = amurkg("query", "--file", str(path), "--format", "tsv")
    assert result.stdout == "?b\n<https://w3id.org/amurkg/id/blagoveshchensk>\n"


def test_parameters_are_bound_as_terms_never_pasted():
    hostile = 'x" } } DROP ALL ; SELECT * WHERE { ?s ?p "'
    result = amurkg(
        "query",
        "SELECT ?l WHERE { ?e rdfs:label ?l FILTER(STR(?l) = ?name) }",
        "--param",
        f'name="{hostile}"',
        "--format",
        "csv",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == b"l\r\n"
    russian = amurkg(
        "query",
        "SELECT ?l WHERE { ?c rdfs:label ?l FILTER(LANG(?l) = 'en') }",
        "--param",
        "c=Благовещенск",
        "--format",
        "csv",
    )
    assert russian.stdout_bytes == b"l\r\nBlagoveshchensk\r\n"


def test_list_shows_names_titles_and_parameters():
    result = runner.invoke(app, ["query", "--list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for query in library().values():
        assert query.name in result.stdout and query.title in result.stdout
    assert "city (entity, harbin)" in result.stdout


def test_output_file(tmp_path):
    target = tmp_path / "pairs.json"
    result = amurkg("query", "--name", "cross-border-pairs", "--format", "json", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))["results"]["bindings"]) == 4


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { id:a ak:partOf id:b }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <http://example.org/g>",
        "CREATE GRAPH <http://example.org/g>",
        "WITH <http://example.org/g> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_refused(update):
    result = amurkg("query", update)
    assert result.exit_code == 2
    assert "read-only" in result.stderr and "Traceback" not in result.output


def test_syntax_errors_give_line_and_column():
    result = amurkg("query", "SELECT ?x\nWHERE {\n  ?x a ak:City .\n  FILTER(?x = ) }")
    assert result.exit_code == 2
    assert "syntax error at line 4, column 3" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    unknown = amurkg("query", "SELECT * WHERE {\n ?s foo:bar ?o }")
    assert unknown.exit_code == 2 and "unknown prefix foo: at line 2, column 5" in unknown.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--name", "parks-of-cty"], "did you mean parks-of-city"),
        (["--name", "parks-of-city", "--param", "city=xarbin"], "did you mean 'harbin'"),
        (["--name", "parks-of-city", "--param", "town=harbin"], "has no parameter town"),
        (["--name", "parks-of-city", "--param", "city"], "is not key=value"),
        (["--name", "document-entities", "--param", "document=harbin"], "not a document"),
        (["SELECT * WHERE { ?s ?p ?o }", "--name", "documents"], "exactly one of"),
        (["--file", "/nonexistent/q.rq"], "no such file"),
        (["SELECT * WHERE { ?s ?p ?o }", "--store", "postgres"], "is not a store"),
    ],
)
def test_bad_input_fails_with_one_line(args, message):
    result = amurkg("query", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output


def test_missing_build_is_reported(tmp_path):
    result = amurkg("query", "ASK { ?s ?p ?o }", "--root", str(tmp_path))
    assert result.exit_code == 2 and "run `amurkg build` first" in result.stderr


def test_timeout_stops_a_runaway_query(tmp_path):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    for store in ("embedded", f"oxigraph:{tmp_path / 'ox'}"):
        done = subprocess.run(
            [AMURKG, "query", runaway, "--timeout", "1", "--store", store], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 3, (store, done.stderr)
        assert "did not finish within 1 s" in done.stderr and "Traceback" not in done.stderr


def test_named_queries_declare_what_they_use():
    for query in library().values():
        for parameter in query.parameters:
            assert f"?{parameter.name}" in query.text, (query.name, parameter.name)
    assert named("parks-of-city").parameters[0].kind == "entity"


# The fast path (cli/fast.py): `amurkg query --name …` without typer or rdflib, the same bytes.


@pytest.fixture(scope="module")
def fast_root(layout, tmp_path_factory):
    """A project holding the built graph and an Oxigraph store loaded from it by the full command
    (which records the Turtle's hash and stamp: both stores are then warm for the fast path)."""
    root = tmp_path_factory.mktemp("fast")
    (root / "exports").mkdir()
    shutil.copy(layout.turtle, root / "exports" / "amurkg.ttl")
    loaded = amurkg("query", "ASK { ?s ?p ?o }", "--store", "oxigraph", "--root", str(root))
    assert loaded.exit_code == 0, loaded.output
    gc.collect()  # the full command's store closed: the tests open it again
    return root


def fast_answer(args: list[str]) -> tuple[int | None, bytes, bytes]:
    """What the fast path prints for `amurkg query ARGS`: (exit status or None, stdout, stderr)."""
    from amurkg.cli.fast import answer

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2))
    try:
        status = answer(args)
        captured = []
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
            captured.append(stream.buffer.getvalue())  # type: ignore[attr-defined]
    finally:
        sys.stdout, sys.stderr = saved
    return status, captured[0], captured[1]


@pytest.mark.parametrize("name", sorted(library()))
def test_the_fast_path_prints_what_the_full_command_prints(fast_root, name):
    for store in ("embedded", "oxigraph"):
        for fmt in FORMATS:
            args = ["--name", name, "--format", fmt, "--store", store, "--root", str(fast_root)]
            status, stdout, stderr = fast_answer(args)
            full = amurkg("query", *args)
            assert status == full.exit_code == 0, (store, fmt, full.output)
            assert stdout == full.stdout_bytes, (store, fmt)
            assert stderr == full.stderr_bytes, (store, fmt)


def test_the_fast_path_binds_parameters_and_languages_as_the_full_command(fast_root):
    cases = [
        ["--name", "parks-of-city", "-p", "city=harbin", "--lang", "zh", "--format", "tsv"],
        ["--name=neighbours", "--param=entity=heilongjiang", "--lang=ru", "--format=md", "--timeout=30"],
        ["-n", "projects-by-amount", "--param", "minimum=1000", "--format", "json", "--max-memory", "512"],
    ]
    documents = fast_answer(["--name", "documents", "--format", "csv", "--root", str(fast_root)])[1].decode()
    first = next(csv.DictReader(io.StringIO(documents)))["document"].rsplit("/", 1)[1]
    cases.append(["--name", "document-entities", "--param", f"document={first}", "--format", "csv"])
    answered = 0
    for case in cases:
        args = [*case, "--root", str(fast_root)]
        status, stdout, stderr = fast_answer(args)
        full = amurkg("query", *args)
        if status is not None:
            answered += 1
            assert (status, stdout, stderr) == (full.exit_code, full.stdout_bytes, full.stderr_bytes), case
    assert answered >= 3


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--list"],
        ["SELECT * WHERE { ?s ?p ?o }"],
        ["--name", "parks-of-city", "--output", "answer.csv"],
        ["--name", "parks-of-city", "--param", "city=哈尔滨"],  # a label: the resolver (rdflib) finds it
        ["--name", "parks-of-cty"],  # errors are the full command's: one line, exit status 2
        ["--name", "parks-of-city", "--param", "town=harbin"],
        ["--name", "parks-of-city", "--store", "postgres"],
        ["--name", "parks-of-city", "--name", "documents"],
        ["--name", "parks-of-city", "--format", "xml"],
        ["--name", "parks-of-city", "--timeout", "-1"],
        ["--name", "parks-of-city", "--endpoint", "http://127.0.0.1:9/query"],
    ],
)
def test_the_fast_path_leaves_everything_else_to_the_full_command(fast_root, args):
    assert fast_answer([*args, "--root", str(fast_root)]) == (None, b"", b"")


def test_the_fast_path_needs_a_store_that_holds_the_current_build(fast_root, tmp_path):
    """No store, an empty one, or one whose marker names another Turtle: the full command answers
    (and loads the store)."""
    args = ["--name", "documents", "--format", "csv", "--root", str(fast_root)]
    assert fast_answer([*args, "--store", f"oxigraph:{tmp_path / 'none'}"])[0] is None
    (tmp_path / "empty").mkdir()
    assert fast_answer([*args, "--store", f"oxigraph:{tmp_path / 'empty'}"])[0] is None
    stale = tmp_path / "stale"
    shutil.copytree(fast_root / ".cache" / "oxigraph", stale)
    (stale / "amurkg-source.sha256").write_text("0" * 64 + "\n1 2\n")
    assert fast_answer([*args, "--store", f"oxigraph:{stale}"])[0] is None
    assert fast_answer([*args, "--store", f"oxigraph:{fast_root / '.cache' / 'oxigraph'}"])[0] == 0


def test_the_fast_path_takes_literals_only_as_rdflib_keeps_them():
    from rdflib import Literal, URIRef

    from amurkg.cli.fast import KEPT, kept

    samples = ["0", "5", "-5", "+5", "05", "-0", "1.5", "1.50", "+1.5", ".5", "1e3", "-0.5", "10", "2019", "0999"]
    samples += ["-0045", "20190", "true", "false", "1", "abc", "1.0E3", "POINT(1 2)"]
    datatypes = [*KEPT, "http://www.w3.org/2001/XMLSchema#double", "http://www.opengis.net/ont/geosparql#wktLiteral"]
    for datatype in datatypes:
        for lexical in samples:
            if kept(lexical, datatype):
                assert str(Literal(lexical, datatype=URIRef(datatype))) == lexical, (lexical, datatype)


def test_the_console_command_answers_a_named_query_without_typer_or_rdflib(fast_root):
    """`amurkg query --name …` through the console entry point (pyproject [project.scripts]) loads
    neither typer, rich (for csv), rdflib nor the pipeline, and prints what the full command prints."""
    heavy = [
        "typer",
        "rich",
        "rdflib",
        "pyparsing",
        "yaml",
        "amurkg.pipeline",
        "amurkg.cli.main",
        "amurkg.store.stores",
    ]
    args = ["query", "--name", "parks-of-city", "--param", "city=harbin", "--format", "csv", "--root", str(fast_root)]
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: print('loaded:', *(m for m in {heavy!r} if m in sys.modules), file=sys.stderr))\n"
        f"sys.argv = ['amurkg', *{args[:-1]!r}, {str(fast_root)!r}]\n"
        "from amurkg.cli.entry import main\nmain()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stderr.decode().strip().splitlines()[-1] == "loaded:", done.stderr
    assert done.stdout == amurkg(*args).stdout_bytes
    script = subprocess.run([AMURKG, *args], capture_output=True, check=True)
    assert script.stdout == done.stdout


def test_query_help_is_the_full_commands(fast_root):
    done = subprocess.run([AMURKG, "query", "--help"], capture_output=True, text=True, check=True)
    assert "--name" in done.stdout and "Ask the graph a SPARQL question" in done.stdout
