"""Open-world discovery in Chinese and Japanese running text: facilities, bodies and firms named by
an ordinary noun phrase before a class head, places the catalog lacks written as transliterations
or katakana, and katakana firms introduced by a class noun. Every sentence uses other places and
words than the development texts that inspired the rule."""

from __future__ import annotations

import pytest

from amurkg.extract.discovery import Discovery


def entity_named(discovery: Discovery, surface: str):
    """The proposed entity the mention with this surface links to (None when there is none)."""
    ids = [m.entity for m in discovery.linked.mentions if m.surface == surface]
    proposed = {e.id: e for e in discovery.entities}
    return next((proposed[i] for i in ids if i in proposed), None)


def edges(discovery: Discovery) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in discovery.relations}


# --- facilities and bodies: a class head and the name material before it ---------------------


@pytest.mark.parametrize(
    "text, surface, cls, kind",
    [
        ("东宁粮油仓储中心将于明年投入运营。", "东宁粮油仓储中心", "Project", "Infrastructure"),
        ("黑龙江省将加快建设中俄（绥芬河）跨境电商枢纽。", "中俄（绥芬河）跨境电商枢纽", "Project", "Infrastructure"),
        (
            "萨哈林州多林斯克市与同江市签署协议，多林斯克水产加工厂将建在当地。",
            "多林斯克水产加工厂",
            "Project",
            "Infrastructure",
        ),
        ("滨海边疆区发展银行将提供贷款。", "滨海边疆区发展银行", "Organization", "Company"),
        ("该铁路由中方企业与俄罗斯铁路运输公司共同建设。", "俄罗斯铁路运输公司", "Organization", "Company"),
        ("项目由鑫源国际粮食公司负责运营。", "鑫源国际粮食公司", "Organization", "Company"),
    ],
)
def test_zh_head_noun_names(found, text, surface, cls, kind):
    entity = entity_named(found(text, "zh"), surface)
    assert entity is not None, surface
    assert (entity.cls, entity.subclass, entity.labels["zh"]) == (cls, kind, surface)


def test_zh_bracketed_place_names_where_the_hub_lies(found):
    discovery = found("黑龙江省将加快建设中俄（绥芬河）跨境电商枢纽。", "zh")
    hub = entity_named(discovery, "中俄（绥芬河）跨境电商枢纽")
    assert (hub.id, "locatedIn", "suifenhe") in edges(discovery)


def test_zh_bank_named_after_a_region_is_not_placed_there(found):
    discovery = found("滨海边疆区发展银行将提供贷款。", "zh")
    bank = entity_named(discovery, "滨海边疆区发展银行")
    assert bank.located_in == ()
    national = entity_named(found("该铁路由中方企业与俄罗斯铁路运输公司共同建设。", "zh"), "俄罗斯铁路运输公司")
    assert national.located_in == ("russia",)  # a national firm lies in its country


@pytest.mark.parametrize(
    "text",
    [
        "该中心以木材加工为主。",
        "哈尔滨市中心人口较多。",
        "同江口岸是该市唯一的对俄口岸。",
        "转变对俄技术合作中心的职能。",
        "重点发展银行业和保险业。",
        "与俄罗斯物流中心合作。",
        "多家企业计划在滨海边疆区投资建厂。",
    ],
)
def test_zh_generic_uses_are_no_names(found, text):
    discovery = found(text, "zh")
    new = {e.labels.get("zh") for e in discovery.entities}
    assert not {n for n in new if n and ("中心" in n or "口岸" in n or "银行" in n or "厂" in n)} - {"同江口岸"}, new


def test_zh_name_edge_moves_back_into_a_place_the_text_names(found):
    # jieba reads 多 of 多林斯克 as "many"; the town named in the same text gives the name its first character
    discovery = found("萨哈林州多林斯克市与同江市签署协议，多林斯克水产加工厂将建在当地。", "zh")
    assert entity_named(discovery, "多林斯克水产加工厂") is not None
    assert entity_named(discovery, "林斯克水产加工厂") is None


def test_zh_glued_preposition_is_no_part_of_the_name(found):
    discovery = found("由金禾国际粮食公司负责运营。", "zh")
    assert entity_named(discovery, "金禾国际粮食公司").cls == "Organization"


