"""SPARQL text as amurkg prepares it: project prefixes declared, read-only checked, `?x_label`
variables filled in with the label helper, and parameters bound as RDF terms (rdflib initBindings,
or a VALUES block at the top of the WHERE group for Oxigraph and remote endpoints). Write parameters
into graph patterns, not into FILTERs of nested groups, so both give the same answer.

The label helper: a variable `?x_label` that a query selects but whose WHERE clause does not use is
bound to `?x`'s rdfs:label in the `--lang` language, else its English label, else the IRI of `?x`
(and left unbound where `?x` is). The snippet added at the end of the WHERE group (also usable by
hand; `?lang` is bound to the `--lang` language; the dummy IRI keeps an unbound `?x` from matching
every label):

    BIND(COALESCE(?x, <urn:amurkg:unbound>) AS ?x_label_of)
    OPTIONAL { ?x_label_of rdfs:label ?x_label_pref FILTER(LANGMATCHES(LANG(?x_label_pref), ?lang)) }
    OPTIONAL { ?x_label_of rdfs:label ?x_label_en FILTER(LANGMATCHES(LANG(?x_label_en), "en")) }
    BIND(COALESCE(?x_label_pref, ?x_label_en, STR(?x)) AS ?x_label)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Literal
from rdflib.term import Identifier

from .errors import InputError
from .namespaces import PREFIXES

FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
UPDATE_WORDS = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
                "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA",
                "DeleteWhere": "DELETE WHERE", "Modify": "DELETE/INSERT"}

_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-.]*:?[A-Za-z0-9_\-.:%]*)
  | (?P<punct>[{}()])
  | (?P<other>\s+|.)
""", re.VERBOSE | re.DOTALL)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The tokens of a query that matter here (comments and strings are single tokens)."""
    found = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind != "other":
            found.append(Token(kind, match.group(), match.start(), match.end()))
    return found


def declared_prefixes(text: str) -> set[str]:
    """The prefixes a query declares itself with PREFIX lines."""
    toks = [t for t in tokens(text) if t.kind != "comment"]
    return {toks[i + 1].text[:-1] for i, t in enumerate(toks[:-1])
            if t.kind == "word" and t.text.upper() == "PREFIX" and toks[i + 1].text.endswith(":")}


def prologue_for(text: str) -> str:
    """PREFIX lines, one per line, for the project prefixes the query does not declare itself."""
    own = declared_prefixes(text)
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in own)


@dataclass(frozen=True)
class Checked:
    """A query that parses, is read-only, and has the project prefixes declared."""

    text: str      # prologue + the user's query
    form: str      # SELECT, ASK, CONSTRUCT or DESCRIBE
    offset: int    # lines added before the user's first line


def check(text: str, source: str = "query") -> Checked:
    """Parse a query: refuse updates, report syntax errors with the user's line and column."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    prologue = prologue_for(text)
    offset = prologue.count("\n")
    full = prologue + text
    try:
        parsed = parseQuery(full)
    except ParseException as exc:
        try:
            update = parseUpdate(full)
        except ParseException:
            update = None
        if update is not None and len(update.request):
            words = sorted({UPDATE_WORDS.get(op.name, op.name.upper()) for op in update.request})
            raise InputError.one(source, f"{', '.join(words)} is an update; amurkg query is read-only "
                                         "(SELECT, ASK, CONSTRUCT and DESCRIBE only)") from None
        message = re.sub(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)$", "", getattr(exc, "msg", str(exc)))
        message = re.sub(r",? found .*$", "", message)
        rest = exc.pstr[exc.loc:].lstrip()
        near = re.match(r"[\w?$:<>#\-.]+|\S", rest)
        found = f"; found {near.group()!r}" if near else "; found the end of the query"
        raise InputError.one(source, f"syntax error at line {exc.lineno - offset}, column {exc.col}: "
                                     f"{message}{found}") from None
    try:
        translateQuery(parsed)
    except Exception as exc:  # noqa: BLE001 - rdflib raises plain Exception for unknown prefixes
        text_of = str(exc)
        prefix = re.match(r"Unknown namespace prefix : (\S*)", text_of)
        if prefix:
            where = _locate(text, f"{prefix.group(1)}:")
            raise InputError.one(source, f"unknown prefix {prefix.group(1)}:{where}; declare it with "
                                         f"PREFIX {prefix.group(1)}: <...>") from None
        raise InputError.one(source, f"invalid query: {text_of}") from None
    return Checked(full, FORMS.get(parsed[1].name, "SELECT"), offset)


