"""Russian relation rules of round 5, wave 2 (rel2-ru), through the per-document step with the seed
catalog: funding said by a relation noun whose owner stands after nouns of the work («Кредит на
строительство комбината предоставил банк»), a plant named in quotes funded like a project, and an
apposition whose head is a noun of a hub («Белогорск, крупный железнодорожный узел Амурской области»)."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation

BELOGORSK = "belogorsk-amur-oblast-2026895"  # the gazetteer town (GeoNames 2026895)


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def test_a_credit_for_building_a_named_project_funds_it(read):
    relations = read("Кредит на строительство проекта «Амурский ГХК» предоставил Газпром.", "ru")
    edge = find_relation(relations, "amurskiy-gkhk-project", "fundedBy", "gazprom")
    assert "Кредит на строительство проекта «Амурский ГХК» предоставил Газпром" in edge.quote
    assert edge.modality == "stated"


def test_a_credit_for_a_plant_named_before_funds_the_plant(read):
    text = "В Хабаровском крае открыт комбинат «Медведица». Кредит на строительство комбината выдаст Газпром."
    relations = read(text, "ru")
    edge = find_relation(relations, "medveditsa-plant", "fundedBy", "gazprom")
    assert edge.quote == "Кредит на строительство комбината выдаст Газпром." and edge.modality == "planned"


def test_no_credit_gives_no_funding(read):
    text = "В Хабаровском крае открыт комбинат «Медведица». Кредит на строительство комбината не выдал Газпром."
    assert not [r for r in read(text, "ru") if r.predicate == "fundedBy"]


def test_a_place_between_the_relation_noun_and_the_owner_is_no_chain(read):
    text = "Кредит на строительство в Хабаровском крае комбината «Медведица» предоставил Газпром."
    relations = read(text, "ru")
    assert not [r for r in relations if r.predicate == "fundedBy" and r.subject == "khabarovsk-krai"]


def test_an_apposition_ending_in_a_noun_of_a_hub_places_the_town(read):
    text = "Белогорск, крупный железнодорожный узел Амурской области, давно ждал такого объекта."
    edge = find_relation(read(text, "ru"), BELOGORSK, "locatedIn", "amur-oblast")
    assert edge.quote == "Белогорск, крупный железнодорожный узел Амурской области" and edge.modality == "stated"


def test_a_hub_apposition_with_a_verb_places_nothing(read):
    text = "Белогорск, ставший узлом торговли, сотрудничает с Амурской областью."
    assert not [r for r in read(text, "ru") if r.predicate == "locatedIn" and r.subject == BELOGORSK]


def test_a_generic_project_noun_takes_up_the_complex_named_before(read):
    text = (
        "Документ предусматривает строительство в Благовещенске газохимического комплекса «Амурский ГХК». "
        "Финансирование проекта обеспечит Газпром."
    )
    edge = find_relation(read(text, "ru"), "amurskiy-gkhk-complex", "fundedBy", "gazprom")
    assert edge.quote == "Финансирование проекта обеспечит Газпром." and edge.modality == "planned"


def test_a_project_noun_with_a_genitive_of_its_own_takes_up_nothing(read):
    text = (
        "В Белогорске открылся зерновой терминал «Амурская нива». "
        "Финансирование проекта освоения месторождения обеспечит Газпром."
    )
    assert not [r for r in read(text, "ru") if r.predicate == "fundedBy"]
