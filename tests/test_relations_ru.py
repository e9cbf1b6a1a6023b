"""Russian relations from running text, through the whole per-document step (discovery of new
companies, zones and infrastructure, then clauses) with the seed catalog: the doer after the
object by its case, head nouns that take up an entity named before, names of infrastructure
between two places, and the statements that must give nothing (negated, lists of keywords, an
ellipsis dash, "в" + accusative)."""

from __future__ import annotations

import pytest

from amurkg.corpus.catalog import Catalog
from amurkg.extract import Relation
from amurkg.pipeline.process import process_document
from amurkg.text.link import Linker


@pytest.fixture(scope="module")
def read(read_relations):
    return lambda text: read_relations(text, "ru")


def edge(relations: list[Relation], s: str, p: str, o: str) -> Relation:
    """The relation whose subject and object ids contain the given words."""
    found = [r for r in relations if r.predicate == p and s in r.subject and o in r.object]
    assert found, f"{s} {p} {o} not in {[(r.subject, r.predicate, r.object) for r in relations]}"
    return found[0]


def predicates(relations: list[Relation], p: str) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in relations if r.predicate == p}


# --- the doer after the object: its case says it ---------------------------------------------


def test_the_nominative_after_the_verb_implements_the_project_named_first(read):
    relations = read("Проект «Северный терминал» реализует компания «Восток Инвест».")
    found = edge(relations, "vostok-invest", "implements", "severnyy-terminal")
    assert found.quote == "Проект «Северный терминал» реализует компания «Восток Инвест»."
    assert found.modality == "stated"


def test_the_doer_before_a_final_verb_with_the_object_first(read):
    relations = read("Программу «Таёжный лес» компания «Амур Лес» реализует вместе с партнёрами.")
    assert edge(relations, "amur-les", "implements", "tayozhnyy-les")


def test_the_genitive_after_a_participation_noun_participates_and_the_nominative_implements(read):
    relations = read("Проект «Северный терминал» реализует компания «Восток Инвест» при участии корпорации «Лунцзян».")
    assert edge(relations, "longjiang", "participatesIn", "severnyy-terminal")
    assert edge(relations, "vostok-invest", "implements", "severnyy-terminal")
    assert not [r for r in relations if "longjiang" in r.subject and r.predicate == "implements"]


def test_an_accusative_after_the_verb_is_not_the_doer(read):
    """«…» after реализует in the accusative is what is implemented, and a program implements nothing."""
    relations = read("Компания «Восток Инвест» реализует программу «Северный транзит».")
    assert predicates(relations, "implements") == {("vostok-invest-company", "severnyy-tranzit-program")}


# --- head nouns that take up an entity named before --------------------------------------------


def test_the_project_of_an_earlier_sentence_is_funded(read):
    relations = read(
        "Проект «Ванинский угольный терминал» реализует компания «Восток Инвест». "
        "Финансирование проекта обеспечит Российский фонд прямых инвестиций."
    )
    found = edge(relations, "terminal", "fundedBy", "fund")
    assert found.quote == "Финансирование проекта обеспечит Российский фонд прямых инвестиций."


def test_an_abbreviation_takes_up_the_zone_named_in_full(read):
    relations = read(
        "В Приморском крае работает территория опережающего развития «Ханкайская». "
        "Резиденты ТОР специализируются на логистике и туризме."
    )
    assert edge(relations, "khankayskaya", "targetsIndustry", "logistics")
    assert edge(relations, "khankayskaya", "targetsIndustry", "tourism")


def test_a_new_noun_takes_up_nothing(read):
    relations = read(
        "Проект «Ванинский угольный терминал» реализует компания «Восток Инвест». "
        "Другой проект финансирует Российский фонд прямых инвестиций."
    )
    assert not predicates(relations, "fundedBy")


def test_a_pipeline_named_before_connects_the_places(read):
    relations = read("Нефтепровод «Восток — Дацин» построен в 2011 году. Нефтепровод соединяет Сибирь с Дацином.")
    assert edge(relations, "vostok-daqing", "connects", "siberia")
    assert edge(relations, "vostok-daqing", "connects", "daqing")


