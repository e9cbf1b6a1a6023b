"""Round 5, rel2-zh: Chinese doers and objects that the clause rules misread — a place inside a 在-marked
compound is no doer, 全市/园区 at a clause's start take up the city or park named before, a corridor is what one
takes part in, and the joint agents of a passive (由A与B共同运营的X) implement it without a cooperation edge."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def zh(read_relations):
    return lambda text: read_relations(text, "zh")


def test_zh_a_town_inside_a_marked_compound_is_no_doer(zh):
    relations = zh("黑龙江北丰农业科技有限公司在逊克县奇克镇建设了大豆仓储物流中心。")
    assert not [r for r in relations if r.predicate == "implements" and r.subject == "qike-town"]
    doers = [r for r in relations if r.predicate == "implements"]
    assert doers and all(r.subject != "xunke" for r in doers)


def test_zh_whole_city_takes_up_the_city_not_a_zone_named_since(zh):
    relations = zh(
        "黑河市是黑龙江省北部边境开放区的中心城市。按照省里的部署，全市今后五年将着力培育跨境旅游、商贸流通和绿色食品三大产业。"
    )
    edge = find_relation(relations, "heihe", "targetsIndustry", "green-food")
    assert edge.quote == "全市今后五年将着力培育跨境旅游、商贸流通和绿色食品三大产业。"
    assert edge.modality == "planned"
    assert not [
        r
        for r in relations
        if r.subject == "heilongjiang-northern-border-opening-zone" and r.predicate == "targetsIndustry"
    ]


def test_zh_the_park_at_a_clause_start_is_the_park_named_before(zh):
    relations = zh("龙江进出口加工园区新入驻企业三十二家，园区以木材加工、食品加工和机电产业为主导产业。")
    edge = find_relation(
        relations, "suifenhe-longjiang-import-export-processing-park", "targetsIndustry", "wood-processing"
    )
    assert edge.quote == "园区以木材加工、食品加工和机电产业为主导产业。"
    assert edge.modality == "stated"


def test_zh_taking_part_in_a_corridor(zh):
    edge = find_relation(
        zh("绥芬河市将主动融入中蒙俄经济走廊建设。"),
        "suifenhe",
        "participatesIn",
        "china-mongolia-russia-economic-corridor",
    )
    assert edge.modality == "planned"
    assert not [r for r in zh("满洲里是中蒙俄经济走廊的重要节点。") if r.predicate == "participatesIn"]


def test_zh_joint_agents_of_a_passive_implement_it_and_say_no_cooperation(zh):
    relations = zh("由中国石油天然气集团公司与俄罗斯天然气工业股份公司共同运营的中俄东线天然气管道已投产。")
    edge = find_relation(relations, "gazprom", "implements", "dongxian-gas-pipeline")
    assert edge.modality == "stated"
    find_relation(relations, "china-gas-oil-group", "implements", "dongxian-gas-pipeline")
    assert not [r for r in relations if r.predicate == "cooperatesWith"]


def test_zh_partners_doing_something_together_still_cooperate(zh):
    find_relation(zh("东宁市与波尔塔夫卡共同建设互市贸易区。"), "dongning", "cooperatesWith", "poltavka")


def test_zh_joint_agents_named_by_a_compound_both_implement(zh):
    relations = zh("由绥芬河市与俄罗斯滨海边疆区波格拉尼奇内区共同运营的中俄东线天然气管道已投产。")
    find_relation(relations, "suifenhe", "implements", "dongxian-gas-pipeline")
    find_relation(relations, "pogranichny", "implements", "dongxian-gas-pipeline")
    assert not [r for r in relations if r.predicate == "cooperatesWith"]


def test_zh_a_funder_for_an_anaphor_of_a_project_funds_the_project_named_before(zh):
    relations = zh("中俄东线天然气管道已投产。黑龙江省人民政府为该项目安排了专项补贴资金。")
    edge = find_relation(relations, "dongxian-gas-pipeline", "fundedBy", "heilongjiang-provincial-government")
    assert edge.quote == "黑龙江省人民政府为该项目安排了专项补贴资金。"
    assert not [
        r for r in zh("中俄东线天然气管道已投产。黑龙江省人民政府为该市安排了专项资金。") if r.predicate == "fundedBy"
    ]


def test_zh_bordering_in_a_relative_clause_is_not_made_counterparts_by_a_later_port(zh):
    relations = zh("与绥芬河市接壤的波格拉尼奇内区已完成公路口岸改造一期工程。")
    edge = find_relation(relations, "pogranichny", "adjoins", "suifenhe")
    assert edge.modality == "stated"
    assert not [r for r in relations if r.predicate == "counterpartOf"]
