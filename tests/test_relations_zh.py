"""Chinese relations from running text, read with the seed catalog and the open-world discovery:
industry lists after 包括 with a name inside a 的-modifier, proposes by a government, class anaphors
(该桥, 新区), cooperation stated by 加强与…的合作, co-signers, words inside brackets, and the
sentences that must give nothing (a hypothesis, a negation)."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def read(read_relations):
    return lambda text: read_relations(text, "zh")


def test_industries_listed_after_baokuo_belong_to_the_subject_not_to_a_name_in_the_modifier(read):
    relations = read("黑河市急需俄罗斯资金支持的产业主要包括农产品加工和木材加工。")
    for industry in ("agri-product-processing", "wood-processing"):
        edge = find_relation(relations, "heihe", "targetsIndustry", industry)
        assert edge.modality == "stated"  # 要 inside 主要 is no plan
    assert not [r for r in relations if r.subject == "russia"]


def test_a_government_proposes_the_strategy_it_put_forward(read):
    edge = find_relation(read("2003年中国政府提出的“振兴东北老工业基地”战略为两国合作带来了机遇。"), "government-of-china", "proposes",
                 "revitalization-of-northeast-china")  # fmt: skip
    assert edge.quote.startswith("2003年中国政府提出的")


def test_a_bridge_named_by_an_anaphor_connects_the_ports(read):
    text = "黑河市与布拉戈维申斯克市之间的黑河公路大桥于2019年建成。该桥连接黑河口岸和布拉戈维申斯克口岸。"
    relations = read(text)
    bridge = next(r.subject for r in relations if r.predicate == "locatedIn" and r.quote == "黑河公路大桥")
    edge = find_relation(relations, bridge, "connects", "heihe-port")
    assert edge.quote == "该桥连接黑河口岸和布拉戈维申斯克口岸。"
    assert edge.modality == "stated"


def test_a_short_name_opening_a_clause_stands_for_the_zone(read):
    relations = read("哈尔滨新区位于哈尔滨市松花江北岸。新区重点发展装备制造业和生物医药。")
    edge = find_relation(relations, "harbin-new-area", "targetsIndustry", "biopharmaceuticals")
    assert edge.quote.startswith("新区重点发展")


def test_cooperation_stated_by_strengthening_cooperation_with_a_partner(read):
    relations = read("绥芬河市提出了建设物流枢纽的目标，加强与滨海边疆区的物流合作。")
    edge = find_relation(relations, "suifenhe", "cooperatesWith", "primorsky-krai")
    assert edge.quote.endswith("加强与滨海边疆区的物流合作。")
    assert not [r for r in relations if r.subject == "primorsky-krai"]


def test_both_parties_of_a_signing_sign(read):
    relations = read("同江市与犹太自治州签署了《农业合作协议》。")
    agreement = next(r.object for r in relations if r.subject == "tongjiang" and r.predicate == "signs")
    find_relation(relations, "jewish-autonomous-oblast", "signs", agreement)


def test_a_word_inside_a_bracket_only_explains_a_name(read):
    relations = read("西伯利亚的优势主要体现在民用飞机（包括航空航天与生物技术）。")
    assert not [r for r in relations if r.predicate == "targetsIndustry"]


@pytest.mark.parametrize(
    "text",
    [
        "如果中俄双方降低关税，东宁市也可能扩大蔬菜种植。",  # a condition reaches the later clause
        "目前，抚远市并没有发展石油化工产业。",  # a negation
    ],
)
def test_hypothetical_and_negated_statements_give_no_target(read, text):
    assert not [r for r in read(text) if r.predicate == "targetsIndustry"]


def test_cooperation_said_only_inside_a_models_name_still_names_the_partner(read):
    relations = read("在此，中国提出了“振兴东北”，加强与俄罗斯东部地区的经济技术合作。")
    edge = find_relation(relations, "china", "cooperatesWith", "eastern-russia")
    assert edge.quote == "中国提出了“振兴东北”，加强与俄罗斯东部地区的经济技术合作。"
    assert edge.rule == "clause:partner-topic"