def _locate(text: str, needle: str) -> str:
    for token in tokens(text):
        if token.kind == "word" and token.text.startswith(needle):
            line = text.count("\n", 0, token.start) + 1
            column = token.start - (text.rfind("\n", 0, token.start) + 1) + 1
            return f" at line {line}, column {column}"
    return ""


def variables(text: str) -> set[str]:
    """Names of the variables a piece of query text uses (without ? or $)."""
    return {t.text[1:] for t in tokens(text) if t.kind == "var"}


def where_group(text: str) -> tuple[int, int] | None:
    """(index just after the opening brace, index of the closing brace) of the query's WHERE group."""
    toks = [t for t in tokens(text) if t.kind in ("word", "punct")]
    i = 0
    while i < len(toks) and toks[i].text.upper() not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
        i += 1
    if i == len(toks):
        return None
    if toks[i].text.upper() == "CONSTRUCT" and i + 1 < len(toks) and toks[i + 1].text == "{":
        i = _matching(toks, i + 1) + 1
    parens = 0
    while i < len(toks):
        token = toks[i]
        if token.text == "(":
            parens += 1
        elif token.text == ")":
            parens -= 1
        elif token.text == "{" and parens == 0:
            close = _matching(toks, i)
            return token.end, toks[close].start if close < len(toks) else len(text)
        i += 1
    return None


def _matching(toks: list[Token], open_index: int) -> int:
    depth = 0
    for j in range(open_index, len(toks)):
        if toks[j].text == "{":
            depth += 1
        elif toks[j].text == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(toks)


def label_snippet(var: str) -> str:
    """The label helper for one variable (see the module docstring)."""
    node = f"?{var}_label_of"
    return (f"\n  BIND(COALESCE(?{var}, <urn:amurkg:unbound>) AS {node})"
            f"\n  OPTIONAL {{ {node} rdfs:label ?{var}_label_pref FILTER(LANGMATCHES(LANG(?{var}_label_pref), ?lang)) }}"
            f"\n  OPTIONAL {{ {node} rdfs:label ?{var}_label_en FILTER(LANGMATCHES(LANG(?{var}_label_en), \"en\")) }}"
            f"\n  BIND(COALESCE(?{var}_label_pref, ?{var}_label_en, STR(?{var})) AS ?{var}_label)\n")


def wanted_labels(text: str) -> list[str]:
    """Variables x whose `?x_label` the query selects but its WHERE group does not bind."""
    group = where_group(text)
    if group is None:
        return []
    inside = variables(text[group[0]:group[1]])
    outside = variables(text[:group[0]]) | variables(text[group[1]:])
    return sorted(name[:-len("_label")] for name in outside - inside
                  if name.endswith("_label") and name[:-len("_label")] in inside)


def with_labels(text: str) -> str:
    """The query with the label helper added for each wanted `?x_label` (see the module docstring)."""
    labels = wanted_labels(text)
    if not labels:
        return text
    start, end = where_group(text)  # type: ignore[misc] - wanted_labels found it
    return text[:start] + text[start:end] + "".join(label_snippet(v) for v in labels) + text[end:]


def used_bindings(text: str, bindings: Mapping[str, Identifier], lang: str = "en") -> dict[str, Identifier]:
    """The bindings the query uses, with `?lang` bound to the --lang language when it is used."""
    used = variables(text)
    bound = {name: term for name, term in bindings.items() if name in used}
    if "lang" in used:
        bound.setdefault("lang", Literal(lang))
    return bound


def with_values(text: str, bindings: Mapping[str, Identifier]) -> str:
    """The bindings as a VALUES block at the top of the query's WHERE group (for stores that take no
    bindings, such as a remote endpoint). Terms are written in N-Triples form (escaped by rdflib),
    never pasted as raw text."""
    if not bindings:
        return text
    group = where_group(text)
    if group is None:
        raise InputError.one("query", "parameters need a query with a WHERE clause")
    start, end = group
    body = text[start:end]
    if body.lstrip().upper().startswith("SELECT"):
        body = "{" + body + "}"
    names = sorted(bindings)
    row = " ".join(bindings[n].n3() for n in names)
    values = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
    return text[:start] + values + body + text[end:]
