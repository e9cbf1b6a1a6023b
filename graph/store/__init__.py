"""SPARQL over the built graph: embedded and Oxigraph stores, remote endpoints, named queries, answer formats."""

# Defaults of `amurkg serve` (graph/store/serve.py), here so that the command's --help needs no import.
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000

# Files in a persistent Oxigraph store's folder (see stores.OxigraphStore), here so that the fast path
# of `amurkg query` (amurkg.cli.fast) can read them without importing rdflib.
SOURCE_MARKER = "amurkg-source.sha256"  # the SHA-256, size and mtime of the Turtle file the store holds
SHARDS_MARKER = "amurkg-shards.json"  # present when the build loaded its shards (one named graph each)
