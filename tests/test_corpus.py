"""Growing the corpus: `amurkg ingest` then `amurkg build` links a new text; `candidates` finds unknown names."""

from __future__ import annotations

import pytest
import yaml
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.corpus.ingest import detect_language
from amurkg.pipeline.build import build

runner = CliRunner()

RUSSIAN_NEWS = (
    "Губернатор Амурской области встретился с делегацией из Харбина.\n"
    "Стороны обсудили строительство моста между Благовещенском и Хэйхэ и развитие торговли "
    "через пункт пропуска. Новый логистический центр Тайлинская гавань откроется в Тайлине.\n"
)
CHINESE_NEWS = (
    "黑龙江省与俄罗斯远东地区合作不断深化。绥芬河与波格拉尼奇内是一对口岸城市。牡丹江海关在抚远设立了新的办事处。\n"
)


@pytest.mark.parametrize(
    "text, language",
    [
        (RUSSIAN_NEWS, "ru"),
        (CHINESE_NEWS, "zh"),
        ("黒龍江省とロシアの協力について述べる。", "ja"),
        ("Heilongjiang Province cooperates with the Russian Far East in many sectors.", "en"),
    ],
)
def test_language_is_detected(text, language):
    assert detect_language(text) == language


def test_ingest_then_build_links_the_known_places_of_a_russian_text(project_copy, tmp_path):
    source = tmp_path / "amur-news.txt"
    source.write_text(RUSSIAN_NEWS, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(source), "--root", str(project_copy.root), "--year", "2024"])
    assert result.exit_code == 0, result.output
    listing = yaml.safe_load(project_copy.document_listing.read_text(encoding="utf-8"))
    entry = listing[-1]
    assert entry["language"] == "ru" and entry["year"] == 2024
    assert (project_copy.documents / entry["file"]).read_text(encoding="utf-8") == RUSSIAN_NEWS
    built = build(project_copy, validate=False, use_cache=False, keep_texts=True)
    linked = next(t for t in built.linked if t.document == entry["id"])
    entities = {m.entity for m in linked.mentions}
    assert {"amur-oblast", "harbin", "blagoveshchensk", "heihe"} <= entities
    pairs = {
        frozenset((r.subject, r.object))
        for r in built.relations
        if r.document == entry["id"] and r.predicate == "counterpartOf"
    }
    assert frozenset(("blagoveshchensk", "heihe")) in pairs


def test_ingest_a_chinese_text_links_its_places(project_copy, tmp_path):
    source = tmp_path / "news.md"
    source.write_text(CHINESE_NEWS, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(source), "--root", str(project_copy.root)]).exit_code == 0
    built = build(project_copy, validate=False, use_cache=False, keep_texts=True)
    linked = built.linked[-1]
    assert linked.language == "zh"
    assert {"heilongjiang", "russian-far-east", "suifenhe", "pogranichny", "fuyuan"} <= {
        m.entity for m in linked.mentions
    }
    # 牡丹江海关 is a name of its own (discovered, proposed) that keeps its link to Mudanjiang
    assert "mudanjiang-customs" in {m.entity for m in linked.mentions}
    assert any(
        r.subject == "mudanjiang-customs"
        and r.predicate == "locatedIn"
        and r.object == "mudanjiang"
        and r.method == "name"
        for r in built.relations
    )


def test_ingest_refuses_bad_input_without_writing(project_copy, tmp_path):
    before = project_copy.document_listing.read_bytes()
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    for args in (
        ["ingest", str(binary)],
        ["ingest", str(tmp_path / "missing.txt")],
        ["ingest", str(binary), "--lang", "fr"],
    ):
        result = runner.invoke(app, args + ["--root", str(project_copy.root)])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
    assert project_copy.document_listing.read_bytes() == before


def test_ingesting_the_same_text_twice_is_refused(project_copy, tmp_path):
    source = tmp_path / "again.txt"
    source.write_text(CHINESE_NEWS, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(source), "--root", str(project_copy.root)]).exit_code == 0
    result = runner.invoke(app, ["ingest", str(source), "--root", str(project_copy.root)])
    assert result.exit_code == 2 and "already in the corpus" in result.output


def test_candidates_lists_real_unknown_names_of_a_new_russian_text(project_copy, tmp_path):
    pytest.importorskip("natasha")
    source = tmp_path / "amur-news.txt"
    source.write_text(RUSSIAN_NEWS, encoding="utf-8")
    runner.invoke(app, ["ingest", str(source), "--root", str(project_copy.root)])
    doc_id = yaml.safe_load(project_copy.document_listing.read_text(encoding="utf-8"))[-1]["id"]
    result = runner.invoke(app, ["candidates", "--ner", "--doc", doc_id, "--yaml", "--root", str(project_copy.root)])
    assert result.exit_code == 0, result.output
    stubs = yaml.safe_load(result.stdout)
    names = {s["labels"]["ru"] for s in stubs}
    assert "Тайлин" in names, names  # the nominative of "в Тайлине", an unknown town
    assert not names & {"Харбин", "Благовещенск", "Хэйхэ", "Амурская область"}  # known: not candidates
    town = next(s for s in stubs if s["labels"]["ru"] == "Тайлин")
    assert town["id"] == "taylin" and town["labels"]["en"] == "Taylin"
