"""English relations from running text: definite nouns that stand for a name said before, a link
whose name joins two places, appositions, sector lists, coordinated clauses, English sentences
inside a document of another language, and the negated or hypothetical sentences that give nothing.
The small catalog of tests/test_extract_clauses.py pins the rules on classes; the name rules run on
the seed catalog (conftest)."""

from __future__ import annotations

import pytest
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

    assert ("heihe", "counterpartOf", "blagoveshchensk") in pairs("A bridge between Heihe and Blagoveshchensk opened.")
    assert not pairs("No bridge between Heihe and Blagoveshchensk has been built.")


def test_a_discovered_company_targets_the_industries_it_specialises_in(linker: Linker, catalog: Catalog):
    from amurkg.extract.clauses import extract_clauses as read

    text = "Longjiang Grain Company opened a plant last year. The company specialises in agriculture."
    found = discover(linker.link("t", text, "en"), catalog)
    company = next(e for e in found.entities if e.subclass == "Company")
    edges = read(found.linked, catalog.extended(found.entities))
    hit = [r for r in edges if (r.subject, r.predicate, r.object) == (company.id, "targetsIndustry", "agriculture")]
    assert hit and hit[0].quote == "The company specialises in agriculture."
