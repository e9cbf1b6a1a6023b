"""Linking names in text to catalog entities, in four languages, with exact offsets."""

from __future__ import annotations

import pytest

from amurkg.text.link import Linker


def linked_entities(linker: Linker, text: str, language: str) -> list[tuple[str, str]]:
    result = linker.link("test", text, language)
    for mention in result.mentions:
        assert text[mention.start : mention.end] == mention.surface
    return [(m.surface, m.entity) for m in result.mentions]


@pytest.mark.parametrize(
    "sentence, surface",
    [
        ("Сотрудничество провинции Хэйлунцзян с Россией.", "провинции Хэйлунцзян"),
        ("Экономика Хэйлунцзяна растёт.", "Хэйлунцзяна"),
        ("В Хэйлунцзяне много лесов.", "Хэйлунцзяне"),
    ],
)
def test_inflected_russian_names_link_to_heilongjiang(linker, sentence, surface):
    assert (surface, "heilongjiang") in linked_entities(linker, sentence, "ru")


@pytest.mark.parametrize(
    "sentence, language, entity",
    [
        ("Делегация прибыла в Благовещенск и Харбину передала письмо.", "ru", "blagoveshchensk"),
        ("Порт в Благовещенске открыт.", "ru", "blagoveshchensk"),
        ("Завод в Хулине закрыт.", "ru", "hulin"),
        ("Путь к Харбину лежит через степь.", "ru", "harbin"),
    ],
)
def test_declined_city_names(linker, sentence, language, entity):
    assert entity in {e for _, e in linked_entities(linker, sentence, language)}


@pytest.mark.parametrize(
    "text, language",
    [
        ("黒龍江省の産業", "ja"),
        ("黑龍江省的产业", "zh"),
        ("黑龙江省的产业", "zh"),
        ("黒竜江省の産業", "ja"),
        ("Heilongjiang Province's industry", "en"),
        ("HEILONGJIANG", "en"),
    ],
)
def test_kanji_and_script_variants_meet(linker, text, language):
    assert "heilongjiang" in {e for _, e in linked_entities(linker, text, language)}


def test_japanese_and_simplified_forms_of_a_county_meet(linker):
    ja = {e for _, e in linked_entities(linker, "撫遠は国境の町である。", "ja")}
    zh = {e for _, e in linked_entities(linker, "抚远是边境城市。", "zh")}
    assert ja == zh == {"fuyuan"}


def test_longest_name_wins_over_the_city_inside_it(linker):
    found = linked_entities(linker, "ハルビン平房工業新区は航空宇宙産業を重視する。", "ja")
    entities = [e for _, e in found]
    assert "harbin" not in entities
    assert any(e.startswith("harbin-pingfang") for e in entities)


def test_latin_names_need_word_boundaries(linker):
    found = linked_entities(linker, "Russian partners met in Harbin, not in Harbinsk.", "en")
    assert ("Harbin", "harbin") in found
    assert [s for s, _ in found if s.startswith("Russia")] == []
    assert len([s for s, _ in found if s.startswith("Harbin")]) == 1


def test_offsets_slice_the_original_file_exactly(built):
    for linked in built.linked:
        for mention in linked.mentions:
            assert linked.text[mention.start : mention.end] == mention.surface
        assert linked.text == next(d for d in built.documents if d.id == linked.document).read_text()


@pytest.mark.parametrize(
    "sentence, language, surface, entity",
    [
        ("Инвесторы из Китая работают в Якутии и на Чукотке.", "ru", "Якутии", "sakha-republic"),
        ("Инвесторы из Китая работают в Якутии и на Чукотке.", "ru", "Чукотке", "chukotka-autonomous-okrug"),
        ("Завод строится в Иркутской области.", "ru", "Иркутской области", "irkutsk-oblast"),
        ("该公司在萨哈(雅库特)共和国开发铁矿。", "zh", "萨哈(雅库特)共和国", "sakha-republic"),
        ("カムチャツカ地方とマガダン州の水産業", "ja", "マガダン州", "magadan-oblast"),
        ("a timber project in the Republic of Buryatia", "en", "Republic of Buryatia", "buryatia"),
    ],
)
def test_far_eastern_federal_subjects_beyond_the_border_regions(linker, sentence, language, surface, entity):
    """Every subject of the Far Eastern Federal District is a catalog region, named in any language and case."""
    assert (surface, entity) in linked_entities(linker, sentence, language)