# --- names of infrastructure between two places ------------------------------------------------


def test_a_railway_named_by_its_two_ends_connects_them_and_lies_in_neither(read):
    relations = read("Железная дорога Находка — Уссурийск обновлена.")
    assert {o for _, o in predicates(relations, "connects")} == {"nakhodka", "ussuriysk"}
    assert not predicates(relations, "locatedIn")


def test_an_unknown_end_after_the_dash_is_part_of_the_name(read):
    relations = read("Кроме того, железная дорога Уссурийск — Гродеково обновлена.")
    found = edge(relations, "ussuriysk", "connects", "ussuriysk")
    assert found.quote == "железная дорога Уссурийск — Гродеково"


def test_a_checkpoint_keeps_its_genitive_in_its_name(linker: Linker, catalog: Catalog):
    outcome = process_document(linker.link("t", "Пункт пропуска Пограничный открыт.", "ru"), catalog)
    assert "Пункт пропуска Пограничный" in [e.labels["ru"] for e in outcome.proposed]


# --- statements that give nothing ----------------------------------------------------------------


def test_a_negated_signing_gives_no_edge(read):
    assert not predicates(read("Компания «Сибирский газ» не подписала Соглашение о поставках газа."), "signs")


def test_an_investment_into_a_port_is_no_place(read):
    relations = read("ПАО «Дальневосточное пароходство» инвестирует в порт Находка.")
    assert not [r for r in relations if r.predicate == "locatedIn" and "parokhodstvo" in r.subject]
    assert edge(relations, "parokhodstvo", "investsIn", "nakhodka-port")


def test_an_ellipsis_dash_places_nothing(read):
    relations = read("Поэтому кооперация с Китаем – в Маньчжурии, с Россией – в Сибири имеет значение.")
    assert ("siberia", "russia") not in predicates(relations, "locatedIn")


def test_a_list_of_keywords_sets_no_topic(read):
    relations = read("Ключевые слова: Харбин; промышленное сотрудничество с Россией; инвестиции.")
    assert not predicates(relations, "cooperatesWith")


def test_dollars_of_the_usa_end_no_sentence_and_make_no_partner(read):
    relations = read(
        "Объем инвестиций составил 4 млрд дол. США, число предприятий достигло 68. "
        "Парк стал центром сотрудничества с Россией."
    )
    assert not [r for r in relations if r.predicate == "cooperatesWith" and "united-states" in (r.subject, r.object)]


def test_a_place_adjective_before_a_company_places_it(read):
    found = edge(read("В 2021 году харбинская компания «Хуаюй» открыла склад."), "huayu", "locatedIn", "harbin")
    assert found.quote == "харбинская компания «Хуаюй»"


def test_an_agreement_keeps_its_whole_genitive_subject_and_is_signed(linker: Linker, catalog: Catalog):
    text = "Правительство Амурской области подписало Соглашение о развитии приграничной логистики."
    outcome = process_document(linker.link("t", text, "ru"), catalog)
    labels = {e.id: e.labels["ru"] for e in outcome.proposed}
    agreement = next(k for k, v in labels.items() if v.startswith("Соглашение"))
    assert labels[agreement] == "Соглашение о развитии приграничной логистики"
    assert edge(list(outcome.relations), "amur-oblast-government", "signs", agreement)


# --- an event taken up by its bare head noun or "в его работе"; a topic in a prepositional phrase -----


def test_its_work_takes_up_the_forum_named_before(read):
    relations = read(
        "В Благовещенске состоялся форум «Амурский диалог». "
        "В его работе участвовали представители провинции Хэйлунцзян и Еврейской автономной области."
    )
    assert edge(relations, "blagoveshchensk", "hosts", "amurskiy-dialog")
    assert edge(relations, "heilongjiang", "participatesIn", "amurskiy-dialog")
    assert edge(relations, "jewish-autonomous-oblast", "participatesIn", "amurskiy-dialog")


def test_the_place_an_event_opened_in_takes_no_part_in_it(read):
    relations = read("В Хэйхэ открылась ярмарка «Приграничье». Участие в ярмарке приняли компании из Приморья.")
    assert edge(relations, "heihe", "hosts", "prigraniche")
    assert not predicates(relations, "participatesIn")


