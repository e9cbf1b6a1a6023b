"""Name boundaries in open-world discovery: dash-joined place pairs, coordinated names, function
words inside English names, heads for universities, venues and terminals, and quoted names after a
descriptor that says where they lie."""

from __future__ import annotations

import pytest

from amurkg.extract.discovery import Discovery


def discovered(discovery: Discovery) -> dict[str, str]:
    """Surface → entity id of the names discovery proposed."""
    new = {e.id for e in discovery.entities}
    return {m.surface: m.entity for m in discovery.linked.mentions if m.entity in new}


def located(discovery: Discovery, entity: str) -> set[str]:
    return {r.object for r in discovery.relations if r.subject == entity and r.predicate == "locatedIn"}


@pytest.mark.parametrize(
    "text, language, surface",
    [
        ("The Fuyuan–Khabarovsk Ferry Terminal reopened.", "en", "Fuyuan–Khabarovsk Ferry Terminal"),
        ("The Fuyuan-Khabarovsk Ferry Terminal reopened.", "en", "Fuyuan-Khabarovsk Ferry Terminal"),
        ("The Fuyuan – Khabarovsk Ferry Terminal reopened.", "en", "Fuyuan – Khabarovsk Ferry Terminal"),
        ("抚远—哈巴罗夫斯克客运码头恢复运营。", "zh", "抚远—哈巴罗夫斯克客运码头"),
        ("黑河—布拉戈维申斯克跨江索道预计明年建成。", "zh", "黑河—布拉戈维申斯克跨江索道"),
        ("Паромная переправа Фуюань — Хабаровск возобновила работу.", "ru", "Паромная переправа Фуюань — Хабаровск"),
        ("撫遠―ハバロフスク航路が再開された。", "ja", "撫遠―ハバロフスク航路"),
    ],
)
def test_dash_joined_places_make_one_name_that_lies_in_neither(found, text, language, surface):
    discovery = found(text, language)
    names = discovered(discovery)
    assert surface in names, names
    entity = names[surface]
    assert "fuyuan" in entity or "heihe" in entity  # the first place stays in the slug
    assert located(discovery, entity) == set()
    cls = next(e for e in discovery.entities if e.id == entity)
    assert cls.subclass == "Infrastructure"


def test_the_same_route_gets_one_slug_in_three_languages(found):
    slugs = {
        discovered(found("抚远—哈巴罗夫斯克客运码头恢复运营。", "zh"))["抚远—哈巴罗夫斯克客运码头"],
        discovered(found("The Fuyuan–Khabarovsk Passenger Terminal reopened.", "en"))[
            "Fuyuan–Khabarovsk Passenger Terminal"
        ],
    }
    assert slugs == {"fuyuan-khabarovsk-passenger-terminal"}


def test_a_route_head_without_a_place_pair_is_no_name(found):
    assert discovered(found("东宁口岸将与中韩海上航线形成联运。", "zh")) == {}


def test_and_between_two_names_splits_them(found):
    names = discovered(found("Rosneft and Sinopec Energy Holding signed a supply deal.", "en"))
    assert list(names) == ["Sinopec Energy Holding"]
    names = discovered(found("Harbin Institute of Technology and the Harbin Logistics Park agreed.", "en"))
    assert "Harbin Institute of Technology" in names and "Harbin Logistics Park" in names


def test_and_between_descriptive_words_stays_inside(found):
    names = discovered(found("He opened the Harbin International Economic and Trade Fair.", "en"))
    assert "Harbin International Economic and Trade Fair" in names


def test_of_the_inside_a_capitalised_name_is_kept(found):
    text = "The Pearl of the Amur Cultural Centre hosted the Council of Heads of Border Regions Agreement signing."
    names = discovered(found(text, "en"))
    assert "Pearl of the Amur Cultural Centre" in names
    assert "Council of Heads of Border Regions Agreement" in names


def test_of_after_a_sentence_opening_word_is_not_part_of_the_name(found):
    names = discovered(found("Construction of Harbin Logistics Park began in May.", "en"))
    assert list(names) == ["Harbin Logistics Park"]


