"""English and Russian relation words of round 5 (rel-enru), through the per-document step with the seed
catalog: investing said as taking a stake in or putting money into something (en), and financing said as
paying for something (ru оплачивать / оплатить), in either order of the two ends, with planned modality
after a future, and no edge under a negation."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def test_taking_a_stake_in_a_park_is_investing_not_location(read):
    relations = read("Gazprom took a stake in the Mogoytuy Industrial Park.", "en")
    edge = find_relation(relations, "gazprom", "investsIn", "mogoytuy-industrial-park")
    assert "took a stake in the Mogoytuy Industrial Park" in edge.quote and edge.modality == "stated"
    assert not [r for r in relations if r.predicate == "locatedIn" and r.subject == "gazprom"]


def test_putting_money_into_a_park_is_planned_investing(read):
    relations = read("Gazprom will put money into the Mogoytuy Industrial Park.", "en")
    edge = find_relation(relations, "gazprom", "investsIn", "mogoytuy-industrial-park")
    assert "put money into the Mogoytuy Industrial Park" in edge.quote and edge.modality == "planned"


def test_no_stake_gives_no_edge(read):
    relations = read("Gazprom has no stake in the Mogoytuy Industrial Park.", "en")
    assert not [r for r in relations if r.subject == "gazprom"]


def test_paying_for_a_park_with_the_payer_after_the_verb_is_funding(read):
    relations = read("Строительство промышленного парка Могойтуй оплачивает Газпром.", "ru")
    edge = find_relation(relations, "mogoytuy-industrial-park", "fundedBy", "gazprom")
    assert "парка Могойтуй оплачивает Газпром" in edge.quote and edge.modality == "stated"


def test_paying_for_a_park_in_the_future_is_planned_funding(read):
    relations = read("Газпром оплатит вторую очередь промышленного парка Могойтуй.", "ru")
    edge = find_relation(relations, "mogoytuy-industrial-park", "fundedBy", "gazprom")
    assert "Газпром оплатит" in edge.quote and edge.modality == "planned"


def test_not_paying_gives_no_edge(read):
    relations = read("Газпром не будет оплачивать строительство промышленного парка Могойтуй.", "ru")
    assert not [r for r in relations if r.predicate == "fundedBy"]


def test_an_apposition_ending_in_a_noun_of_place_before_a_region_places_the_city(read):
    text = "Уссурийск, второй по величине город Приморского края, продолжил сотрудничество с Суйфэньхэ."
    relations = read(text, "ru")
    edge = find_relation(relations, "ussuriysk", "locatedIn", "primorsky-krai")
    assert edge.quote == "Уссурийск, второй по величине город Приморского края" and edge.modality == "stated"
    find_relation(relations, "ussuriysk", "cooperatesWith", "suifenhe")


def test_an_apposition_without_a_noun_of_place_or_against_the_catalog_places_nothing(read):
    relations = read("Уссурийск, партнёр Приморского края, продолжил сотрудничество с Суйфэньхэ.", "ru")
    assert not [r for r in relations if r.predicate == "locatedIn" and r.subject == "ussuriysk"]
    relations = read("Харбин, крупный центр Приморского края, принял делегацию.", "ru")
    assert not [r for r in relations if r.predicate == "locatedIn" and r.subject == "harbin"]
