"""Relations the documents state, found by the table parser and the text patterns, with quotes."""

from __future__ import annotations

import pytest

from amurkg.extract.patterns import extract_patterns
from amurkg.extract.tables import extract_tables, find_tables


def entity_named(linker, name: str, language: str) -> str:
    mentions = linker.link("probe", name, language).mentions
    assert mentions, f"{name!r} does not link"
    return mentions[0].entity


def relations_of(built, document_language: str):
    document = next(d for d in built.documents if d.language == document_language)
    return [r for r in built.relations if r.document == document.id]


def test_every_quote_is_a_verbatim_slice_of_its_document(built):
    texts = {linked.document: linked.text for linked in built.linked}
    assert built.relations
    for relation in built.relations:
        assert texts[relation.document][relation.start : relation.end] == relation.quote


def test_japanese_tables_are_found_with_their_rows(built):
    japanese = next(linked for linked in built.linked if linked.language == "ja")
    tables = find_tables(japanese.text)
    assert len(tables) == 3
    assert [len(t.rows) for t in tables][0] >= 15


def test_table_row_park_targets_aerospace_with_the_row_as_quote(built, linker):
    park = entity_named(linker, "平房工業新区", "ja")
    aerospace = entity_named(linker, "宇宙関連産業", "ja")
    harbin = entity_named(linker, "ハルビン市", "ja")
    found = [r for r in built.relations if (r.subject, r.predicate, r.object) == (park, "targetsIndustry", aerospace)]
    assert found and found[0].method == "table"
    assert "平房工業新区" in found[0].quote and "\t" in found[0].quote
    assert any(
        (r.subject, r.predicate, r.object, r.method) == (park, "locatedIn", harbin, "table") for r in built.relations
    )


def test_table_three_hinterland_cities(built, linker):
    mudanjiang = entity_named(linker, "牡丹江", "ja")
    zone = entity_named(linker, "東南部国境開放区", "ja")
    assert any((r.subject, r.predicate, r.object) == (mudanjiang, "hinterlandOf", zone) for r in built.relations)


def test_table_parser_reads_a_new_table_of_the_same_layout(linker, catalog):
    text = "表5 新しい表\n\n大慶市\t石油化学産業\n\t紅崗建材加工区\t建材\n出所：筆者作成\n"
    linked = linker.link("synthetic", text, "ja")
    relations, _ = extract_tables(linked, catalog)
    daqing = entity_named(linker, "大慶市", "ja")
    triples = {(r.subject, r.predicate, r.object) for r in relations}
    park = entity_named(linker, "紅崗建材加工区", "ja")
    assert (park, "locatedIn", daqing) in triples
    assert any(s == daqing and p == "targetsIndustry" for s, p, _ in triples)


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("黒河とブラゴベシチェンスクは川を隔てて協力している。", "ja"),
        ("黑河与布拉戈维申斯克是一对口岸城市。", "zh"),
        ("Благовещенск и Хэйхэ, стоящие напротив, развивают торговлю.", "ru"),
        ("Heihe and Blagoveshchensk face each other across the Amur.", "en"),
    ],
)
def test_cross_border_pair_pattern_in_each_language(linker, catalog, sentence, language):
    linked = linker.link("synthetic", sentence, language)
    relations = extract_patterns(linked, catalog)
    pairs = {frozenset((r.subject, r.object)) for r in relations if r.predicate == "counterpartOf"}
    assert frozenset(("heihe", "blagoveshchensk")) in pairs, [(m.surface, m.entity) for m in linked.mentions]


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("绥芬河与乌苏里斯克签署了物流协议。", "zh"),
        ("綏芬河とウスリースクは物流の協定に署名した。", "ja"),
        ("Суйфэньхэ и Уссурийск подписали соглашение о логистике.", "ru"),
        ("Suifenhe and Ussuriysk signed a logistics agreement.", "en"),
    ],
)
def test_a_cross_border_pair_without_a_word_of_facing_is_no_counterpart(linker, catalog, sentence, language):
    linked = linker.link("synthetic", sentence, language)
    assert not [r for r in extract_patterns(linked, catalog) if r.predicate == "counterpartOf"], [
        (m.surface, m.entity) for m in linked.mentions
    ]


def test_no_pair_between_two_cities_of_one_country(linker, catalog):
    linked = linker.link("synthetic", "ハルビンと大慶は協力している。", "ja")
    assert not [r for r in extract_patterns(linked, catalog) if r.predicate == "counterpartOf"]


def test_corridor_members_from_a_bracket(built, linker):
    corridor = entity_named(linker, "哈大齊工業回廊", "ja")
    members = {
        r.subject for r in built.relations if r.predicate == "partOf" and r.object == corridor and r.method != "catalog"
    }
    assert {entity_named(linker, n, "ja") for n in ("ハルビン", "大慶", "チチハル")} <= members


def test_each_document_proposes_models(built):
    proposers = {r.document for r in built.relations if r.predicate == "proposes"}
    assert proposers, "no document proposes a cooperation model"


