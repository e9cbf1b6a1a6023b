"""A small SHACL Core engine over an in-memory index of the data graph (pySHACL's results, ~20× faster).

It reads whatever shapes the shapes graph declares — targets (`sh:targetClass`, implicit class
targets, `sh:targetNode`, `sh:targetSubjectsOf`, `sh:targetObjectsOf`), every SHACL Core path
(sequence, alternative, inverse, zero-or-more, one-or-more, zero-or-one) and every SHACL Core
constraint component — so new classes, predicates and shapes are checked without code changes.
A shapes graph using anything beyond SHACL Core (SHACL-SPARQL `sh:sparql`, SHACL-AF targets or
rules) raises `Unsupported`, and the caller falls back to pySHACL.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

Term = Node  # an RDF term as rdflib gives it

#: Predicates of the SHACL namespace that carry no constraint of their own (or are read with another).
_NOT_CONSTRAINTS = {
    SH[name]
    for name in (
        "path message severity deactivated name description order group defaultValue targetClass targetNode "
        "targetSubjectsOf targetObjectsOf flags ignoredProperties qualifiedMinCount qualifiedMaxCount "
        "qualifiedValueShapesDisjoint declare prefixes"
    ).split()
}
_SUPPORTED = {
    SH[name]
    for name in (
        "class datatype nodeKind minCount maxCount minExclusive minInclusive maxExclusive maxInclusive "
        "minLength maxLength pattern languageIn uniqueLang equals disjoint lessThan lessThanOrEquals not and "
        "or xone node property qualifiedValueShape closed hasValue in"
    ).split()
}
_TYPE, _SUBCLASS_OF = RDF.type, RDFS.subClassOf
_CLASS_TYPES = (RDFS.Class, URIRef("http://www.w3.org/2002/07/owl#Class"))
_NODE_KINDS = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


class Unsupported(Exception):
    """The shapes use a feature beyond SHACL Core."""


@dataclass(frozen=True)
class Result:
    """One validation result, as SHACL reports it."""

    focus: Term
    path: str  # the path in SPARQL syntax with prefixed names ("" for a node shape)
    value: Term | None
    shape: Term
    component: str  # local name of the constraint component, e.g. "MinCountConstraintComponent"
    message: str
    severity: URIRef


class _Lookups:
    """What the engine asks of the data beyond objects and subjects: classes, instances, targets."""

    def __init__(self) -> None:
        self._supers: dict = {}
        self._instances: dict = {}

    def objects(self, node: Term, predicate: Term) -> list:
        raise NotImplementedError

    def subjects(self, predicate: Term, node: Term) -> list:
        raise NotImplementedError

    def typed(self, cls: Term) -> list:
        """The subjects of (?, rdf:type, cls) whose targets this index answers for."""
        return self.subjects(RDF.type, cls)

    def superclasses(self, cls: Term) -> set:
        """The class and every class it is an rdfs:subClassOf of, transitively."""
        if cls not in self._supers:
            seen, stack = {cls}, [cls]
            while stack:
                for parent in self.objects(stack.pop(), _SUBCLASS_OF):
                    if parent not in seen:
                        seen.add(parent)
                        stack.append(parent)
            self._supers[cls] = seen
        return self._supers[cls]

    def is_instance(self, node: Term, cls: Term) -> bool:
        return any(cls in self.superclasses(t) for t in self.objects(node, _TYPE))

    def instances(self, cls: Term) -> list:
        """Every node of type `cls` or of one of its subclasses, in a stable order."""
        if cls not in self._instances:
            classes, stack = {cls}, [cls]
            while stack:
                for child in self.subjects(RDFS.subClassOf, stack.pop()):
                    if child not in classes:
                        classes.add(child)
                        stack.append(child)
            found: dict = {}
            for each in sorted(classes, key=str):
                for node in self.typed(each):
                    found[node] = None
            self._instances[cls] = list(found)
        return self._instances[cls]


class DataIndex(_Lookups):
    """The data graph (any iterable of triples) as dictionaries: subject → predicate → objects, and the inverse."""

    def __init__(self, graph: Iterable[tuple]):
        super().__init__()
        self.out: dict = defaultdict(lambda: defaultdict(list))
        self.into: dict = defaultdict(lambda: defaultdict(list))
        for s, p, o in graph:
            self.out[s][p].append(o)
            self.into[o][p].append(s)
        self._pairs: dict | None = None

    def add(self, triple: tuple, /) -> None:
        """One more triple (before the first validation; a triple is given once: the shards are disjoint)."""
        s, p, o = triple
        self.out[s][p].append(o)
        self.into[o][p].append(s)

    def has(self, node: Term) -> bool:
        """Is the node a subject or an object of the data?"""
        return node in self.out or node in self.into

    def triples(self) -> Iterator[tuple]:
        for s, properties in self.out.items():
            for p, objects in properties.items():
                for o in objects:
                    yield s, p, o

    def pairs(self, predicate: Term) -> list:
        """(subject, object) of every triple with this predicate (indexed on first use)."""
        if self._pairs is None:
            self._pairs = defaultdict(list)
            for s, properties in self.out.items():
                for p, objects in properties.items():
                    self._pairs[p].extend((s, o) for o in objects)
        return self._pairs.get(predicate, [])

    def objects(self, node: Term, predicate: Term) -> list:
        """The objects of (node, predicate), in the data's order."""
        found = self.out.get(node)
        return found.get(predicate, []) if found else []

    def subjects(self, predicate: Term, node: Term) -> list:
        found = self.into.get(node)
        return found.get(predicate, []) if found else []

    def properties(self, node: Term) -> dict:
        """predicate → objects of the node (sh:closed reads them all)."""
        return self.out.get(node) or {}

    def nodes(self) -> list:
        """Every subject and object, in a stable order (a complex inverse path reads them all)."""
        return list(dict.fromkeys([*self.out, *self.into]))


