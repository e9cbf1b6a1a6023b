"""The build's product as N-Quads shards: one named graph per document, plus the ontology, the
catalog, the relations' statements and the co-mentions, under `.cache/shards/`.

    https://w3id.org/amurkg/graph/document/<id>   a document, its mentions, observations and evidence
    https://w3id.org/amurkg/graph/catalog         the entities (curated and discovered), claims' evidence
    https://w3id.org/amurkg/graph/relations       the relations' statements (subject predicate object)
    https://w3id.org/amurkg/graph/co-mentions     ak:coMentionedWith and the ak:CoMention nodes
    https://w3id.org/amurkg/graph/ontology        the ontology

The shards are disjoint (no triple is in two of them), so their union without graph names is the
graph `exports/amurkg.ttl` holds, and a store that queries the union of its named graphs gives the
same answers. A document's shard is keyed by its outcome's cache key (text, catalog, code) plus
what else decides its bytes (its metadata, the entities merged into, the assembly and validation
code and the shapes); the validation of its focus nodes is cached beside it, so an unchanged
document is neither written nor validated again. Lines are sorted, so a shard's bytes are stable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral

from amurkg.pipeline.serialize import write_atomically

GRAPH = "https://w3id.org/amurkg/graph/"
MANIFEST = "manifest.json"
GLOBAL_SHARDS = ("ontology", "catalog", "relations", "co-mentions")


class Piece:
    """One shard's triples as they are assembled: kept as a set and added to the union graph at once."""

    def __init__(self, union: Any = None):  # where every new triple also goes: a Graph or a DataIndex
        self.triples: set[tuple] = set()
        self._union = union

    def add(self, triple: tuple, /) -> Piece:
        if triple not in self.triples:
            self.triples.add(triple)
            if self._union is not None:
                self._union.add(triple)
        return self

    def mirror(self, union: Any) -> None:
        """Send the triples so far, and every new one, also to `union`."""
        for triple in self.triples:
            union.add(triple)
        self._union = union

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)


def graph_name(shard: str) -> str:
    """The named graph of a shard: `document/<id>` or one of GLOBAL_SHARDS."""
    return GRAPH + shard


def document_shard(document_id: str) -> str:
    return f"document/{document_id}"


def _term(term) -> str:
    if isinstance(term, Literal):
        return _quoteLiteral(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return f"<{term}>"


def nquads(triples: Iterable[tuple], graph: str) -> bytes:
    """The triples as sorted N-Quads lines in `graph`; blank nodes get canonical labels."""
    triples = list(triples)
    if any(isinstance(s, BNode) or isinstance(o, BNode) for s, _, o in triples):
        from amurkg.pipeline.serialize import _canonical_blank_nodes

        source = Graph()
        for triple in triples:
            source.add(triple)
        triples = _canonical_blank_nodes(source)
    name = f"<{graph}>"
    lines = sorted({f"{_term(s)} {_term(p)} {_term(o)} {name} .\n" for s, p, o in triples})
    return "".join(lines).encode("utf-8")


def nodes_of(triples: Iterable[tuple]) -> set:
    """Every subject and object node (not literals): the focus nodes a shard's validation covers."""
    found: set = set()
    for s, _, o in triples:
        found.add(s)
        if not isinstance(o, Literal):
            found.add(o)
    return found


def shard_key(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def code_fingerprint(modules: Iterable[object], files: Iterable[Path]) -> str:
    """A hash of the code and data files that decide a shard's bytes and its validation."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(getattr(module, "__file__", "")).read_bytes())
    for path in files:
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


@dataclass(frozen=True)
class Shard:
    name: str  # "document/<id>" or one of GLOBAL_SHARDS
    key: str
    triples: int

    @property
    def file(self) -> str:
        return f"{self.name.replace('/', '-')}.{self.key[:24]}.nq"


class ShardFolder:
    """The shards under one folder (`.cache/shards/`), and the validation cached with each."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, shard: Shard) -> Path:
        return self.folder / shard.file

    def has(self, shard: Shard) -> bool:
        return self.path(shard).is_file() and self._results(shard).is_file()

    def write(self, shard: Shard, data: bytes) -> bool:
        """Write a shard; False when it cannot be written (full disk, read-only): like the outcome
        cache, that costs only time (it is made again next build), never the build."""
        try:
            write_atomically(self.path(shard), data)
        except OSError:
            return False
        return True

    def _results(self, shard: Shard) -> Path:
        return self.path(shard).with_suffix(".shacl.json")

    def violations(self, shard: Shard) -> list[list[str]] | None:
        """The violations recorded when the shard was validated (None: not validated)."""
        try:
            recorded = json.loads(self._results(shard).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return recorded if isinstance(recorded, list) else None

    def record(self, shard: Shard, violations: list[list[str]]) -> None:
        with suppress(OSError):  # not recorded: the shard is validated again next build
            write_atomically(self._results(shard), json.dumps(violations, ensure_ascii=False).encode())

    def write_manifest(self, shards: list[Shard]) -> None:
        """The shards of the last build that wrote exports/amurkg.ttl, in order (what push and the store load)."""
        entries = [{"graph": graph_name(s.name), "file": s.file, "key": s.key, "triples": s.triples} for s in shards]
        write_atomically(self.folder / MANIFEST, json.dumps(entries, indent=1).encode())

    def manifest(self) -> list[dict]:
        path = self.folder / MANIFEST
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []

    def files(self) -> Iterator[tuple[str, Path]]:
        """(graph name, shard file) of the last build's shards."""
        for entry in self.manifest():
            yield str(entry["graph"]), self.folder / str(entry["file"])


def is_document_graph(name: str | URIRef) -> bool:
    return str(name).startswith(GRAPH + "document/")
