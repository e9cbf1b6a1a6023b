"""SPARQL text as amurkg prepares it: project prefixes declared, read-only checked, `?x_label`
variables filled in with the label helper, and parameters bound as RDF terms in VALUES blocks (at the
top of the WHERE group and of each nested group using the variable), the same for every store.

The label helper: a variable `?x_label` that a query selects but whose WHERE clause does not use is
bound to `?x`'s rdfs:label in the `--lang` language, else its English label, else the IRI of `?x`
(and left unbound where `?x` is). The snippet added at the end of the WHERE group, with the
`--lang` language written in (by hand, write `?lang`: amurkg binds it to the `--lang` language; the
dummy IRI keeps an unbound `?x` from matching every label):

    BIND(COALESCE(?x, <urn:amurkg:unbound>) AS ?x_label_of)
    OPTIONAL { ?x_label_of rdfs:label ?x_label_pref FILTER(LANGMATCHES(LANG(?x_label_pref), ?lang)) }
    OPTIONAL { ?x_label_of rdfs:label ?x_label_en FILTER(LANGMATCHES(LANG(?x_label_en), "en")) }
    BIND(COALESCE(?x_label_pref, ?x_label_en, STR(?x)) AS ?x_label)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from amurkg.errors import InputError
from amurkg.prefixes import PREFIX_IRIS as PREFIXES

if TYPE_CHECKING:  # rdflib is imported by the functions that need it (the fast path imports none of them)
    from rdflib.term import Identifier

FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}
UPDATE_WORDS = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-.]*:?[A-Za-z0-9_\-.:%]*)
  | (?P<punct>[{}()])
  | (?P<other>\s+|.)
""",
    re.VERBOSE | re.DOTALL,
)


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
    return {
        toks[i + 1].text[:-1]
        for i, t in enumerate(toks[:-1])
        if t.kind == "word" and t.text.upper() == "PREFIX" and toks[i + 1].text.endswith(":")
    }


def prologue_for(text: str) -> str:
    """PREFIX lines, one per line, for the project prefixes the query does not declare itself."""
    own = declared_prefixes(text)
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in own)


@dataclass(frozen=True)
class Checked:
    """A query that parses, is read-only, and has the project prefixes declared."""

    text: str  # prologue + the user's query
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    offset: int  # lines added before the user's first line


def service_clauses(text: str) -> list[Token]:
    """The SERVICE keywords of a query (outside comments, strings and IRIs)."""
    return [t for t in tokens(text) if t.kind == "word" and t.text.upper() == "SERVICE"]


def check(text: str, source: str = "query", allow_service: bool = False) -> Checked:
    """Parse a query: refuse updates, and SERVICE (a federated query makes network requests from
    wherever it runs) unless `allow_service`; report syntax errors with the user's line and column."""
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
            raise InputError.one(
                source,
                f"{', '.join(words)} is an update; amurkg query is read-only "
                "(SELECT, ASK, CONSTRUCT and DESCRIBE only)",
            ) from None
        message = re.sub(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)$", "", getattr(exc, "msg", str(exc)))
        message = re.sub(r",? found .*$", "", message)
        rest = exc.pstr[exc.loc :].lstrip()
        near = re.match(r"[\w?$:<>#\-.]+|\S", rest)
        found = f"; found {near.group()!r}" if near else "; found the end of the query"
        raise InputError.one(
            source, f"syntax error at line {exc.lineno - offset}, column {exc.col}: {message}{found}"
        ) from None
    try:
        translateQuery(parsed)
    except Exception as exc:  # noqa: BLE001 - rdflib raises plain Exception for unknown prefixes
        text_of = str(exc)
        prefix = re.match(r"Unknown namespace prefix : (\S*)", text_of)
        if prefix:
            where = _locate(text, f"{prefix.group(1)}:")
            raise InputError.one(
                source, f"unknown prefix {prefix.group(1)}:{where}; declare it with PREFIX {prefix.group(1)}: <...>"
            ) from None
        raise InputError.one(source, f"invalid query: {text_of}") from None
    services = service_clauses(text)
    if services and not allow_service:
        where = _position(text, services[0].start)
        raise InputError.one(
            source,
            f"SERVICE{where} would make the store send requests over the network; "
            "refused unless you allow it with --allow-service",
        )
    return Checked(full, FORMS.get(parsed[1].name, "SELECT"), offset)


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first query-form keyword of a query that `check` accepted."""
    for token in tokens(text):
        if token.kind == "word" and token.text.upper() in FORMS.values():
            return token.text.upper()
    return "SELECT"


def _locate(text: str, needle: str) -> str:
    for token in tokens(text):
        if token.kind == "word" and token.text.startswith(needle):
            return _position(text, token.start)
    return ""


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f" at line {line}, column {column}"


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


def string_n3(text: str) -> str:
    """A plain literal in N-Triples form, written as rdflib's Literal(text).n3() writes it."""
    if "\n" in text:
        from rdflib import Literal

        return Literal(text).n3()
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")


