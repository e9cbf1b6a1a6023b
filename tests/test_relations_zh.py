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
    bridge = next(r.subject for r in relations if r.predicate == "connects" and r.quote == "黑河公路大桥")
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


def test_two_places_that_sign_an_agreement_cooperate_and_are_no_counterparts(read):
    relations = read("佳木斯市与哈巴罗夫斯克市签署了《经贸合作备忘录》。")
    assert find_relation(relations, "jiamusi", "cooperatesWith", "khabarovsk").modality == "stated"
    find_relation(relations, "khabarovsk", "signs")
    assert not [r for r in relations if r.predicate == "counterpartOf"]


def test_a_city_planning_to_build_with_a_partner_cooperates_with_it(read):
    edge = find_relation(read("宁安市拟与阿尔谢尼耶夫共建木材加工园区。"), "ningan", "cooperatesWith", "arsenyev")
    assert edge.modality == "planned"


def test_wo_shi_in_a_city_report_is_the_city_of_its_title(read):
    text = "2024年同江市人民政府工作报告\n\n过去一年，哈巴罗夫斯克市代表团访问了我市。今年，我市将重点发展农产品加工和旅游业。"
    relations = read(text)
    for industry in ("agri-product-processing", "tourism"):
        assert find_relation(relations, "tongjiang", "targetsIndustry", industry).modality == "planned"
    assert not [r for r in relations if r.subject == "khabarovsk" and r.predicate == "targetsIndustry"]


def test_an_edition_of_an_expo_is_hosted_by_its_venue_and_by_the_bodies_after_the_agent_marker(read):
    text = "第十届中俄博览会在叶卡捷琳堡国际展览中心举行。本届博览会由吉林省人民政府和滨海边疆区政府共同主办。"
    relations = read(text)
    hosts = {r.subject for r in relations if r.predicate == "hosts"}
    assert {"jilin-government", "primorsky-krai-government"} <= hosts  # 由…共同主办: the doers after 由
    assert any(s.endswith("exhibition-center") for s in hosts)  # 在…展览中心举行: the venue
    events = {r.object for r in relations if r.predicate == "hosts"}
    assert len(events) == 1 and "china-russia-expo" not in events  # the tenth edition, not the series


def test_a_bank_jieba_knows_as_an_institution_funds_the_project_it_lends_to(read):
    relations = read("由国家开发银行提供贷款的同江物流园项目已经开工。")
    edge = find_relation(relations, "tongjiang-logistics-park", "fundedBy")
    assert edge.object.endswith("bank")


def test_a_demonstration_zone_is_a_park_that_develops_industries(read):
    relations = read("抚远中俄合作示范区重点发展木材加工和旅游业。")
    zone = next(r.subject for r in relations if r.predicate == "locatedIn" and r.object == "fuyuan")
    find_relation(relations, zone, "targetsIndustry", "wood-processing")
    assert not [r for r in relations if r.subject == "fuyuan" and r.predicate == "targetsIndustry"]


def test_a_clause_opening_with_yu_borders_the_topic_of_the_sentence(read):
    relations = read("内蒙古满洲里市是中国最大的陆路口岸城市，与俄罗斯外贝加尔边疆区接壤。")
    assert find_relation(relations, "manzhouli", "adjoins", "zabaykalsky-krai").rule == "clause:topic"
    assert not [r for r in relations if r.predicate == "adjoins" and "china" in (r.subject, r.object)]


def test_a_city_the_catalog_lacks_lies_in_the_province_before_it_and_borders_a_district(read):
    relations = read("辽宁省丹东市与朝鲜新义州隔江相望。吉林省图们市地处边境，与俄罗斯滨海边疆区哈桑区接壤。")
    city = next(r.subject for r in relations if r.predicate == "locatedIn" and r.object == "jilin")
    district = next(r.subject for r in relations if r.predicate == "locatedIn" and r.object == "primorsky-krai")
    assert city == "tumen" and district.endswith("district")  # 图们: the gazetteer town
    find_relation(relations, city, "adjoins", district)
    find_relation(relations, next(r.subject for r in relations if r.object == "liaoning"), "locatedIn", "liaoning")
    assert not [r for r in relations if r.subject == "jilin" and r.predicate == "adjoins"]