# --- places the catalog lacks ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, surface, cls, region",
    [
        ("该铁路起自外贝加尔边疆区希洛克，经满洲里进入中国。", "zh", "希洛克", "City", "zabaykalsky-krai"),
        ("滨海边疆区萨维诺镇与珲春市签署协议。", "zh", "萨维诺镇", "City", "primorsky-krai"),
        ("线路起自克麦罗沃州，经别的城市。", "zh", "克麦罗沃州", "Region", None),
        ("沿海地方のパルチザンスク市は水産業を柱とする。", "ja", "パルチザンスク市", "City", "primorsky-krai"),
        ("アムール州のベロゴルスク地区に工場がある。", "ja", "ベロゴルスク地区", "City", "amur-oblast"),
        ("鳥取県はロシアとの交流を進めている。", "ja", "鳥取県", "Region", None),
        ("黒龍江省の綏化市は農業が盛んだ。", "ja", "綏化市", "City", "heilongjiang"),
        ("秋田市に本社を置く商社が進出した。", "ja", "秋田市", "City", None),
    ],
)
def test_foreign_places_by_the_look_of_their_name(found, text, language, surface, cls, region):
    discovery = found(text, language)
    place = entity_named(discovery, surface)
    assert place is not None, surface
    assert place.cls == cls
    if region is not None:
        assert (place.id, "locatedIn", region) in edges(discovery)


def test_zh_transliteration_after_a_place_found_just_before(found):
    discovery = found("管道起自阿尔泰共和国恰扬达，经布拉戈维申斯克进入中国。", "zh")
    assert entity_named(discovery, "阿尔泰共和国").cls == "Region"
    assert entity_named(discovery, "恰扬达").cls == "City"


@pytest.mark.parametrize(
    "text, language",
    [
        ("黒龍江省のシェア市場は大きい。", "ja"),
        ("黒龍江省のシェアを高める必要がある。", "ja"),
        ("同市は港を持つ。", "ja"),
        ("工業都市として発展した大都市の市場。", "ja"),
        ("阿穆尔州达到了目标。", "zh"),
    ],
)
def test_no_place_from_ordinary_words(found, text, language):
    assert [e for e in found(text, language).entities if e.cls in ("City", "Region")] == []


# --- Japanese: firms and bodies ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, cls",
    [
        ("建材メーカーのシベリアテックが工場を建てた。", "シベリアテック", "Organization"),
        ("新潟の物流会社である越後ロジテックは倉庫を開いた。", "越後ロジテック", "Organization"),
        ("中国側の負担分は吉林省国境開発基金が拠出する予定だ。", "吉林省国境開発基金", "Organization"),
        ("ロシア経済発展省は計画を承認した。", "ロシア経済発展省", "Organization"),
        ("同社はアムールスク木材加工工場を建設した。", "アムールスク木材加工工場", "Project"),
        ("両市は「ハンカ湖国際観光ゲートウェイ」を整備する。", "ハンカ湖国際観光ゲートウェイ", "Project"),
    ],
)
def test_ja_firms_bodies_and_facilities(found, text, surface, cls):
    entity = entity_named(found(text, "ja"), surface)
    assert entity is not None, surface
    assert entity.cls == cls


def test_ja_no_company_from_a_class_noun_and_ordinary_words(found):
    assert [e for e in found("企業のロシア進出が続く。同工場は稼働した。", "ja").entities] == []
    assert found("港に新型物流倉庫を建てる。", "ja").entities == []  # 新|型: no 型物流倉庫


def test_ja_fund_named_after_a_province_is_not_placed_there(found):
    fund = entity_named(found("負担分は吉林省国境開発基金が拠出する。", "ja"), "吉林省国境開発基金")
    assert fund.located_in == ()


@pytest.mark.parametrize(
    "text, language, surface",
    [
        ("経済発展省が主導する「国境協力特区」制度の下で進出が進んだ。", "ja", "国境協力特区"),
        ("黑龙江省积极落实“跨境产业链”政策。", "zh", "跨境产业链"),
    ],
)
def test_bracketed_term_before_a_kind_noun_is_a_program(found, text, language, surface):
    entity = entity_named(found(text, language), surface)
    assert entity is not None and entity.cls == "Program"


def test_bracketed_word_without_a_kind_noun_is_no_program(found):
    assert found("同社は「安心」を掲げている。", "ja").entities == []


def test_ja_port_after_a_place_found_in_the_text(found):
    # 秋 would not open a name; the prefecture named before gives the port its stem
    discovery = found("秋田県はロシアとの交流を進める。秋田港には定期航路がある。", "ja")
    assert entity_named(discovery, "秋田県").cls == "Region"
    assert entity_named(discovery, "秋田港").cls == "Port"
