"""English, round 5 wave 2: a plant, factory or mill named by its head is a facility (it is built,
operated and funded, not a firm that builds), and the source of a project's means ("built with capital
from A", "with money from B") invests in or funds it."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def test_a_named_plant_taken_up_by_the_plant_is_built_and_funded(read):
    text = (
        "The Amur Soybean Processing Plant opened in 2019. The plant was built by Far Eastern Agro Holding "
        "and funded by the Russian–Chinese Agricultural Investment Fund."
    )
    relations = read(text, "en")
    built = find_relation(relations, "agro-eastern-far-holding", "implements")
    assert built.quote.startswith("The plant was built by Far Eastern Agro Holding") and built.modality == "stated"
    funded = find_relation(relations, built.object, "fundedBy")
    assert funded.object != "agro-eastern-far-holding"


def test_capital_from_a_place_is_its_investment_in_the_park(read):
    relations = read("The Mogoytuy Industrial Park was built with capital from Inner Mongolia.", "en")
    edge = find_relation(relations, "inner-mongolia", "investsIn", "mogoytuy-industrial-park")
    assert edge.rule == "clause:means" and edge.modality == "stated"
    assert edge.quote == "The Mogoytuy Industrial Park was built with capital from Inner Mongolia."


def test_money_from_a_bank_funds_the_project(read):
    text = "The Bolshaya Ussurka Log Yard will be developed with money from Primsotsbank."
    relations = read(text, "en")
    edge = [r for r in relations if r.predicate == "fundedBy" and r.rule == "clause:means"]
    assert edge and edge[0].modality == "planned"


def test_means_without_a_project_give_no_edge(read):
    relations = read("Harbin grew with capital from Heilongjiang.", "en")
    assert not [r for r in relations if r.rule == "clause:means"]


def test_a_facility_described_by_its_kind_lies_in_the_place_after_it(read):
    relations = read("The Amur Soybean Processing Plant, a facility located in Birobidzhan, opened in 2019.", "en")
    edge = find_relation(relations, "amur-river-processing-soybean-plant", "locatedIn", "birobidzhan")
    assert (
        edge.rule == "clause:apposition"
        and edge.quote == "Amur Soybean Processing Plant, a facility located in Birobidzhan"
    )


def test_the_yard_developed_by_a_trader_is_implemented_not_the_traders_industry(read):
    text = (
        "Work began on the Bolshaya Ussurka Log Yard. "
        "The yard is being developed by Taiga Export, a timber trader, with money from Primsotsbank."
    )
    relations = read(text, "en")
    built = find_relation(relations, "export-taiga-company", "implements")
    assert built.quote.startswith("The yard is being developed by Taiga Export")
    assert not [r for r in relations if r.predicate == "targetsIndustry"]