def test_the_port_a_city_relies_on_is_not_the_one_that_develops(read):
    relations = read("同江市依托同江口岸大力发展农产品加工业。")
    find_relation(relations, "tongjiang", "targetsIndustry", "agri-product-processing")
    assert not [r for r in relations if r.subject == "tongjiang-port" and r.predicate == "targetsIndustry"]


def test_a_sector_describing_a_firm_is_no_target_of_its_city(read):
    relations = read("吉林省长春市的一家汽车零部件企业计划在滨海边疆区投资建厂。")
    assert not [r for r in relations if r.predicate == "targetsIndustry"]


def test_twin_cities_cooperate_and_a_transliterated_russian_city_lies_in_its_region(read):
    relations = read("黑龙江省鸡西市与阿穆尔州别洛戈尔斯克市结为友好城市。")
    city = next(r.subject for r in relations if r.predicate == "locatedIn" and r.object == "amur-oblast")
    assert city == "belogorsk-amur-oblast-2026895"  # the gazetteer town, not the one in Crimea
    find_relation(relations, "jixi", "cooperatesWith", city)
    assert not [r for r in relations if r.predicate == "counterpartOf"]


def test_the_company_that_builds_a_bridge_implements_it_in_either_voice(read):
    active = read("黑龙江龙建路桥股份有限公司承建了同江中俄铁路大桥。")
    bridge = next(r.subject for r in active if r.predicate == "connects" and r.object == "tongjiang")
    find_relation(active, "heilongjiang-longjianluqiao-company", "implements", bridge)
    passive = read("黑河公路大桥由中铁大桥局集团有限公司承建。")
    edge = next(r for r in passive if r.predicate == "implements")
    assert edge.subject.endswith("company") and edge.rule == "clause:object-first"


def test_signing_an_agreement_that_is_no_cooperation_one_states_no_cooperation(read):
    relations = read("伊春市与比罗比詹市签署了《森林防火协议》。")
    find_relation(relations, "yichun", "signs")
    assert not [r for r in relations if r.predicate in ("cooperatesWith", "counterpartOf")]


def test_shuangfang_after_a_pair_makes_the_pair_cooperate(read):
    later = read("鸡西市与阿尔谢尼耶夫签署了《友好交往协议》。双方将共同开发边境旅游线路。")
    assert find_relation(later, "jixi", "cooperatesWith", "arsenyev").rule == "clause:both"
    same = read("哈尔滨电气集团与俄罗斯哈巴罗夫斯克边疆区政府签署协议，双方将合作建设一座电站。")
    edge = next(r for r in same if r.predicate == "cooperatesWith")
    assert edge.modality == "planned" and "russia" not in (edge.subject, edge.object)


def test_an_event_named_after_two_places_joins_nothing_but_a_route_does(read):
    event = read("第六届中国—南亚博览会在昆明举行。")
    assert not [r for r in event if r.predicate == "connects"]
    route = read("同江—下列宁斯阔耶客运航线将于五月开通。")
    assert {r.object for r in route if r.predicate == "connects"} >= {"tongjiang"}


def test_gai_bianjiangqu_stands_for_the_name_ending_in_the_whole_noun(read):
    relations = read("滨海边疆区与吉林省接壤，与内蒙古自治区也有经贸往来。该边疆区以渔业和林业为支柱产业。")
    assert find_relation(relations, "primorsky-krai", "targetsIndustry", "forestry").quote.startswith("该边疆区")
    assert not [r for r in relations if r.subject == "inner-mongolia" and r.predicate == "targetsIndustry"]


def test_two_cities_after_a_word_of_linking_are_the_ends_of_a_link_not_counterparts(read):
    relations = read("今年，绥芬河市将打通连接绥芬河与符拉迪沃斯托克的公路运输线。")
    assert not [r for r in relations if r.predicate == "counterpartOf"]


