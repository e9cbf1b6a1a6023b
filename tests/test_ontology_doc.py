"""`amurkg ontology`: the HTML documentation names every core class with its four labels."""

from __future__ import annotations

from html.parser import HTMLParser

from rdflib.namespace import RDFS, SKOS
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.corpus.catalog import CORE_CLASSES
from amurkg.namespaces import AK
from amurkg.pipeline.build import load_ontology

CORE_PROPERTIES = (
    "locatedIn",
    "partOf",
    "counterpartOf",
    "hinterlandOf",
    "targetsIndustry",
    "appliesModel",
    "proposes",
    "cooperatesWith",
    "adjoins",
    "mentionedIn",
)


class Sections(HTMLParser):
    """The visible text of every <section id=…> of a page."""

    def __init__(self):
        super().__init__()
        self.text: dict[str, str] = {}
        self.current: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.current = dict(attrs).get("id")
            self.text[self.current] = ""

    def handle_endtag(self, tag):
        if tag == "section":
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.text[self.current] += data


def test_ontology_page_names_every_core_class_with_four_labels(layout, tmp_path):
    result = CliRunner().invoke(app, ["ontology", "--out", str(tmp_path / "doc"), "--root", str(layout.root)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "doc" / "index.html").read_text(encoding="utf-8")
    parser = Sections()
    parser.feed(page)
    ontology = load_ontology(layout)[0]
    for name in CORE_CLASSES + ("Document",) + CORE_PROPERTIES:
        assert name in parser.text, f"no section for ak:{name}"
        text = parser.text[name]
        labels = {label.language: str(label) for label in ontology.objects(AK[name], RDFS.label)}
        assert set(labels) >= {"en", "zh", "ja", "ru"}
        for label in labels.values():
            assert label in text, f"ak:{name} lacks its label {label!r}"
        definition = next(ontology.objects(AK[name], SKOS.definition))
        assert str(definition) in text
    # the alignments are documented: the City class is a close match of schema:City
    assert "schema:City" in parser.text["City"]
    assert 'id="alignments"' in page and "geo:sfWithin" in page
