"""Bad input: one clear line naming file and entry, exit status 2, nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from rdflib import Graph
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.graph.layout import Layout
from amurkg.graph.namespaces import AK

runner = CliRunner()


def run_build(layout: Layout):
    return runner.invoke(app, ["build", "--root", str(layout.root), "--quiet"])


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def first_city_block(layout: Layout) -> str:
    """The text of the first entry of city.yaml, to mutate."""
    text = (layout.catalog / "city.yaml").read_text(encoding="utf-8")
    match = re.search(r"\n  - id: .*?(?=\n  - id: |\Z)", text, re.S)
    assert match
    return match.group(0)


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
    block = first_city_block(project_copy)
    path = project_copy.catalog / "city.yaml"
    path.write_text(path.read_text(encoding="utf-8") + block, encoding="utf-8")
    entity = re.search(r"id: (\S+)", block).group(1)
    assert_fails_cleanly(project_copy, f"[{entity}]", "duplicate id")


def test_unknown_reference(project_copy):
    block = first_city_block(project_copy)
    entity = re.search(r"id: (\S+)", block).group(1)
    replace_in(project_copy.catalog / "city.yaml", f"id: {entity}\n", f"id: {entity}\n    partOf: no-such-place\n")
    assert_fails_cleanly(project_copy, f"[{entity}]", "unknown id 'no-such-place'")


def test_missing_english_label(project_copy):
    block = first_city_block(project_copy)
    english = re.search(r"\n\s+en: .*", block).group(0)
    replace_in(project_copy.catalog / "city.yaml", block, block.replace(english, "", 1))
    assert_fails_cleanly(project_copy, "missing English label")


def test_label_without_a_language(project_copy):
    block = first_city_block(project_copy)
    english = re.search(r"\n(\s+)en: (.*)", block)
    broken = block.replace(english.group(0), f"\n{english.group(1)}en: {english.group(2)}\n{english.group(1)}xx: Nameless", 1)
    replace_in(project_copy.catalog / "city.yaml", block, broken)
    assert_fails_cleanly(project_copy, "has no known language")


def test_coordinates_out_of_range(project_copy):
    path = project_copy.catalog / "city.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"coordinates: \[[^\]]*\]", "coordinates: [95.0, 126.6]", text, count=1), encoding="utf-8")
    assert_fails_cleanly(project_copy, "coordinates out of range")


def test_ill_formed_wikidata_id(project_copy):
    path = project_copy.catalog / "country.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"wikidata: Q\d+", "wikidata: X148", text, count=1), encoding="utf-8")
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
        "  quote: a sentence that no document contains\n", encoding="utf-8")
    assert_fails_cleanly(project_copy, "seeds/claims/bad.yaml:1", "quote not found")


def test_a_claim_whose_quote_is_present_becomes_evidence(project_copy, built):
    linked = built.linked[0]
    quote = linked.sentence_text(linked.mentions[0].sentence)
    project_copy.claims.mkdir(exist_ok=True)
    claim = {"subject": "harbin", "predicate": "adjoins", "object": "heilongjiang",
             "document": linked.document, "quote": quote}
    (project_copy.claims / "good.yaml").write_text(yaml.safe_dump([claim], allow_unicode=True), encoding="utf-8")
    result = run_build(project_copy)
    assert result.exit_code == 0, result.output
    graph = Graph().parse(project_copy.turtle)
    methods = {str(m) for m in graph.objects(None, AK.method)}
    assert "claim" in methods
