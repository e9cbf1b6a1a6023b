"""SPARQL over the built graph: embedded and Oxigraph stores, remote endpoints, named queries, answer formats."""
