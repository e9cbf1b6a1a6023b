"""Round 7b (zh): zone and belt names of development programmes, states and regions that set up zones, approvers."""

from __future__ import annotations

from amurkg.corpus.catalog import Catalog
from amurkg.pipeline.process import process_document
from amurkg.text.link import Linker


def _relations(catalog: Catalog, linker: Linker, text: str) -> set[tuple[str, str, str]]:
    out = process_document(linker.link("t", text, "zh"), catalog)
    return {(r.subject, r.predicate, r.object) for r in out.relations}


def test_programme_words_stay_inside_a_zone_name(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "辽宁沿海开放带吸引了大批企业。")
    assert any(s.endswith("opening-belt") and p == "locatedIn" and o == "liaoning" for s, p, o in relations)


def test_pilot_zone_with_programme_verbs(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "吉林图们江开发开放先导区去年成立。")
    assert any(s.endswith("pilot-zone") and p == "locatedIn" and o == "jilin" for s, p, o in relations)


def test_zone_named_after_a_macro_region_lies_in_it(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "黑龙江省积极参与俄罗斯远东超前发展区的建设。")
    zone = "russian-far-east-advanced-development-zone"
    assert ("heilongjiang", "participatesIn", zone) in relations
    assert (zone, "locatedIn", "russian-far-east") in relations


def test_a_country_sets_up_a_zone(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "俄罗斯决定设立符拉迪沃斯托克自由港。")
    assert any(s == "russia" and p == "implements" for s, p, _ in relations)


def test_who_approves_the_building_builds_nothing(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "国务院批准建设绥芬河综合保税区。")
    assert not any(p == "implements" for _, p, _ in relations)


def test_hosts_after_a_theme_clause_take_the_event_of_the_sentence(catalog: Catalog, linker: Linker) -> None:
    text = "第二届中俄农业博览会以“合作共赢”为主题，由商务部、吉林省人民政府共同主办。"
    hosts = {s for s, p, _ in _relations(catalog, linker, text) if p == "hosts"}
    assert {"commerce-ministry", "jilin-government"} <= hosts


def test_joint_hosts_of_a_long_list_do_not_cooperate(catalog: Catalog, linker: Linker) -> None:
    text = "首届中俄农业博览会在哈尔滨开幕。本届博览会由商务部、吉林省人民政府和俄罗斯经济发展部共同主办。"
    relations = _relations(catalog, linker, text)
    assert ("russia-economic-development-ministry", "hosts", "agriculture-china-russia-expo") in relations
    assert not any(p == "cooperatesWith" for _, p, _ in relations)


def test_country_and_town_before_a_fair_are_its_title(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "今年黑河市举办了中国·黑河第二届对俄农机出口洽谈会。")
    assert ("heihe", "locatedIn", "china") not in relations
    assert any(s == "heihe" and p == "hosts" for s, p, _ in relations)


def test_a_ministry_of_two_fields_is_one_name(catalog: Catalog, linker: Linker) -> None:
    text = "第二届中俄农业博览会以“合作共赢”为主题，由商务部、俄罗斯工业和贸易部共同主办。"
    hosts = {s for s, p, _ in _relations(catalog, linker, text) if p == "hosts"}
    assert "russia" not in hosts
    assert any(s.endswith("industry-trade-ministry") for s in hosts)


def test_a_venue_named_after_an_activity_targets_no_industry(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "绥芬河国际会展中心和牡丹江物流枢纽已投入使用。")
    assert not any(p == "targetsIndustry" for _, p, _ in relations)


def test_a_park_named_after_a_sector_still_targets_it(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "东宁木材加工园区吸引了企业。")
    assert any(p == "targetsIndustry" and o == "wood-processing" for _, p, o in relations)


def test_the_theme_of_a_fair_names_no_party(catalog: Catalog, linker: Linker) -> None:
    text = "本次洽谈会以黑河—布拉戈维申斯克边境旅游开通20周年为主题，吸引了众多企业。"
    relations = _relations(catalog, linker, text)
    assert not any(p == "targetsIndustry" for _, p, _ in relations)


def test_both_countries_of_a_pair_set_up_a_zone_in_one_of_them(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "中俄将建立满洲里综合保税区。")
    doers = {s for s, p, _ in relations if p == "implements"}
    assert {"china", "russia"} <= doers


def test_a_headline_region_sets_up_no_zone(catalog: Catalog, linker: Linker) -> None:
    text = "吉林：扩大对外开放\n\n报告指出，要建设珲春国际合作示范区。"
    relations = _relations(catalog, linker, text)
    assert not any(s == "jilin" and p == "implements" for s, p, _ in relations)
