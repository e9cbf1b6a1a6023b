"""Facilities named by an ordinary noun phrase (graph/extract/facilities.py): an introduced, singular
phrase with a modifier of its own becomes an entity of its document, with its label and class, the
place or route ends the phrase states, and its later definite mentions; plurals, policies and lists
of kinds give nothing. Places and words differ from the texts the rules were written on."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation

from amurkg.corpus.catalog import Catalog
from amurkg.extract.facilities import head_nouns
from amurkg.pipeline.process import DocumentOutcome, process_document
from amurkg.text.link import Linker


@pytest.fixture(scope="module")
def read(linker: Linker, catalog: Catalog):
    def run(text: str, language: str) -> DocumentOutcome:
        return process_document(linker.link("doc", text, language), catalog)

    return run


def facility(outcome: DocumentOutcome, label: str):
    """The proposed entity with this label in the document's language (or English)."""
    found = [e for e in outcome.proposed if label in e.labels.values()]
    assert found, f"{label} not in {[e.labels for e in outcome.proposed]}"
    return found[0]


def facility_ids(outcome: DocumentOutcome) -> set[str]:
    return {e.id for e in outcome.proposed if e.id.startswith("doc-")}


def surfaces(outcome: DocumentOutcome, entity: str) -> list[str]:
    return [m.surface for m in outcome.mentions if m.entity == entity]


def test_an_english_mill_in_a_known_place_is_found_and_the_mill_takes_it_up(read):
    outcome = read(
        "Sanjiang Agro Co. will invest in a rice mill in Hulin. The mill will focus on agricultural product processing.",
        "en",
    )
    mill = facility(outcome, "rice mill")
    assert (mill.cls, mill.subclass, mill.located_in) == ("Project", "Infrastructure", ("hulin",))
    assert surfaces(outcome, mill.id) == ["rice mill", "The mill"]
    assert find_relation(list(outcome.relations), mill.id, "locatedIn", "hulin").quote == "rice mill in Hulin"
    edge = find_relation(list(outcome.relations), mill.id, "targetsIndustry", "agri-product-processing")
    assert edge.quote == "The mill will focus on agricultural product processing."


def test_an_english_facility_opening_a_sentence_lies_in_its_leading_place_and_the_project_takes_it_up(read):
    outcome = read(
        "In Mishan, a grain storage facility opened on Monday. The facility was built by Xingkai Grain Co. "
        "Financing of the project was provided by Jixi Rural Bank.",
        "en",
    )
    storage = facility(outcome, "grain storage facility")
    assert storage.located_in == ("mishan",)
    assert surfaces(outcome, storage.id) == ["grain storage facility", "The facility", "the project"]
    builder = next(e.id for e in outcome.proposed if e.labels["en"].startswith("Xingkai"))
    assert find_relation(list(outcome.relations), builder, "implements", storage.id).quote == (
        "The facility was built by Xingkai Grain Co."
    )


def test_an_english_route_connects_its_two_places_and_lies_in_neither(read):
    outcome = read("A ferry line from Fuyuan to Khabarovsk opened in May.", "en")
    line = facility(outcome, "ferry line")
    assert line.located_in == ()
    for place in ("fuyuan", "khabarovsk"):
        assert find_relation(list(outcome.relations), line.id, "connects", place).quote == (
            "ferry line from Fuyuan to Khabarovsk"
        )


@pytest.mark.parametrize(
    "text",
    [
        "Building processing plants remains a priority for the province.",
        "Processing plants in general need cheap loans.",
        "The plant will open in Hulin.",  # definite, with nothing introduced before
        "A plant opened in Hulin.",  # no modifier of its own
    ],
)
def test_english_plurals_kinds_and_bare_heads_give_no_facility(read, text):
    assert facility_ids(read(text, "en")) == set()


