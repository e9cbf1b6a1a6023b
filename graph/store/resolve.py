"""Names → entities: a user may name an entity by its slug or any of its labels, in any language
("harbin", "Харбин", "哈尔滨", "ハルビン")."""

from __future__ import annotations

import difflib
from collections import defaultdict

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from amurkg.corpus.catalog import CORE_CLASSES
from amurkg.errors import InputError
from amurkg.namespaces import AK, ID
from amurkg.text.normalize import fold


class EntityIndex:
    """Every entity of a built graph by slug and by folded label or alias."""

    def __init__(self, graph: Graph):
        self.by_slug: dict[str, URIRef] = {}
        self.by_name: dict[str, set[URIRef]] = defaultdict(set)
        core = {AK[c] for c in CORE_CLASSES + ("Document",)}
        for node, cls in graph.subject_objects(RDF.type):
            if cls not in core or not isinstance(node, URIRef) or not str(node).startswith(str(ID)):
                continue
            slug = str(node)[len(str(ID)) :]
            self.by_slug[slug] = node
            for predicate in (RDFS.label, SKOS.altLabel):
                for name in graph.objects(node, predicate):
                    self.by_name[fold(str(name))].add(node)

    def resolve(self, name: str) -> URIRef:
        """The entity a name denotes; InputError (with suggestions) if none or several."""
        key = name.strip()
        if key in self.by_slug:
            return self.by_slug[key]
        if key.startswith(str(ID)) and key[len(str(ID)) :] in self.by_slug:
            return URIRef(key)
        found = self.by_name.get(fold(key), set())
        if len(found) == 1:
            return next(iter(found))
        if len(found) > 1:
            options = ", ".join(sorted(str(n)[len(str(ID)) :] for n in found))
            raise InputError.one("entity", f"{name!r} names several entities: {options}; use a slug")
        candidates = list(dict.fromkeys(list(self.by_slug) + list(self.by_name)))
        suggestions = difflib.get_close_matches(fold(key), candidates, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        raise InputError.one("entity", f"no entity is named {name!r}{hint}")

    @staticmethod
    def slug(node: URIRef) -> str:
        return str(node)[len(str(ID)) :]
