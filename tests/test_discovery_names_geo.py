"""A name that holds a place states where the thing lies only when the place is a town or region: a country
before a zone or a ministry, a macro-region or a river only qualifies the name (no document evidence)."""

from __future__ import annotations


def _located(relations, subject_part: str) -> set[str]:
    return {
        r.object for r in relations if r.predicate == "locatedIn" and r.method == "name" and subject_part in r.subject
    }


def test_a_country_before_a_zone_or_ministry_gives_no_name_evidence(read_relations):
    relations = read_relations("俄罗斯经济发展部与中国(黑龙江)自由贸易试验区管委会会谈。", "zh")
    assert "russia" not in _located(relations, "ministry") and "china" not in _located(relations, "zone")


def test_a_town_in_a_name_still_states_where_it_lies(read_relations):
    relations = read_relations("黑河海关加强了对俄口岸监管。", "zh")
    assert "heihe" in _located(relations, "customs")


def test_a_river_or_macro_region_in_a_name_gives_no_name_evidence(read_relations):
    relations = read_relations("东北财经大学的学者研究了黑龙江大桥。", "zh")
    objects = {r.object for r in relations if r.predicate == "locatedIn" and r.method == "name"}
    assert not objects & {"northeast-china", "amur-river", "heilongjiang"}, objects
