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
    assert not [r for r in relations if r.subject == "dongning-jiehe-bridge" and r.predicate != "locatedIn"]
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
