"""The built graph for other tools: RDF formats, property-graph formats, selections, the ontology page."""
