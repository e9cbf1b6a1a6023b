"""Open-world discovery in English and Russian running text: names with a class head, places the
catalog lacks, dash pairs with one unknown end — each found with its label and class, and generic
uses left alone. The sentences use other places and words than the texts that inspired the rules."""

from __future__ import annotations

import pytest

from amurkg.corpus.catalog import Entity
from amurkg.extract.discovery import Discovery


def by_label(discovery: Discovery, label: str, language: str) -> Entity:
    matches = [e for e in discovery.entities if e.labels.get(language) == label]
    assert matches, f"{label!r} not among {[e.labels for e in discovery.entities]}"
    return matches[0]


def edges(discovery: Discovery, predicate: str) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in discovery.relations if r.predicate == predicate}


# --- Russian: places the catalog lacks -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, label",
    [
        ("Новый склад открылся в Лесозаводске в марте.", "Лесозаводск"),
        ("Лес вывозят из села Бельцово на юг.", "Бельцово"),
        ("Рыбу везут в Николаевске-на-Амуре на переработку.", "Николаевск-на-Амуре"),  # Амур inside is no river
    ],
)
def test_a_russian_place_with_a_cue_is_a_town_labelled_in_the_nominative(found, text, label):
    discovery = found(text, "ru")
    place = by_label(discovery, label, "ru")
    assert place.cls == "City"
    assert any(m.entity == place.id for m in discovery.linked.mentions)


def test_a_dash_pair_with_one_unknown_end_makes_it_a_place_the_crossing_connects(found):
    discovery = found("Начато строительство мостового перехода Бикин — Жаохэ через Уссури.", "ru")
    town = by_label(discovery, "Бикин", "ru")
    crossing = by_label(discovery, "мостовой переход Бикин — Жаохэ", "ru")
    assert crossing.subclass == "Infrastructure"
    assert edges(discovery, "connects") >= {(crossing.id, town.id), (crossing.id, "raohe")}


def test_a_checkpoint_named_by_its_two_sides_connects_them(found):
    discovery = found("Грузы идут через пункт пропуска Марково — Хулинь.", "ru")
    checkpoint = by_label(discovery, "пункт пропуска Марково — Хулинь", "ru")
    assert checkpoint.cls == "Port"
    assert len({o for s, o in edges(discovery, "connects") if s == checkpoint.id}) == 2


def test_the_same_unknown_place_in_another_case_is_one_entity(found):
    discovery = found("Склад построят в Лесозаводске. Лесозаводск лежит на Уссури.", "ru")
    town = by_label(discovery, "Лесозаводск", "ru")
    assert [m.surface for m in discovery.linked.mentions if m.entity == town.id] == ["Лесозаводске", "Лесозаводск"]


def test_a_capitalised_word_without_a_place_cue_is_no_place(found):
    discovery = found("Об этом сообщил Петров. Решение принял Совет.", "ru")
    assert not [e for e in discovery.entities if e.cls == "City"]


# --- Russian: names with a class head ------------------------------------------------------------


def test_a_peoples_government_of_a_city_is_named_after_the_city(found):
    discovery = found("Проект поддержало народное правительство города Мишань.", "ru")
    government = by_label(discovery, "народное правительство города Мишань", "ru")
    assert government.subclass == "GovernmentBody"
    assert government.labels["en"] == "Mishan Government"
    assert government.located_in == ("mishan",)


def test_a_program_keeps_its_period(found):
    discovery = found("Стороны утвердили Программу развития туризма на 2025–2028 годы.", "ru")
    program = by_label(discovery, "Программа развития туризма на 2025–2028 годы", "ru")
    assert program.cls == "Program"


def test_a_quoted_name_that_ends_in_its_own_head(found):
    discovery = found("Кредит предоставил «Северный инвестиционный банк».", "ru")
    bank = by_label(discovery, "Северный инвестиционный банк", "ru")
    assert bank.subclass == "Company"


def test_a_quoted_name_with_a_river_in_it_stays_whole(found):
    discovery = found("В Хабаровске открыт завод «Уссури-Лес».", "ru")
    plant = by_label(discovery, "Уссури-Лес", "ru")
    assert plant.subclass == "Company"


def test_a_project_named_by_the_deposit_it_develops(found):
    discovery = found("Проект освоения Кимканского месторождения реализует горная компания.", "ru")
    project = by_label(discovery, "Проект освоения Кимканского месторождения", "ru")
    assert project.cls == "Project"


def test_a_project_around_a_name_of_its_own_is_that_name(found):
    discovery = found("Изучен проект строительства Ванинского зернового терминала.", "ru")
    assert by_label(discovery, "Ванинский зерновой терминал", "ru").subclass == "Infrastructure"
    assert not [e for e in discovery.entities if e.cls == "Project" and e.subclass is None]


@pytest.mark.parametrize(
    "text",
    ["Комплекс построен в срок.", "Завод работает круглосуточно.", "Проект строительства склада одобрен."],
)
def test_generic_class_nouns_are_no_names(found, text):
    assert found(text, "ru").entities == []