class WholeGraphNeeded(Exception):
    """The shapes read every node of the data (a complex inverse path): a layered index cannot answer."""


class LayeredIndex(_Lookups):
    """One shard's own triples (`top`) over a shared context (`base`): answers are the union of both.

    Focus nodes come from the top only (`within` is a subset of its nodes, whose types and triples it
    holds). Every answer that reads the context about a node the top does not describe is counted in
    `reads` ((direction, node, predicate) → the fewest values seen), so a caller can check afterwards
    that the context did not grow under the answer."""

    def __init__(self, base: DataIndex, top: DataIndex, reads: dict):
        super().__init__()
        self.base, self.top, self.reads = base, top, reads

    def _seen(self, key: tuple, values: list) -> None:
        count = len(values)
        if self.reads.get(key, count) >= count:
            self.reads[key] = count

    def objects(self, node: Term, predicate: Term) -> list:
        above = self.top.objects(node, predicate)
        if node in self.top.out:  # one of the shard's own subjects: all its triples are here
            return above
        below = self.base.objects(node, predicate)
        self._seen(("out", node, predicate), below)
        return below + above if below and above else below or above

    def subjects(self, predicate: Term, node: Term) -> list:
        above = self.top.subjects(predicate, node)
        if self.top.has(node) and not self.base.has(node):  # the shard's own node
            return above
        below = self.base.subjects(predicate, node)
        self._seen(("into", node, predicate), below)
        return below + above if below and above else below or above

    def typed(self, cls: Term) -> list:
        return self.top.subjects(RDF.type, cls)

    def pairs(self, predicate: Term) -> list:
        return self.top.pairs(predicate)

    def properties(self, node: Term) -> dict:
        if node in self.top.out:
            return self.top.properties(node)
        below = self.base.properties(node)
        self._seen(("all", node, None), [o for objects in below.values() for o in objects])
        return below

    def nodes(self) -> list:
        raise WholeGraphNeeded("a complex inverse path reads every node of the graph")


Index = DataIndex | LayeredIndex


