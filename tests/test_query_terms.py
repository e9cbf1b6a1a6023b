"""Terms printed by `amurkg query` tables (table and md) are SPARQL text: a cell copied from the
output and pasted into a query finds the same thing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.namespaces import AK, ID
from amurkg.store.answers import short

AMURKG = str(Path(sys.executable).parent / "amurkg")
runner = CliRunner()
# documents (IRIs with a slash), titles (quoted, some with inner quotes, @en), years (typed), a number
QUERY = (
    "SELECT ?d ?t ?y ?n WHERE { ?d a ak:Document ; dcterms:title ?t OPTIONAL { ?d dcterms:issued ?y } "
    'FILTER(LANGMATCHES(LANG(?t), "en")) BIND(7 AS ?n) } ORDER BY ?d'
)
PASTED = (
    "ASK {{ VALUES (?d ?t ?y ?n) {{ ({}) }} ?d a ak:Document ; dcterms:title ?t "
    "OPTIONAL {{ ?d dcterms:issued ?y }} FILTER(?n = 7) }}"
)


def pasted(cells: list[str]) -> str:
    """The cells of a row as one VALUES row (an empty cell is an unbound term: UNDEF)."""
    return " ".join(cell or "UNDEF" for cell in cells)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        (ID["harbin"], "id:harbin"),
        (AK["targetsIndustry"], "ak:targetsIndustry"),
        (ID["document/ma-2011"], "<https://w3id.org/amurkg/id/document/ma-2011>"),  # id:document/… is not SPARQL
        (ID["x."], "<https://w3id.org/amurkg/id/x.>"),  # a local name may not end with a dot
        (URIRef("http://example.org/a"), "<http://example.org/a>"),
        (Literal("Харбин", lang="ru"), '"Харбин"@ru'),
        (Literal('say "hi"\nback\\slash'), '"say \\"hi\\"\\nback\\\\slash"'),
        (Literal(42), "42"),
        (Literal("2015", datatype=XSD.gYear), '"2015"^^xsd:gYear'),
        (BNode("b0"), "_:b0"),
        (None, ""),
    ],
)
def test_short_writes_sparql_terms(term, text) -> None:
    assert short(term) == text


def test_markdown_cells_pasted_into_a_query_find_the_same_rows() -> None:
    result = runner.invoke(app, ["query", QUERY, "--format", "md"])
    assert result.exit_code == 0, result.output
    rows = [line[2:-2].split(" | ") for line in result.stdout.splitlines()[2:]]
    assert len(rows) >= 5 and any('\\\\"' in cell for row in rows for cell in row)  # an inner quote, md-escaped
    for cells in rows:
        row = pasted([c.replace("\\|", "|").replace("\\\\", "\\") for c in cells])
        asked = runner.invoke(app, ["query", PASTED.format(row)])
        assert asked.exit_code == 0 and asked.stdout == "true\n", (row, asked.output)


def test_table_cells_pasted_into_a_query_find_the_same_rows() -> None:
    env = {**os.environ, "COLUMNS": "400"}
    shown = subprocess.run([AMURKG, "query", QUERY], capture_output=True, text=True, env=env, check=True).stdout
    lines = [line for line in shown.splitlines()[2:] if line.strip()]
    assert len(lines) >= 5
    for line in lines:
        cells = [cell.strip() for cell in line.split("│")]
        assert cells[0].startswith("<https://w3id.org/amurkg/id/document/") and cells[1].endswith('"@en')
        asked = runner.invoke(app, ["query", PASTED.format(pasted(cells))])
        assert asked.exit_code == 0 and asked.stdout == "true\n", (cells, asked.output)