# --- English ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, label, cls, place",
    [
        (
            "The Khanka Lake Fish Processing Centre opened in Mishan on Friday.",
            "Khanka Lake Fish Processing Centre",
            "Project",
            None,
        ),
        (
            "Officials toured the Suifenhe Timber Export Base last week.",
            "Suifenhe Timber Export Base",
            "Project",
            "suifenhe",
        ),
        ("The Hulin Grain Logistics Hub will open next year.", "Hulin Grain Logistics Hub", "Project", "hulin"),
    ],
)
def test_an_english_facility_with_a_class_head(found, text, label, cls, place):
    entity = by_label(found(text, "en"), label, "en")
    assert entity.cls == cls
    if place:
        assert place in entity.located_in


def test_an_english_company_abbreviation_keeps_its_point(found):
    discovery = found("The warehouse was built by Khabarovsk Cold Storage Co. in 2024.", "en")
    assert by_label(discovery, "Khabarovsk Cold Storage Co.", "en").subclass == "Company"


def test_the_border_station_of_a_town_in_a_known_region(found):
    discovery = found("Trains stop at the border station of Grodekovo in Primorsky Krai.", "en")
    town = by_label(discovery, "Grodekovo", "en")
    assert town.cls == "City"
    assert (town.id, "primorsky-krai") in edges(discovery, "locatedIn")


@pytest.mark.parametrize("text", ["The centre will open soon.", "A new logistics base was planned in the area."])
def test_english_generic_heads_are_no_names(found, text):
    assert found(text, "en").entities == []


def test_an_english_dash_pair_with_one_unknown_end_makes_it_a_town_the_link_connects(found):
    discovery = found("Work on the Hulin–Markovo Bridge began in May.", "en")
    town = by_label(discovery, "Markovo", "en")
    bridge = by_label(discovery, "Hulin–Markovo Bridge", "en")
    assert town.cls == "City"
    assert edges(discovery, "connects") >= {(bridge.id, town.id), (bridge.id, "hulin")}


def test_an_english_dash_end_described_elsewhere_keeps_its_description(found):
    discovery = found("The Mishan–Posyet Corridor carries grain to the port of Posyet.", "en")
    port = by_label(discovery, "Posyet", "en")
    corridor = by_label(discovery, "Mishan–Posyet Corridor", "en")
    assert port.cls == "Port"
    assert edges(discovery, "connects") >= {(corridor.id, port.id), (corridor.id, "mishan")}


def test_a_facility_named_by_what_it_is_and_where(found):
    discovery = found("Инвестор построит лесопильный завод в Бикине к 2027 году.", "ru")
    plant = by_label(discovery, "лесопильный завод в Бикине", "ru")
    town = by_label(discovery, "Бикин", "ru")
    assert [m.surface for m in discovery.linked.mentions if m.entity == plant.id] == ["лесопильный завод"]
    assert (plant.id, town.id) in edges(discovery, "locatedIn")


def test_a_facility_taken_up_by_a_pronoun_is_no_new_name(found):
    discovery = found("Этот завод в Уссурийске закрыт.", "ru")
    assert not [e for e in discovery.entities if e.cls != "City"]


def test_a_quoted_project_after_its_class_noun_is_also_known_by_the_noun(found):
    discovery = found("Началось строительство тепличного комплекса «Северная ягода».", "ru")
    complex_ = by_label(discovery, "Северная ягода", "ru")
    assert "тепличный комплекс «Северная ягода»" in complex_.aliases["ru"]


def test_a_district_the_catalog_lacks_is_a_region_labelled_in_the_nominative(found):
    discovery = found("Лесозаготовки ведутся в Пожарском районе Приморья.", "ru")
    district = by_label(discovery, "Пожарский район", "ru")
    assert district.cls == "Region"
    assert district.labels["en"].endswith("District")


def test_a_generic_adjective_before_district_opening_a_sentence_is_no_name(found):
    assert found("Северный район застроят к 2030 году.", "ru").entities == []


@pytest.mark.parametrize("text", ["Административный центр края — Хабаровск.", "Тепличный комплекс построен за год."])
def test_a_sentence_opening_capital_on_a_common_adjective_makes_no_name(found, text):
    assert found(text, "ru").entities == []


def test_a_place_adjective_opening_a_sentence_still_names_a_facility(found):
    discovery = found("Ванинский угольный терминал расширят.", "ru")
    assert by_label(discovery, "Ванинский угольный терминал", "ru").subclass == "Infrastructure"


@pytest.mark.parametrize("text", ["The Administrative Centre was closed.", "A new Export Base opened."])
def test_english_capitalised_generic_words_before_a_head_make_no_name(found, text):
    assert found(text, "en").entities == []


def test_a_deposit_the_catalog_lacks_is_a_geographic_feature(found):
    discovery = found("Компания разрабатывает Наседкинское месторождение с 2020 года.", "ru")
    assert by_label(discovery, "Наседкинское месторождение", "ru").cls == "GeoFeature"


def test_a_project_developing_a_deposit_keeps_the_deposit_in_its_name(found):
    discovery = found("Проект освоения Берёзовского месторождения одобрен.", "ru")
    assert by_label(discovery, "Проект освоения Берёзовского месторождения", "ru").cls == "Project"


def test_a_bare_class_noun_deposit_is_no_name(found):
    assert found("Месторождение огромно.", "ru").entities == []
