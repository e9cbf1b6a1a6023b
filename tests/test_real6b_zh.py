"""Round 6, wave 2, zh: kinds seen in at least two of the ten real Chinese texts (the sentences here are
written for the tests, not taken from them) — a registered firm lies in the division its name opens with,
a one-character country before a name or a place is that country."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def zh(read_relations):
    return lambda text: read_relations(text, "zh")


def test_zh_a_registered_firm_lies_in_the_division_its_name_opens_with(zh, found):
    relations = zh("绥芬河宏达木材加工有限公司在俄罗斯建设了一座锯材厂。")
    firm = next(
        e
        for e in found("绥芬河宏达木材加工有限公司在俄罗斯建设了一座锯材厂。", "zh").entities
        if e.cls == "Organization"
    )
    edge = find_relation(relations, firm.id, "locatedIn", "suifenhe")
    assert edge.method == "name"
    group = found("牡丹江恒信木业集团投资建设了木材加工园区。", "zh")
    assert not any(e.located_in for e in group.entities if e.id.endswith("group"))  # a group: no registered form


def test_zh_a_one_character_country_before_a_name_is_that_country(zh, found):
    text = "首钢集团与俄卡马斯集团签署了合作协议。"
    firms = {e.id: e for e in found(text, "zh").entities}
    russian = next(e for i, e in firms.items() if "kamasi" in i)
    assert russian.id.startswith("russia-") and russian.located_in == ("russia",)
    ministry = found("俄经济发展部副部长出席了开幕式。", "zh")
    assert [m.entity for m in ministry.linked.mentions] == ["russia-economic-development-ministry"]
    relations = zh("同江与俄犹太自治州隔江相望。")
    find_relation(relations, "jewish-autonomous-oblast", "locatedIn", "russia")
    assert not [m for m in found("中俄两国对俄合作不断深化。", "zh").linked.mentions if m.surface == "俄"]
