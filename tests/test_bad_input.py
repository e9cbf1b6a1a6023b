"""Bad input: one clear line naming file and entry, exit status 2, nothing written."""

from __future__ import annotations

import yaml
from rdflib import Graph
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.layout import Layout
from amurkg.namespaces import AK

runner = CliRunner()


def run_build(layout: Layout):
    return runner.invoke(app, ["build", "--root", str(layout.root), "--quiet"])


def edit_catalog(layout: Layout, file: str, change) -> str:
    """Apply `change` to the first entry of a catalog file (rewritten as YAML); returns that entry's id."""
    path = layout.catalog / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = data["entities"][0]
    change(data, first)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return first["id"]


def assert_fails_cleanly(layout: Layout, *expected: str) -> None:
    result = run_build(layout)
    output = result.output
    assert result.exit_code == 2, output
    assert "Traceback" not in output
    for fragment in expected:
        assert fragment in output, output
    assert not layout.turtle.exists()


def test_malformed_yaml_names_file_and_line(project_copy):
    (project_copy.catalog / "city.yaml").write_text("class: City\nentities:\n  - id: [unclosed\n", encoding="utf-8")
    assert_fails_cleanly(project_copy, "seeds/catalog/city.yaml:", "malformed YAML")


def test_duplicate_id(project_copy):
    entity = edit_catalog(project_copy, "city.yaml", lambda data, first: data["entities"].append(dict(first)))
    assert_fails_cleanly(project_copy, "seeds/catalog/city.yaml:", f"[{entity}]", "duplicate id")


def test_unknown_reference(project_copy):
    entity = edit_catalog(project_copy, "city.yaml", lambda _, first: first.update(partOf="no-such-place"))
    assert_fails_cleanly(project_copy, f"[{entity}]", "unknown id 'no-such-place'")


def test_missing_english_label(project_copy):
    entity = edit_catalog(project_copy, "city.yaml", lambda _, first: first["labels"].pop("en"))
    assert_fails_cleanly(project_copy, f"[{entity}]", "missing English label")


def test_label_without_a_language(project_copy):
    edit_catalog(project_copy, "city.yaml", lambda _, first: first["labels"].update(xx="Nameless"))
    assert_fails_cleanly(project_copy, "'Nameless' has no known language")


def test_labels_given_as_a_plain_string(project_copy):
    edit_catalog(project_copy, "city.yaml", lambda _, first: first.update(labels="Harbin"))
    assert_fails_cleanly(project_copy, "a label without a language is not allowed")


def test_coordinates_out_of_range(project_copy):
    edit_catalog(project_copy, "city.yaml", lambda _, first: first.update(coordinates=[95.0, 126.6]))
    assert_fails_cleanly(project_copy, "coordinates out of range")


def test_ill_formed_wikidata_id(project_copy):
    edit_catalog(project_copy, "country.yaml", lambda _, first: first.update(wikidata="X148"))
    assert_fails_cleanly(project_copy, "ill-formed Wikidata id 'X148'")


def test_listed_document_missing(project_copy):
    victim = sorted(project_copy.documents.glob("*.txt"))[0]
    victim.unlink()
    assert_fails_cleanly(project_copy, "seeds/documents.yaml", victim.name, "listed but missing")


def test_claim_whose_quote_is_absent(project_copy, built):
    document = built.documents[0].id
    project_copy.claims.mkdir(exist_ok=True)
    (project_copy.claims / "bad.yaml").write_text(
        f"- subject: harbin\n  predicate: adjoins\n  object: heilongjiang\n  document: {document}\n"
        "  quote: a sentence that no document contains\n",
        encoding="utf-8",
    )
    assert_fails_cleanly(project_copy, "seeds/claims/bad.yaml:1", "quote not found")


def test_a_claim_whose_quote_is_present_becomes_evidence(project_copy, built):
    linked = built.linked[0]
    quote = linked.sentence_text(linked.mentions[0].sentence)
    project_copy.claims.mkdir(exist_ok=True)
    claim = {
        "subject": "harbin",
        "predicate": "adjoins",
        "object": "heilongjiang",
        "document": linked.document,
        "quote": quote,
    }
    (project_copy.claims / "good.yaml").write_text(yaml.safe_dump([claim], allow_unicode=True), encoding="utf-8")
    result = run_build(project_copy)
    assert result.exit_code == 0, result.output
    graph = Graph().parse(project_copy.turtle)
    methods = {str(m) for m in graph.objects(None, AK.method)}
    assert "claim" in methods