def label_snippet(var: str, lang: str = "en") -> str:
    """The label helper for one variable (see the module docstring), with the --lang language
    written in as an escaped literal (an engine can then look the labels up row by row)."""
    node, preferred = f"?{var}_label_of", string_n3(lang)
    fallback = (
        ""  # --lang en: the English label is the preferred one, looked up once (half the lookups per row)
        if lang == "en"
        else f'\n  OPTIONAL {{ {node} rdfs:label ?{var}_label_en FILTER(LANGMATCHES(LANG(?{var}_label_en), "en")) }}'
    )
    return (
        f"\n  BIND(COALESCE(?{var}, <urn:amurkg:unbound>) AS {node})"
        f"\n  OPTIONAL {{ {node} rdfs:label ?{var}_label_pref "
        f"FILTER(LANGMATCHES(LANG(?{var}_label_pref), {preferred})) }}"
        f"{fallback}"
        f"\n  BIND(COALESCE(?{var}_label_pref, ?{var}_label_en, STR(?{var})) AS ?{var}_label)\n"
    )


def wanted_labels(text: str) -> list[str]:
    """Variables x whose `?x_label` the query selects but its WHERE group does not bind."""
    group = where_group(text)
    if group is None:
        return []
    inside = variables(text[group[0] : group[1]])
    outside = variables(text[: group[0]]) | variables(text[group[1] :])
    return sorted(
        name[: -len("_label")]
        for name in outside - inside
        if name.endswith("_label") and name[: -len("_label")] in inside
    )


def with_labels(text: str, lang: str = "en") -> str:
    """The query with the label helper added for each wanted `?x_label` (see the module docstring)."""
    labels = wanted_labels(text)
    if not labels:
        return text
    group = where_group(text)
    assert group is not None  # wanted_labels found it
    start, end = group
    return text[:start] + text[start:end] + "".join(label_snippet(v, lang) for v in labels) + text[end:]


def used_bindings(text: str, bindings: Mapping[str, Any], lang: str = "en", lang_term: Any = None) -> dict[str, Any]:
    """The bindings the query uses, with `?lang` bound to the --lang language when it is used
    (`lang_term`, else an rdflib Literal)."""
    used = variables(text)
    bound = {name: term for name, term in bindings.items() if name in used}
    if "lang" in used and "lang" not in bound:
        if lang_term is None:
            from rdflib import Literal

            lang_term = Literal(lang)
        bound["lang"] = lang_term
    return bound


def with_values(text: str, bindings: Mapping[str, Identifier]) -> str:
    """The bindings as VALUES blocks: one at the top of the WHERE group, and one at the top of every nested group that uses a bound
    variable, so that engines start from the bound terms (as substitution does) instead of joining
    them in at the end. Terms are written in N-Triples form (escaped by rdflib), never pasted as raw
    text."""
    if not bindings:
        return text
    top = where_group(text)
    if top is None:
        raise InputError.one("query", "parameters need a query with a WHERE clause")
    toks = [t for t in tokens(text) if t.kind in ("word", "punct", "var")]
    inserts: list[tuple[int, str]] = []
    for index, token in enumerate(toks):
        if token.text != "{" or token.end <= top[0] - 1 or token.start >= top[1]:
            continue
        if _is_values_data(toks, index):
            continue
        close = _matching(toks, index)
        inner = toks[index + 1 : close]
        if inner and inner[0].text.upper() == "SELECT":
            continue  # a sub-select wrapper: its own WHERE group gets the block
        if index and toks[index - 1].text.upper() in ("OPTIONAL", "MINUS"):
            continue  # joined at the top already; inside, it would change what stays optional
        direct, depth = set(), 0
        for t in inner:
            depth += (t.text == "{") - (t.text == "}")
            if depth == 0 and t.kind == "var":
                direct.add(t.text[1:])
        names = sorted(n for n in bindings if n in direct or token.end == top[0])
        if names:
            row = " ".join(bindings[n].n3() for n in names)
            inserts.append((token.end, f" VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"))
    for position, block in sorted(inserts, reverse=True):
        text = text[:position] + block + text[position:]
    return text


def _is_values_data(toks: list[Token], index: int) -> bool:
    """Whether the brace at toks[index] opens the data block of `VALUES ?x {` or `VALUES (?x ?y) {`."""
    j = index - 1
    if j >= 0 and toks[j].text == ")":
        while j >= 0 and toks[j].text != "(":
            j -= 1
        j -= 1
    elif j >= 0 and toks[j].kind == "var":
        j -= 1
    return j >= 0 and toks[j].text.upper() == "VALUES"