def test_a_name_after_a_preposition_is_not_the_topic_later_sentences_carry(read):
    relations = read(
        "Хабаровский край наращивает экспорт леса. Через порт Ванино в провинцию Ляонин отправлено более "
        "миллиона тонн угля. Ведущей отраслью остаётся лесопереработка."
    )
    assert edge(relations, "khabarovsk-krai", "targetsIndustry", "wood-processing")
    assert not [r for r in relations if "port" in r.subject]  # neither an industry nor a place of the port


# --- partners behind an agent noun, after a cooperation model; fields of «сотрудничать»; lists ------


def test_a_partner_behind_an_agent_noun_after_s(read):
    relations = read("Еврейская автономная область провела переговоры с правительством провинции Ляонин.")
    assert edge(relations, "jewish-autonomous-oblast", "cooperatesWith", "liaoning")


def test_the_partner_after_a_cooperation_model_and_its_long_subject(read):
    relations = read(
        "Приграничное сотрудничество Хабаровского края с провинцией Хэйлунцзян опирается на речные перевозки."
    )
    assert edge(relations, "khabarovsk-krai", "cooperatesWith", "heilongjiang")


def test_the_fields_a_single_subject_cooperates_in_are_its_industries(read):
    relations = read(
        "Забайкальский край сотрудничает с автономным районом Внутренняя Монголия в горнодобывающей промышленности и туризме."
    )
    assert edge(relations, "zabaykalsky-krai", "targetsIndustry", "tourism")
    assert not [r for r in relations if r.predicate == "targetsIndustry" and "inner-mongolia" in r.subject]


def test_two_quoted_companies_with_an_adjective_before_the_second_head_both_sign(read):
    relations = read(
        "Компания «Амурсталь» и цзямусская корпорация «Саньцзян Металл» подписали Соглашение о поставках руды."
    )
    signers = {s for s, _ in predicates(relations, "signs")}
    assert any("amurstal" in s for s in signers) and any("sanczyan" in s or "sanjiang" in s for s in signers), signers


# --- partner nouns: a topic opened by its head noun, a body standing for its place, «и город X» ------


def test_a_name_opened_by_its_head_noun_is_the_topic_a_partner_noun_takes_up(read):
    relations = read(
        "Город Тунцзян развивает речные перевозки. Главным партнёром города остаётся Еврейская автономная область."
    )
    assert edge(relations, "tongjiang", "cooperatesWith", "jewish-autonomous-oblast")


def test_a_place_noun_after_a_body_stands_for_the_place_the_body_is_of(read):
    relations = read(
        "Правительство Забайкальского края одобрило программу «Степной транзит». "
        "Основными партнёрами края являются автономный район Внутренняя Монголия и город Маньчжоули."
    )
    assert edge(relations, "zabaykalsky-krai", "cooperatesWith", "inner-mongolia")
    assert edge(relations, "zabaykalsky-krai", "cooperatesWith", "manzhouli")
    assert not [r for r in relations if r.predicate == "cooperatesWith" and "government" in r.subject]


# --- «основа», «ключевой»; a verb with its own object before «в B»; «его строительство» -----------


def test_the_basis_of_an_economy_and_a_key_direction_are_industries(read):
    relations = read("Основу экономики Амурской области составляет электроэнергетика.")
    assert edge(relations, "amur-oblast", "targetsIndustry", "electric-power")
    relations = read("Для провинции Цзилинь ключевым направлением остаётся машиностроение.")
    assert edge(relations, "jilin", "targetsIndustry", "machinery-manufacturing")


def test_a_company_that_built_something_in_a_city_is_not_located_there(read):
    relations = read("Корпорация «Бэйфан Сталь» открыла представительство в Хабаровске.")
    assert not predicates(relations, "locatedIn")
    relations = read("Корпорация «Бэйфан Сталь» работает в Хабаровске.")
    assert edge(relations, "stal", "locatedIn", "khabarovsk")