def test_a_corridor_between_two_places_connects_them_and_targets_the_sector_in_its_name(read):
    relations = read("同江至哈巴罗夫斯克国际货运通道将于明年开通。")
    corridor = next(r.subject for r in relations if r.predicate == "connects")
    assert {r.object for r in relations if r.predicate == "connects"} == {"tongjiang", "khabarovsk"}
    find_relation(relations, corridor, "targetsIndustry", "cross-border-logistics")


def test_a_funder_alone_in_its_clause_funds_the_project_named_before(read):
    after_you = read("大庆石油集团将在阿穆尔州建设阿穆尔炼油项目。该项目总投资约30亿元，由中国银行提供贷款。")
    project = next(r.object for r in after_you if r.predicate == "implements")
    assert find_relation(after_you, project, "fundedBy", "china-bank").rule == "clause:antecedent"
    wei_qi = read("黑龙江交通投资集团负责建设抚远跨江大桥，哈尔滨银行为其出资2亿元。")
    find_relation(wei_qi, "fuyuan-bridge", "fundedBy", "harbin-bank")
    source = read("吉林化纤集团在滨海边疆区建设乌苏里斯克纺织项目，项目资金主要来自中国进出口银行。")
    project = next(r.object for r in source if r.predicate == "implements")
    find_relation(source, project, "fundedBy", "china-export-import-bank")


def test_gongtong_after_a_partner_states_cooperation(read):
    relations = read("伊春市与哈巴罗夫斯克边疆区联合开展森林防火演练。")
    find_relation(relations, "yichun", "cooperatesWith", "khabarovsk-krai")


def test_a_bare_list_before_a_comma_and_shi_is_the_object_of_the_copula(read):
    relations = read("造纸、食品加工和旅游，是伊春经济技术开发区的三大主导产业。")
    zone = next(r.subject for r in relations if r.predicate == "locatedIn")
    for industry in ("paper", "food-processing", "tourism"):
        assert find_relation(relations, zone, "targetsIndustry", industry).rule == "clause:object-first"


def test_projects_concentrated_in_fields_are_the_places_targets(read):
    relations = read("绥化市的项目主要集中在食品加工和造纸领域。")
    find_relation(relations, "suihua", "targetsIndustry", "paper")
    carried = read("鹤岗市积极对接俄方，合作项目集中于煤炭和旅游。")
    find_relation(carried, "hegang", "targetsIndustry", "tourism")


def test_a_development_project_named_after_a_deposit_is_one_name_the_investor_buys_into(read):
    relations = read("江西铜业集团入股乌多坎铜矿开发项目，项目资金主要来自中国进出口银行。")
    project = next(r.subject for r in relations if r.predicate == "fundedBy")
    assert project != "udokan-deposit"
    assert find_relation(relations, project, "fundedBy", "china-export-import-bank").quote.startswith("项目资金")


def test_a_processing_project_named_after_a_port_city_is_one_name(read):
    relations = read("鞍钢集团入股纳霍德卡钢材加工项目，项目资金主要来自中国银行。")
    project = next(r.subject for r in relations if r.predicate == "fundedBy")
    find_relation(relations, project, "locatedIn", "nakhodka")


def test_a_town_jieba_takes_for_a_common_word_is_a_place_after_its_region(read):
    relations = read("辽宁省铁岭市发展装备制造。")
    town = next(r.subject for r in relations if r.predicate == "locatedIn")
    find_relation(relations, town, "locatedIn", "liaoning")
    assert not [r for r in read("哈巴罗夫斯克边疆区比上年增长百分之五。") if r.predicate == "locatedIn"]


def test_shuangfang_standing_for_both_parties_places_neither_in_the_other(read):
    relations = read(
        "哈尔滨港务集团与俄罗斯纳霍德卡港签署了《港口合作备忘录》。根据备忘录，双方将开辟哈尔滨至纳霍德卡的集装箱航线。"
    )
    assert not [r for r in relations if r.predicate == "locatedIn" and r.quote == "双方"]