@pytest.mark.parametrize(
    "text, language, surface, subclass, place",
    [
        ("哈尔滨工业大学与俄方高校合作。", "zh", "哈尔滨工业大学", "ResearchInstitute", "harbin"),
        ("哈尔滨国际会展中心举办展览。", "zh", "哈尔滨国际会展中心", "Infrastructure", "harbin"),
        ("ハルビン工業大学が調査を行った。", "ja", "ハルビン工業大学", "ResearchInstitute", "harbin"),
        ("「綏陽木材ターミナル」が稼働した。", "ja", "綏陽木材ターミナル", "Infrastructure", "suiyang"),
        (
            "В марте Хабаровский институт лесного хозяйства открыл филиал.",
            "ru",
            "Хабаровский институт лесного хозяйства",
            "ResearchInstitute",
            "khabarovsk",
        ),
        (
            "Experts met at the Harbin International Exhibition Center.",
            "en",
            "Harbin International Exhibition Center",
            "Infrastructure",
            "harbin",
        ),
    ],
)
def test_new_heads_find_names_with_class_and_place(found, text, language, surface, subclass, place):
    discovery = found(text, language)
    names = discovered(discovery)
    assert surface in names, names
    entity = next(e for e in discovery.entities if e.id == names[surface])
    assert entity.subclass == subclass
    assert located(discovery, entity.id) == {place}


def test_a_ministry_lies_in_its_country_not_in_the_region_it_names(found):
    discovery = found("俄罗斯远东发展部与黑龙江省商务厅召开会议。", "zh")
    names = discovered(discovery)
    ministry = next(e for e in discovery.entities if e.id == names["俄罗斯远东发展部"])
    assert ministry.located_in == ("russia",)
    assert located(discovery, ministry.id) == set()  # a country in a body's name qualifies it: no document evidence
    assert located(discovery, names["黑龙江省商务厅"]) == {"heilongjiang"}


def test_a_development_fund_does_not_lie_in_the_region_it_develops(found):
    discovery = found("Фонд развития Дальнего Востока профинансировал проект.", "ru")
    names = discovered(discovery)
    assert located(discovery, names["Фонд развития Дальнего Востока"]) == set()


def test_chinese_words_translate_in_the_slug(found):
    names = discovered(found("中国进出口银行哈尔滨分行提供贷款。", "zh"))
    assert "export-import" in names["中国进出口银行哈尔滨分行"]
    assert "jinchukou" not in names["中国进出口银行哈尔滨分行"]


def test_russian_place_adjective_before_a_quoted_name_gives_located_in_with_its_quote(found):
    discovery = found("Хабаровская компания «Амур Лес» и амурская корпорация «Зея» подписали договор.", "ru")
    names = discovered(discovery)
    assert located(discovery, names["Амур Лес"]) == {"khabarovsk"}
    assert located(discovery, names["Зея"]) == {"amur-oblast"}
    relation = next(r for r in discovery.relations if r.subject == names["Амур Лес"])
    assert relation.quote == "Хабаровская компания «Амур Лес»"


def test_japanese_bracketed_name_after_a_descriptor(found):
    discovery = found("黒龍江省の食品企業「龍江食品」が工場を建てる。", "ja")
    names = discovered(discovery)
    entity = next(e for e in discovery.entities if e.id == names["龍江食品"])
    assert entity.subclass == "Company"
    relation = next(r for r in discovery.relations if r.subject == entity.id)
    assert relation.object == "heilongjiang"
    assert relation.quote == "黒龍江省の食品企業「龍江食品」"


def test_a_bracketed_quote_of_speech_is_no_name(found):
    assert discovered(found("市長は「協力を強化する」と述べた。", "ja")) == {}


@pytest.mark.parametrize(
    "text, language, surface",
    [
        ("Rosneft signed the Amur Oblast Timber Supply Agreement in May.", "en", "Amur Oblast Timber Supply Agreement"),
        ("双方签署了《哈尔滨木材贸易协定》。", "zh", "哈尔滨木材贸易协定"),
        ("Делегации обсудили Хабаровский инвестиционный форум.", "ru", "Хабаровский инвестиционный форум"),
    ],
)
def test_an_agreement_or_forum_named_after_a_place_does_not_lie_in_it(found, text, language, surface):
    discovery = found(text, language)
    names = discovered(discovery)
    assert surface in names, names
    assert located(discovery, names[surface]) == set()


def test_a_quoted_catalog_program_after_a_descriptor_stays_the_catalog_program(found):
    discovery = found("Минэнерго России издало новый проект «Энергетической стратегии 2035».", "ru")
    assert discovered(discovery) == {}
    assert "russia-energy-strategy-2035" in {m.entity for m in discovery.linked.mentions}


def test_a_quoted_place_after_a_descriptor_names_something_new(found):
    names = discovered(found("Резиденты ТОР «Хабаровск» расширяют производство.", "ru"))
    assert any("Хабаровск" in surface for surface in names), names
