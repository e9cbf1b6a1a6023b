"""The gazetteer: GeoNames towns the catalog lacks, found in four languages as one entity each."""

from __future__ import annotations

from functools import lru_cache

import pytest

from amurkg.corpus.catalog import Catalog, Entity, load_catalog
from amurkg.extract.gazetteer import add_towns, geonames_iri, towns
from amurkg.layout import PACKAGE_ROOT
from amurkg.pipeline.process import process_document
from amurkg.text.link import Linker

pytestmark = pytest.mark.skipif(not towns(), reason="seeds/gazetteer/places.tsv is absent")


@lru_cache(maxsize=1)
def _catalog() -> Catalog:
    return load_catalog(PACKAGE_ROOT / "seeds" / "catalog")


@lru_cache(maxsize=1)
def _linker() -> Linker:
    return Linker(_catalog())


def _towns(text: str, language: str) -> tuple[dict[str, list[str]], dict[str, Entity]]:
    linked = _linker().link("t", text, language)
    with_towns, entities = add_towns(linked, _catalog())
    found: dict[str, list[str]] = {}
    ids = {e.id for e in entities}
    for mention in with_towns.mentions:
        if mention.entity in ids:
            found.setdefault(mention.entity, []).append(mention.surface)
    return found, {e.id: e for e in entities}


def test_russian_towns_in_any_case():
    found, entities = _towns("Поезд шёл из Тынды через Сковородино, а нефть в Сковородине переваливают.", "ru")
    assert found["tynda"] == ["Тынды"]
    assert found["skovorodino"] == ["Сковородино", "Сковородине"]
    assert entities["skovorodino"].located_in == ("amur-oblast",)
    assert entities["skovorodino"].status == "proposed" and entities["skovorodino"].cls == "City"


def test_russian_common_word_only_after_a_cue():
    found, _ = _towns("Прогресс налицо, прогресс идёт. Завод построят в посёлке Прогресс.", "ru")
    assert len(found.get("progress", [])) == 1
    found, _ = _towns("Прогресс очевиден всем участникам переговоров.", "ru")
    assert "progress" not in found


def test_chinese_whole_words_and_short_names():
    found, _ = _towns("代表团从珲春市出发，经过长春，沿长安街参观了东方红小学。", "zh")
    assert found["hunchun"] == ["珲春市"]
    assert found["changchun"] == ["长春"]  # two characters, but a large city
    assert not {"changan", "dongfang"} & set(found)
    found, _ = _towns("他们谈到珲春的发展。", "zh")
    assert "hunchun" not in found  # two characters, a small town, no suffix


def test_japanese_kanji_and_katakana():
    found, entities = _towns("視察団は琿春駅を出て、長春市とスコボロディノを訪れた。", "ja")
    assert found["hunchun"] == ["琿春"]
    assert found["changchun"] == ["長春市"]
    assert found["skovorodino"] == ["スコボロディノ"]
    assert entities["hunchun"].labels["ja"] == "琿春"
    found, _ = _towns("一行はクラスキノの税関を見学した。", "ja")
    assert "kraskino" in found  # no katakana in GeoNames: read by its consonant outline


def test_english_capitalised_and_common_words():
    found, _ = _towns("Trade via Hunchun grew, and the town of Progress opened a depot. Progress was slow.", "en")
    assert found["hunchun"] == ["Hunchun"]
    assert found["progress"] == ["Progress"]
    found, _ = _towns("The hunchun delegation praised the progress made.", "en")
    assert not found


def test_one_entity_across_languages():
    ids = set()
    for text, language in (
        ("Skovorodino lies on the railway.", "en"),
        ("Станция Сковородино стоит на магистрали.", "ru"),
        ("斯科沃罗季诺是一个小城。", "zh"),
        ("スコボロディノは小さな町だ。", "ja"),
    ):
        found, entities = _towns(text, language)
        ids |= set(found)
        assert set(entities["skovorodino"].labels) == {"en", "ru", "zh", "ja"}
    assert ids == {"skovorodino"}
    entity = _towns("Skovorodino", "en")[1]["skovorodino"]
    assert geonames_iri(entity) == "https://sws.geonames.org/2016443/"


def test_the_catalog_wins():
    catalog = _catalog()
    assert "harbin" in catalog and "blagoveshchensk" in catalog
    found, entities = _towns("Harbin and Blagoveshchensk signed, and Khabarovsk joined.", "en")
    assert not found and not entities  # GeoNames has all three: the catalog's entities are them
    linked = _linker().link("t", "Делегация из Благовещенска прибыла в Тынду.", "ru")
    with_towns, _ = add_towns(linked, catalog)
    assert {m.entity for m in with_towns.mentions} == {"blagoveshchensk", "tynda"}


