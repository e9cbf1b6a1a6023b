"""Observations in RDF: each figure a document states, with its value, indicator, subject, period and quote.

    id:observation/<hash> a ak:Observation ;
        ak:indicator id:indicator/trade-turnover ; ak:about id:heilongjiang , id:russia ;
        ak:value id:observation/<hash>/value ; ak:period "2013"^^xsd:gYear ; ak:modality "stated" ;
        ak:document id:document/<doc> ; ak:quote "…" ; ak:start 2210 ; ak:end 2391 ; ak:surface "22,36 млрд дол. США" .
    id:observation/<hash>/value a schema:MonetaryAmount ; schema:value 22360000000.0 ; schema:currency "USD" .

Values are schema.org nodes: `schema:MonetaryAmount` with `schema:currency` (ISO 4217), or
`schema:QuantitativeValue` with `schema:unitCode` (UN/CEFACT), `schema:value` an xsd:decimal in base
units, `schema:maxValue` for the top of a range and `ak:approximation` for "more than", "about" ….
A money figure about a project or program is also its `ak:amount`. IRIs hash the document, the
figure's offsets and its indicator, so the same text gives the same graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from amurkg.corpus.catalog import Catalog
from amurkg.extract.figures import Observation, indicators
from amurkg.namespaces import AK, ID, SCHEMA

#: Classes whose money figures are also their ak:amount.
AMOUNT_HOLDERS = frozenset({"Project", "Program"})


def observation_iri(observation: Observation) -> URIRef:
    key = f"{observation.document}|{observation.start}|{observation.end}|{observation.indicator}"
    return ID[f"observation/{hashlib.sha1(key.encode()).hexdigest()[:16]}"]


def indicator_iri(indicator: str) -> URIRef:
    return ID[f"indicator/{indicator}"]


def add_indicator_scheme(graph: Graph) -> None:
    """The indicators of `indicators.yaml` as SKOS concepts of ak:IndicatorScheme."""
    for indicator in indicators():
        node = indicator_iri(indicator.id)
        graph.add((node, RDF.type, AK.Indicator))
        graph.add((node, SKOS.inScheme, AK.IndicatorScheme))
        graph.add((node, SKOS.topConceptOf, AK.IndicatorScheme))
        graph.add((node, SKOS.definition, Literal(indicator.definition, lang="en")))
        for lang, label in indicator.labels.items():
            graph.add((node, RDFS.label, Literal(label, lang=lang)))
            graph.add((node, SKOS.prefLabel, Literal(label, lang=lang)))


def add_observations(graph: Graph, observations: Iterable[Observation], catalog: Catalog) -> None:
    """One ak:Observation per figure (the indicator scheme is added with the first)."""
    observations = list(observations)
    if observations:
        add_indicator_scheme(graph)
    for observation in observations:
        add_observation(graph, observation, catalog)


def add_observation(graph: Graph, observation: Observation, catalog: Catalog) -> None:
    node = observation_iri(observation)
    value = URIRef(f"{node}/value")
    graph.add((node, RDF.type, AK.Observation))
    graph.add((node, AK.indicator, indicator_iri(observation.indicator)))
    for entity in observation.about:
        graph.add((node, AK.about, ID[entity]))
    graph.add((node, AK.value, value))
    graph.add((node, AK.modality, Literal(observation.modality)))
    first, last = observation.period_start, observation.period_end
    if first and first == last:
        graph.add((node, AK.period, _year(first)))
    else:
        if first:
            graph.add((node, AK.periodStart, _year(first)))
        if last:
            graph.add((node, AK.periodEnd, _year(last)))
    graph.add((node, AK.document, ID[f"document/{observation.document}"]))
    graph.add((node, AK.quote, Literal(observation.quote)))
    graph.add((node, AK.start, Literal(observation.quote_start, datatype=XSD.integer)))
    graph.add((node, AK.end, Literal(observation.quote_end, datatype=XSD.integer)))
    graph.add((node, AK.surface, Literal(observation.surface)))

    graph.add((value, RDF.type, SCHEMA.MonetaryAmount if observation.currency else SCHEMA.QuantitativeValue))
    graph.add((value, SCHEMA.value, Literal(observation.value, datatype=XSD.decimal)))
    if observation.upper:
        graph.add((value, SCHEMA.maxValue, Literal(observation.upper, datatype=XSD.decimal)))
    if observation.currency:
        graph.add((value, SCHEMA.currency, Literal(observation.currency)))
    else:
        graph.add((value, SCHEMA.unitCode, Literal(observation.unit)))
    if observation.approximation:
        graph.add((value, AK.approximation, Literal(observation.approximation)))
    if observation.currency:
        for entity in observation.about:
            if entity in catalog and catalog[entity].cls in AMOUNT_HOLDERS:
                graph.add((ID[entity], AK.amount, value))


def _year(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)