def test_a_chinese_plant_after_a_classifier_lies_in_the_county_and_gai_chang_takes_it_up(read):
    outcome = read("饶河县计划建设一个蔬菜加工厂。该厂由黑龙江垦区农业公司投资建设，主要从事农产品加工。", "zh")
    plant = facility(outcome, "蔬菜加工厂")
    assert (plant.cls, plant.located_in) == ("Project", ("raohe",))
    assert surfaces(outcome, plant.id) == ["蔬菜加工厂", "该厂"]
    investor = next(e.id for e in outcome.proposed if e.labels.get("zh") == "黑龙江垦区农业公司")
    assert (
        find_relation(list(outcome.relations), investor, "investsIn", plant.id).quote
        == "该厂由黑龙江垦区农业公司投资建设，"
    )


def test_a_chinese_base_built_by_a_company_in_a_place_is_introduced_by_jianshe(read):
    outcome = read("龙江农垦公司投资3亿元，在滨海边疆区建设蔬菜种植和加工基地。该基地由中国进出口银行提供贷款。", "zh")
    base = facility(outcome, "蔬菜种植和加工基地")
    assert base.located_in == ("primorsky-krai",)
    assert "该基地" in surfaces(outcome, base.id)


@pytest.mark.parametrize("text", ["各地积极建设加工基地，推进冷库、仓库等设施建设。", "加工基地是发展的重点。"])
def test_chinese_policies_and_lists_of_kinds_give_no_facility(read, text):
    assert facility_ids(read(text, "zh")) == set()


def test_a_japanese_factory_to_be_built_in_a_city_and_dou_kojo_takes_it_up(read):
    outcome = read("ビロビジャン市に新たな木材加工工場を建設する計画がある。同工場は木材加工に特化する。", "ja")
    factory = facility(outcome, "木材加工工場")
    assert factory.located_in == ("birobidzhan",)
    assert surfaces(outcome, factory.id) == ["木材加工工場", "同工場"]
    edge = find_relation(list(outcome.relations), factory.id, "targetsIndustry", "wood-processing")
    assert edge.quote.startswith("同工場は木材加工に特化")


def test_a_japanese_route_between_two_cities_connects_them(read):
    outcome = read("黒河市とブラゴベシチェンスク市を結ぶ新たなバス路線が開通した。", "ja")
    route = facility(outcome, "バス路線")
    assert {r.object for r in outcome.relations if r.subject == route.id and r.predicate == "connects"} == {
        "heihe",
        "blagoveshchensk",
    }


@pytest.mark.parametrize(
    "text", ["農業・牧畜業等の生産基地、加工基地、研究センターの建設に参加する。", "物流拠点の建設を推進する。"]
)
def test_japanese_lists_of_kinds_and_nominal_building_give_no_facility(read, text):
    assert facility_ids(read(text, "ja")) == set()


def test_a_russian_plant_is_labelled_in_the_nominative_and_the_bare_head_takes_it_up(read):
    outcome = read(
        "В Биробиджане построят соевый завод. Завод будет выпускать масло. "
        "Финансирование проекта обеспечит Фонд развития Дальнего Востока.",
        "ru",
    )
    plant = facility(outcome, "соевый завод")
    assert (plant.cls, plant.located_in) == ("Project", ("birobidzhan",))
    assert surfaces(outcome, plant.id) == ["соевый завод", "Завод", "проекта"]
    edge = find_relation(list(outcome.relations), plant.id, "fundedBy", "russian-far-east-development-fund")
    assert edge.quote == "Финансирование проекта обеспечит Фонд развития Дальнего Востока."


def test_a_russian_phrase_in_the_genitive_after_stroitelstvo_with_a_po_complement(read):
    outcome = read("В Хабаровске началось строительство комбината по переработке древесины.", "ru")
    plant = facility(outcome, "комбинат по переработке древесины")
    assert plant.located_in == ("khabarovsk",)


