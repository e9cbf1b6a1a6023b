"""Open-world extraction: names the catalog lacks become proposed entities, one per thing across
languages; known names take the sense their context gives them."""

from __future__ import annotations

import pytest
import yaml
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.extract.discovery import Discovery
from amurkg.extract.discovery_merge import merge_proposed
from amurkg.namespaces import AK, ID
from amurkg.pipeline.build import build
from amurkg.text.romanize import kana_to_romaji, palladius_to_pinyin, pinyin

runner = CliRunner()


def proposed(discovery: Discovery) -> dict[str, object]:
    return {e.id: e for e in discovery.entities}


def linked_to(discovery: Discovery, surface: str) -> str:
    return next(m.entity for m in discovery.linked.mentions if m.surface == surface)


# --- a name containing a known name, in every language ------------------------------------------


@pytest.mark.parametrize(
    "text, language, surface, cls, place",
    [
        ("绥芬河综合保税区今年进出口增长两成。", "zh", "绥芬河综合保税区", "Park", "suifenhe"),
        ("綏芬河総合保税区の取扱量が増えている。", "ja", "綏芬河総合保税区", "Park", "suifenhe"),
        (
            "The Harbin Municipal Bureau of Commerce said trade rose.",
            "en",
            "Harbin Municipal Bureau of Commerce",
            "GovernmentBody",
            "harbin",
        ),
        ("Хабаровский речной порт принял первую баржу.", "ru", "Хабаровский речной порт", "Port", "khabarovsk"),
        ("黑河市商务局与俄罗斯阿穆尔州政府举行会谈。", "zh", "阿穆尔州政府", "GovernmentBody", "amur-oblast"),
    ],
)
def test_a_name_containing_a_known_name_is_proposed_and_keeps_the_link(found, text, language, surface, cls, place):
    discovery = found(text, language)
    entity_id = linked_to(discovery, surface)
    entity = proposed(discovery)[entity_id]
    assert entity.status == "proposed" and cls in (entity.cls, entity.subclass)
    assert place not in {m.entity for m in discovery.linked.mentions}  # the shorter mention gave way
    assert any(
        r.subject == entity_id
        and r.predicate == "locatedIn"
        and r.object == place
        and r.method == "name"
        and r.quote == surface
        for r in discovery.relations
    )


def test_a_russian_name_is_labelled_in_the_nominative_singular(found):
    discovery = found("Суда причалили к Хабаровскому речному порту.", "ru")
    (entity,) = discovery.entities
    assert entity.labels["ru"] == "Хабаровский речной порт"
    assert entity.labels["en"] == "Khabarovsk River Port"


def test_a_russian_head_first_name_takes_its_genitive_chain(found):
    text = "Министерство Российской Федерации по развитию Дальнего Востока и Арктики провело форум."
    discovery = found(text, "ru")
    (entity,) = discovery.entities
    assert entity.labels["ru"] == "Министерство Российской Федерации по развитию Дальнего Востока и Арктики"
    assert entity.subclass == "GovernmentBody"


def test_a_quoted_company_name_after_its_head(found):
    discovery = found("Представители компании «Амурское пароходство» приехали в Хэйхэ.", "ru")
    entity = proposed(discovery)[linked_to(discovery, "Амурское пароходство")]
    assert entity.subclass == "Company" and entity.labels["ru"] == "Амурское пароходство"


@pytest.mark.parametrize(
    "text, surface, cls",
    [
        ("Амурская судоходная компания «Полярис» закупила баржи.", "Полярис", "Company"),
        ("Договор подписан при участии корпорации «Лунцзян».", "Лунцзян", "Company"),
        ("Завод откроют на территории опережающего развития «Кедровая».", "Кедровая", "Park"),
        ("Резиденты ОЭЗ «Заречная» освобождены от налога.", "Заречная", "Park"),
    ],
)
def test_a_quoted_name_after_an_oblique_or_qualified_head_or_an_abbreviation(found, text, surface, cls):
    discovery = found(text, "ru")
    entity = proposed(discovery)[linked_to(discovery, surface)]
    assert cls in (entity.cls, entity.subclass) and entity.labels["ru"] == surface
    assert all(m.surface != text.split()[0] for m in discovery.linked.mentions)  # the adjective is no name