def test_a_list_of_pairs_is_read_pair_by_pair(linker, catalog):
    linked = linker.link(
        "synthetic",
        "対岸の都市は、例えば、黒河とブラゴベシチェンスク、綏芬河とポグラニチヌイ、同江とビロビジャンである。",
        "ja",
    )
    pairs = {
        frozenset((r.subject, r.object)) for r in extract_patterns(linked, catalog) if r.predicate == "counterpartOf"
    }
    assert pairs == {
        frozenset(("heihe", "blagoveshchensk")),
        frozenset(("suifenhe", "pogranichny")),
        frozenset(("tongjiang", "birobidzhan")),
    }


def test_no_adjacency_between_a_region_and_its_own_country(linker, catalog):
    linked = linker.link("synthetic", "The Russian Far East and Russia are adjacent to Japan.", "en")
    assert not [
        r
        for r in extract_patterns(linked, catalog)
        if r.predicate == "adjoins" and {r.subject, r.object} == {"russian-far-east", "russia"}
    ]


def test_footnoted_group_members(linker, catalog):
    text = "新しい計画では綏東綏³を重点とする。\n\n³ 綏芬河、東寧、綏陽、以下同じ。\n"
    linked = linker.link("synthetic", text, "ja")
    group = entity_named(linker, "綏東綏", "ja")
    members = {r.subject for r in extract_patterns(linked, catalog) if r.predicate == "partOf" and r.object == group}
    assert members == {"suifenhe", "dongning", "suiyang"}
    quote = next(r.quote for r in extract_patterns(linked, catalog) if r.object == group)
    assert quote == "綏芬河、東寧、綏陽、以下同じ。"


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("黒河市はアムール川を挟んでブラゴベシチェンスク市と向かい合っている。", "ja"),
        ("Heihe faces Blagoveshchensk across the Amur River, opposite each other.", "en"),
    ],
)
def test_places_across_a_river_adjoin_each_other_not_the_river(linker, catalog, sentence, language):
    linked = linker.link("synthetic", sentence, language)
    adjoining = {
        frozenset((r.subject, r.object)) for r in extract_patterns(linked, catalog) if r.predicate == "adjoins"
    }
    assert adjoining == {frozenset(("heihe", "blagoveshchensk"))}


def test_a_russian_place_name_that_is_also_a_word_links_only_when_capitalised(linker):
    found = linker.link("synthetic", "Открыт пограничный переход у Суйфэньхэ: Суйфэньхэ и Пограничный.", "ru").mentions
    assert [m.entity for m in found].count("pogranichny") == 1
    linked = linker.link("synthetic", "Развитие пограничной торговли и пограничный переход.", "ru")
    assert "pogranichny" not in {m.entity for m in linked.mentions}


def test_a_markdown_pipe_table_is_read_like_a_tab_table(linker, catalog):
    text = (
        "Zones of the region\n\n| City | Zone | Industries |\n|---|---|---|\n"
        "| Daqing | | petrochemicals, new materials |\n| | Honggang Building Materials Processing Zone | building materials |\n\n"
        "Source: author.\n"
    )
    linked = linker.link("synthetic", text, "en")
    relations, _ = extract_tables(linked, catalog)
    triples = {(r.subject, r.predicate, r.object) for r in relations}
    park = entity_named(linker, "紅崗建材加工区", "ja")
    assert (park, "locatedIn", "daqing") in triples
    assert ("daqing", "targetsIndustry", "petrochemicals") in triples
    assert all(linked.text[r.start : r.end] == r.quote and r.quote.startswith("|") for r in relations)


def test_a_numbered_heading_naming_a_model_is_proposed_by_the_document(linker, catalog):
    text = "3. 主な協力モデル\n\n(2) アンゴラモデル\n\n中国はアンゴラに借款を提供した。\n"
    linked = linker.link("synthetic", text, "ja")
    model = entity_named(linker, "アンゴラモデル", "ja")
    found = [r for r in extract_patterns(linked, catalog) if r.predicate == "proposes" and r.object == model]
    assert found and found[0].subject == "document/synthetic" and found[0].quote == "(2) アンゴラモデル"


@pytest.mark.parametrize(
    "sentence, language",
    [
        ("Heilongjiang Province and Russia's Khabarovsk Krai agreed to expand cooperation in tourism.", "en"),
        ("黑龙江省与俄罗斯哈巴罗夫斯克边疆区签署了合作协议。", "zh"),
    ],
)
def test_a_country_that_only_qualifies_the_next_place_is_no_party(linker, catalog, sentence, language):
    linked = linker.link("t", sentence, language)
    from amurkg.extract.clauses import extract_clauses

    relations = extract_patterns(linked, catalog) + extract_clauses(linked, catalog)
    pairs = {frozenset((r.subject, r.object)) for r in relations if r.predicate == "cooperatesWith"}
    assert frozenset(("heilongjiang", "russia")) not in pairs
    assert frozenset(("heilongjiang", "khabarovsk-krai")) in pairs
