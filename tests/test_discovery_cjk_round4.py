"""Open-world discovery in Chinese and Japanese, round 4: townships named right after their county,
lenders named in common words, breeding bases and processing parks, katakana towns of several words
joined by a middle dot, and firms right after a class noun. Every sentence uses other places and
words than the texts that inspired the rule (the held-out sets and the older blind sets)."""

from __future__ import annotations

import pytest

from amurkg.extract.discovery import Discovery


def entity_named(discovery: Discovery, surface: str):
    """The proposed entity the mention with this surface links to (None when there is none)."""
    ids = [m.entity for m in discovery.linked.mentions if m.surface == surface]
    proposed = {e.id: e for e in discovery.entities}
    return next((proposed[i] for i in ids if i in proposed), None)


def proposed_surfaces(discovery: Discovery) -> set[str]:
    proposed = {e.id for e in discovery.entities}
    return {m.surface for m in discovery.linked.mentions if m.entity in proposed}


@pytest.mark.parametrize(
    "text, surface, county",
    [
        ("抚远市海青乡开展了对俄果蔬种植合作。", "海青乡", "fuyuan"),
        ("虎林市虎头镇将新建一座冷库。", "虎头镇", "hulin"),
    ],
)
def test_zh_township_right_after_its_county(found, text, surface, county):
    township = entity_named(found(text, "zh"), surface)
    assert township is not None, surface
    assert (township.cls, township.labels["zh"], township.located_in) == ("City", surface, (county,))


@pytest.mark.parametrize("text", ["饶河县新农村建设加快。", "逊克县城乡居民收入提高。", "饶河县各乡镇积极参与。"])
def test_zh_common_words_after_a_county_are_no_township(found, text):
    assert not {s for s in proposed_surfaces(found(text, "zh")) if s.endswith(("乡", "镇", "村"))}


@pytest.mark.parametrize(
    "text, surface, cls",
    [
        ("项目资金来自亚洲基础设施投资银行。", "亚洲基础设施投资银行", "Organization"),
        ("同江市将建设黑龙江鳇鱼繁育基地。", "黑龙江鳇鱼繁育基地", "Project"),
        ("绥芬河市将建设中俄木材加工园。", "中俄木材加工园", "Park"),
    ],
)
def test_zh_lenders_bases_and_parks_in_common_words(found, text, surface, cls):
    entity = entity_named(found(text, "zh"), surface)
    assert entity is not None, surface
    assert (entity.cls, entity.labels["zh"]) == (cls, surface)


def test_zh_a_kind_of_bank_is_no_bank(found):
    assert not proposed_surfaces(found("多家国有商业银行参与了融资。", "zh"))


@pytest.mark.parametrize(
    "text, surface, cls",
    [
        ("ユジノ・サハリンスク市では港湾整備が進む。", "ユジノ・サハリンスク市", "City"),
        ("同港の改修には政策投資銀行が融資した。", "政策投資銀行", "Organization"),
        ("沖縄振興開発金融公庫が資金を出した。", "沖縄振興開発金融公庫", "Organization"),
        ("精密機器メーカー東洋オプティクスが出資した。", "東洋オプティクス", "Organization"),
    ],
)
def test_ja_towns_lenders_and_firms(found, text, surface, cls):
    entity = entity_named(found(text, "ja"), surface)
    assert entity is not None, surface
    assert (entity.cls, entity.labels["ja"]) == (cls, surface)


@pytest.mark.parametrize("text", ["日本の民間銀行が融資した。", "大手メーカーの技術を導入した。"])
def test_ja_kinds_of_lender_or_firm_are_no_names(found, text):
    assert not proposed_surfaces(found(text, "ja"))


@pytest.mark.parametrize(
    "text, surface, place",
    [
        ("鹤岗市计划明年在萝北建设蜂蜜加工园区。", "蜂蜜加工园区", "luobei"),
        ("该企业将在犹太自治州建设牧草种植和加工基地。", "牧草种植和加工基地", "jewish-autonomous-oblast"),
    ],
)
def test_zh_facility_built_at_a_named_place(found, text, surface, place):
    facility = entity_named(found(text, "zh"), surface)
    assert facility is not None, surface
    assert place in facility.located_in


@pytest.mark.parametrize("text", ["鼓励各地建设农产品加工园区。", "在抚远建设大型园区。"])
def test_zh_facility_of_a_kind_is_no_name(found, text):
    assert not {s for s in proposed_surfaces(found(text, "zh")) if s.endswith(("园区", "基地"))}
