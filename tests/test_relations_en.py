"""English relations from running text: definite nouns that stand for a name said before, a link
whose name joins two places, appositions, sector lists, coordinated clauses, English sentences
inside a document of another language, and the negated or hypothetical sentences that give nothing.
The small catalog of tests/test_extract_clauses.py pins the rules on classes; the name rules run on
the seed catalog (conftest)."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation
from test_extract_clauses import CATALOG, one, relations, triples

from amurkg.corpus.catalog import Catalog
from amurkg.extract.clauses import extract_clauses
from amurkg.extract.discovery import discover
from amurkg.text.link import LinkedText, Linker, Mention
from amurkg.text.sentences import split_sentences


def test_both_countries_stand_for_the_pair_named_before():
    text = "China and Russia met in May. In June both countries signed the Border Trade Agreement."
    for party in ("china", "russia"):
        relation = one("en", text, party, "signs", "trade-agreement")
        assert relation.quote == "In June both countries signed the Border Trade Agreement."
        assert relation.modality == "stated"


def test_the_city_stands_for_the_city_named_before_and_opposite_pairs_border_towns():
    text = "Scholars often describe Suifenhe as a gateway. The city lies opposite Blagoveshchensk."
    relation = one("en", text, "suifenhe", "counterpartOf", "blagoveshchensk")
    assert relation.quote == "The city lies opposite Blagoveshchensk."
    assert ("suifenhe", "adjoins", "blagoveshchensk") not in triples("en", text)


def test_the_bridge_stands_for_the_link_named_before():
    text = "The Amur Bridge opened in 2019. The bridge is funded by the Provincial Government."
    relation = one("en", text, "amur-bridge", "fundedBy", "province-government")
    assert relation.quote == "The bridge is funded by the Provincial Government."


def test_a_definite_noun_without_an_earlier_name_of_its_class_stands_for_nothing():
    assert not relations("en", "The bridge is funded by the Provincial Government.")


def test_an_apposition_states_where_a_place_lies():
    relation = one(
        "en",
        "Zabaykalsk, a town in Zabaykalsky Krai, handles rail freight.",
        "zabaykalsk",
        "locatedIn",
        "zabaykalsky-krai",
    )
    assert relation.quote == "Zabaykalsk, a town in Zabaykalsky Krai"


def test_the_sectors_of_a_program_are_its_industries():
    text = "Within the Border Trade Agreement, projects were listed in the sectors of agriculture and tourism."
    for industry in ("agriculture", "tourism"):
        assert one("en", text, "trade-agreement", "targetsIndustry", industry).modality == "stated"


def test_a_plan_in_a_coordinated_clause_does_not_make_the_first_one_planned():
    text = "The Amur Bridge connects Heihe with Blagoveshchensk and is expected to carry more cargo."
    assert one("en", text, "amur-bridge", "connects", "heihe").modality == "stated"
    assert one("en", text, "amur-bridge", "connects", "blagoveshchensk").modality == "stated"


def test_a_list_ending_with_and_the_keeps_its_last_member():
    text = "Representatives from Harbin, Suifenhe, and the Provincial Government attended the China–Russia Expo."
    for party in ("harbin", "suifenhe", "province-government"):
        one("en", text, party, "participatesIn", "expo")


def test_invested_in_is_no_statement_of_place():
    text = "Longjiang Timber has invested in the New Area."
    assert ("timber-co", "locatedIn", "harbin-new-area") not in triples("en", text)
    one("en", text, "timber-co", "investsIn", "harbin-new-area")


def test_english_sentences_inside_a_japanese_document_are_read_one_by_one():
    text = "ハルビンは観光を発展させる。\nTourism is growing in the whole country. Suifenhe lies on the border."
    assert ("suifenhe", "targetsIndustry", "tourism") not in triples("ja", text)


@pytest.mark.parametrize(
    "text",
    [
        "No agreement between Harbin and Blagoveshchensk has been signed.",
        "Some observers asked whether Harbin would host the China–Russia Expo.",
        "Heihe does not border Blagoveshchensk.",
    ],
)
def test_a_negated_or_hypothetical_sentence_gives_nothing(text):
    assert not relations("en", text)


def test_a_link_named_after_two_places_connects_them_and_lies_in_neither(linker: Linker, catalog: Catalog):
    text = "The Heihe–Blagoveshchensk Highway Bridge carries trucks across the Amur."
    found = discover(linker.link("t", text, "en"), catalog)
    bridge = next(e for e in found.entities if "bridge" in e.id)
    edges = {(r.subject, r.predicate, r.object) for r in found.relations}
    assert {(bridge.id, "connects", "heihe"), (bridge.id, "connects", "blagoveshchensk")} <= edges
    assert not any(p == "locatedIn" and s == bridge.id for s, p, _ in edges)
    assert not bridge.located_in
    quote = next(r.quote for r in found.relations if r.predicate == "connects")
    assert quote == "Heihe–Blagoveshchensk Highway Bridge"


def test_a_place_whose_linked_name_ends_with_a_larger_place_lies_in_it():
    text = "Trade grew in the Eastern region of China last year."
    surface = "Eastern region of China"
    start = text.index(surface)
    linked = LinkedText(
        "t",
        text,
        "en",
        tuple(split_sentences(text, "en")),
        (Mention("heilongjiang", "t", start, start + len(surface), surface, 0),),
    )
    found = [r for r in extract_clauses(linked, CATALOG) if r.predicate == "locatedIn"]
    assert [(r.subject, r.object, r.quote, r.rule) for r in found] == [
        ("heilongjiang", "china", surface, "clause:name")
    ]


def test_a_branch_lies_in_its_own_place_not_in_its_parents(linker: Linker, catalog: Catalog):
    text = "The Harbin Bank Suifenhe Branch lends to sawmills."
    found = discover(linker.link("t", text, "en"), catalog)
    branch = next(e for e in found.entities if "branch" in e.id)
    placed = {r.object for r in found.relations if r.subject == branch.id and r.predicate == "locatedIn"}
    assert placed == {"suifenhe"}


def test_cooperation_of_one_party_and_a_list_of_the_other_country():
    text = "Officials praised the cooperation of Heilongjiang and the Primorsky Krai and Zabaykalsky Krai governments."
    for other in ("primorsky-krai", "zabaykalsky-krai"):
        one("en", text, "heilongjiang", "cooperatesWith", other)


def test_a_pair_far_from_the_cooperation_word_is_no_cooperation():
    text = (
        "Heilongjiang and Primorsky Krai, whose ports handle timber, grain, coal and containers for many"
        " shipping lines along the coast, were also mentioned in a report on regional cooperation."
    )
    assert ("heilongjiang", "cooperatesWith", "primorsky-krai") not in triples("en", text)


def test_the_older_cue_patterns_give_nothing_from_a_negated_clause(linker: Linker, catalog: Catalog):
    from amurkg.extract.patterns import extract_patterns

    def pairs(text: str) -> set[tuple[str, str, str]]:
        return {(r.subject, r.predicate, r.object) for r in extract_patterns(linker.link("t", text, "en"), catalog)}

    # a pair joined by "and" is counterparts only with a word of facing (twin, opposite, …) in the sentence
    assert ("heihe", "counterpartOf", "blagoveshchensk") in pairs(
        "A bridge between the twin cities Heihe and Blagoveshchensk opened."
    )
    assert not pairs("No bridge between the twin cities Heihe and Blagoveshchensk has been built.")


def test_a_discovered_company_targets_the_industries_it_specialises_in(linker: Linker, catalog: Catalog):
    from amurkg.extract.clauses import extract_clauses as read

    text = "Longjiang Grain Company opened a plant last year. The company specialises in agriculture."
    found = discover(linker.link("t", text, "en"), catalog)
    company = next(e for e in found.entities if e.subclass == "Company")
    edges = read(found.linked, catalog.extended(found.entities))
    hit = [r for r in edges if (r.subject, r.predicate, r.object) == (company.id, "targetsIndustry", "agriculture")]
    assert hit and hit[0].quote == "The company specialises in agriculture."


# --- rel-en, issue #13: patterns of running text (sentences written after the rules)


def _edges(read_relations, text: str) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in read_relations(text, "en")}


def test_a_relative_clause_after_a_bare_name_is_about_that_name(read_relations):
    text = "Timber prices rose in China. Beifang Timber Company, which employs 300 people, has invested in the Mogoytuy Industrial Park."
    investors = {s for s, p, o in _edges(read_relations, text) if (p, o) == ("investsIn", "mogoytuy-industrial-park")}
    assert len(investors) == 1 and "beifang" in next(iter(investors))


def test_from_inside_an_apposition_opens_no_frame(read_relations):
    text = "Longda Freight Company, a carrier from Suifenhe, sends trucks to Ussuriysk every day."
    assert ("suifenhe", "counterpartOf", "ussuriysk") not in _edges(read_relations, text)


def test_agreeing_and_working_with_are_cooperation(read_relations):
    edges = _edges(read_relations, "Amur Oblast and Heilongjiang agreed in March to open a new crossing.")
    assert ("amur-oblast", "cooperatesWith", "heilongjiang") in edges
    edges = _edges(read_relations, "Tongjiang will work with Birobidzhan on river transport.")
    assert ("tongjiang", "cooperatesWith", "birobidzhan") in edges


def test_operated_by_names_who_implements_the_link(read_relations):
    text = "The Heihe–Blagoveshchensk Cable Car will be operated by Xinghai Transit Company."
    found = [r for r in read_relations(text, "en") if r.predicate == "implements"]
    assert len(found) == 1 and "xinghai" in found[0].subject
    assert found[0].object.startswith("heihe-blagoveshchensk") and found[0].modality == "planned"


def test_faces_across_the_border_pairs_two_border_towns(read_relations):
    find_relation(read_relations("Pogranichny faces Suifenhe across the border.", "en"), "pogranichny", "counterpartOf")


def test_located_in_between_commas_only_places_the_park(read_relations):
    text = "The Mudanjiang Logistics Park, located in Mudanjiang, will specialise in cold-chain logistics."
    edges = _edges(read_relations, text)
    assert ("mudanjiang-logistics-park", "targetsIndustry", "logistics") in edges
    assert ("mudanjiang", "targetsIndustry", "logistics") not in edges


def test_a_city_lies_in_the_city_the_catalog_puts_it_in(read_relations):
    edges = _edges(read_relations, "Hailin, a county-level city of Mudanjiang, grows soybeans.")
    assert ("hailin", "locatedIn", "mudanjiang") in edges
    edges = _edges(read_relations, "Suifenhe lies in Mudanjiang and trades with Pogranichny.")
    assert ("suifenhe", "locatedIn", "mudanjiang") in edges
    assert ("suifenhe", "locatedIn", "pogranichny") not in edges


def test_a_ferry_line_named_after_two_places_connects_them(read_relations):
    relations = read_relations("The Heihe–Blagoveshchensk Ferry Line carries passengers in summer.", "en")
    line = find_relation(relations, "heihe-blagoveshchensk-ferry-line", "connects", "heihe")
    assert line.quote == "Heihe–Blagoveshchensk Ferry Line"
    find_relation(relations, "heihe-blagoveshchensk-ferry-line", "connects", "blagoveshchensk")


def test_a_week_is_an_event_a_city_hosts(read_relations):
    relations = read_relations("The Harbin Russian Goods Week opened in Harbin on Monday.", "en")
    find_relation(relations, "harbin", "hosts")


def test_a_possessive_before_a_lowercase_head_makes_no_name(read_relations):
    relations = read_relations("Nakhodka, Primorsky Krai's main seaport, ships coal to Japan.", "en")
    assert not [r for r in relations if "seaport" in r.subject]


def test_a_place_the_catalog_does_not_know_is_named_by_its_descriptor(read_relations):
    relations = read_relations("Hegang ships coal to Leninskoye, a village in the Jewish Autonomous Oblast.", "en")
    village = find_relation(relations, "leninskoye", "locatedIn", "jewish-autonomous-oblast")
    assert village.quote.startswith("Leninskoye, a village in")
    text = "Fuyuan faces the Russian village of Kazakevichevo across the Ussuri. Kazakevichevo has a small pier."
    edges = _edges(read_relations, text)
    assert ("fuyuan", "counterpartOf", "kazakevichevo-city") in edges
    assert ("kazakevichevo-city", "locatedIn", "russia") in edges


def test_a_second_verb_after_and_keeps_the_subject_of_the_first(read_relations):
    text = "Dongning lies in Mudanjiang, a prefecture-level city of Heilongjiang, and faces Poltavka across the river."
    edges = _edges(read_relations, text)
    assert ("dongning", "counterpartOf", "poltavka") in edges
    assert not {e for e in edges if e[0] == "mudanjiang" and e[2] == "poltavka"}


def test_taking_part_without_an_object_is_about_the_event_named_before(read_relations):
    text = "The Tongjiang Border Trade Conference opened in Tongjiang on Friday. Officials from Jilin and Amur Oblast took part."
    relations = read_relations(text, "en")
    for party in ("jilin", "amur-oblast"):
        relation = find_relation(relations, party, "participatesIn")
        assert "conference" in relation.object
    assert not [r for r in read_relations("Officials from Jilin took part.", "en") if r.predicate == "participatesIn"]


def test_names_the_catalog_does_not_know_keep_a_list(read_relations):
    text = "The Mudanjiang Timber Fair was held in Mudanjiang. Traders from Mongolia, Kazakhstan, Uzbekistan and Japan attended the fair."
    relations = read_relations(text, "en")
    for party in ("mongolia", "japan"):
        find_relation(relations, party, "participatesIn")


def test_capitalised_generic_words_before_an_event_head_make_a_name(read_relations):
    relations = read_relations("The Green Development Forum was held in Khabarovsk in May.", "en")
    hosted = find_relation(relations, "khabarovsk", "hosts")
    assert "green" in hosted.object and hosted.object.endswith("forum")
    assert not [
        r
        for r in read_relations("A regional development forum was held in Khabarovsk.", "en")
        if r.predicate == "hosts"
    ]


def test_a_company_named_after_a_place_is_not_placed_there_but_a_bureau_is(read_relations):
    edges = _edges(read_relations, "Jiamusi Timber Company opened an office in May.")
    assert not {e for e in edges if e[1] == "locatedIn"}
    edges = _edges(read_relations, "The Jiamusi Customs Bureau opened an office in May.")
    assert any(p == "locatedIn" and o == "jiamusi" for _, p, o in edges)


def test_finance_after_a_modal_is_the_verb_and_its_phase_is_the_site_named_before(read_relations):
    text = (
        "The Raohe Seafood Park opened in April. Raohe Fisheries Company has invested in the park, "
        "while the Bank of China will finance its second phase."
    )
    relations = read_relations(text, "en")
    funded = find_relation(relations, "raohe-seafood-park", "fundedBy")
    assert "bank" in funded.object and funded.modality == "planned"
    assert ("raohe", "targetsIndustry", "finance") not in _edges(read_relations, "Raohe will finance a new pier.")
    assert ("raohe", "targetsIndustry", "finance") in _edges(read_relations, "Raohe will develop finance.")


def test_a_capitalised_fund_is_a_name_and_the_crossing_is_the_port_before(read_relations):
    text = "The Hunchun Bonded Zone opened in 2019. The zone is funded by the Northern Direct Investment Fund."
    funded = find_relation(read_relations(text, "en"), "hunchun-bonded-zone", "fundedBy")
    assert funded.object.endswith("fund")
    text = "The Heihe Border Crossing reopened in May. The crossing lies opposite Blagoveshchensk."
    edges = _edges(read_relations, text)
    assert any(p in ("adjoins", "counterpartOf") and o == "blagoveshchensk" for _, p, o in edges)
    assert not {e for e in edges if e[1] == "locatedIn" and e[2] == "blagoveshchensk"}


def test_with_the_marks_a_partner(read_relations):
    text = "Liaoning will strengthen its cooperation with the Russian Far East."
    relation = find_relation(read_relations(text, "en"), "liaoning", "cooperatesWith", "russian-far-east")
    assert relation.modality == "planned"


def test_an_event_named_after_two_countries_connects_nothing(read_relations):
    relations = read_relations("Heihe hosts the annual China–Russia Youth Games Fair every summer.", "en")
    assert not [r for r in relations if r.predicate == "connects"]
    find_relation(relations, "heihe", "hosts")


def test_the_capital_of_places_a_city_and_and_faces_keeps_the_city_as_subject(read_relations):
    edges = _edges(read_relations, "Khabarovsk is the administrative centre of Khabarovsk Krai and faces Fuyuan.")
    assert ("khabarovsk", "locatedIn", "khabarovsk-krai") in edges
    assert not {e for e in edges if e[0] == "khabarovsk-krai" and e[2] == "fuyuan"}
    edges = _edges(read_relations, "Nakhodka, in Primorsky Krai, ships timber.")
    assert ("nakhodka", "locatedIn", "primorsky-krai") in edges


def test_operate_investing_an_amount_in_and_possibility(read_relations):
    found = [
        r
        for r in read_relations("Huachuan Grain Company will operate the new Fujin Rice Terminal.", "en")
        if r.predicate == "implements"
    ]
    assert len(found) == 1 and "rice-terminal" in found[0].object and found[0].modality == "planned"
    text = "Qiqihar Machinery Group has invested 300 million yuan in the Ussuriysk Economic Trade Cooperation Zone."
    edges = _edges(read_relations, text)
    assert any(p == "investsIn" and o == "ussuriysk-economic-trade-cooperation-zone" for _, p, o in edges)
    assert not any(p == "locatedIn" and o == "ussuriysk-economic-trade-cooperation-zone" for _, p, o in edges)
    assert not [
        r
        for r in read_relations("Tongjiang could host the Tongjiang Border Trade Fair.", "en")
        if r.predicate == "hosts"
    ]


def test_it_opening_a_clause_is_the_link_named_before_and_a_party_of_the_clause(read_relations):
    text = "The Suifenhe Freight Terminal opened in 2023. It links Suifenhe with Pogranichny. It is financed by the Bank of China."
    found = _edges(read_relations, text)
    assert ("suifenhe-freight-terminal", "connects", "pogranichny") in found
    assert ("suifenhe-freight-terminal", "fundedBy", "china-bank") in found


def test_built_by_a_company_abbreviated_co_implements_the_project(read_relations):
    text = "The Heihe Grain Wharf Terminal was constructed by Amur Grain Trading Co., a shipping firm."
    found = read_relations(text, "en")
    hit = [r for r in found if r.predicate == "implements" and r.object == "heihe-grain-wharf-terminal"]
    assert hit and "trading" in hit[0].subject and "company" in hit[0].subject


def test_delegates_attending_with_a_clause_after_take_part_in_the_event_named_before(read_relations):
    text = "Dalian hosted the Northeast Asia Timber Fair in May. Officials from Liaoning and Jilin attended, as did several banks."
    found = read_relations(text, "en")
    taken_part = {(r.subject, r.object) for r in found if r.predicate == "participatesIn"}
    assert {s for s, _ in taken_part} == {"liaoning", "jilin"}
    assert all("timber" in o and o.endswith("fair") for _, o in taken_part)


def test_a_place_the_money_comes_from_is_not_the_subject(read_relations):
    text = "Its logistics park, set up with funds from Liaoning, specialises in food processing."
    assert not [r for r in read_relations(text, "en") if r.subject == "liaoning"]


def test_a_city_under_a_prefecture_lies_in_it_and_is_the_one_that_faces(read_relations):
    found = _edges(read_relations, "Dongning, a county-level city under Mudanjiang, faces Poltavka across the river.")
    assert ("dongning", "locatedIn", "mudanjiang") in found
    assert ("dongning", "counterpartOf", "poltavka") in found
    assert ("mudanjiang", "counterpartOf", "poltavka") not in found


def test_working_together_is_cooperation_and_without_a_word_of_facing_no_counterparts(read_relations):
    found = _edges(read_relations, "Suifenhe and Pogranichny worked together on a tourism route.")
    assert ("suifenhe", "cooperatesWith", "pogranichny") in found
    assert ("suifenhe", "counterpartOf", "pogranichny") not in found
    signed = _edges(read_relations, "Suifenhe and Ussuriysk signed a logistics agreement in April.")
    assert not [t for t in signed if t[1] == "counterpartOf"]


def test_an_agreement_named_after_its_head_is_signed_by_both_parties(read_relations):
    text = "Amur Oblast and Heilongjiang signed a Memorandum on Soybean Processing Cooperation in May."
    signed = {(r.subject, r.object) for r in read_relations(text, "en") if r.predicate == "signs"}
    assert {s for s, _ in signed} == {"amur-oblast", "heilongjiang"}
    assert all(o.endswith("memorandum") and "soybean" in o for _, o in signed)


def test_jointly_is_no_word_of_joining_or_taking_part(read_relations):
    text = "The Heihe Bridge opened in 2019. The bridge was built jointly by the Harbin Bank and the Far East Development Fund."
    relations = read_relations(text, "en")
    assert not [r for r in relations if r.predicate == "participatesIn"]
    assert not [r for r in relations if r.predicate == "connects" and r.rule != "name:ends"]  # only its name's town


def test_a_phase_of_the_link_named_before_is_the_link(read_relations):
    text = "The Suifenhe Freight Terminal opened in 2023. The terminal's second phase was funded by the Harbin Bank."
    assert ("suifenhe-freight-terminal", "fundedBy", "harbin-bank") in _edges(read_relations, text)


def test_words_of_serving_booming_and_building_an_economy_on_give_industries(read_relations):
    assert ("heihe", "targetsIndustry", "tourism") in _edges(read_relations, "Winter tourism is booming in Heihe.")
    found = _edges(read_relations, "Suifenhe has built its economy on timber processing and logistics.")
    assert {("suifenhe", "targetsIndustry", "logistics"), ("suifenhe", "targetsIndustry", "wood-processing")} <= found


def test_acting_on_a_program_implements_it(read_relations):
    text = "Over the past year the Jilin Provincial Government acted on the Belt and Road Initiative."
    assert ("jilin-government", "implements", "belt-and-road-initiative") in _edges(read_relations, text)


def test_a_link_that_begins_operating_is_not_operated_by_the_carried_topic(read_relations):
    text = "HEILONGJIANG — Grain will move faster now that the Raohe Grain Terminal has begun operating."
    assert not [r for r in read_relations(text, "en") if r.predicate == "implements"]
    text = "Heilongjiang opened new crossings. It operates the Raohe Grain Terminal."
    assert [r for r in read_relations(text, "en") if r.predicate == "implements" and r.subject == "heilongjiang"]


def test_border_tourism_is_the_cross_border_sector(read_relations):
    found = _edges(read_relations, "Dongning plans to develop border tourism next year.")
    assert ("dongning", "targetsIndustry", "cross-border-tourism") in found


def test_an_unknown_name_that_borders_a_known_place_is_a_town(read_relations):
    text = "Further west, Shiwei, which borders Zabaykalsky Krai, has opened a small crossing. Officials in Shiwei expect more visitors."
    found = read_relations(text, "en")
    assert [r for r in found if r.predicate == "adjoins" and r.object == "zabaykalsky-krai" and "shiwei" in r.subject]
    assert not [
        r for r in read_relations("Tourism in the town borders on the absurd.", "en") if r.predicate == "adjoins"
    ]


def test_a_route_or_corridor_named_after_two_places_connects_them(read_relations):
    found = _edges(read_relations, "The Dongning–Poltavka route reopened to lorries in April.")
    ends = {o for s, p, o in found if p == "connects" and s.endswith("route")}
    assert ends == {"dongning", "poltavka"}


def test_a_town_across_the_river_from_a_foreign_town_is_its_counterpart(read_relations):
    found = _edges(read_relations, "Jiayin sits across the Amur from Poyarkovo, a village in Amur Oblast.")
    assert ("jiayin", "counterpartOf", "poyarkovo") in found


def test_a_fund_named_after_two_countries_connects_nothing_but_a_bridge_does(read_relations):
    fund = read_relations(
        "The Russia–Mongolia Development Fund and the Tongjiang–Nizhneleninskoye Bridge were both in the news.", "en"
    )
    ends = {(r.subject, r.object) for r in fund if r.predicate == "connects"}
    assert ends and all("bridge" in s for s, _ in ends)


# --- round 3 (rel-enru): doers after "by", fronted participles, possessive pronouns of a link


def test_each_doer_after_by_does_only_the_word_before_its_by(read_relations):
    text = (
        "The Mohe Border Grain Terminal will be funded by Harbin Frontier Bank and operated by Siberian Grain Holding."
    )
    found = read_relations(text, "en")
    funders = {r.object for r in found if r.predicate == "fundedBy"}
    doers = {r.subject for r in found if r.predicate == "implements"}
    assert len(funders) == 1 and "frontier" in next(iter(funders))
    assert len(doers) == 1 and "siberian" in next(iter(doers))


def test_a_fronted_participle_gives_its_doer_the_main_subject_and_no_sector(read_relations):
    text = (
        "The Heihe Grain Wharf Terminal opened in May. Constructed by Amur Grain Trading Co., the terminal "
        "will focus on agricultural product processing. Financed by Harbin Frontier Bank, it will also serve tourism."
    )
    found = read_relations(text, "en")
    built = [r for r in found if r.predicate == "implements" and r.object == "heihe-grain-wharf-terminal"]
    assert (
        built
        and "trading" in built[0].subject
        and built[0].quote == "Constructed by Amur Grain Trading Co., the terminal"
    )
    funded = [r for r in found if r.predicate == "fundedBy" and r.subject == "heihe-grain-wharf-terminal"]
    assert funded and "frontier" in funded[0].object
    sectors = {(r.subject, r.object) for r in found if r.predicate == "targetsIndustry"}
    assert ("heihe-grain-wharf-terminal", "agri-product-processing") in sectors
    assert all(s == "heihe-grain-wharf-terminal" for s, _ in sectors)


def test_its_construction_and_the_russian_section_are_the_link_named_before(read_relations):
    text = (
        "The opening of the Fuyuan–Khabarovsk road bridge has changed trade. Its construction was financed by "
        "the Russia–China Investment Fund, while the Russian section was implemented by Amur Bridge Building Group."
    )
    found = read_relations(text, "en")
    link = "fuyuan-khabarovsk-road-bridge"
    assert find_relation(found, link, "fundedBy", "russia-china-investment-fund").quote.startswith("Its construction")
    assert any(r.predicate == "implements" and r.object == link and "building" in r.subject for r in found)


def test_a_place_after_another_places_possessive_is_the_innermost_container(read_relations):
    found = _edges(read_relations, "Trucks cross at Suifenhe, in Heilongjiang's Mudanjiang, every day.")
    assert ("suifenhe", "locatedIn", "mudanjiang") in found
    assert ("mudanjiang", "locatedIn", "heilongjiang") in found
    assert ("suifenhe", "locatedIn", "heilongjiang") not in found


def test_cities_before_a_port_noun_stand_for_their_ports_and_back_them_from_above(read_relations):
    text = "Mudanjiang, which serves as the trade hinterland of both the Dongning and Suifenhe ports, grew fast."
    found = _edges(read_relations, text)
    assert {("mudanjiang", "hinterlandOf", "dongning-port"), ("mudanjiang", "hinterlandOf", "suifenhe-port")} <= found


def test_a_name_after_which_does_the_word_to_the_name_before(read_relations):
    text = "Trucks from Heihe cross the river daily. The deal was made at the Heihe Amur Trade Fair, which the city has held every June."
    relation = find_relation(read_relations(text, "en"), "heihe", "hosts")
    assert relation.quote.startswith("Heihe Amur Trade Fair, which the city has held")


def test_a_project_centred_on_sectors_targets_them(read_relations):
    found = _edges(
        read_relations,
        "Next year the city will open the Harbin Ice Logistics Park, a project centred on food processing.",
    )
    assert ("harbin-ice-logistics-park", "targetsIndustry", "food-processing") in found


def test_a_place_opening_a_name_the_build_missed_is_no_subject(read_relations):
    text = "Fuyuan grew last year. Next year the county will launch the Fuyuan Amur Fish Export Base, a project centred on fisheries."
    assert not [e for e in _edges(read_relations, text) if e[1] == "targetsIndustry" and e[0] == "fuyuan"]


def test_the_two_cities_later_in_the_sentence_cooperate(read_relations):
    text = (
        "Tongjiang and Nizhneleninskoye, a village of the Jewish Autonomous Oblast, lie across the Amur from each "
        "other, and since 2020 the two towns have widened their partnership in freight."
    )
    relation = find_relation(read_relations(text, "en"), "tongjiang", "cooperatesWith", "nizhneleninskoye")
    assert relation.rule == "clause:both"


def test_a_town_facing_it_across_the_river_is_the_subjects_counterpart_and_lies_in_the_place_after(read_relations):
    text = "In 2024 Tongjiang widened its partnership with Nizhneleninskoye, the village facing it across the river in the Jewish Autonomous Oblast."
    found = read_relations(text, "en")
    assert find_relation(found, "nizhneleninskoye", "counterpartOf", "tongjiang").quote.endswith("across the river")
    find_relation(found, "nizhneleninskoye", "locatedIn", "jewish-autonomous-oblast")
    assert not [r for r in found if r.predicate == "adjoins" and r.object == "jewish-autonomous-oblast"]


def test_a_project_that_opened_in_a_town_lies_there(read_relations):
    text = "The Longjiang Grain Terminal opened on Tuesday in Fuyuan. The Longda Ice Terminal will rise on the outskirts of Heihe."
    found = _edges(read_relations, text)
    assert ("grain-longjiang-terminal", "locatedIn", "fuyuan") in found
    assert any(p == "locatedIn" and o == "heihe" and "longda" in s for s, p, o in found)


def test_an_apposition_of_a_town_noun_ending_in_in_places_the_town(read_relations):
    found = _edges(read_relations, "Trade grew in Arsenyev, a town of about 50,000 people in Primorsky Krai.")
    assert ("arsenyev", "locatedIn", "primorsky-krai") in found


def test_starting_work_on_a_project_implements_it(read_relations):
    found = read_relations("Longda Freight Company will start work on the Heihe Grain Wharf Terminal next year.", "en")
    assert any(
        r.predicate == "implements" and "longda" in r.subject and r.object == "heihe-grain-wharf-terminal"
        for r in found
    )


def test_it_after_a_word_of_funding_or_running_is_the_project_named_before(read_relations):
    text = "The Heihe Grain Wharf Terminal will open in 2027. Harbin Frontier Bank has agreed to finance it, and Longda Freight Company will operate it."
    found = read_relations(text, "en")
    funded = [r for r in found if r.predicate == "fundedBy" and r.subject == "heihe-grain-wharf-terminal"]
    assert funded and "frontier" in funded[0].object
    doers = {r.subject for r in found if r.predicate == "implements" and r.object == "heihe-grain-wharf-terminal"}
    assert len(doers) == 1 and "longda" in next(iter(doers))


# --- a name inside a phrase between commas only qualifies the name before it ----------------


def test_a_place_in_a_relative_clause_between_commas_is_not_the_doer_of_the_main_verb(read_relations):
    text = "Hegang, which lies close to Jiamusi, will take part in the China–Russia Expo."
    relations = read_relations(text, "en")
    found = [r for r in relations if r.predicate == "participatesIn" and r.object == "china-russia-expo"]
    assert [r.subject for r in found] == ["hegang"]
    assert found[0].quote == text and found[0].modality == "planned"


def test_a_place_in_an_apposition_between_commas_does_not_host_the_event(read_relations):
    text = "Khabarovsk, the capital of Khabarovsk Krai, hosts the China–Russia Expo this year."
    edges = _edges(read_relations, text)
    assert ("khabarovsk", "hosts", "china-russia-expo") in edges
    assert ("khabarovsk-krai", "hosts", "china-russia-expo") not in edges


def test_a_list_between_commas_keeps_every_member_a_doer(read_relations):
    text = "Heilongjiang, Jilin and Liaoning took part in the China–Russia Expo."
    edges = _edges(read_relations, text)
    assert {s for s, p, o in edges if p == "participatesIn"} >= {"heilongjiang", "jilin", "liaoning"}


def test_would_and_is_to_state_a_plan_but_is_to_the_north_does_not(read_relations):
    planned = read_relations("Qiqihar said the city would deepen its cooperation with Khabarovsk.", "en")
    assert [r.modality for r in planned if r.predicate == "cooperatesWith"] == ["planned"]
    stated = read_relations("Daqing, which is to the north of Harbin, develops petrochemicals.", "en")
    assert [r.modality for r in stated if r.predicate == "targetsIndustry"] == ["stated"]


def test_a_relative_or_apposition_of_place_says_where_the_name_lies(read_relations):
    relative = read_relations("Mishan, which lies under Jixi, exports rice.", "en")
    assert [(r.subject, r.object, r.quote) for r in relative if r.predicate == "locatedIn"] == [
        ("mishan", "jixi", "Mishan, which lies under Jixi")
    ]
    belongs = _edges(read_relations, "Manzhouli, which belongs to Hulunbuir, trades timber.")
    assert ("manzhouli", "locatedIn", "hulunbuir") in belongs
    of = _edges(read_relations, "Nakhodka, a port town of Primorsky Krai, handles coal.")
    assert ("nakhodka", "locatedIn", "primorsky-krai") in of
    # a relative of place says nothing when the catalog puts the name elsewhere, nor for "borders"
    assert not {
        e for e in _edges(read_relations, "Hulin, which borders Primorsky Krai, grows rice.") if e[1] == "locatedIn"
    }
