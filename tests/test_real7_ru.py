"""Russian rules of round 7, wave 3 (real6-ru, ten texts): each written for a construction that more than
one real text uses, not for a text's misses; every sentence here is written for the test, with other names."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation

from amurkg.extract.discovery import Discovery


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def aliases(discovery: Discovery, label: str) -> tuple[str, ...]:
    entity = next(e for e in discovery.entities if label in e.labels.get("ru", ""))
    return entity.aliases.get("ru", ())


def test_a_quoted_park_is_also_known_with_its_head_noun(found):
    """«индустриальный парк «X»», «ТОР «X»»: a park, zone or event is also called by its head and the
    quote (парк «X»), as a project already was; a firm's class word (компания «X») is no name of it."""
    discovery = found("Инвестор построит индустриальный парк «Озёрный» под Уссурийском.", "ru")
    assert "индустриальный парк «Озёрный»" in aliases(discovery, "Озёрный")
    discovery = found("Компания «Ласточка» открыла цех.", "ru")
    assert not aliases(discovery, "Ласточка")


def test_a_bridge_across_a_river_is_a_facility_that_connects(read):
    """«мост через X, соединяющий A и B»: an unnamed bridge named by the river it crosses is a facility of
    its document, and the participle of joining gives its two ends."""
    relations = read(
        "Строители состыковали мост через Уссури, соединяющий Приморский край и провинцию Хэйлунцзян.", "ru"
    )
    assert find_relation(relations, "t-most-cherez-ussuri", "connects", "primorsky-krai")
    assert find_relation(relations, "t-most-cherez-ussuri", "connects", "heilongjiang")


def test_a_countrys_builders_build_the_bridge(read):
    """«российские и китайские строители построят мост …», «… ведут монтаж моста»: both countries carry out
    the work (implements), planned when the verb is a future."""
    relations = read("Российские и китайские строители построят мост через Уссури.", "ru")
    assert find_relation(relations, "russia", "implements", "t-most-cherez-ussuri").modality == "planned"
    assert find_relation(relations, "china", "implements", "t-most-cherez-ussuri")
    relations = read("Китайские строители ведут монтаж моста Благовещенск — Хэйхе.", "ru")
    assert find_relation(relations, "china", "implements", "blagoveshchensk-kheykhe-city-bridge")


def test_this_object_takes_up_a_named_bridge(read):
    """«… работы по строительству этого объекта»: the generic noun takes up the bridge named before, as it
    took up a plant or a project."""
    text = "На площадке моста Благовещенск — Хэйхе кипит работа. Сейчас китайские строители ведут работы по строительству этого объекта."
    relations = read(text, "ru")
    assert find_relation(relations, "china", "implements", "blagoveshchensk-kheykhe-city-bridge")


def test_country_adjectives_inside_a_frame_leave_the_parties_partners(read):
    """«сотрудничество между российским A и китайской провинцией B»: the adjective before the second party
    qualifies it and does not break the frame между … и."""
    text = "Губернаторы подписали протокол о сотрудничестве между российским Приморьем и китайской провинцией Цзилинь."
    relations = read(text, "ru")
    assert find_relation(relations, "primorsky-krai", "cooperatesWith", "jilin")
    assert find_relation(relations, "jilin", "locatedIn", "china")


def test_a_link_that_lies_between_two_places_connects_them(read):
    """«Нефтепровод «X» проходит между A и B», «мост … расположен между A и B»: the link joins the two, and
    the two at its ends are no counterparts of the clause."""
    relations = read("Нефтепровод «Полярная звезда» проходит между Сковородино и Мохэ.", "ru")
    pipeline = find_relation(relations, "polyarnaya-zvezda-oil-pipeline", "connects", "skovorodino").subject
    assert find_relation(relations, pipeline, "connects", "mohe")
    assert not [r for r in relations if r.predicate == "counterpartOf"]