@pytest.mark.parametrize(
    "text",
    [
        "Строительство соевых заводов остаётся приоритетом области.",  # plural: a kind
        "Соевый завод работает в Биробиджане.",  # not introduced
        "В Биробиджане откроется логистический центр «Амур».",  # a name of its own: discovery's
    ],
)
def test_russian_plurals_unintroduced_and_named_phrases_give_no_facility(read, text):
    assert facility_ids(read(text, "ru")) == set()


def test_the_heads_are_data_shared_with_anaphora():
    assert {"комплекс", "завод", "терминал"} <= head_nouns("ru")
    assert head_nouns("xx") == frozenset()


def test_a_russian_facility_head_takes_up_a_named_facility_through_anaphora(read):
    outcome = read(
        "Компания «Амур Агро» вложит 2 млрд рублей в строительство тепличного комплекса «Зелёная долина» "
        "под Благовещенском. Комплекс будет специализироваться на овощеводстве.",
        "ru",
    )
    complex_ = next(e.id for e in outcome.proposed if e.labels.get("ru") == "Зелёная долина")
    edge = find_relation(list(outcome.relations), complex_, "targetsIndustry", "vegetable-cultivation")
    assert edge.quote == "Комплекс будет специализироваться на овощеводстве."


def test_russian_investment_introduces_a_facility_and_kotoraya_stands_for_it(read):
    outcome = read(
        "Компания «Амур Лес» инвестирует 2 млрд рублей в мебельную фабрику в Биробиджане, "
        "которая специализируется на деревообработке.",
        "ru",
    )
    factory = facility(outcome, "мебельная фабрика")
    assert factory.located_in == ("birobidzhan",)
    assert surfaces(outcome, factory.id) == ["мебельную фабрику", "которая"]
    find_relation(list(outcome.relations), factory.id, "targetsIndustry", "wood-processing")


def test_an_english_which_after_a_facility_and_its_place_stands_for_the_facility(read):
    outcome = read("Jixi Coal Co. opened a coal terminal in Hulin, which will focus on logistics.", "en")
    terminal = facility(outcome, "coal terminal")
    edge = find_relation(list(outcome.relations), terminal.id, "targetsIndustry", "logistics")
    assert edge.quote == "which will focus on logistics."
    assert ("hulin", "targetsIndustry", "logistics") not in {
        (r.subject, r.predicate, r.object) for r in outcome.relations
    }


def test_a_named_facility_ending_in_a_head_is_taken_up_by_dou_and_its_head(read):
    outcome = read("黒河市に黒河国際物流センターが完成した。同センターは越境物流を担う。", "ja")
    assert "同センター" in surfaces(outcome, "heihe-international-logistics-center")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("牡丹江市は東北アジアの新たな物流センターとなることを目指している。", "ja"),
        (
            "Власти обсуждают создание экспортно-ориентированной аграрной базы, которая могла бы привлечь инвесторов.",
            "ru",
        ),
        ("The province wants to build a new innovation hub and attract young engineers.", "en"),
        ("该市计划建设一个现代农业基地，吸引更多投资。", "zh"),
    ],
)
def test_a_role_or_concept_phrase_is_no_facility(read, text, language):
    """A centre something becomes, a base or hub no place is given for: a role or aim, not a thing built."""
    assert facility_ids(read(text, language)) == set()


def test_an_abstract_head_with_its_place_is_still_a_facility(read):
    hub = facility(read("A grain hub will be built in Heihe.", "en"), "grain hub")
    base = facility(read("在黑河建设一个大豆加工基地。", "zh"), "大豆加工基地")
    assert (hub.located_in, base.located_in) == (("heihe",), ("heihe",))


def test_a_chinese_facility_that_is_an_aim_is_no_facility(read):
    """新建…仓库的目标 names a goal; the same phrase built in a place is a facility."""
    assert facility_ids(read("抚远市提出了新建一座粮食仓库的目标。", "zh")) == set()
    assert facility(read("企业将在抚远市新建一座粮食仓库。", "zh"), "粮食仓库").located_in == ("fuyuan",)
