"""Open-world discovery in Russian (round 5, ent-ru): towns in the genitive after a noun of government
(власти, администрация, на окраине), hyphenated towns put back in the nominative, a name after a
nominative cue noun kept as written, an adjective of a longer name not taken for a town, agreements
about an adjective + noun, and class nouns before a quoted name (фирма, склад, элеватор). The sentences
use other names than the held-out texts."""

from __future__ import annotations

import pytest

from amurkg.corpus.catalog import Entity
from amurkg.extract.discovery import Discovery


def by_label(discovery: Discovery, label: str) -> Entity:
    matches = [e for e in discovery.entities if e.labels.get("ru") == label]
    assert matches, f"{label!r} not among {[e.labels.get('ru') for e in discovery.entities]}"
    return matches[0]


def labels(discovery: Discovery) -> set[str]:
    return {e.labels.get("ru", "") for e in discovery.entities}


def forms(discovery: Discovery, entity: Entity) -> set[str]:
    text = discovery.linked.text
    return {text[m.start : m.end] for m in discovery.linked.mentions if m.entity == entity.id}


@pytest.mark.parametrize(
    "text, label, form",
    [
        ("Власти Лесозаводска одобрили проект нового рынка.", "Лесозаводск", "Лесозаводска"),
        ("Склад построят на окраине Райчихинска.", "Райчихинск", "Райчихинска"),
        ("Мэрия Облучья объявила конкурс.", "Облучье", "Облучья"),
    ],
)
def test_a_town_in_the_genitive_after_a_noun_of_government_is_found_in_the_nominative(found, text, label, form):
    discovery = found(text, "ru")
    town = by_label(discovery, label)
    assert town.cls == "City"
    assert form in forms(discovery, town)


def test_a_hyphenated_town_is_put_in_the_nominative_and_its_administration_lies_in_it(found):
    discovery = found("Администрация Николаевска-Дальнего утвердила план.", "ru")
    town = by_label(discovery, "Николаевск-Дальний")
    body = by_label(discovery, "Администрация Николаевска-Дальнего")
    assert town.cls == "City"
    assert (body.subclass, body.located_in) == ("GovernmentBody", (town.id,))


def test_the_governed_town_is_the_same_entity_in_another_case(found):
    discovery = found("Власти Лесозаводска ждут инвесторов. Лесозаводск расширил связи с Хулинем.", "ru")
    town = by_label(discovery, "Лесозаводск")
    assert forms(discovery, town) == {"Лесозаводска", "Лесозаводск"}


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Администрация Президента одобрила план.", "Президент"),  # a dictionary noun, no place
        ("Глава Правительства выступил на форуме.", "Правительство"),
        ("Власти Вяземского района открыли рынок.", "Вяземский"),  # an adjective of район: the district
    ],
)
def test_no_town_is_made_of_a_governed_common_noun_or_adjective(found, text, absent):
    assert absent not in labels(found(text, "ru"))


def test_a_name_after_a_nominative_cue_noun_is_kept_as_written(found):
    discovery = found("Дорога свяжет село Кундурова с уездом Сюнькэ.", "ru")
    assert "Кундурова" in labels(discovery)
    assert "Кундуров" not in labels(discovery)


def test_an_adjective_after_a_cue_noun_that_agrees_with_the_next_noun_is_no_town(found):
    discovery = found("Город остаётся крупной станцией Транссибирской магистрали и речным портом.", "ru")
    assert not any(e.cls == "City" and "Транссибирск" in e.labels.get("ru", "") for e in discovery.entities)


@pytest.mark.parametrize(
    "text, label",
    [
        ("Стороны подписали Меморандум о совместной охране лесов.", "Меморандум о совместной охране лесов"),
        (
            "Города заключили соглашение о взаимном признании сертификатов.",
            "соглашение о взаимном признании сертификатов",
        ),
    ],
)
def test_an_agreement_about_an_adjective_and_noun_is_named_whole(found, text, label):
    agreement = by_label(found(text, "ru"), label)
    assert (agreement.cls, agreement.subclass) == ("Program", "Agreement")


def test_talk_about_a_thing_makes_no_agreement(found):
    assert not found("Министр рассказал о совместной охране лесов.", "ru").entities


@pytest.mark.parametrize(
    "text, label, cls, subclass",
    [
        ("Поставки ведёт хуньчуньская фирма «Синьда».", "Синьда", "Organization", "Company"),
        ("Лесхоз сотрудничает с китайской фирмой «Дунсин».", "Дунсин", "Organization", "Company"),
        ("Компания вложила деньги в склад «Южный».", "Южный", "Project", "Infrastructure"),
        ("Зерно примет элеватор «Амурский колос».", "Амурский колос", "Project", "Infrastructure"),
    ],
)
def test_a_quoted_name_after_a_class_noun_gets_its_class(found, text, label, cls, subclass):
    entity = by_label(found(text, "ru"), label)
    assert (entity.cls, entity.subclass) == (cls, subclass)


@pytest.mark.parametrize(
    "text, label",
    [
        ("Лесозаводск, административный центр Лесозаводского округа, расширил связи с Хулинем.", "Лесозаводск"),
        ("Ивановский, крупный центр торговли зерном, ждёт инвесторов.", "Ивановский"),
        ("Райчихинск, второй по величине город района, получит новый рынок.", "Райчихинск"),
    ],
)
def test_a_town_before_an_apposition_of_its_role_is_found(found, text, label):
    assert by_label(found(text, "ru"), label).cls == "City"


@pytest.mark.parametrize(
    "text",
    [
        "Завод, крупный центр отрасли, закрылся.",  # a dictionary noun before the comma
        "Новый, самый большой город края строят на севере.",  # a common adjective
    ],
)
def test_no_town_is_made_of_a_common_word_before_an_apposition(found, text):
    assert not any(e.cls == "City" for e in found(text, "ru").entities)


def test_the_adjective_of_a_district_is_no_town_in_another_place(found):
    discovery = found("Вяземский, центр Вяземского района, растёт. Вяземский район богат лесом.", "ru")
    town = by_label(discovery, "Вяземский")
    assert len([m for m in discovery.linked.mentions if m.entity == town.id]) == 1
    assert by_label(discovery, "Вяземский район").cls == "Region"


@pytest.mark.parametrize(
    "text, label, cls",
    [
        ("Хэйхэ принимает Форум молодых предпринимателей «Два берега».", "Два берега", "Event"),
        ("Кредит выдал Фонд поддержки фермеров «Агроресурс».", "Агроресурс", "Organization"),
    ],
)
def test_a_quote_after_a_head_first_name_and_its_genitive_words_names_it(found, text, label, cls):
    discovery = found(text, "ru")
    assert by_label(discovery, label).cls == cls
    assert not any(e.labels.get("ru", "").endswith(("предпринимателей", "фермеров")) for e in discovery.entities)


def test_a_lower_case_quote_after_a_ministry_leaves_its_name_whole(found):
    discovery = found("Министерство сельского хозяйства Хабаровского края «поддержало» фермеров.", "ru")
    assert "поддержало" not in " ".join(labels(discovery))