def test_the_abbreviated_and_the_full_head_give_one_zone(found):
    full = found("Склад построят на территории опережающего развития «Кедровая».", "ru")
    short = found("Резиденты ТОР «Кедровая» получили льготы.", "ru")
    assert linked_to(full, "Кедровая") == linked_to(short, "Кедровая")


@pytest.mark.parametrize(
    "text, label, cls",
    [
        (
            "Стороны готовят Соглашение о создании речного терминала в Благовещенске.",
            "Соглашение о создании речного терминала",
            "Agreement",
        ),
        (
            "Министры обсудили Меморандум о сотрудничестве в сфере рыболовства.",
            "Меморандум о сотрудничестве в сфере рыболовства",
            "Agreement",
        ),
        ("Проект поддержал Фонд развития Дальнего Востока.", "Фонд развития Дальнего Востока", "Organization"),
        ("Деньги выделил Российский фонд прямых инвестиций.", "Российский фонд прямых инвестиций", "Organization"),
    ],
)
def test_a_russian_head_first_name_with_a_complement(found, text, label, cls):
    (entity,) = [e for e in found(text, "ru").entities]
    assert entity.labels["ru"] == label and cls in (entity.cls, entity.subclass)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("黑河中俄公路大桥的引桥已经完工。", "黑河中俄公路大桥"),
        ("中哈原油管道年输量稳定。", "中哈原油管道"),
        ("中蒙跨境铁路全线贯通。", "中蒙跨境铁路"),
    ],
)
def test_a_chinese_name_with_a_country_pair_in_its_modifier(found, text, surface):
    discovery = found(text, "zh")
    entity = proposed(discovery)[linked_to(discovery, surface)]
    assert entity.subclass == "Infrastructure"


def test_different_country_pairs_give_different_entities(found):
    mongolia = found("中蒙跨境铁路全线贯通。", "zh").entities
    kazakhstan = found("中哈跨境铁路全线贯通。", "zh").entities
    assert mongolia[0].id != kazakhstan[0].id


def test_an_agreement_or_plan_in_title_brackets_is_a_name_whatever_its_words(found):
    discovery = found("两国签署了《农业合作协定》，并发布《口岸物流发展规划》。他读过《边疆史》。", "zh")
    kinds = {
        m.surface: proposed(discovery)[m.entity] for m in discovery.linked.mentions if m.entity in proposed(discovery)
    }
    assert kinds["农业合作协定"].subclass == "Agreement"
    assert kinds["口岸物流发展规划"].cls == "Program"
    assert "边疆史" not in kinds


def test_an_english_name_with_a_parenthesised_part(found):
    discovery = found("Exporters in the China (Heilongjiang) Pilot Free Trade Zone pay less duty.", "en")
    entity = proposed(discovery)[linked_to(discovery, "China (Heilongjiang) Pilot Free Trade Zone")]
    assert entity.cls == "Park" and "heilongjiang" in entity.located_in


@pytest.mark.parametrize(
    "text, language, surface, place",
    [
        ("Harbin Bank Suifenhe Branch opened a rouble desk.", "en", "Harbin Bank Suifenhe Branch", "suifenhe"),
        ("哈尔滨银行绥芬河分行开设了卢布柜台。", "zh", "哈尔滨银行绥芬河分行", "suifenhe"),
    ],
)
def test_a_branch_is_an_organization_located_in_the_place_it_names(found, text, language, surface, place):
    discovery = found(text, language)
    entity = proposed(discovery)[linked_to(discovery, surface)]
    assert entity.subclass == "Company" and place in entity.located_in
    assert entity.id != "harbin-bank"  # the branch, not the bank