def test_gangyao_takes_up_the_outline_named_before(read):
    relations = read("2015年，两国政府批准《中俄远东开发合作规划纲要》。吉林省对纲要的落实最为积极。")
    edge = next(r for r in relations if r.subject == "jilin" and r.predicate == "implements")
    assert edge.quote == "吉林省对纲要的落实最为积极。"


# Round 3 (rel-cjk): compounds of two cities, facing across a river, 对 marking a partner, unrealised
# potential, 融入, facilities set up in a place, 由X负责实施 after the topic, firms and demonstratives.


def test_a_city_named_after_its_prefecture_is_the_party_not_the_prefecture(read):
    relations = read("牡丹江市东宁市与滨海边疆区乌苏里斯克签署《果蔬贸易合作协议》。")
    edge = find_relation(relations, "dongning", "locatedIn", "mudanjiang")
    assert edge.quote == "牡丹江市东宁市"
    find_relation(relations, "dongning", "cooperatesWith", "ussuriysk")
    assert not [r for r in relations if r.subject == "mudanjiang" and r.predicate in ("signs", "cooperatesWith")]


def test_places_facing_across_the_river_are_counterparts_not_neighbours(read):
    relations = read("萝北县与犹太自治州隔江相望。")
    find_relation(relations, "luobei", "counterpartOf", "jewish-autonomous-oblast")
    assert not [r for r in relations if r.predicate == "adjoins"]
    countries = read("中国与俄罗斯隔江相望。")  # countries only adjoin
    find_relation(countries, "china", "adjoins", "russia")
    assert not [r for r in countries if r.predicate == "counterpartOf"]


def test_dui_marks_the_partner_of_a_cooperation(read):
    edge = find_relation(
        read("佳木斯市对滨海边疆区的经贸合作持续扩大。"), "jiamusi", "cooperatesWith", "primorsky-krai"
    )
    assert edge.modality == "stated"
    assert not [r for r in read("佳木斯市对俄罗斯出口大豆。") if r.predicate == "cooperatesWith"]


def test_a_potential_still_to_be_tapped_is_no_cooperation(read):
    relations = read("东宁与乌苏里斯克之间的合作潜力尚待释放。")
    assert not [r for r in relations if r.predicate == "cooperatesWith"]


def test_merging_into_an_initiative_is_taking_part_in_it(read):
    relations = read("鸡西市加快转型。全市主动融入共建“一带一路”。")
    edge = find_relation(relations, "jixi", "participatesIn", "belt-and-road-initiative")
    assert edge.quote.endswith("全市主动融入共建“一带一路”。")


def test_a_park_that_will_be_built_in_a_city_lies_in_it(read):
    relations = read("《富锦现代农业产业园》将建在富锦市境内，由建龙钢铁负责实施。")
    park = next(r.subject for r in relations if r.predicate == "locatedIn" and r.object == "fujin")
    edge = find_relation(relations, "jianlong-steel", "implements", park)
    assert edge.quote.endswith("由建龙钢铁负责实施。")
    assert not [r for r in relations if r.subject == "jianlong-steel" and r.object == "fujin"]


def test_a_zone_that_went_into_operation_in_a_city_lies_in_it(read):
    relations = read("《绥芬河国际物流园》近日在绥芬河市投产。")
    park = next(r.subject for r in relations if r.predicate == "locatedIn" and r.object == "suifenhe")
    assert any(r.rule == "clause:settled" for r in relations if r.subject == park)
    assert not [
        r
        for r in read("建龙钢铁在绥芬河市建成钢材加工厂。")
        if r.subject == "jianlong-steel" and r.predicate == "locatedIn"
    ]


def test_a_demonstrative_nobody_stands_for_does_not_take_up_the_topic(read):
    relations = read("佳木斯市引进了一座新工厂，该厂以木材加工为主。")
    assert not [r for r in relations if r.subject == "jiamusi" and r.object == "wood-processing"]
    named = read("佳木斯市加快转型，该市以木材加工为主。")  # 该市 takes up the city
    find_relation(named, "jiamusi", "targetsIndustry", "wood-processing")


