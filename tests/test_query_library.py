"""Every named query of graph/queries/ answers what it promises on the built graph."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Literal
from rdflib.namespace import RDF

from amurkg.namespaces import AK, ID
from amurkg.store.answers import Answer
from amurkg.store.named_queries import library, named
from amurkg.store.querying import run_query
from amurkg.store.stores import RdflibStore, cached_graph


@pytest.fixture(scope="module")
def store(layout) -> RdflibStore:
    return RdflibStore(cached_graph(layout))


def ask(store: RdflibStore, name: str, lang: str = "en", **params: str) -> Answer:
    query = named(name)
    return run_query(store, query.text, named=query, params=params, lang=lang)


def slugs(answer: Answer, column: str) -> list[str | None]:
    return [None if t is None else str(t).removeprefix(str(ID)) for t in answer.column(column)]


def pairs(answer: Answer, *columns: str) -> set[tuple]:
    return set(zip(*(slugs(answer, c) for c in columns)))


def test_the_library_has_at_least_15_documented_queries():
    queries = library()
    assert len(queries) >= 15
    for query in queries.values():
        assert query.title and query.description, query.name
        for parameter in query.parameters:
            assert parameter.help and parameter.default, (query.name, parameter.name)
    assert set(CHECKS) == set(queries), "every named query has a test"


def parks_of_city(store, answer):
    assert ("harbin-pingfang-industrial-new-area", "aerospace") in pairs(answer, "park", "industry")
    parks = set(slugs(answer, "park"))
    assert {"harbin-jiangbei-industrial-new-area", "harbin-xiangfang-industrial-new-area"} <= parks
    assert not any(p.startswith("daqing") or p.startswith("qiqihar") for p in parks)
    labels = dict(zip(slugs(answer, "park"), answer.column("park_label")))
    assert str(labels["harbin-pingfang-industrial-new-area"]) == "Pingfang Industrial New Area"
    # the city by any of its names, in any language
    for name in ("哈尔滨", "Харбин", "ハルビン", "harbin"):
        assert ask(store, "parks-of-city", city=name).rows == answer.rows


def corridor_industries(store, answer):
    members = dict(zip(slugs(answer, "industry"), (int(n) for n in answer.column("members"))))
    assert members["aerospace"] >= 1 and members["green-food"] >= 2
    assert list(members.values()) == sorted(members.values(), reverse=True)


def cross_border_pairs(store, answer):
    rows = pairs(answer, "a", "a_country", "b", "b_country")
    assert ("blagoveshchensk", "russia", "heihe", "china") in rows
    assert ("pogranichny", "russia", "suifenhe", "china") in rows
    assert len(rows) == len(answer.rows), "each pair once"
    assert all(a < b for a, _, b, _ in rows)


def port_hinterlands(store, answer):
    rows = pairs(answer, "port", "city")
    assert {("heihe-port", "heihe"), ("heihe-port", "yichun"), ("suifenhe-port", "mudanjiang")} <= rows
    assert all(zone is not None for zone in answer.column("zone"))


def document_models(store, answer):
    rows = pairs(answer, "document", "model")
    assert ("document/guo-2015-china-russia-regional-cooperation-model", "umbrella-model") in rows
    assert ("document/ma-2011-heilongjiang-cooperation-models", "turnkey-contracting") in rows
    languages = dict(zip(slugs(answer, "document"), map(str, answer.column("language"))))
    assert languages["document/guo-2015-china-russia-regional-cooperation-model"] == "zh"


def document_about_entity(store, answer):
    records = answer.records()
    relations = [r for r in records if str(r["kind"]) == "relation"]
    mentions = [r for r in records if str(r["kind"]) == "mention"]
    aerospace = [r for r in relations if r["predicate"] == AK.targetsIndustry and r["object"] == ID.aerospace]
    assert aerospace and "平房" in str(aerospace[0]["quote"])
    assert mentions and all("平房" in str(r["quote"]) for r in mentions)
    assert records.index(relations[-1]) < records.index(mentions[0]), "relations first"


def edge_evidence(store, answer):
    records = answer.records()
    assert records and {str(r["method"]) for r in records} <= {"table", "pattern", "claim", "catalog"}
    quoted = [r for r in records if "quote" in r]
    assert any("黒河" in str(r["quote"]) and "ブラゴベシチェンスク" in str(r["quote"]) for r in quoted)
    # a symmetric edge has the same evidence whichever way it is asked
    reverse = ask(store, "edge-evidence", subject="Благовещенск", predicate="counterpartOf", object="黑河")
    assert reverse.rows == answer.rows
    none = ask(store, "edge-evidence", subject="heihe", predicate="ak:targetsIndustry", object="aerospace")
    assert none.rows == []


def document_entities(store, answer):
    counts = dict(zip(slugs(answer, "entity"), (int(n) for n in answer.column("mentions"))))
    graph = store.graph
    document = ID["document/ma-2011-heilongjiang-cooperation-models"]
    expected = sum(
        1
        for m in graph.subjects(AK.document, document)
        if (m, RDF.type, AK.Mention) in graph and (m, AK.entity, ID.heilongjiang) in graph
    )
    assert counts["heilongjiang"] == expected > 0
    assert "harbin-pingfang-industrial-new-area" in counts
    assert list(counts.values()) == sorted(counts.values(), reverse=True)
    classes = dict(zip(slugs(answer, "entity"), answer.column("class")))
    assert classes["heilongjiang"] == AK.Region


def shared_entities(store, answer):
    entities = set(slugs(answer, "entity"))
    assert {"russia", "heilongjiang"} <= entities
    assert {str(t) for t in answer.column("first_language")} == {"ja"}
    assert {str(t) for t in answer.column("second_language")} == {"ru"}
    graph = store.graph
    first = ID["document/ma-2011-heilongjiang-cooperation-models"]
    second = ID["document/anon-2015-heilongjiang-russia-industrial-cooperation"]
    both = {
        str(e).removeprefix(str(ID))
        for e in graph.subjects(AK.mentionedIn, first)
        if (e, AK.mentionedIn, second) in graph
    }
    assert entities == both


def neighbours(store, answer):
    rows = pairs(answer, "direction", "predicate", "neighbour")
    locates = "https://w3id.org/amurkg/ontology#locatedIn"
    assert ("out", locates, "heilongjiang") in rows
    assert ("in", locates, "harbin-pingfang-industrial-new-area") in rows
    assert ("out", "https://w3id.org/amurkg/ontology#partOf", "harbin-daqing-qiqihar-corridor") in rows
    assert not any(p.endswith("coMentionedWith") or p.endswith("mentionedIn") for _, p, _ in rows)


def industry_cooperation(store, answer):
    rows = pairs(answer, "industry", "country", "region")
    assert ("aerospace", "china", "heilongjiang") in rows
    by_industry: dict[str, set[str]] = {}
    for industry, country, _ in rows:
        by_industry.setdefault(industry, set()).add(country)
    assert any(countries >= {"china", "russia"} for countries in by_industry.values()), "both sides of the border"
    assert ("energy", "russia", "eastern-russia") in rows  # 俄罗斯东部地区能源产业…为中心 (the Chinese book)
    assert all(int(n) >= 1 for n in answer.column("places"))


def entity_labels(store, answer):
    labels = {(str(lang), str(label)) for lang, label in zip(answer.column("language"), answer.column("label"))}
    assert {("en", "Harbin"), ("zh", "哈尔滨"), ("ru", "Харбин"), ("ja", "ハルビン")} <= labels


def unevidenced_entities(store, answer):
    graph = store.graph
    core = {
        AK[c]
        for c in (
            "Country",
            "Region",
            "City",
            "Port",
            "Park",
            "Corridor",
            "Industry",
            "CooperationModel",
            "Program",
            "Project",
            "Organization",
            "Event",
            "GeoFeature",
        )
    }
    expected = {
        e
        for e, c in graph.subject_objects(RDF.type)
        if c in core
        and (e, AK.mentionedIn, None) not in graph
        and (None, RDF.subject, e) not in graph
        and (None, RDF.object, e) not in graph
    }
    assert set(answer.column("entity")) == expected
    assert ID.harbin not in expected


def most_mentioned(store, answer):
    counts = [int(n) for n in answer.column("mentions")]
    assert len(answer.rows) == 25 and counts == sorted(counts, reverse=True)
    top = slugs(answer, "entity")[:3]
    assert "russia" in top
    graph = store.graph
    assert counts[0] == sum(
        1 for _ in graph.subjects(AK.entity, answer.column("entity")[0]) if (_, RDF.type, AK.Mention) in graph
    )
    # the whole ranking: mentions per entity, ties by IRI, with the number of documents naming each
    per_entity: dict = {}
    for mention in graph.subjects(RDF.type, AK.Mention):
        for entity in graph.objects(mention, AK.entity):
            per_entity[entity] = per_entity.get(entity, 0) + 1
    ranking = sorted(per_entity.items(), key=lambda item: (-item[1], str(item[0])))[:25]
    documents = [len(set(graph.objects(entity, AK.mentionedIn))) for entity, _ in ranking]
    assert list(zip(answer.column("entity"), counts, (int(n) for n in answer.column("documents")))) == [
        (entity, n, d) for (entity, n), d in zip(ranking, documents)
    ]


def programs_years(store, answer):
    years = dict(zip(slugs(answer, "program"), answer.column("year")))
    assert years["revitalization-of-northeast-china"] == Literal(2003)
    assert years["belt-and-road-initiative"] is None
    assert len(years) == len(set(store.graph.subjects(RDF.type, AK.Program)))


def documents(store, answer):
    languages = {str(t) for t in answer.column("language")}
    assert languages == {"en", "ja", "ru", "zh"}
    assert len(answer.rows) == len(set(store.graph.subjects(RDF.type, AK.Document)))
    assert all(int(n) > 0 for n in answer.column("entities"))


# ---------------------------------------------------------------- figures (issue #18)
def entity_indicators(store, answer):
    rows = {(slug, str(year)) for slug, year in zip(slugs(answer, "indicator"), answer.column("year"))}
    assert ("indicator/trade-turnover", "2013") in rows and ("indicator/exports", "2012") in rows
    values = {str(v) for v in answer.column("value")}
    assert {"22360000000", "3300000000"} <= values


def projects_by_amount(store, answer):
    assert slugs(answer, "project")[0] == "russia-forestry-development-state-program-2013-2020"
    assert "china-russia-loans-for-oil-agreement" in slugs(answer, "project")
    values = [float(v) for v in answer.column("value")]
    assert values == sorted(values, reverse=True)


def document_figures(store, answer):
    surfaces = [" ".join(str(s).split()) for s in answer.column("surface")]
    assert surfaces[:2] == ["более 200", "3,3 млрд дол. США"] or surfaces[:2] == ["3,3 млрд дол. США", "более 200"]
    assert "22,36 млрд дол. США" in surfaces and all(str(q) for q in answer.column("quote"))


def observations(store, answer):
    graph = store.graph
    nodes = set(graph.subjects(RDF.type, AK.Observation))
    assert len(answer.rows) == sum(max(1, len(set(graph.objects(n, AK.about)))) for n in nodes)
    assert {str(c) for c in answer.column("unit") if c is not None} >= {"USD", "RUB", "TNE", "MTQ", "C62"}


CHECKS: dict[str, Callable[[RdflibStore, Answer], None]] = {
    "parks-of-city": parks_of_city,
    "corridor-industries": corridor_industries,
    "cross-border-pairs": cross_border_pairs,
    "port-hinterlands": port_hinterlands,
    "document-models": document_models,
    "document-about-entity": document_about_entity,
    "edge-evidence": edge_evidence,
    "document-entities": document_entities,
    "shared-entities": shared_entities,
    "neighbours": neighbours,
    "industry-cooperation": industry_cooperation,
    "entity-labels": entity_labels,
    "unevidenced-entities": unevidenced_entities,
    "most-mentioned": most_mentioned,
    "programs-years": programs_years,
    "documents": documents,
    "entity-indicators": entity_indicators,
    "projects-by-amount": projects_by_amount,
    "document-figures": document_figures,
    "observations": observations,
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_named_query_answers(store, name):
    CHECKS[name](store, ask(store, name))


def test_labels_follow_lang_with_english_fallback(store):
    zh = ask(store, "parks-of-city", lang="zh")
    labels = dict(zip(slugs(zh, "park"), zh.column("park_label")))
    assert labels["harbin-pingfang-industrial-new-area"] == Literal("平房工业新区", lang="zh")
    ru = ask(store, "cross-border-pairs", lang="ru")
    assert "Благовещенск" in {str(t) for t in ru.column("a_label")}
    # documents have English labels only: the fallback
    docs = ask(store, "documents", lang="ja")
    assert all(t.language == "en" for t in docs.column("document_label"))
    # an unbound ?x leaves ?x_label unbound (it does not match every label)
    parks = ask(store, "parks-of-city", lang="zh")
    for industry, label in zip(parks.column("industry"), parks.column("industry_label")):
        assert (industry is None) == (label is None)
