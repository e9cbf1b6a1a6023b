"""Open-world discovery of names without a class word in English and Russian running text:
companies after an agent cue or as one compound Russian word (in any case), towns from a news
dateline or placed in a known region, storage and trade facilities by their head — each found with
its label and class, and ordinary capitalised words left alone. The sentences use other names than
the held-out texts."""

from __future__ import annotations

import pytest

from amurkg.corpus.catalog import Entity
from amurkg.extract.discovery import Discovery


def by_label(discovery: Discovery, label: str, language: str) -> Entity:
    matches = [e for e in discovery.entities if e.labels.get(language) == label]
    assert matches, f"{label!r} not among {[e.labels for e in discovery.entities]}"
    return matches[0]


def labels(discovery: Discovery, language: str) -> set[str]:
    return {e.labels.get(language, "") for e in discovery.entities}


# --- English ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, label",
    [
        ("The new sawmill is operated by Dalkedr and sells to buyers in Harbin.", "Dalkedr"),
        ("The line was built with credit from Vostokinvest.", "Vostokinvest"),
        ("The mill is owned by Ussuri Timber Works.", "Ussuri Timber Works"),  # a sector word inside
        ("Together with Jiamusi Hengda Wood, the owners plan a second line.", "Jiamusi Hengda Wood"),
        ("Taiga Ventures, a logistics operator, opened an office in Harbin.", "Taiga Ventures"),
    ],
)
def test_an_english_company_without_a_class_word_is_found_after_an_agent_cue(found, text, label):
    discovery = found(text, "en")
    company = by_label(discovery, label, "en")
    assert (company.cls, company.subclass) == ("Organization", "Company")
    assert company.located_in == ()  # a company named after a place may sit anywhere


def test_the_company_is_the_same_entity_where_it_stands_without_a_cue(found):
    discovery = found("The depot is run by Amurtrans Logistics. Amurtrans Logistics also ships grain.", "en")
    company = by_label(discovery, "Amurtrans Logistics", "en")
    assert len([m for m in discovery.linked.mentions if m.entity == company.id]) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Officials from Khabarovsk Krai attended the opening.",  # a known region after "from"
        "Growth in Heilongjiang slowed, while investment from Harbin rose.",
        "Heihe has worked with Blagoveshchensk for years.",  # one word after "with" may be a town
    ],
)
def test_no_company_is_made_of_ordinary_words_or_known_places(found, text):
    discovery = found(text, "en")
    assert not [e for e in discovery.entities if e.subclass == "Company"]


def test_a_news_dateline_names_a_town_and_its_later_mentions(found):
    discovery = found("VYAZEMSKY — A sawmill opened on Thursday. Vyazemsky lies on the railway.", "en")
    town = by_label(discovery, "Vyazemsky", "en")
    assert town.cls == "City"
    assert [m.surface for m in discovery.linked.mentions if m.entity == town.id] == ["VYAZEMSKY", "Vyazemsky"]


def test_a_dateline_dash_joins_no_two_places(found):
    discovery = found("HARBIN — Officials from Heilongjiang met on Friday.", "en")
    assert "Officials" not in labels(discovery, "en")


def test_one_unknown_word_placed_in_a_known_region_is_a_town(found):
    discovery = found("Logs come from the edge of Bolshekhekhtsir in southern Khabarovsk Krai.", "en")
    town = by_label(discovery, "Bolshekhekhtsir", "en")
    assert (town.cls, town.located_in) == ("City", ("khabarovsk-krai",))


@pytest.mark.parametrize(
    "text, label, cls",
    [
        ("The Nadezhdinskaya Grain Elevator will store soy.", "Nadezhdinskaya Grain Elevator", "Project"),
        ("The Kedrovaya Pad Cold Store opened in Vladivostok.", "Kedrovaya Pad Cold Store", "Project"),
        ("Work began on the Bureya Log Yard last week.", "Bureya Log Yard", "Project"),
        ("The Artyom Vegetable Wholesale Market will sell produce.", "Artyom Vegetable Wholesale Market", "Project"),
    ],
)
def test_an_english_storage_or_trade_facility_is_named_by_its_head(found, text, label, cls):
    assert by_label(found(text, "en"), label, "en").cls == cls


# --- Russian ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, label",
    [
        ("Склад построил Дальтрансстрой.", "Дальтрансстрой"),  # pymorphy3 knows it as a firm (Orgn)
        ("Терминалом управляет Зеялеспром.", "Зеялеспром"),
        ("Договор подписан с Бурейнефтетрансом.", "Бурейнефтетранс"),  # instrumental → nominative
        ("Кредит выдал Амурсоцбанк.", "Амурсоцбанк"),
    ],
)
def test_a_russian_compound_company_word_is_found_in_the_nominative(found, text, label):
    discovery = found(text, "ru")
    company = by_label(discovery, label, "ru")
    assert (company.cls, company.subclass) == ("Organization", "Company")


def test_a_russian_company_word_in_two_cases_is_one_entity(found):
    discovery = found("Склад построил Зеялеспром. Договор с Зеялеспромом подписан в мае.", "ru")
    company = by_label(discovery, "Зеялеспром", "ru")
    assert [m.surface for m in discovery.linked.mentions if m.entity == company.id] == ["Зеялеспром", "Зеялеспромом"]


@pytest.mark.parametrize(
    "text",
    [
        "Лесопромышленность края растёт.",  # a dictionary word with a stem inside
        "Автотранспорт перевозит лес.",
        "Губернатор встретился с Петровым.",
    ],
)
def test_no_russian_company_is_made_of_dictionary_words(found, text):
    assert not [e for e in found(text, "ru").entities if e.subclass == "Company"]