class Validator:
    """Validate data graphs against one shapes graph (parsed once)."""

    def __init__(self, shapes: Graph, names: Graph | None = None):
        """`names`: the graph whose prefixes write the paths in results (default: the shapes graph's)."""
        self.shapes = shapes
        self.names = shapes if names is None else names
        self._check_supported()
        self._conforms: dict = {}
        self._compiled: dict = {}
        self._lists: dict = {}
        self._plans: dict = {}
        self._values: dict = {}

    def _check_supported(self) -> None:
        for _, p, o in self.shapes:
            if p in (SH.sparql, SH.target, SH.rule) or (p == RDF.type and o in (SH.SPARQLConstraint, SH.SPARQLTarget)):
                raise Unsupported(f"{self.shapes.namespace_manager.normalizeUri(str(p))} is beyond SHACL Core")

    @cached_property
    def targeted(self) -> list:
        """Shapes that have targets (the roots of validation), in a stable order."""
        shapes: set = set()
        for predicate in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            shapes.update(self.shapes.subjects(predicate, None))
        for kind in (SH.NodeShape, SH.PropertyShape):
            shapes.update(shape for shape in self.shapes.subjects(RDF.type, kind) if self._is_class(shape))
        return sorted(shapes, key=lambda s: (isinstance(s, BNode), str(s)))

    def validate(self, data: Graph | Index, within: Container | None = None) -> list[Result]:
        """The results of every focus node, or of the focus nodes in `within` only (one shard's nodes)."""
        index = data if isinstance(data, (DataIndex, LayeredIndex)) else DataIndex(data)
        self._conforms = {}
        results: list[Result] = []
        for shape in self.targeted:
            if self._compile(shape) is None:
                continue
            for focus in self._focus_nodes(index, shape):
                if within is not None and focus not in within:
                    continue
                results.extend(self._validate_shape(index, shape, focus))
        return results

    # --- targets -------------------------------------------------------------------------------

    def _focus_nodes(self, index: Index, shape: Term) -> list:
        found: dict = dict.fromkeys(self.shapes.objects(shape, SH.targetNode))
        classes = list(self.shapes.objects(shape, SH.targetClass))
        if self._is_class(shape):
            classes.append(shape)
        for cls in classes:
            found.update(dict.fromkeys(index.instances(cls)))
        for predicate in self.shapes.objects(shape, SH.targetSubjectsOf):
            found.update(dict.fromkeys(s for s, _ in index.pairs(predicate)))
        for predicate in self.shapes.objects(shape, SH.targetObjectsOf):
            found.update(dict.fromkeys(o for _, o in index.pairs(predicate)))
        return list(found)

    def _is_class(self, shape: Term) -> bool:
        """A shape that is also a class targets its instances (SHACL's implicit class target)."""
        return any((shape, RDF.type, cls) in self.shapes for cls in _CLASS_TYPES)

    # --- shapes ----------------------------------------------------------------------------------

    def _deactivated(self, shape: Term) -> bool:
        return self.shapes.value(shape, SH.deactivated) == Literal(True)

    def conforms(self, index: Index, node: Term, shape: Term) -> bool:
        key = (node, shape)
        if key not in self._conforms:
            self._conforms[key] = True  # a recursive shape conforms on its way back (SHACL leaves it open)
            self._conforms[key] = not any(True for _ in self._validate_shape(index, shape, node))
        return self._conforms[key]

    def _validate_shape(self, index: Index, shape: Term, focus: Term) -> Iterator[Result]:
        compiled = self._compile(shape)
        if compiled is None:
            return
        path, path_text, severity, message, constraints = compiled
        values = [focus] if path is None else _unique(self._path_values(index, focus, path))
        for _, parameter, check in constraints:
            if check is None:  # sh:property
                for value in values:  # a property shape's own results, for each value node
                    yield from self._validate_shape(index, parameter, value)
                continue
            for component, value in check(index, shape, focus, values, parameter):
                yield Result(
                    focus, path_text, value, shape, component, message or _default_message(component), severity
                )

    def _compile(self, shape: Term) -> tuple | None:
        """A shape's path, severity, message and constraint checks, read from the shapes graph once."""
        if shape in self._compiled:
            return self._compiled[shape]
        compiled = None
        if not self._deactivated(shape):
            path = self.shapes.value(shape, SH.path)
            constraints = []
            for predicate, parameter in sorted(
                self.shapes.predicate_objects(shape), key=lambda po: (str(po[0]), str(po[1]))
            ):
                if predicate in _NOT_CONSTRAINTS or predicate == RDF.type or not str(predicate).startswith(str(SH)):
                    continue
                if predicate not in _SUPPORTED:
                    raise Unsupported(f"{self.shapes.namespace_manager.normalizeUri(str(predicate))} is not SHACL Core")
                constraints.append((predicate, parameter, getattr(self, "_" + str(predicate)[len(str(SH)) :], None)))
            severity = self.shapes.value(shape, SH.severity) or SH.Violation
            path_text = "" if path is None else path_text_of(self.shapes, path, self.names)
            compiled = (path, path_text, severity, self._message(shape), constraints)
        self._compiled[shape] = compiled
        return compiled

    def _list(self, node: Term) -> list:
        if node not in self._lists:
            self._lists[node] = list(Collection(self.shapes, node))
        return self._lists[node]

    def _message(self, shape: Term) -> str:
        messages = sorted(
            self.shapes.objects(shape, SH.message), key=lambda m: (getattr(m, "language", None) != "en", str(m))
        )
        return str(messages[0]) if messages else ""

    # --- paths -----------------------------------------------------------------------------------

    def _path_values(self, index: Index, focus: Term, path: Term) -> Iterable:
        if isinstance(path, URIRef):
            return index.objects(focus, path)
        kind, step = self._path_plan(path)
        if kind == "sequence":
            nodes = [focus]
            for each in step:
                nodes = _unique(v for n in nodes for v in self._path_values(index, n, each))
            return nodes
        if kind == "inverse":
            if isinstance(step, URIRef):
                return index.subjects(step, focus)
            return [n for n in index.nodes() if focus in set(self._path_values(index, n, step))]
        if kind == "alternative":
            return _unique(v for each in step for v in self._path_values(index, focus, each))
        return self._closure(index, focus, step, include_self=kind != "oneOrMore", repeat=kind != "zeroOrOne")

    def _path_plan(self, path: Term) -> tuple[str, Any]:
        """What kind of SHACL path a blank node is, and its step(s), read once."""
        if path not in self._plans:
            plan: tuple[str, Any] | None = None
            if (path, RDF.first, None) in self.shapes:
                plan = ("sequence", self._list(path))
            elif (alternatives := self.shapes.value(path, SH.alternativePath)) is not None:
                plan = ("alternative", self._list(alternatives))
            else:
                for kind, predicate in (
                    ("inverse", SH.inversePath),
                    ("zeroOrMore", SH.zeroOrMorePath),
                    ("oneOrMore", SH.oneOrMorePath),
                    ("zeroOrOne", SH.zeroOrOnePath),
                ):
                    if (step := self.shapes.value(path, predicate)) is not None:
                        plan = (kind, step)
                        break
            if plan is None:
                raise Unsupported(f"unknown SHACL path {path}")
            self._plans[path] = plan
        return self._plans[path]

    def _value(self, node: Term, predicate: Term) -> Term | None:
        """`shapes.value(node, predicate)`, memoized (shapes are read for every focus node)."""
        key = (node, predicate)
        if key not in self._values:
            self._values[key] = self.shapes.value(node, predicate)
        return self._values[key]

    def _closure(self, index: Index, focus: Term, step: Term, include_self: bool, repeat: bool) -> list:
        seen: dict = {focus: None} if include_self else {}
        frontier = [focus]
        while frontier:
            following = []
            for node in frontier:
                for value in self._path_values(index, node, step):
                    if value not in seen:
                        seen[value] = None
                        following.append(value)
            frontier = following if repeat else []
        return list(seen)

    # --- constraint components: each yields (component, value node or None) ----------------------

    def _class(self, index, shape, focus, values, cls):
        for value in values:
            if isinstance(value, Literal) or not index.is_instance(value, cls):
                yield "ClassConstraintComponent", value

    def _datatype(self, index, shape, focus, values, datatype):
        for value in values:
            if not isinstance(value, Literal) or not _has_datatype(value, datatype):
                yield "DatatypeConstraintComponent", value

    def _nodeKind(self, index, shape, focus, values, kind):  # noqa: N802 - SHACL's name
        allowed = _NODE_KINDS.get(kind, ())
        for value in values:
            if not isinstance(value, allowed):
                yield "NodeKindConstraintComponent", value

    def _minCount(self, index, shape, focus, values, count):  # noqa: N802
        if len(values) < int(count):
            yield "MinCountConstraintComponent", None

    def _maxCount(self, index, shape, focus, values, count):  # noqa: N802
        if len(values) > int(count):
            yield "MaxCountConstraintComponent", None

    def _range(self, values, bound, component, holds):
        for value in values:
            if not (isinstance(value, Literal) and _compare(value, bound, holds)):
                yield component, value

    def _minExclusive(self, index, shape, focus, values, bound):  # noqa: N802
        yield from self._range(values, bound, "MinExclusiveConstraintComponent", lambda a, b: a > b)

    def _minInclusive(self, index, shape, focus, values, bound):  # noqa: N802
        yield from self._range(values, bound, "MinInclusiveConstraintComponent", lambda a, b: a >= b)

    def _maxExclusive(self, index, shape, focus, values, bound):  # noqa: N802
        yield from self._range(values, bound, "MaxExclusiveConstraintComponent", lambda a, b: a < b)

    def _maxInclusive(self, index, shape, focus, values, bound):  # noqa: N802
        yield from self._range(values, bound, "MaxInclusiveConstraintComponent", lambda a, b: a <= b)

    def _minLength(self, index, shape, focus, values, length):  # noqa: N802
        for value in values:
            if isinstance(value, BNode) or len(str(value)) < int(length):
                yield "MinLengthConstraintComponent", value

    def _maxLength(self, index, shape, focus, values, length):  # noqa: N802
        for value in values:
            if isinstance(value, BNode) or len(str(value)) > int(length):
                yield "MaxLengthConstraintComponent", value

    def _pattern(self, index, shape, focus, values, pattern):
        flags = 0
        for flag in str(self._value(shape, SH.flags) or ""):
            flags |= {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}.get(flag, 0)
        regex = re.compile(str(pattern), flags)
        for value in values:
            if isinstance(value, BNode) or not regex.search(str(value)):
                yield "PatternConstraintComponent", value

    def _languageIn(self, index, shape, focus, values, languages):  # noqa: N802
        ranges = [str(lang).lower() for lang in self._list(languages)]
        for value in values:
            tag = (value.language or "").lower() if isinstance(value, Literal) else ""
            if not tag or not any(tag == r or tag.startswith(r + "-") or r == "*" for r in ranges):
                yield "LanguageInConstraintComponent", value

    def _uniqueLang(self, index, shape, focus, values, unique):  # noqa: N802
        if unique != Literal(True):
            return
        counts: dict[str, int] = defaultdict(int)
        for value in values:
            if isinstance(value, Literal) and value.language:
                counts[value.language.lower()] += 1
        for _ in (lang for lang, n in sorted(counts.items()) if n > 1):
            yield "UniqueLangConstraintComponent", None

    def _equals(self, index, shape, focus, values, predicate):
        other = set(index.objects(focus, predicate))
        for value in sorted(set(values) ^ other, key=str):
            yield "EqualsConstraintComponent", value

    def _disjoint(self, index, shape, focus, values, predicate):
        other = set(index.objects(focus, predicate))
        for value in values:
            if value in other:
                yield "DisjointConstraintComponent", value

    def _lessThan(self, index, shape, focus, values, predicate):  # noqa: N802
        yield from self._ordered(index, focus, values, predicate, "LessThanConstraintComponent", lambda a, b: a < b)

    def _lessThanOrEquals(self, index, shape, focus, values, predicate):  # noqa: N802
        yield from self._ordered(
            index, focus, values, predicate, "LessThanOrEqualsConstraintComponent", lambda a, b: a <= b
        )

    def _ordered(self, index, focus, values, predicate, component, holds):
        others = index.objects(focus, predicate)
        for value in values:
            for other in others:
                if not (isinstance(value, Literal) and isinstance(other, Literal) and _compare(value, other, holds)):
                    yield component, value

    def _not(self, index, shape, focus, values, negated):
        for value in values:
            if self.conforms(index, value, negated):
                yield "NotConstraintComponent", value

    def _and(self, index, shape, focus, values, members):
        parts = list(self._list(members))
        for value in values:
            if not all(self.conforms(index, value, part) for part in parts):
                yield "AndConstraintComponent", value

    def _or(self, index, shape, focus, values, members):
        parts = list(self._list(members))
        for value in values:
            if not any(self.conforms(index, value, part) for part in parts):
                yield "OrConstraintComponent", value

    def _xone(self, index, shape, focus, values, members):
        parts = list(self._list(members))
        for value in values:
            if sum(self.conforms(index, value, part) for part in parts) != 1:
                yield "XoneConstraintComponent", value

    def _node(self, index, shape, focus, values, node_shape):
        for value in values:
            if not self.conforms(index, value, node_shape):
                yield "NodeConstraintComponent", value

    def _qualifiedValueShape(self, index, shape, focus, values, qualified):  # noqa: N802
        siblings: list = []
        if self._value(shape, SH.qualifiedValueShapesDisjoint) == Literal(True):
            for parent in self.shapes.subjects(SH.property, shape):
                for sibling in self.shapes.objects(parent, SH.property):
                    siblings.extend(q for q in self.shapes.objects(sibling, SH.qualifiedValueShape) if q != qualified)
        count = sum(
            1
            for value in values
            if self.conforms(index, value, qualified) and not any(self.conforms(index, value, s) for s in siblings)
        )
        low, high = self._value(shape, SH.qualifiedMinCount), self._value(shape, SH.qualifiedMaxCount)
        if low is not None and count < int(str(low)):
            yield "QualifiedMinCountConstraintComponent", None
        if high is not None and count > int(str(high)):
            yield "QualifiedMaxCountConstraintComponent", None

    def _closed(self, index, shape, focus, values, closed):
        if closed != Literal(True):
            return
        allowed = {self.shapes.value(p, SH.path) for p in self.shapes.objects(shape, SH.property)}
        ignored = self._value(shape, SH.ignoredProperties)
        if ignored is not None:
            allowed.update(self._list(ignored))
        for value in values:
            for predicate, objects in sorted(index.properties(value).items(), key=lambda po: str(po[0])):
                if predicate not in allowed:
                    for obj in objects:
                        yield "ClosedConstraintComponent", obj

    def _hasValue(self, index, shape, focus, values, expected):  # noqa: N802
        if expected not in values:
            yield "HasValueConstraintComponent", None

    def _in(self, index, shape, focus, values, members):
        allowed = list(self._list(members))
        for value in values:
            if value not in allowed:
                yield "InConstraintComponent", value