@pytest.mark.parametrize(
    "text, language, surface",
    [
        ("The Heilongjiang Government approved the plan.", "en", "Heilongjiang Government"),
        ("黑龙江政府批准了该规划。", "zh", "黑龙江政府"),
    ],
)
def test_a_curated_body_named_another_way_is_no_proposed_duplicate(found, text, language, surface):
    discovery = found(text, language)
    assert linked_to(discovery, surface) == "heilongjiang-provincial-government"
    assert discovery.entities == []


def test_a_government_named_after_a_catalog_region_is_a_new_entity_not_the_region(found):
    discovery = found("吉林省人民政府与滨海边疆区政府签署协议。", "zh")
    government = proposed(discovery)[linked_to(discovery, "滨海边疆区政府")]
    assert government.subclass == "GovernmentBody" and government.located_in == ("primorsky-krai",)
    assert linked_to(discovery, "吉林省人民政府") in proposed(discovery)


@pytest.mark.parametrize(
    "text, language",
    [
        ("Photo: Free Trade Zone. The Bridge opened on Monday.", "en"),
        ("国际合作论坛在北京召开，新码头投入使用。", "zh"),
        ("Министерство сообщило, что мост открыт.", "ru"),
        ("東寧県南部の内陸部で道路が整備された。", "ja"),
    ],
)
def test_descriptions_weekdays_and_captions_are_not_proposed(found, text, language):
    assert found(text, language).entities == []


# --- one entity across languages -----------------------------------------------------------------


def test_palladius_and_pinyin_meet():
    assert palladius_to_pinyin("Суйфэньхэ") == pinyin("绥芬河") == pinyin("綏芬河") == "suifenhe"
    assert palladius_to_pinyin("Харбин") is None  # a Russian name, not a Palladius transcription


def test_a_zone_named_in_chinese_and_in_russian_is_one_entity(found):
    chinese = found("绥芬河综合保税区今年进出口增长两成。", "zh")
    russian = found("Переговоры с комплексной бондовой зоной Суйфэньхэ продолжаются.", "ru")
    assert (
        [e.id for e in chinese.entities] == [e.id for e in russian.entities] == ["suifenhe-comprehensive-bonded-zone"]
    )
    merged, _ = merge_proposed(chinese.entities + russian.entities)
    assert merged[0].labels["ru"] == "комплексная бондовая зона Суйфэньхэ"
    assert merged[0].labels["zh"] == "绥芬河综合保税区"


def test_a_katakana_name_meets_its_english_and_russian_spelling(found):
    assert kana_to_romaji("ハバロフスク") == "habarofusuku"
    japanese = found("ニジネレニンスコエ港の貨物取扱能力について触れる。", "ja")
    english = found("The Nizhneleninskoye Port will handle grain.", "en")
    russian = found("Грузы пойдут через порт Нижнеленинское.", "ru")
    merged, remap = merge_proposed(japanese.entities + english.entities + russian.entities)
    assert len(merged) == 1, [e.id for e in merged]
    assert set(merged[0].labels) == {"en", "ja", "ru"}
    assert merged[0].id == "nizhneleninskoye-port"  # the English spelling names it


def test_different_names_or_heads_are_not_merged(found):
    port = found("トンハイ港で式典が行われた。", "ja").entities + found("The Donghai Port opened.", "en").entities
    assert len(port) == 2 and len(merge_proposed(port)[0]) == 2  # ト is not ド
    bureau = (
        found("哈尔滨市商务厅召开会议。", "zh").entities + found("The Harbin Bureau of Commerce met.", "en").entities
    )
    assert len({e.id for e in merge_proposed(bureau)[0]}) == 2  # a department is not a bureau
    spellings = found("The Tongkhai Port opened.", "en").entities + found("The Tonghai Port opened.", "en").entities
    assert len(spellings) == 2 and len(merge_proposed(spellings)[0]) == 2  # one language never merges on an outline


