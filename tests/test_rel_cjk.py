"""Round 5, rel-cjk: Chinese and Japanese relations carried by a compound of a mark of direction and a
one-character country (对俄经贸合作, 对华合作, 対ロ農業協力, 対ロ貿易額): the clause's subject cooperates with that
country; without a word of cooperation or trade, or without anyone who does it, no edge."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def zh(read_relations):
    return lambda text: read_relations(text, "zh")


@pytest.fixture(scope="module")
def ja(read_relations):
    return lambda text: read_relations(text, "ja")


def test_zh_a_city_cooperating_with_russia_named_by_one_character(zh):
    edge = find_relation(zh("黑河对俄经贸合作近年来持续升温。"), "heihe", "cooperatesWith", "russia")
    assert edge.quote == "黑河对俄经贸合作近年来持续升温。"
    assert edge.modality == "stated"


def test_zh_a_planned_cooperation_with_china_named_by_one_character(zh):
    edge = find_relation(
        zh("阿穆尔州今后还将把农产品加工作为对华合作的重点方向。"), "amur-oblast", "cooperatesWith", "china"
    )
    assert edge.modality == "planned"


def test_zh_no_cooperation_without_a_word_of_it_or_without_a_doer(zh):
    assert not [r for r in zh("佳木斯市对俄出口大豆。") if r.object == "russia"]
    assert not [r for r in zh("实现对俄经贸合作战略升级。") if r.object == "russia"]


def test_ja_a_city_taken_up_by_an_anaphor_cooperates_with_russia(ja):
    relations = ja("撫遠市はウスリー川の合流点に位置する。同市は近年、対ロ農業協力を重点分野に掲げた。")
    edge = find_relation(relations, "fuyuan", "cooperatesWith", "russia")
    assert edge.quote == "同市は近年、対ロ農業協力を重点分野に掲げた。"
    assert edge.modality == "stated"
    assert not [r for r in relations if r.predicate == "targetsIndustry"]  # 農業 names the field only


def test_ja_trade_with_russia_is_cooperation_but_an_export_word_alone_is_not(ja):
    relations = ja("黒龍江省は、ロシアと国境を接し、対ロ貿易額が全国の省の中で最大規模を占める。")
    find_relation(relations, "heilongjiang", "cooperatesWith", "russia")
    assert not [r for r in ja("撫遠市は対ロ輸出を拡大した。") if r.object == "russia"]


def test_zh_a_city_in_a_city_of_its_own_rank_when_the_catalog_puts_it_there(zh):
    edge = find_relation(zh("满洲里市地处呼伦贝尔市西部，是重要的口岸城市。"), "manzhouli", "locatedIn", "hulunbuir")
    assert edge.quote == "满洲里市地处呼伦贝尔市"
    assert edge.modality == "stated"
    assert not [r for r in zh("哈尔滨市位于大庆市东南。") if r.predicate == "locatedIn"]  # not where the catalog has it


def test_zh_financial_support_from_a_government_funds_the_zone(zh):
    relations = zh("哈尔滨经济技术开发区的道路改造获得了俄罗斯政府的资金支持。")
    edge = find_relation(
        relations, "harbin-economic-technological-development-zone", "fundedBy", "government-of-russia"
    )
    assert edge.modality == "stated"
    assert not [r for r in zh("哈尔滨经济技术开发区尚未获得俄罗斯政府的资金支持。") if r.predicate == "fundedBy"]