def path_text_of(shapes: Graph, path: Term, names: Graph | None = None) -> str:
    """A SHACL path in SPARQL property-path syntax, `rdf:type/rdfs:subClassOf*`, with the prefixes of
    `names` (default: the shapes graph's)."""
    names = shapes if names is None else names
    if isinstance(path, URIRef):
        return names.namespace_manager.normalizeUri(str(path))
    if (path, RDF.first, None) in shapes:
        return "/".join(path_text_of(shapes, step, names) for step in Collection(shapes, path))
    for predicate, template in (
        (SH.inversePath, "^{}"),
        (SH.zeroOrMorePath, "{}*"),
        (SH.oneOrMorePath, "{}+"),
        (SH.zeroOrOnePath, "{}?"),
    ):
        step = shapes.value(path, predicate)
        if step is not None:
            return template.format(path_text_of(shapes, step, names))
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(path_text_of(shapes, step, names) for step in Collection(shapes, alternatives)) + ")"
    return str(path)


def _default_message(component: str) -> str:
    """The message of a shape without sh:message: "MinCountConstraintComponent" → "violates sh:minCount"."""
    name = component.removesuffix("ConstraintComponent")
    return f"violates sh:{name[0].lower()}{name[1:]}"


def _unique(values: Iterable) -> list:
    return list(dict.fromkeys(values))


def _has_datatype(value: Literal, datatype: Term) -> bool:
    if value.language:
        return datatype == RDF.langString
    actual = value.datatype or XSD.string
    return actual == datatype and not getattr(value, "ill_typed", False)


def _compare(value: Literal, bound: Literal, holds) -> bool:
    """`holds(value, bound)` on the literals' values; False when they are not comparable."""
    left, right = value.toPython(), bound.toPython()
    if isinstance(left, Literal) or isinstance(right, Literal):
        return False  # rdflib could not give a value: ill-typed or unknown datatype
    try:
        return bool(holds(left, right))
    except TypeError:
        return False
