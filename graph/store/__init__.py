"""SPARQL over the built graph: embedded and Oxigraph stores, remote endpoints, named queries, answer formats."""

# Defaults of `amurkg serve` (graph/store/serve.py), here so that the command's --help needs no import.
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000
