"""`amurkg evaluate`: precision and recall of the build against an annotation of relations."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.evaluate.relations import load_annotation, score
from amurkg.extract import Relation
from amurkg.text.link import LinkedText, Mention

runner = CliRunner()
DATA = Path(__file__).parent / "data" / "relations"


def evaluate(*args: str):
    return runner.invoke(app, ["evaluate", *args])


def test_the_development_paragraphs_are_scored_per_language_and_predicate(layout):
    result = evaluate(str(DATA / "paragraphs.yaml"), "--root", str(layout.root), "--misses", "5")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("paragraphs.yaml:") and "en " in lines[0] and "zh " in lines[0]
    overall = next(line for line in lines if line.startswith("all "))
    assert "precision" in overall and "found" in overall
    for language in ("en", "ja", "ru", "zh"):
        assert any(line.strip().startswith(language + " ") for line in lines), language
    for predicate in ("targetsIndustry", "hosts", "implements", "locatedIn"):
        assert any(line.strip().startswith(predicate) for line in lines), predicate


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "annotation.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_seed_document_annotation_counts_found_and_missed(layout, tmp_path):
    path = _write(
        tmp_path,
        "- {text: guo-2015-china-russia-regional-cooperation-model, s: Heilongjiang, p: adjoins, o: Russia}\n"
        "- {text: 004_b38443fd9299935e.txt, s: 俄罗斯, p: adjoins, o: 黑龙江省, s_forms: [Russia]}\n"  # either way round
        "- {text: guo-2015-china-russia-regional-cooperation-model, s: Harbin, p: hosts, o: China–Russia Expo}\n",
    )
    result = evaluate(str(path), "--root", str(layout.root))
    assert result.exit_code == 0, result.output
    overall = next(line for line in result.output.splitlines() if line.startswith("all "))
    assert "gold    3" in overall and "found    2" in overall
    assert "[hosts/zh] Harbin → China–Russia Expo" in result.output


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- {text: x, s: a, p: adjoins}\n", "needs text, s, p and o"),
        ("- {text: x, s: a, p: bordersOn, o: b}\n", "unknown predicate 'bordersOn'"),
        ("- {text: no-such-document, s: Harbin, p: adjoins, o: Russia}\n", "is not a document of the build"),
        ("relations: [\n", "YAML"),
        ("documents: nowhere\nrelations: []\n", "documents folder 'nowhere' not found"),
    ],
)
def test_bad_annotations_fail_with_one_line(layout, tmp_path, body, message):
    result = evaluate(str(_write(tmp_path, body)), "--root", str(layout.root))
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("error:")]) >= 1


def test_a_missing_annotation_file(layout, tmp_path):
    result = evaluate(str(tmp_path / "absent.yaml"), "--root", str(layout.root))
    assert result.exit_code == 2 and "file not found" in result.output


def test_entity_and_figure_annotations_go_to_their_own_scorers(layout, tmp_path):
    entities = evaluate(str(_write(tmp_path, "entities: []\n")), "--root", str(layout.root))
    assert entities.exit_code == 0 and entities.output.startswith("Entities:")
    figures_file = tmp_path / "figures.yaml"
    figures_file.write_text("figures: []\n", encoding="utf-8")
    figures = evaluate(str(figures_file), "--root", str(layout.root))
    assert figures.exit_code == 0 and figures.output.startswith("Figures:")


def test_score_matches_symmetric_relations_either_way_and_counts_precision(tmp_path, catalog):
    path = _write(
        tmp_path,
        "- {text: d, s: Heihe, p: counterpartOf, o: Blagoveshchensk}\n- {text: d, s: Harbin, p: locatedIn, o: China}\n",
    )
    extracted = [
        Relation("blagoveshchensk", "counterpartOf", "heihe", "d", 0, 5, "quote", "pattern"),
        Relation("harbin", "locatedIn", "heilongjiang", "d", 0, 5, "quote", "pattern"),
    ]
    result = score(load_annotation(path), extracted, catalog, {"d": "d"}, {"d": "zh"})
    assert (result.overall.gold, result.overall.found) == (2, 1)
    assert (result.overall.extracted, result.overall.correct) == (2, 1)
    assert [r.o for r, _ in result.misses] == ["China"]
    assert result.per_predicate["counterpartOf"].correct == 1


def test_annotation_ends_match_the_entity_the_build_linked_at_the_annotated_span(tmp_path, catalog):
    """The annotator's span names the end: an entity linked on most of it matches whatever its label,
    and a longer name that only contains the span (the province in its government) does not."""
    text = "The Heilongjiang Provincial Government said Harbin hosted the 5th Sino-Russian Expo."
    expo = text.index("Sino-Russian Expo")
    government = text.index("Heilongjiang Provincial Government")
    linked = LinkedText(
        "d",
        text,
        "en",
        (),
        (
            Mention("expo-x", "d", expo, expo + len("Sino-Russian Expo"), "Sino-Russian Expo", 0),
            Mention("hl-government", "d", government, government + 34, "Heilongjiang Provincial Government", 0),
        ),
    )
    path = _write(
        tmp_path,
        "- {text: d, s: Harbin, p: hosts, o: 5th Expo, quote: Harbin hosted the 5th Sino-Russian Expo, "
        "o_forms: [5th Sino-Russian Expo]}\n"
        "- {text: d, s: Heilongjiang, p: hosts, o: 5th Expo, quote: The Heilongjiang Provincial Government said Harbin "
        "hosted the 5th Sino-Russian Expo, s_forms: [Heilongjiang], o_forms: [5th Sino-Russian Expo]}\n",
    )
    extracted = [
        Relation("harbin", "hosts", "expo-x", "d", 0, 5, "quote", "clause"),
        Relation("hl-government", "hosts", "expo-x", "d", 0, 5, "quote", "clause"),
    ]
    result = score(load_annotation(path), extracted, catalog, {"d": "d"}, {"d": "en"}, linked={"d": linked})
    assert (result.overall.gold, result.overall.found) == (2, 1)
    assert [r.s for r, _ in result.misses] == ["Heilongjiang"]
    assert [r.subject for r in result.false_positives] == ["hl-government"]


def test_annotation_ends_match_entities_the_build_discovered(layout, tmp_path):
    """A name the catalog lacks is matched by the label its discovered entity got in the build."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "zone.txt").write_text(
        "The Suifenhe Comprehensive Bonded Zone specialises in wood processing.\n", encoding="utf-8"
    )
    annotation = _write(
        tmp_path,
        "documents: texts\nlanguages: {zone.txt: en}\nrelations:\n"
        "  - {text: zone.txt, s: Suifenhe Comprehensive Bonded Zone, p: targetsIndustry, o: wood-processing}\n",
    )
    result = evaluate(str(annotation), "--root", str(layout.root))
    assert result.exit_code == 0, result.output
    assert "gold    1  found    1 (100.0%)" in result.output.splitlines()[2]


