"""Russian rules of round 6, wave 2 (real6-ru): kinds seen in at least two of the ten real texts; every sentence
here is written for the test and uses other names than those texts."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def test_a_country_adjective_before_investors_is_the_country(read):
    """«китайские инвесторы вложили … в …»: the country's adjective before a noun of doers stands for the
    country, which invests."""
    text = "Как сообщил министр Иван Петров, китайские инвесторы вложили средства в ТОР «Комсомольск»."
    relations = read(text, "ru")
    invested = [r for r in relations if r.predicate == "investsIn"]
    assert invested and {r.subject for r in invested} == {"china"}


def test_a_country_adjective_before_a_named_company_leaves_the_firm_the_doer(read):
    """«китайская компания «X» вложила …»: the noun heads a name, the firm invests, not the country."""
    text = "Китайская компания «Хэнтай Агро» вложила средства в ТОР «Комсомольск»."
    relations = read(text, "ru")
    assert not [r for r in relations if r.subject == "china" and r.predicate == "investsIn"]


def test_two_country_adjectives_before_builders_are_both_countries(read):
    """«российские и китайские строители построили мост …»: both countries build it."""
    text = "В прошлом году российские и китайские строители построили мост «Амурский» через реку Зею."
    relations = read(text, "ru")
    doers = {r.subject for r in relations if r.predicate == "implements"}
    assert {"russia", "china"} <= doers


def test_a_place_marked_as_where_cooperation_happens_is_no_partner(read):
    """«Совместно с китайскими инвесторами в Хабаровске запущен завод …»: the town is where it happens, no
    partner of the investors' country."""
    text = "Совместно с китайскими инвесторами в Хабаровске запущен мебельный комбинат «Дальдрев»."
    relations = read(text, "ru")
    assert not [r for r in relations if r.predicate == "cooperatesWith" and "china" in (r.subject, r.object)]


def test_a_locative_region_is_no_party_to_trade_with_a_country(read):
    """«… стать центром на Дальнем Востоке по торговле с Китаем»: the region names where, the oblast trades."""
    text = "Новый терминал поможет Амурской области стать крупным центром на Дальнем Востоке по торговле с Китаем."
    relations = read(text, "ru")
    partners = {r.subject for r in relations if r.predicate == "cooperatesWith" and r.object == "china"}
    assert "russian-far-east" not in partners


def test_a_branch_in_brackets_is_part_of_its_organisation(read):
    """«A (АБВ, филиал ОАО «B»)», «A (дочернее общество B)»: the body in front is part of the organisation."""
    text = (
        "Грузы перевозит Забайкальская железная дорога (ЗабЖД, филиал ОАО «Российские железные дороги») "
        "до станции Забайкальск."
    )
    relations = read(text, "ru")
    part = [r for r in relations if r.predicate == "partOf" and r.rule == "clause:branch"]
    assert part and "railway" in part[0].subject and "zheleznye-dorogi" in part[0].object


def test_a_place_before_a_subsidiary_noun_is_no_branch(read):
    """«Приморье (дочернее общество B)» can only be a firm named after the region: the region is part of nothing."""
    text = "КРСП Приморье (дочернее общество корпорации «Дальстрой») подписала соглашение в Хабаровске."
    relations = read(text, "ru")
    assert not [r for r in relations if r.predicate == "partOf" and r.subject == "primorsky-krai"]
