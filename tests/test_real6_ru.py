"""Russian rules of round 6 (real6-ru), written against the kinds of miss seen on real web texts; every
sentence here is written for the test and uses other names than those texts."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation

from amurkg.extract.discovery import Discovery


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def forms(discovery: Discovery) -> set[str]:
    text = discovery.linked.text
    return {text[m.start : m.end] for m in discovery.linked.mentions}


def test_an_agreement_goes_on_through_a_numeral_and_a_plural_genitive(found):
    """«по созданию двух парков …»: a genitive numeral and a plural noun whose first reading is a
    short adjective (парков) carry the agreement's subject on."""
    text = "Стороны подписали соглашение о сотрудничестве по созданию трёх парков зерновой логистики."
    assert "соглашение о сотрудничестве по созданию трёх парков зерновой логистики" in forms(found(text, "ru"))


def test_an_agreement_on_a_plural_genitive_without_numeral(found):
    text = "Соглашение о создании парков зерновой логистики подписано в мае."
    assert "Соглашение о создании парков зерновой логистики" in forms(found(text, "ru"))


INVESTOR_TEXT = (
    "Соглашение о поставках зерна подписала компания «Северный колос».\n\n"
    "Инвестор собирается возвести элеватор «Зейская нива» в Свободном."
)


def test_the_investor_takes_up_the_company_of_the_paragraph_before(read):
    """«Инвестор собирается возвести …»: the role noun stands for the latest company, also across a
    paragraph break."""
    relations = read(INVESTOR_TEXT, "ru")
    built = find_relation(relations, "severnyy-kolos-company", "implements")
    assert built.quote.startswith("Инвестор собирается возвести") and built.modality == "planned"
    assert built.object == "zeyskaya-niwa-elevator"


def test_the_investor_takes_up_no_place(read):
    text = "Делегация Амурской области посетила Харбин.\n\nИнвестор собирается возвести элеватор «Зейская нива»."
    assert not [r for r in read(text, "ru") if r.predicate == "implements"]


def test_the_investor_in_the_instrumental_names_the_role_of_the_firm_after_it(read):
    text = (
        "Соглашение о поставках зерна подписала компания «Северный колос».\n\n"
        "Инвестором элеватора «Зейская нива» выступит компания «Амурагро»."
    )
    relations = read(text, "ru")
    assert not [r for r in relations if r.subject == "severnyy-kolos-company" and r.object == "zeyskaya-niwa-elevator"]