def test_its_building_takes_up_the_project_of_the_sentence_before_only(read):
    relations = read(
        "В Фуюане строится терминал «Северный». Его строительство профинансирует Фонд развития Дальнего Востока."
    )
    assert edge(relations, "severnyy", "fundedBy", "fund")
    relations = read(
        "Мост «Нижний Амур» открыт в прошлом году. Летом в Хэйхэ состоялась ярмарка. "
        "Рядом появится склад, его строительство профинансирует компания «Амур Логистик»."
    )
    assert not predicates(relations, "fundedBy")


# --- agreements named by «о …» (sentence-initial or after a signing verb); a quoted partner -------


def test_an_agreement_opening_a_sentence_is_signed_by_the_parties_after_it(read):
    relations = read("Меморандум о развитии речного туризма подписали Хабаровский край и город Фуюань.")
    signers = {s for s, _ in predicates(relations, "signs")}
    assert signers == {"khabarovsk-krai", "fuyuan"}, signers


def test_a_lower_case_agreement_after_a_signing_verb_is_a_document(read):
    relations = read("Амурская область и провинция Хэйлунцзян заключили соглашение о поставках электроэнергии.")
    signers = {s for s, _ in predicates(relations, "signs")}
    assert signers == {"amur-oblast", "heilongjiang"}, signers


def test_a_quoted_partner_after_s_and_its_head_noun(read):
    relations = read("Компания «Зея Агро» сотрудничает с корпорацией «Суйхуа Соя» в пищевой промышленности.")
    assert edge(relations, "zeya-agro", "cooperatesWith", "suihua")
    assert not [r for r in relations if r.predicate == "targetsIndustry" and "suihua" in r.subject]
    relations = read(
        "С корпорацией «Цзямусы Бумага» администрация Биробиджана подписала Соглашение о поставках древесины."
    )
    assert len({s for s, _ in predicates(relations, "signs")}) == 2


# --- «Участие в X приняли …» (the phrase split around the event), «роль», «принять программу» -------


def test_participation_with_the_verb_after_the_event(read):
    relations = read("Участие в выставке «Сибирский лес» приняли делегации Хабаровского края и провинции Хэйлунцзян.")
    assert edge(relations, "khabarovsk-krai", "participatesIn", "sibirskiy-les")
    assert edge(relations, "heilongjiang", "participatesIn", "sibirskiy-les")


def test_a_role_in_the_economy_is_an_industry_and_an_adopted_program_is_signed(read):
    relations = read("Важную роль в экономике Еврейской автономной области играет деревообработка.")
    assert edge(relations, "jewish-autonomous-oblast", "targetsIndustry", "wood-processing")
    relations = read("Администрация Благовещенска приняла программу «Речной порт».")
    assert edge(relations, "blagoveshchensk", "signs", "rechnoy-port")


# --- a role noun before the object and a copula before the doer; names of origin are no doers -----


def test_a_role_noun_then_a_copula_makes_the_name_after_it_the_doer(read):
    relations = read("Крупнейшим инвестором ТОР «Амурская» выступает корпорация «Синь Лян».")
    assert edge(relations, "corporation", "investsIn", "amurskaya")
    relations = read("Организатором выставки «Зимний Харбин» стало правительство провинции Хэйлунцзян.")
    assert edge(relations, "heilongjiang", "hosts", "zimniy-kharbin")


def test_a_name_after_iz_only_says_where_the_doers_come_from(read):
    relations = read("Предприниматели из провинции Ляонин вложили средства в ТОР «Находка».")
    assert not predicates(relations, "investsIn")


# --- the larger place first; a participial phrase; «общая граница» ----------------------------------


def test_the_larger_place_may_come_first_but_v_with_the_accusative_is_a_direction(read):
    relations = read("На территории Еврейской автономной области находится промышленный парк «Бира».")
    assert edge(relations, "bira", "locatedIn", "jewish-autonomous-oblast")
    relations = read("Поставки угля из Забайкальского края в Северо-Восточный Китай выросли.")
    assert not predicates(relations, "locatedIn")


def test_a_place_in_a_participial_phrase_does_not_take_the_industry_of_the_name_before(read):
    relations = read("Технопарк «Зея», открытый в Благовещенске, специализируется на деревообработке.")
    assert edge(relations, "zeya", "targetsIndustry", "wood-processing")
    assert not [r for r in relations if r.predicate == "targetsIndustry" and r.subject == "blagoveshchensk"]


