"""Open-world discovery in Japanese, round 5 wave 2 (helper ent2-ja): branches and offices, a kanji district
right after its city, prefectures of Japan (Sudachi's place names), two places joined by the middle dot
before a link's head, and firms named by a katakana ending with no class noun. Sentences use other places
and firms than the held-out texts."""

from __future__ import annotations

import pytest

from amurkg.extract.discovery import Discovery


def entity_named(discovery: Discovery, surface: str):
    ids = [m.entity for m in discovery.linked.mentions if m.surface == surface]
    proposed = {e.id: e for e in discovery.entities}
    return next((proposed[i] for i in ids if i in proposed), None)


def proposed_surfaces(discovery: Discovery) -> set[str]:
    proposed = {e.id for e in discovery.entities}
    return {m.surface for m in discovery.linked.mentions if m.entity in proposed}


def test_ja_branch_of_a_bank_lies_in_its_last_place(found):
    branch = entity_named(found("中国銀行ハバロフスク支店が融資した。", "ja"), "中国銀行ハバロフスク支店")
    assert branch is not None
    assert (branch.cls, branch.located_in) == ("Organization", ("khabarovsk",))


def test_ja_district_right_after_its_city(found):
    district = entity_named(found("工場は牡丹江市の東安区に位置する。", "ja"), "東安区")
    assert district is not None
    assert (district.cls, district.located_in) == ("City", ("mudanjiang",))


@pytest.mark.parametrize("text", ["ハルビン市の工業区に工場がある。", "ハルビン市の開発区では企業が増えた。"])
def test_ja_common_noun_and_district_suffix_is_no_district(found, text):
    assert not {s for s in proposed_surfaces(found(text, "ja")) if s.endswith("区")}


@pytest.mark.parametrize("text, surface", [("本社は大阪府にある。", "大阪府"), ("北海道の企業が参加した。", "北海道")])
def test_ja_prefecture_of_japan(found, text, surface):
    prefecture = entity_named(found(text, "ja"), surface)
    assert prefecture is not None
    assert (prefecture.cls, prefecture.located_in) == ("Region", ("japan",))


@pytest.mark.parametrize(
    "text",
    [
        "ハバロフスクは極東の中心都市だ。",
        "アムール州の州都である。",
        "高速道の整備が進む。",
        "ウスリースクは物流の拠点都市であり、極東の玄関口だ。",
    ],
)
def test_ja_role_nouns_are_no_places(found, text):
    assert not proposed_surfaces(found(text, "ja"))


def test_ja_city_right_after_its_prefecture(found):
    assert "富山市" in proposed_surfaces(found("同社は富山県富山市に本社を置く。", "ja"))


def test_ja_two_places_joined_by_the_dot_name_one_link(found):
    discovery = found("綏芬河・ポグラニチヌイ道路橋が完成した。", "ja")
    assert "綏芬河・ポグラニチヌイ道路橋" in proposed_surfaces(discovery)


@pytest.mark.parametrize(
    "text, surface",
    [("札幌フィッシュが水産物を輸出する。", "札幌フィッシュ"), ("ハバルトランスは物流を担う。", "ハバルトランス")],
)
def test_ja_firm_named_by_a_katakana_ending(found, text, surface):
    firm = entity_named(found(text, "ja"), surface)
    assert firm is not None and firm.cls == "Organization"


@pytest.mark.parametrize("text", ["ロジスティクスは重要だ。", "グローバルロジスティクスが課題だ。"])
def test_ja_katakana_ending_alone_or_generic_is_no_firm(found, text):
    assert not proposed_surfaces(found(text, "ja"))


def test_ja_country_right_against_an_agencys_words_names_it(found):
    agency = entity_named(found("日本観光振興機構が説明会を開いた。", "ja"), "日本観光振興機構")
    assert agency is not None
    assert (agency.cls, agency.located_in) == ("Organization", ("japan",))


def test_ja_country_and_no_before_an_agency_only_says_whose(found):
    assert not proposed_surfaces(found("日本の観光振興機構が説明会を開いた。", "ja"))


def test_ja_branch_of_a_development_bank_keeps_the_whole_bank(found):
    discovery = found("中国輸出開発銀行ハバロフスク支店が融資した。", "ja")
    assert "中国輸出開発銀行ハバロフスク支店" in proposed_surfaces(discovery)


def test_ja_corridor_between_two_dashed_places(found):
    discovery = found("両市は「ハバロフスク—ウラジオストク鉄道輸送回廊」を整備する。", "ja")
    assert "ハバロフスク—ウラジオストク鉄道輸送回廊" in proposed_surfaces(discovery)


def test_ja_corridor_of_a_country_is_no_name(found):
    assert not proposed_surfaces(found("ロシアの輸送回廊が整う。国際輸送回廊の一部だ。", "ja"))


def test_ja_festival_named_in_words(found):
    festival = entity_named(
        found("同市は「中ロ国境文化フェスティバル」を開催する。", "ja"), "中ロ国境文化フェスティバル"
    )
    assert festival is not None and festival.cls == "Event"