def test_the_firms_of_a_country_take_part_not_the_country(read):
    relations = read("支持日本企业参与振兴东北老工业基地建设。")
    assert not [r for r in relations if r.subject == "japan" and r.predicate == "participatesIn"]


def test_a_route_told_by_its_start_stops_and_end_connects_each_place(read):
    relations = read("同江铁路大桥起自犹太自治州比罗比詹，经同江进入中国，止于佳木斯。")
    for place in ("birobidzhan", "tongjiang", "jiamusi"):
        edges = [
            r
            for r in relations
            if (r.subject, r.predicate, r.object) == ("tongjiang-railway-bridge", "connects", place)
        ]
        assert "clause:route" in {r.rule for r in edges}, relations
    assert not [r for r in relations if r.predicate == "connects" and r.object in ("jewish-autonomous-oblast", "china")]


def test_ports_facing_across_a_river_are_counterparts_and_the_river_is_no_neighbour(read):
    relations = read("东宁口岸与对岸的波尔塔夫卡口岸隔瑚布图河相望，是牡丹江市重要的对俄口岸。")
    find_relation(relations, "dongning-port", "counterpartOf", "poltavka-port")
    assert not [r for r in relations if r.predicate == "adjoins"]


def test_two_zones_that_set_up_a_cooperation_mechanism_cooperate(read):
    relations = read("绥芬河综合保税区与纳霍德卡自由经济区建立了定期合作机制。")
    zone = next(r.subject for r in relations if r.predicate == "cooperatesWith")
    find_relation(relations, zone, "cooperatesWith", "nakhodka-free-economic-zone")


def test_partners_of_a_joint_build_both_implement_it(read):
    relations = read("《东宁国际物流中心》由东宁市与滨海边疆区共同建设。")
    center = next(r.object for r in relations if r.subject == "dongning" and r.predicate == "implements")
    find_relation(relations, "primorsky-krai", "implements", center)


def test_a_country_opening_the_name_of_an_unknown_firm_is_no_party(read):
    relations = read("《东宁国际物流中心》由建龙钢铁与俄罗斯铁路物流公司共同建设。")
    find_relation(relations, "jianlong-steel", "implements")
    assert not [r for r in relations if "russia" in (r.subject, r.object) and r.predicate != "locatedIn"]


def test_a_capital_lies_in_its_region(read):
    edge = find_relation(read("比罗比詹是犹太自治州的首府。"), "birobidzhan", "locatedIn", "jewish-autonomous-oblast")
    assert edge.quote == "比罗比詹是犹太自治州的首府"
    assert not [
        r for r in read("哈尔滨是中国的重要城市。") if r.predicate == "locatedIn" and r.rule == "clause:capital"
    ]


def test_the_zone_a_plant_went_into_operation_in_is_not_what_was_invested_in(read):
    relations = read("由建龙钢铁投资建设的钢材深加工厂近日在纳霍德卡自由经济区投产。")
    assert not [r for r in relations if r.subject == "jianlong-steel" and r.object == "nakhodka-free-economic-zone"]


def test_two_places_opening_a_dashed_name_are_no_counterparts(read):
    relations = read("今年，牡丹江市启动“哈尔滨—符拉迪沃斯托克国际货运通道”建设。")
    assert not [r for r in relations if {r.subject, r.object} == {"harbin", "vladivostok"}]
    edge = find_relation(
        read("黑河与布拉戈维申斯克隔江相望，黑河—布拉戈维申斯克间客流不断增长。"), "heihe", "counterpartOf"
    )
    assert edge.object == "blagoveshchensk"


def test_friendly_exchanges_between_two_cities_are_cooperation_not_facing(read):
    relations = read("近年来，牡丹江市与乌苏里斯克市的友好往来日益密切。")
    edge = find_relation(relations, "mudanjiang", "cooperatesWith", "ussuriysk")
    assert edge.quote == "牡丹江市与乌苏里斯克市的友好往来日益密切。"
    assert not [r for r in relations if r.predicate == "counterpartOf"]