def test_a_common_border_is_adjoining(read):
    relations = read("Забайкальский край имеет общую границу с автономным районом Внутренняя Монголия.")
    assert edge(relations, "zabaykalsky-krai", "adjoins", "inner-mongolia")


# --- «из»: a company's origin is where it lies; a list after «из» does nothing ----------------------


def test_a_company_from_a_province_lies_there_and_a_zone_does_not(read):
    relations = read("Компания «Чанчунь Авто» из провинции Цзилинь открыла сборочное производство.")
    assert edge(relations, "avto", "locatedIn", "jilin")
    relations = read("Резиденты ТОР «Комсомольск» из провинции Ляонин наняли 300 работников.")
    assert not predicates(relations, "locatedIn")


def test_names_listed_after_iz_do_not_sign(read):
    relations = read("На форуме «Амур» предприниматели из Хэйхэ и Благовещенска подписали меморандум о сотрудничестве.")
    assert not predicates(relations, "signs")


# --- round 2: partner nouns with «выступать», building and funding verbs ------------------------


def test_partners_that_act_as_partners_cooperate(read):
    relations = read("Партнёрами Хэйхэ по туризму выступают Амурская область и город Благовещенск.")
    assert edge(relations, "heihe", "cooperatesWith", "amur-oblast")
    assert edge(relations, "heihe", "cooperatesWith", "blagoveshchensk")


def test_builders_named_after_the_object_implement_it(read):
    relations = read(
        "Терминал «Зейский», соединяющий Хабаровский край с провинцией Цзилинь, построили компания «Дальмост» и корпорация «Цзилинь Инжиниринг»."
    )
    assert edge(relations, "dalmost", "implements", "zeyskiy")
    assert edge(relations, "inzhiniring", "implements", "zeyskiy")


def test_money_allotted_by_a_bank_funds_the_project(read):
    relations = read("Средства на терминал «Зейский» выделил Банк развития Китая.")
    assert edge(relations, "zeyskiy", "fundedBy", "china-development-bank")


# --- round 2: a bare noun of region takes up the region named before ---------------------------


def test_a_bare_region_noun_takes_up_the_region_of_the_body_before(read):
    relations = read(
        "Правительство Амурской области утвердило бюджет. Основными направлениями развития области остаются сельское хозяйство и энергетика."
    )
    assert edge(relations, "amur-oblast", "targetsIndustry", "agriculture")
    assert edge(relations, "amur-oblast", "targetsIndustry", "energy")


def test_a_region_noun_prefers_the_region_named_with_the_same_noun(read):
    relations = read("Делегации Приморского края и провинции Цзилинь посетили выставку. Край намерен развивать туризм.")
    assert edge(relations, "primorsky-krai", "targetsIndustry", "tourism")
    assert not [r for r in relations if r.predicate == "targetsIndustry" and r.subject == "jilin"]


def test_a_region_noun_in_a_field_or_after_an_adjective_takes_up_nothing(read):
    for text in (
        "Забайкальский край подписал соглашение. Компания «Чита Лес» развивает проекты в области энергетики.",
        "Забайкальский край подписал соглашение. Компания «Чита Лес» из Иркутской области развивает туризм.",
    ):
        relations = read(text)
        assert not [r for r in relations if r.subject == "zabaykalsky-krai" and r.predicate != "signs"]
        assert not [r for r in relations if r.object == "zabaykalsky-krai"]


def test_a_city_in_apposition_with_a_region_noun_lies_there_and_hosts(read):
    relations = read("Хэйхэ, крупный торговый город провинции, ежегодно принимает ярмарку «Амурская осень».")
    assert edge(relations, "heihe", "locatedIn", "heilongjiang")
    assert edge(relations, "heihe", "hosts", "amurskaya-osen")
    assert not predicates(relations, "participatesIn")


def test_taking_part_is_no_hosting(read):
    relations = read("Делегация Забайкальского края приняла участие в ярмарке «Амурская осень».")
    assert not predicates(relations, "hosts")


# --- round 2: the doer after «совместно с B», names that stop at the doer, more heads -----------


