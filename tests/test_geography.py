"""Document-stated geography without a verb: a country's adjective before a place ("the Russian city of
…", «китайской провинцией …»), "X-based" firms, and a larger place written first (Northeast China's
Heilongjiang) — each gets an edge with the passage that states it, and the qualifying place is no party."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def test_english_demonym_across_class_words_distributes_over_a_list(read):
    text = "Trucks from Russian regions such as Khabarovsk Krai and Amur Oblast crossed at Suifenhe."
    relations = read(text, "en")
    first = find_relation(relations, "khabarovsk-krai", "locatedIn", "russia")
    assert first.rule == "geography:demonym" and first.quote == "Russian regions such as Khabarovsk Krai"
    second = find_relation(relations, "amur-oblast", "locatedIn", "russia")
    assert second.quote == "Russian regions such as Khabarovsk Krai and Amur Oblast"


def test_english_demonym_needs_words_of_place_between(read):
    relations = read("Russian investors in Harbin opened an office.", "en")
    assert not [r for r in relations if r.rule == "geography:demonym"]


def test_a_list_leaving_the_country_stops_the_demonym(read):
    relations = read("The Russian cities of Blagoveshchensk and Heihe trade a lot.", "en")
    assert find_relation(relations, "blagoveshchensk", "locatedIn", "russia")
    assert not [r for r in relations if r.subject == "heihe" and r.object == "russia"]


def test_russian_adjective_agreeing_with_the_place_in_any_case(read):
    text = "Подписан протокол о сотрудничестве между российским Приморьем и китайской провинцией Хэйлунцзян."
    relations = read(text, "ru")
    primorye = find_relation(relations, "primorsky-krai", "locatedIn", "russia")
    assert primorye.quote == "российским Приморьем"
    assert find_relation(relations, "heilongjiang", "locatedIn", "china").quote == "китайской провинцией Хэйлунцзян"


def test_based_firm_lies_in_the_place_which_is_no_partner(read):
    text = "Amur Oblast signed a deal with Harbin-based Longjiang Timber Company."
    relations = read(text, "en")
    based = [r for r in relations if r.rule == "geography:based"]
    assert based and based[0].object == "harbin" and based[0].quote == "Harbin-based Longjiang Timber Company"
    assert not [r for r in relations if r.predicate == "cooperatesWith" and "harbin" in (r.subject, r.object)]


def test_larger_region_written_first_makes_the_province_its_part(read):
    relations = read("Northeast China's Heilongjiang province opened a new rail link.", "en")
    edge = find_relation(relations, "heilongjiang", "partOf", "northeast-china")
    assert edge.rule == "clause:compound" and edge.quote == "Northeast China's Heilongjiang province"


def test_a_province_said_to_lie_in_its_macro_region_is_located_there(read):
    relations = read("吉林省位于中国东北地区。", "zh")
    assert find_relation(relations, "jilin", "locatedIn", "northeast-china")
    assert not [r for r in relations if r.predicate == "partOf"]


def test_a_region_of_the_same_rank_after_its_region_is_not_the_qualifier(read):
    relations = read("牡丹江市は、ロシアの沿海地方ハサン地区と接している。", "ja")
    adjoins = [r for r in relations if r.predicate == "adjoins" and "mudanjiang" in (r.subject, r.object)]
    assert adjoins and all("primorsky-krai" not in (r.subject, r.object) for r in adjoins)


@pytest.mark.parametrize(
    ("language", "text", "inner", "outer"),
    [
        ("en", "Amur Oblast is a border region of Russia with a long river frontier.", "amur-oblast", "russia"),
        ("ru", "Амурская область является приграничным регионом России.", "amur-oblast", "russia"),
        ("zh", "东宁是黑龙江省的边境城市，对俄贸易发达。", "dongning", "heilongjiang"),
        ("ja", "黒河市は黒龍江省の国境都市である。", "heihe", "heilongjiang"),
    ],
)
def test_a_copula_and_a_place_class_noun_say_where_it_lies(read, language, text, inner, outer):
    edge = find_relation(read(text, language), inner, "locatedIn", outer)
    assert edge.rule == "geography:copula" and text.startswith(edge.quote[:4])


def test_a_copula_description_of_another_place_role_gives_no_edge(read):
    relations = read("扎鲁比诺港是吉林省出海的首选战略性港口。", "zh")
    assert not [r for r in relations if r.rule == "geography:copula"]


def test_russian_comma_apposition_of_a_country_but_not_a_list(read):
    relations = read("Форум прошёл в городе Харбин, КНР. Товары идут в Европу, Японию и Корею.", "ru")
    assert find_relation(relations, "harbin", "locatedIn", "china").quote == "Харбин, КНР"
    assert not [r for r in relations if r.predicate == "locatedIn" and r.object == "japan"]


def test_a_bridge_named_after_one_town_joins_it_and_lies_in_nothing(read):
    relations = read("推动东宁界河桥前期工作。", "zh")
    bridge = next(r.subject for r in relations if r.predicate == "connects" and r.object == "dongning")
    assert find_relation(relations, bridge, "connects", "dongning").rule == "name:ends"
    assert not [r for r in relations if r.subject == bridge and r.predicate == "locatedIn"]


def test_cooperation_with_a_macro_region_is_no_edge_unless_its_countries_are_named(read):
    vague = read("ハルビンはロシア及び北東アジアとの全面的協力を進める。", "ja")
    assert not [r for r in vague if r.predicate == "cooperatesWith" and "northeast-asia" in (r.subject, r.object)]
    named = read("新疆ウイグル族自治区と中央アジア諸国の協力が進む。", "ja")
    assert [r for r in named if r.predicate == "cooperatesWith" and "central-asia" in (r.subject, r.object)]


def test_a_possessive_distributes_over_a_list_of_places_of_one_class(read):
    text = "Russia’s Primorsky Krai (province), Zabaykalsky Krai and Amur Oblast border China."
    relations = read(text, "en")
    for region in ("zabaykalsky-krai", "amur-oblast"):
        assert find_relation(relations, region, "locatedIn", "russia").rule == "geography:possessed"
    relations = read("Russia's Amur Oblast and Heilongjiang trade timber.", "en")
    assert not [r for r in relations if r.subject == "heilongjiang" and r.object == "russia"]


def test_a_places_industries_after_its_possessive_are_no_places(read):
    relations = read("黑河市的木材加工业和农产品加工业发展较快。", "zh")
    assert not [r for r in relations if r.rule == "geography:possessed"]


def test_a_closing_quote_and_a_country_adjective_do_not_break_a_compound(read):
    text = "Заводы открылись в ТОР «Надеждинская» (Приморье) и в г. Тунцзян китайской провинции Хэйлунцзян."
    relations = read(text, "ru")
    zone = next(r.subject for r in relations if r.object == "primorsky-krai" and r.predicate == "locatedIn")
    assert zone.startswith("nadezhdinskaya")
    assert find_relation(relations, "tongjiang", "locatedIn", "heilongjiang").rule == "clause:compound"


def test_a_list_of_places_before_one_locative_lies_there_every_one(read):
    relations = read("Cargo moves through Vladivostok, Nakhodka and Vostochny in Primorsky Krai.", "en")
    for town in ("vladivostok", "nakhodka"):
        edge = find_relation(relations, town, "locatedIn", "primorsky-krai")
        assert edge.rule == "geography:trailing" and edge.quote.endswith("in Primorsky Krai")
    relations = read("Поезда идут в Хабаровск, Уссурийск и Находку в Приморском крае.", "ru")
    assert not [r for r in relations if r.subject == "khabarovsk" and r.object == "primorsky-krai"]


def test_a_locative_phrase_before_a_name_places_it(read):
    relations = read("沿海州に位置するナホトカは冬も凍らない港町だ。", "ja")
    assert find_relation(relations, "nakhodka", "locatedIn", "primorsky-krai").quote == "沿海州に位置するナホトカ"
    edge = find_relation(read("位于黑龙江省东南部的绥芬河是口岸城市。", "zh"), "suifenhe", "locatedIn", "heilongjiang")
    assert edge.rule == "geography:relative" and edge.quote == "位于黑龙江省东南部的绥芬河"
    relations = read("ハバロフスク地方に位置するアムール川の港で荷役が始まった。", "ja")
    assert not [r for r in relations if r.subject == "amur-river" and r.predicate == "locatedIn"]


def test_a_place_then_a_larger_one_after_the_same_preposition(read):
    edge = find_relation(
        read("В Зарубино в Хасанском районе построят зерновой терминал.", "ru"),
        "zarubino",
        "locatedIn",
        "khasanskiy-district",
    )
    assert edge.rule == "geography:nested" and edge.quote == "Зарубино в Хасанском районе"


@pytest.mark.parametrize(
    ("text", "language", "part", "whole"),
    [
        ("Heilongjiang is an integral part of Northeast China.", "en", "heilongjiang", "northeast-china"),
        ("Хасанский район входит в состав Приморского края.", "ru", "khasanskiy-district", "primorsky-krai"),
        ("Амурская область является частью Дальнего Востока.", "ru", "amur-oblast", "russian-far-east"),
        ("绥芬河市隶属于牡丹江市。", "zh", "suifenhe", "mudanjiang"),
        ("黑龙江是中国东北地区的重要组成部分。", "zh", "heilongjiang", "northeast-china"),
        ("沿海地方はロシア極東の一部である。", "ja", "primorsky-krai", "russian-far-east"),
    ],
)
def test_a_place_said_to_be_part_of_a_larger_one(read, text, language, part, whole):
    edge = find_relation(read(text, language), part, "partOf", whole)
    assert edge.rule == "geography:part" and text.startswith(edge.quote[:2])


def test_part_of_needs_the_whole_after_it(read):
    relations = read("黑龙江是中国的重要省份。Heilongjiang is part of a larger plan.", "zh")
    assert not [r for r in relations if r.predicate == "partOf"]


def test_a_position_inside_a_place_locates_it(read):
    edge = find_relation(
        read("Suifenhe is located in the southeastern part of Heilongjiang.", "en"), "suifenhe", "locatedIn"
    )
    assert edge.object == "heilongjiang"
    relations = read("Fuyuan lies east of Harbin.", "en")
    assert not [r for r in relations if r.subject == "fuyuan" and r.object == "harbin"]


def test_a_trade_figure_is_no_cooperation_unless_the_passage_says_so(read):
    for text, language in (
        ("Trade between Heihe and Russia reached 14 billion yuan last year.", "en"),
        ("Товарооборот между Хэйхэ и Россией составил более 14 млрд рублей.", "ru"),
    ):
        assert not [r for r in read(text, language) if r.predicate == "cooperatesWith"], text
    relations = read("Heihe and Russia expand their cooperation, with trade up 20 percent.", "en")
    assert find_relation(relations, "heihe", "cooperatesWith", "russia")