def test_ends_known_tells_a_discovery_miss_from_a_relation_miss(tmp_path, catalog):
    path = _write(
        tmp_path,
        "- {text: d, s: Heihe, p: counterpartOf, o: Blagoveshchensk}\n"
        "- {text: d, s: Suifenhe Quiet Pine Sawmill, p: locatedIn, o: Suifenhe}\n",
    )
    result = score(load_annotation(path), [], catalog, {"d": "d"}, {"d": "en"})
    assert (result.overall.found, result.overall.ends) == (0, 1)
    assert "ends known    1 ( 50.0%)" in result.overall.line("all")
    assert "Suifenhe Quiet Pine Sawmill → Suifenhe (unknown end: s)" in result.report()
    assert "Heihe → Blagoveshchensk (d)" in result.report()


def test_precision_per_rule_shows_which_rule_made_the_wrong_edges(layout, tmp_path):
    """A user auditing the extractor sees, per ak:rule, how many edges it made and how many were right."""
    path = _write(
        tmp_path,
        "- {text: guo-2015-china-russia-regional-cooperation-model, s: Heilongjiang, p: adjoins, o: Russia}\n",
    )
    result = evaluate(str(path), "--root", str(layout.root))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("per rule (what each extracted; ak:rule, or the method):")
    rows = []
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        rows.append(line)
    extracted = int(next(line for line in lines if line.startswith("all ")).split("extracted")[1].split()[0])
    assert sum(int(row.split("extracted")[1].split()[0]) for row in rows) == extracted
    assert sum(int(row.split("correct")[1].split()[0]) for row in rows) == 1  # the one annotated edge