def test_the_nominative_after_a_partner_phrase_is_the_doer(read):
    relations = read("Город Хэйхэ расширил рынок. Вместе с провинцией Цзилинь область создаёт логистический центр.")
    assert not [r for r in relations if r.predicate == "cooperatesWith" and r.subject == "heihe"]
    relations = read("Совместно с Хабаровским краем провинция Хэйлунцзян строит паромную переправу.")
    assert edge(relations, "heilongjiang", "cooperatesWith", "khabarovsk-krai")


def test_an_agreement_named_first_stops_before_its_signers(read):
    relations = read(
        "Соглашение о строительстве зернового терминала Забайкальский край и город Маньчжоули подписали в мае."
    )
    assert edge(relations, "zabaykalsky-krai", "signs", "soglashenie")
    assert edge(relations, "manzhouli", "signs", "soglashenie")


def test_complexes_clusters_lines_contracts_and_programs_are_named(read):
    relations = read("Строительство нефтехимического комплекса «Зея Полимер» профинансирует Банк развития Китая.")
    assert edge(relations, "zeya-polimer", "fundedBy", "china-development-bank")
    relations = read("Автобусная линия «Граница» связывает Суйфэньхэ с посёлком Пограничный.")
    assert [r for r in relations if r.predicate == "connects" and "granitsa" in r.subject]
    relations = read("Компания «Чита Уголь» подписала контракт о поставках угля.")
    assert edge(relations, "chita-ugol", "signs", "kontrakt")
    relations = read(
        "Администрация Хабаровского края и правительство провинции Цзилинь подписали Программу сотрудничества в сфере туризма."
    )
    assert len({s for s, _ in predicates(relations, "signs")}) == 2


def test_a_clause_after_togda_kak_has_its_own_subject(read):
    relations = read("Хэйхэ специализируется на торговле, тогда как Суйфэньхэ ориентирован на деревообработку.")
    assert not [r for r in relations if r.subject == "heihe" and r.object == "wood-processing"]


def test_a_head_noun_far_before_the_quote_is_taken_up_later(read):
    relations = read(
        "Администрация создаёт зону трансграничного экономического сотрудничества «Забайкальск — Маньчжоули». "
        "Основными отраслями зоны станут деревообработка и туризм."
    )
    assert edge(relations, "zabaykalsk", "targetsIndustry", "wood-processing")
    assert edge(relations, "zabaykalsk", "targetsIndustry", "tourism")


def test_a_head_noun_inside_an_earlier_name_is_not_taken_for_the_next_quote(read):
    relations = read(
        "Проект «Зейский речной терминал» реализует компания «Амур Логистик». Терминал будет финансироваться за счёт средств Банка развития Китая."
    )
    assert edge(relations, "terminal", "fundedBy", "china-development-bank")
    assert not [r for r in relations if r.predicate == "fundedBy" and "logistik" in r.subject]


def test_attracting_investors_into_an_industry_targets_it(read):
    relations = read(
        "Власти заявили, что Забайкальский край намерен привлечь инвесторов в горнодобывающую промышленность."
    )
    assert edge(relations, "zabaykalsky-krai", "targetsIndustry", "mining")


def test_the_ends_of_a_link_after_s_are_no_counterparts(read):
    relations = read("Новая автобусная линия «Граница» свяжет Суйфэньхэ с Пограничным.")
    assert not predicates(relations, "counterpartOf")
    relations = read("Суйфэньхэ и Пограничный расположены друг напротив друга.")
    assert predicates(relations, "counterpartOf")


def test_its_creation_takes_up_the_project_of_its_own_sentence(read):
    relations = read(
        "Паромная линия «Зея» работает с мая. В Хабаровске появится логистический кластер «Восток»; его создание взяла на себя компания «Хабаровск Лог»."
    )
    assert edge(relations, "khabarovsk-log", "implements", "vostok")
    assert not [r for r in relations if r.predicate == "implements" and "zeya" in r.object]