def test_a_name_containing_a_town_sees_it_as_a_place():
    linked = _linker().link("t", "The Skovorodino Oil Terminal ships crude to China.", "en")
    outcome = process_document(linked, _catalog())
    terminal = [e for e in outcome.proposed if e.id != "skovorodino" and "skovorodino" in e.id]
    assert terminal, [e.id for e in outcome.proposed]
    assert any(r.subject == terminal[0].id and r.object == "skovorodino" for r in outcome.relations)


def test_a_prefecture_or_district_sharing_a_towns_name_is_not_the_town(read_relations):
    """新潟県 is the prefecture, not the city of Niigata; 愛輝区 the district of Heihe, not the town Aihui."""
    relations = read_relations("同社は新潟県長岡市に本社を置き、黒河市の愛輝区にも工場がある。", "ja")
    edges = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("aihui-district", "locatedIn", "heihe") in edges
    assert any(s.endswith("-city") and o.endswith("-prefecture") for s, p, o in edges if p == "locatedIn"), edges
    assert not any("niigata" in (s, o) or "aihui" in (s, o) for s, _, o in edges)


def test_a_name_several_towns_share_is_the_one_in_the_region_the_text_names():
    found, _ = _towns("Лесозавод открылся в посёлке Горный Хабаровского края.", "ru")
    assert "gornyy-khabarovsk-krai-2023920" in found
    found, _ = _towns("Лесозавод открылся в посёлке Горный.", "ru")
    assert not [t for t in found if t.startswith("gorn")]  # three Gornyys of about one size: none is meant


def test_a_town_named_with_another_region_is_not_the_gazetteers_town():
    # the gazetteer's one Ivanovka lies in Primorye; an Ivanovka of Amur Oblast is another village
    found, _ = _towns("Элеватор построят в селе Ивановка Амурской области.", "ru")
    assert "ivanovka" not in found
    found, _ = _towns("Элеватор построят в селе Ивановка Приморского края.", "ru")
    assert found.get("ivanovka") == ["Ивановка"]


@pytest.mark.parametrize(
    ("text", "language", "surface", "unit", "cls"),
    [
        ("Поезд из Германии прибыл в Харбин.", "ru", "Германии", "germany", "Country"),
        ("Делегация КНДР посетила Хуньчунь.", "ru", "КНДР", "north-korea", "Country"),
        ("有来自肯尼亚、加拿大等国家的代表团参会。", "zh", "肯尼亚", "kenya", "Country"),
        ("还有宁夏、四川等省区组团参会。", "zh", "四川", "sichuan", "Region"),
        ("四川省の企業がハルビンに進出した。", "ja", "四川省", "sichuan", "Region"),
        ("カザフスタン経由の貨物列車", "ja", "カザフスタン", "kazakhstan", "Country"),
        ("Trains from Sichuan Province reach Kazakhstan.", "en", "Kazakhstan", "kazakhstan", "Country"),
        ("Компания работает в Новосибирской области.", "ru", "Новосибирской области", "novosibirsk-oblast", "Region"),
    ],
)
def test_countries_provinces_and_regions_the_catalog_lacks(text, language, surface, unit, cls):
    found, entities = _towns(text, language)
    assert surface in found.get(unit, []), found
    assert entities[unit].cls == cls


def test_a_country_name_that_is_a_word_or_a_given_name_needs_a_cue():
    found, _ = _towns("Jordan said the Amur project would go ahead.", "en")
    assert "jordan" not in found
    found, _ = _towns("Того же мнения придерживаются в Перу.", "ru")
    assert "togo" not in found


def test_a_province_from_the_gazetteer_lies_in_its_country(project_copy):
    from amurkg.pipeline.build import build

    (project_copy.documents / "sichuan.txt").write_text("四川省与阿穆尔州签署合作协议。", encoding="utf-8")
    with project_copy.document_listing.open("a", encoding="utf-8") as listing:
        listing.write(
            "\n- id: sichuan-news\n  file: sichuan.txt\n  language: zh\n  title: {original: 四川, en: Sichuan}\n"
        )
    graph = build(project_copy, validate=False, use_cache=False).graph
    answer = graph.query(
        """PREFIX ak: <https://w3id.org/amurkg/ontology#> PREFIX id: <https://w3id.org/amurkg/id/>
        SELECT ?place ?method WHERE { id:sichuan a ak:Region ; ak:locatedIn ?place .
          ?e a ak:Evidence ; rdf:subject id:sichuan ; rdf:predicate ak:locatedIn ; rdf:object ?place ;
             ak:method ?method }"""
    )
    assert [(str(place).rsplit("/", 1)[-1], str(method)) for place, method in answer] == [("china", "gazetteer")]