# --- senses in context -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language, surface, expected",
    [
        ("黑龙江江畔的黑河市风景优美。", "zh", "黑龙江", "amur-river"),
        ("黑龙江省与俄罗斯合作。", "zh", "黑龙江省", "heilongjiang"),
        ("Мост по реке Хэйлунцзян построен.", "ru", "Хэйлунцзян", "amur-river"),
        ("Провинция Хэйлунцзян граничит с Россией.", "ru", "Провинция Хэйлунцзян", "heilongjiang"),
        ("A bridge across the Heilongjiang opened.", "en", "Heilongjiang", "amur-river"),
        ("Heilongjiang borders Russia.", "en", "Heilongjiang", "heilongjiang"),
        ("黒竜江の対岸に町がある。", "ja", "黒竜江", "amur-river"),
        ("ハバロフスクで会議が開かれた。", "ja", "ハバロフスク", "khabarovsk"),
        ("ハバロフスク地方の知事が訪中した。", "ja", "ハバロフスク地方", "khabarovsk-krai"),
        ("ハバロフスク、ザバイカル、アムール州を重点とする。", "ja", "ハバロフスク", "khabarovsk-krai"),
    ],
)
def test_a_name_takes_the_sense_of_its_context(found, text, language, surface, expected):
    assert linked_to(found(text, language), surface) == expected


def test_a_name_cut_by_a_longer_word_or_inside_a_media_name_is_no_mention(found):
    mentions = {m.entity for m in found("周边贸易持续回暖。", "zh").linked.mentions}
    assert "border-trade" not in mentions
    assert "border-trade" in {m.entity for m in found("发展边贸。", "zh").linked.mentions}
    assert not found("黑龙江日报报道了此事。", "zh").linked.mentions
    assert "harbin" not in {m.entity for m in found("Harbin Daily reported the deal.", "en").linked.mentions}


# --- the build and the curation loop -----------------------------------------------------------

NEWS = (
    "Хабаровский речной порт принял первую баржу. Министерство экономического развития Российской "
    "Федерации подписало соглашение. Суда пришли в Хабаровский речной порт.\n"
)


def test_proposed_entities_are_in_the_graph_and_their_stubs_build_as_they_are(project_copy, tmp_path):
    source = tmp_path / "news.txt"
    source.write_text(NEWS, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(source), "--root", str(project_copy.root)]).exit_code == 0
    result = build(project_copy, validate=True, use_cache=False)
    port = ID["khabarovsk-river-port"]
    assert (port, AK.status, None) in result.graph
    assert str(result.graph.value(port, AK.status)) == "proposed"
    assert (port, AK.locatedIn, ID["khabarovsk"]) in result.graph
    mentions = list(result.graph.subjects(AK.entity, port))
    assert len(mentions) == 2  # both occurrences, with offsets into the file

    listed = runner.invoke(app, ["candidates", "--yaml", "--root", str(project_copy.root)])
    assert listed.exit_code == 0, listed.output
    stubs = yaml.safe_load(listed.stdout)
    assert {s["id"] for s in stubs} >= {"khabarovsk-river-port"}
    stub = next(s for s in stubs if s["id"] == "khabarovsk-river-port")
    assert stub["labels"] == {"en": "Khabarovsk River Port", "ru": "Хабаровский речной порт"}
    assert stub["locatedIn"] == "khabarovsk"
    assert all("\n" not in label for s in stubs for label in s["labels"].values())
    comments = [line for line in listed.stdout.splitlines() if line.startswith("# ")]
    for stub, comment in zip(stubs, comments):  # paste each stub into the file its comment names
        path = project_copy.catalog / comment.split()[1]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["entities"].append(stub)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    accepted = build(project_copy, validate=True, use_cache=False)
    assert str(accepted.graph.value(port, AK.status)) == "curated"  # same IRI, now curated
    assert not accepted.proposed or "khabarovsk-river-port" not in {e.id for e in accepted.proposed}
    assert len(list(accepted.graph.subjects(AK.entity, port))) == 2