def test_an_unknown_name_opening_a_clause_is_its_subject_not_the_topic(read):
    relations = read(
        "Город Хэйхэ развивает туризм. Город развивает логистику, тогда как Айгунь ориентирован на сельское хозяйство."
    )
    assert edge(relations, "heihe", "targetsIndustry", "logistics")
    assert not [r for r in relations if r.subject == "heihe" and r.object == "agriculture"]


def test_a_link_in_the_instrumental_after_a_passive_connects_both_places(read):
    relations = read("Суйфэньхэ соединён с Пограничным автобусной линией «Граница».")
    assert edge(relations, "granitsa", "connects", "suifenhe")
    assert edge(relations, "granitsa", "connects", "pogranichny")
    relations = read("Суйфэньхэ связан с Пограничным давними торговыми связями.")
    assert not predicates(relations, "connects")


def test_a_quoted_project_is_also_known_by_its_descriptor(catalog: Catalog, linker: Linker):
    from amurkg.extract.discovery import discover

    found = discover(
        linker.link("t", "Компания построит газохимический комплекс «Зея Полимер» в Благовещенске.", "ru"), catalog
    )
    entity = next(e for e in found.entities if "zeya-polimer" in e.id)
    assert "газохимический комплекс «Зея Полимер»" in entity.aliases["ru"]


# --- round 3 (rel-enru): partners after a place noun, partner nouns, events in a place, pronouns


def test_a_partner_after_a_place_noun_in_apposition_cooperates(read):
    relations = read("Хабаровский край в 2024 году продолжил сотрудничество с уездом Фуюань провинции Хэйлунцзян.")
    found = edge(relations, "khabarovsk-krai", "cooperatesWith", "fuyuan")
    assert "с уездом Фуюань" in found.quote


def test_keeping_the_place_of_a_partner_is_partnership(read):
    relations = read("Приморский край сохранил позиции одного из крупнейших партнёров провинции Цзилинь.")
    assert ("primorsky-krai", "jilin") in predicates(relations, "cooperatesWith") | {
        (o, s) for s, o in predicates(relations, "cooperatesWith")
    }


def test_an_event_right_before_its_place_is_hosted_there(read):
    relations = read("Губернатор выступил на Российско-Китайском ЭКСПО в Харбине.")
    assert edge(relations, "harbin", "hosts", "china-russia-expo").quote == "Российско-Китайском ЭКСПО в Харбине"


def test_a_partner_between_the_verb_and_the_program_signs_it_too(read):
    relations = read(
        "Правительство Амурской области планирует подписать с провинцией Цзилинь Программу приграничного сотрудничества."
    )
    assert edge(relations, "jilin", "signs", "program").modality == "planned"
    edge(relations, "amur-oblast", "signs", "program")


def test_a_pronoun_before_a_verb_is_the_link_of_its_gender_named_before(read):
    relations = read("В Хэйхэ открылся мост Хэйхэ — Благовещенск. Его построила компания «Амурский мостострой».")
    assert edge(relations, "mostostroy", "implements", "heihe-blagoveshchensk").quote.startswith("Его построила")
    relations = read(
        "В Хэйхэ открылся мост Хэйхэ — Благовещенск. Рядом появится канатная дорога, а возводить её будет "
        "компания «Амурский мостострой»."
    )
    assert not predicates(relations, "implements")


def test_a_possessive_before_financing_is_the_link_named_before(read):
    relations = read(
        "Через Амур построят мост Фуюань — Хабаровск. Кредит на его финансирование предоставит Северный торговый банк."
    )
    edge(relations, "fuyuan-khabarovsk", "fundedBy", "bank")


def test_a_plant_opened_in_a_place_lies_there_and_the_backer_before_does_not(read):
    relations = read("При поддержке Фонда развития Приамурья в Хабаровске открыт завод «Амурсталь».")
    assert edge(relations, "amurstal", "locatedIn", "khabarovsk").quote.endswith("открыт завод «Амурсталь")
    assert not [r for r in relations if r.predicate == "locatedIn" and "fund" in r.subject]


def test_a_passive_with_na_territorii_places_the_thing_and_the_place_does_not_do_it(read):
    relations = read("Завод «Амурсталь» будет построен на территории Хабаровского края.")
    assert edge(relations, "amurstal", "locatedIn", "khabarovsk-krai").modality == "planned"
    relations = read("Проект «Зелёная долина» будет реализован на территории Хабаровского края.")
    assert not predicates(relations, "implements")


