"""Fast start: `amurkg query` imports only what answering needs, and the named queries it no longer
parses at run time are parsed here."""

from __future__ import annotations

import subprocess
import sys

import pytest

from amurkg.store.named_queries import library
from amurkg.store.sparql import check, query_form


@pytest.mark.parametrize("name", sorted(library()))
def test_every_named_query_parses_and_its_form_is_read_from_its_tokens(name):
    query = library()[name]
    assert query_form(query.text) == check(query.text, name).form


def test_query_form_skips_comments_and_prefixes():
    text = "# SELECT in a comment\nPREFIX ask: <http://example.org/>\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert query_form(text) == "CONSTRUCT" == check(text).form


def test_the_command_line_loads_no_library_a_query_does_not_use():
    """Importing the command (as `amurkg query` does) leaves the build, the viz, networkx, pySHACL and
    rdflib's SPARQL parser unloaded; each command imports its own libraries when it runs."""
    heavy = ["amurkg.pipeline.build", "amurkg.views.page", "networkx", "pyshacl", "pyvis", "folium", "jinja2"]
    heavy += ["rdflib.plugins.sparql.parser", "amurkg.bench.benchmark", "amurkg.exports.rdf"]
    code = "import sys; import amurkg.cli.main; print(' '.join(m for m in %r if m in sys.modules))" % heavy
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_a_warm_named_query_by_slug_loads_no_resolver_catalog_or_text_folding(layout, tmp_path):
    """`amurkg query --name parks-of-city --param city=harbin --store oxigraph:…` answers with the
    slug checked by one ASK: the label resolver, the catalog (YAML, OpenCC folding) and the atomic
    writer stay unloaded, and the answer is the Harbin parks."""
    heavy = ["amurkg.store.resolve", "amurkg.corpus.catalog", "amurkg.text.normalize", "opencc"]
    store = f"oxigraph:{tmp_path / 'ox'}"
    code = (
        "import sys\nfrom amurkg.cli.main import app\n"
        f"sys.argv = ['amurkg', 'query', '--name', 'parks-of-city', '--param', 'city=harbin', '--store', {store!r},"
        f" '--format', 'csv', '--root', {str(layout.root)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        f"print('loaded:', *(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "harbin-pingfang-industrial-new-area" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "loaded:", done.stderr
