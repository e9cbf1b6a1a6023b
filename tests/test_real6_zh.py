"""Round 6, real6-zh: kinds read off the misses of real Chinese web texts (the sentences here are written
for the tests, not taken from them) — half-width commas between clauses, a name after its verb that opens
no topic, …"""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def zh(read_relations):
    return lambda text: read_relations(text, "zh")


def test_zh_half_width_commas_cut_clauses(zh):
    relations = zh("绥芬河市将完善口岸通关机制,推进绥芬河公路大桥改造,推动东宁界河桥前期工作。")
    edge = find_relation(relations, "suifenhe", "implements", "suifenhe-road-bridge")
    assert edge.quote == "绥芬河市将完善口岸通关机制,推进绥芬河公路大桥改造,"
    later = [r for r in relations if r.subject == "dongning-jiehe-bridge"]
    assert all(r.rule == "name:ends" for r in later)  # the next clause's bridge: only what its own name says
    figures = zh("大桥全长1,284米,由黑龙江省负责建设。")
    assert not [r for r in figures if "1,284" in r.quote and r.quote.endswith("1,")]


def test_zh_a_name_after_its_verb_opens_no_topic(zh):
    relations = zh("绥芬河市将完善口岸通关机制，推进绥芬河公路大桥改造，推动东宁界河桥前期工作。")
    find_relation(relations, "suifenhe", "implements", "suifenhe-road-bridge")
    edge = find_relation(relations, "suifenhe", "implements", "dongning-jiehe-bridge")
    assert edge.quote.endswith("推动东宁界河桥前期工作。")


def test_zh_an_address_line_of_an_imprint_opens_no_topic(zh):
    relations = zh("哈尔滨市南岗区学府路 74 号 邮编：150080  网址：www.example.cn\n\n积极推进，大力发展装备制造产业。")
    assert not [r for r in relations if r.predicate == "targetsIndustry"]


def test_zh_a_pair_of_countries_opening_a_clause_is_both_doers(zh):
    relations = zh("当年,中俄两国政府签订了《中俄贷款换石油协议》,能源合作由此起步。")
    edge = find_relation(relations, "china", "signs", "china-russia-loans-for-oil-agreement")
    assert edge.quote == "中俄两国政府签订了《中俄贷款换石油协议》,"
    find_relation(relations, "russia", "signs", "china-russia-loans-for-oil-agreement")
    planned = zh(
        "中俄将共同实施《中华人民共和国东北地区与俄罗斯联邦远东及东西伯利亚地区合作规划纲要（2009—2018年）》。"
    )
    edge = find_relation(
        planned, "russia", "implements", "china-russia-northeast-far-east-cooperation-program-2009-2018"
    )
    assert edge.modality == "planned"
    assert not zh("文章分析了中俄关系,中俄边境贸易发展迅速。")  # the pair only describes


def test_zh_a_route_told_by_its_start_and_end_points(zh):
    relations = zh("黑河公路大桥于2016年开工。大桥起点位于黑河市,终点位于布拉戈维申斯克市。")
    edge = find_relation(relations, "heihe-road-bridge", "connects", "blagoveshchensk")
    assert edge.quote.startswith("大桥起点位于黑河市")
    find_relation(relations, "heihe-road-bridge", "connects", "heihe")
    same = zh("黑河公路大桥于2016年开工,起点位于黑龙江省黑河市,终点位于俄罗斯布拉戈维申斯克市。")
    find_relation(same, "heihe-road-bridge", "connects", "blagoveshchensk")


def test_zh_a_hamlet_and_a_transliterated_village_are_found_as_route_ends(zh):
    relations = zh("抚远口岸大桥于2020年开工。大桥起点位于抚远市通江屯,终点位于哈巴罗夫斯克市卡扎克维切沃村。")
    ends = {r.object for r in relations if r.predicate == "connects"}
    assert {"fuyuan", "khabarovsk"} <= ends, relations
    assert len(ends) == 4, ends  # the hamlet and the village too