def test_a_project_carried_out_na_territorii_lies_there(read):
    relations = read("Проект «Зелёная долина» будет реализован на территории Хабаровского края.")
    assert edge(relations, "zelyonaya", "locatedIn", "khabarovsk-krai").modality == "planned"


def test_signing_a_cooperation_agreement_states_the_cooperation_of_its_parties(read):
    relations = read("Амурская область и провинция Хэйлунцзян подписали Соглашение о сотрудничестве в сфере туризма.")
    assert edge(relations, "amur-oblast", "cooperatesWith", "heilongjiang").rule == "clause:pair"


def test_the_adjective_of_a_facility_names_its_sector(read):
    relations = read("В Биробиджане открыт нефтеперерабатывающий завод «Амурнефть».")
    assert (
        edge(relations, "amurneft", "targetsIndustry", "oil-refining").quote
        == "нефтеперерабатывающий завод «Амурнефть»"
    )
    assert not predicates(read("В Биробиджане открыт новый завод «Амурнефть»."), "targetsIndustry")


def test_the_complex_named_before_goes_in_for_a_sector(read):
    relations = read(
        "Тепличный комплекс «Зелёный остров» построят под Хабаровском. Комплекс займётся переработкой сельскохозяйственной продукции."
    )
    assert edge(relations, "zelyonyy-ostrov", "targetsIndustry", "agri-product-processing").quote.startswith(
        "Комплекс займётся"
    )


# --- a name inside an apposition or participial phrase only qualifies the name before it -----


def test_a_region_in_an_apposition_is_not_the_partner_of_the_city_before_it(read):
    text = "Арсеньев, промышленный центр Приморского края, расширит сотрудничество с городом Цзиси."
    relations = read(text)
    found = edge(relations, "arsenyev", "cooperatesWith", "jixi")
    assert found.modality == "planned"
    assert ("primorsky-krai", "jixi") not in predicates(relations, "cooperatesWith")


def test_a_place_in_a_participial_phrase_does_not_adjoin_the_place_after_the_verb(read):
    relations = read("Уезд Мишань, входящий в состав Цзиси, граничит с Приморским краем.")
    assert ("mishan", "primorsky-krai") in predicates(relations, "adjoins")
    assert not {(s, o) for s, o in predicates(relations, "adjoins") if "jixi" in (s, o)}


def test_an_industry_after_an_apposition_is_the_citys(read):
    relations = read("Находка, крупнейший порт Приморского края, займётся развитием рыбного хозяйства.")
    found = edge(relations, "nakhodka", "targetsIndustry", "fisheries")
    assert found.modality == "planned"
    assert ("primorsky-krai", "fisheries") not in predicates(relations, "targetsIndustry")


def test_a_perfective_future_is_a_plan_and_a_verb_of_both_aspects_is_not(read):
    planned = read("В сентябре Владивосток примет Российско-Китайское ЭКСПО.")
    assert edge(planned, "vladivostok", "hosts", "china-russia-expo").modality == "planned"
    stated = read("Благовещенск продолжил сотрудничество с городом Хэйхэ.")
    assert edge(stated, "blagoveshchensk", "cooperatesWith", "heihe").modality == "stated"


def test_a_participle_of_place_says_where_the_name_lies(read):
    relations = read(
        "Мишань, входящий в состав Цзиси, развивает туризм. Хэйхэ, расположенный на севере провинции Хэйлунцзян, растёт."
    )
    assert {("mishan", "jixi"), ("heihe", "heilongjiang")} <= predicates(relations, "locatedIn")
    none = read("Мишань, известный своими озёрами, граничит с Приморским краем.")
    assert not predicates(none, "locatedIn")


def test_two_places_after_the_word_of_bordering_are_what_the_subject_borders_not_a_pair(read):
    relations = read("Забайкальский край занимает особое место: он граничит одновременно с Китаем и Монголией.")
    adjoins = predicates(relations, "adjoins")
    assert ("china", "mongolia") not in adjoins and ("mongolia", "china") not in adjoins
