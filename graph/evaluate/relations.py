"""Score the build against an annotation of the relations that texts state.

An annotation is a YAML file: a list of records, or a mapping with `relations:` (the records) and
optionally `documents:` (a folder, relative to the file, of texts that are not seed documents;
their languages in `languages: {file: lang}` or detected) and `ignore_methods:` (extraction methods,
such as `table`, whose output the file does not annotate: left out of precision). A record names its `text` (a document
id or file name), `s`, `p`, `o` (entity ids or labels; `document` for the text itself), the
`quote` that states it, and optionally `s_forms` / `o_forms` (other names of the two ends).

A record is found when the build has the relation with evidence from the record's document
(symmetric predicates either way); "in graph" also counts evidence from anywhere (the catalog,
another document). Precision is over the relations the build extracts from the annotated texts.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from amurkg.corpus.catalog import Catalog
from amurkg.errors import InputError, Problem
from amurkg.extract import Relation, document_key
from amurkg.layout import Layout
from amurkg.namespaces import STATED_PREDICATES, SYMMETRIC_PREDICATES
from amurkg.text.link import LinkedText
from amurkg.text.normalize import fold
from amurkg.yamlio import line_of, read_yaml

SELF = frozenset({"document", "@document", "the document"})


@dataclass(frozen=True)
class Record:
    text: str
    s: str
    p: str
    o: str
    quote: str = ""
    s_forms: tuple[str, ...] = ()
    o_forms: tuple[str, ...] = ()
    line: int | None = None
    part: str = ""  # a label of the annotation part ("dev", "held-out"), when given


@dataclass
class Annotation:
    path: Path
    records: list[Record]
    folder: Path | None = None
    languages: dict[str, str] = field(default_factory=dict)
    ignore_methods: frozenset[str] = frozenset()  # extraction methods whose output the file does not annotate


def load_annotation(path: Path) -> Annotation:
    """Read and check an annotation file; every problem is reported with its line."""
    shown = str(path)
    raw = read_yaml(path, shown)
    folder = None
    languages: dict[str, str] = {}
    ignore: frozenset[str] = frozenset()
    if isinstance(raw, dict):
        ignore = frozenset(str(m) for m in raw.get("ignore_methods") or ())
        if "relations" not in raw:
            raise InputError.one(shown, "expected a list of relation records or a mapping with 'relations:'")
        if raw.get("documents"):
            folder = (path.parent / str(raw["documents"])).resolve()
            if not folder.is_dir():
                raise InputError.one(shown, f"documents folder {raw['documents']!r} not found beside the file")
        languages = {str(k): str(v) for k, v in (raw.get("languages") or {}).items()}
        entries = raw["relations"]
    else:
        entries = raw
    if not isinstance(entries, list):
        raise InputError.one(shown, "relations must be a list of records")
    records: list[Record] = []
    problems: list[Problem] = []

    for entry in entries:
        line = line_of(entry)
        if not isinstance(entry, dict) or not all(entry.get(k) for k in ("text", "s", "p", "o")):
            problems.append(Problem(shown, "a record needs text, s, p and o", line=line))
            continue
        if entry["p"] not in STATED_PREDICATES:
            problems.append(Problem(shown, f"unknown predicate {entry['p']!r}", line=line))
            continue
        records.append(
            Record(
                str(entry["text"]),
                str(entry["s"]),
                str(entry["p"]),
                str(entry["o"]),
                str(entry.get("quote", "")),
                tuple(str(f) for f in entry.get("s_forms") or ()),
                tuple(str(f) for f in entry.get("o_forms") or ()),
                line,
                str(entry.get("part", "")),
            )
        )
    if problems:
        raise InputError(problems)
    return Annotation(path, records, folder, languages, ignore)


class Resolver:
    """Entity ids by any of their names (folded), for matching annotation ends."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.by_name: dict[str, set[str]] = defaultdict(set)
        for entity in catalog:
            self.by_name[fold(entity.id)].add(entity.id)
            for _, name in entity.names():
                self.by_name[fold(name)].add(entity.id)

    def resolve(self, name: str, forms: Iterable[str], document: str) -> frozenset[str]:
        if name.strip().lower() in SELF:
            return frozenset({document_key(document)})
        found: set[str] = set()
        for candidate in (name, *forms):
            found |= self.by_name.get(fold(candidate), set())
        return frozenset(found)


def entities_at_forms(linked: LinkedText, quote: str, forms: Iterable[str]) -> frozenset[str]:
    """The entities the build linked where the annotation's forms stand in the quote's passage.

    An annotator marks a span; the entity the build put on (most of) that span is the one it means,
    whatever label the build gave it (an inflected or longer name, a discovered entity's own label).
    A mention counts when it covers at least 60 % of the form and the form at least half of the mention,
    so a province inside "the province's government" is not taken for the government, nor the reverse.
    """
    at = linked.text.find(quote) if quote else -1
    if at < 0:
        return frozenset()
    found: set[str] = set()
    for form in forms:
        offset = quote.find(form) if form else -1
        if offset < 0:
            continue
        start, end = at + offset, at + offset + len(form)
        for mention in linked.mention_index.overlapping(start, end):
            shared = min(end, mention.end) - max(start, mention.start)
            if shared >= 0.6 * (end - start) and shared >= 0.5 * (mention.end - mention.start):
                found.add(mention.entity)
    return frozenset(found)


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    in_graph: int = 0
    extracted: int = 0
    correct: int = 0
    ends: int = 0  # records whose two ends are both entities of the build (at their forms or by name)

    def line(self, name: str) -> str:
        recall = _pct(self.found, self.gold)
        graph = _pct(self.in_graph, self.gold)
        precision = _pct(self.correct, self.extracted)
        ends = _pct(self.ends, self.gold)
        return (
            f"{name:<18} gold {self.gold:>4}  found {self.found:>4} ({recall})  in graph {self.in_graph:>4} ({graph})"
            f"  extracted {self.extracted:>4}  correct {self.correct:>4}  precision {precision}"
            f"  ends known {self.ends:>4} ({ends})"
        )


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    –"


@dataclass
class Score:
    overall: Tally
    per_language: dict[str, Tally]
    per_predicate: dict[str, Tally]
    per_part: dict[str, Tally]
    misses: list[tuple[Record, str]]  # record, language
    false_positives: list[Relation]
    unknown_ends: dict[Record, str] = field(default_factory=dict)  # missed record → "s", "o" or "s+o"
    per_rule: dict[str, Tally] = field(default_factory=dict)  # extracted and correct by the rule that fired

    def report(self, show_misses: int = 30, show_false: int = 0) -> str:
        lines = [self.overall.line("all"), "", "per language:"]
        lines += ["  " + t.line(k) for k, t in sorted(self.per_language.items())]
        if len(self.per_part) > 1:
            lines += ["", "per part:"] + ["  " + t.line(k or "(none)") for k, t in sorted(self.per_part.items())]
        lines += ["", "per predicate:"]
        lines += ["  " + t.line(k) for k, t in sorted(self.per_predicate.items())]
        if self.per_rule:
            lines += ["", "per rule (what each extracted; ak:rule, or the method):"]
            for rule, t in sorted(self.per_rule.items(), key=lambda item: (-item[1].extracted, item[0])):
                precision = _pct(t.correct, t.extracted)
                lines.append(f"  {rule:<28} extracted {t.extracted:>4}  correct {t.correct:>4}  precision {precision}")
        if self.misses and show_misses:
            lines += ["", f"misses ({len(self.misses)}; first {min(show_misses, len(self.misses))}):"]
            by_key = sorted(self.misses, key=lambda m: (m[0].p, m[1], m[0].text, m[0].line or 0))
            for record, language in by_key[:show_misses]:
                quote = record.quote.replace("\n", " ")[:100]
                unknown = self.unknown_ends.get(record)
                flag = f" (unknown end: {unknown})" if unknown else ""
                lines.append(f"  [{record.p}/{language}] {record.s} → {record.o}{flag} ({record.text}) «{quote}»")
        if self.false_positives and show_false:
            lines += ["", f"extracted, not annotated ({len(self.false_positives)}; first {show_false}):"]
            for r in self.false_positives[:show_false]:
                lines.append(
                    f"  [{r.predicate}] {r.subject} → {r.object} ({r.document}, {r.rule or r.method}) "
                    f"«{r.quote.replace(chr(10), ' ')[:100]}»"
                )
        return "\n".join(lines)


def score(
    annotation: Annotation,
    relations: list[Relation],
    catalog: Catalog,
    documents: dict[str, str],
    languages: dict[str, str],
    also_annotated: Iterable[str] = (),
    linked: dict[str, LinkedText] | None = None,
) -> Score:
    """Compare the extracted relations with the records. `documents` maps every name a record may
    use for a text (id, file, stem) to the document id; `languages` maps document ids to languages;
    `linked` (document id → linked text), when given, also matches the ends by the entities the build
    linked at the record's forms (`entities_at_forms`)."""
    resolver = Resolver(catalog)
    overall = Tally()
    per_language: defaultdict[str, Tally] = defaultdict(Tally)
    per_predicate: defaultdict[str, Tally] = defaultdict(Tally)
    per_part: defaultdict[str, Tally] = defaultdict(Tally)
    per_rule: defaultdict[str, Tally] = defaultdict(Tally)
    misses: list[tuple[Record, str]] = []
    unknown_ends: dict[Record, str] = {}
    by_document: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    anywhere: set[tuple[str, str, str]] = set()
    for r in relations:
        anywhere.add((r.subject, r.predicate, r.object))
        if r.document:
            by_document[r.document].add((r.subject, r.predicate, r.object))
    gold_keys: dict[str, set[tuple[str, str, str]]] = defaultdict(set)  # document → matching triples
    problems: list[Problem] = []

    for record in annotation.records:
        document = documents.get(record.text)
        if document is None:
            problems.append(
                Problem(str(annotation.path), f"text {record.text!r} is not a document of the build", line=record.line)
            )
            continue
        subjects = resolver.resolve(record.s, record.s_forms, document)
        objects = resolver.resolve(record.o, record.o_forms, document)
        text = (linked or {}).get(document)
        if text is not None:
            subjects |= entities_at_forms(text, record.quote, record.s_forms or (record.s,))
            objects |= entities_at_forms(text, record.quote, record.o_forms or (record.o,))
        triples = {(s, record.p, o) for s in subjects for o in objects}
        if record.p in SYMMETRIC_PREDICATES:
            triples |= {(o, record.p, s) for s in subjects for o in objects}
        gold_keys[document] |= triples
        language = languages.get(document, "?")
        found = bool(triples & by_document.get(document, set()))
        in_graph = bool(triples & anywhere)
        for tally in (overall, per_language[language], per_predicate[record.p], per_part[record.part]):
            tally.gold += 1
            tally.found += found
            tally.in_graph += in_graph
            tally.ends += bool(subjects and objects)
        if not found:
            misses.append((record, language))
            unknown = "+".join(end for end, ids in (("s", subjects), ("o", objects)) if not ids)
            if unknown:
                unknown_ends[record] = unknown
    if problems:
        raise InputError(problems)
    annotated = set(gold_keys) | set(also_annotated)
    false_positives = []
    seen: set[tuple[str, str, str, str]] = set()
    parts_of_document = defaultdict(set)
    for record in annotation.records:
        parts_of_document[documents[record.text]].add(record.part)
    for r in sorted(relations):
        if r.document not in annotated or r.method in ("catalog", "gazetteer") or r.method in annotation.ignore_methods:
            continue
        key = (r.document, r.subject, r.predicate, r.object)
        if key in seen:
            continue
        seen.add(key)
        if r.predicate in SYMMETRIC_PREDICATES:
            seen.add((r.document, r.object, r.predicate, r.subject))
        correct = (r.subject, r.predicate, r.object) in gold_keys[r.document]
        language = languages.get(r.document, "?")
        tallies = [overall, per_language[language], per_predicate[r.predicate]]
        tallies += [per_part[p] for p in sorted(parts_of_document[r.document])]
        tallies.append(per_rule[r.rule or r.method])
        for tally in tallies:
            tally.extracted += 1
            tally.correct += correct
        if not correct:
            false_positives.append(r)
    return Score(
        overall,
        dict(per_language),
        dict(per_predicate),
        dict(per_part),
        misses,
        false_positives,
        unknown_ends,
        dict(per_rule),
    )


def evaluate_relations(layout: Layout, path: Path, show_misses: int = 30, show_false: int = 0) -> str:
    """Build (the project, or a throwaway one with the annotation's own texts) and score it."""
    from amurkg.corpus.documents import load_documents
    from amurkg.pipeline.build import build

    annotation = load_annotation(path)
    seed_documents = load_documents(layout.document_listing, layout.documents, layout.root)
    seed_names = _names_of((d.id, d.file) for d in seed_documents)
    needs_own = annotation.folder is not None and any(r.text not in seed_names for r in annotation.records)
    if not needs_own:
        result = build(layout, validate=False, keep_texts=True)
        return _scored(annotation, result, show_misses, show_false)
    with tempfile.TemporaryDirectory(prefix="amurkg-evaluate-") as temporary:
        project = _throwaway(
            layout, annotation, Path(temporary), include_seeds=any(r.text in seed_names for r in annotation.records)
        )
        result = build(project, validate=False, use_cache=False, keep_texts=True)
        return _scored(annotation, result, show_misses, show_false)


def _scored(annotation: Annotation, result, show_misses: int, show_false: int) -> str:
    names = _names_of((d.id, d.file) for d in result.documents)
    languages = {d.id: d.language for d in result.documents}
    folder_texts = set()
    if annotation.folder is not None:
        folder_texts = {names[p.name] for p in annotation.folder.iterdir() if p.name in names}
    # annotation ends are matched against discovered (proposed) entities' names too, not only the catalog's
    known = result.catalog.extended(result.proposed)
    linked = {text.document: text for text in result.linked}
    outcome = score(annotation, result.relations, known, names, languages, folder_texts, linked)
    counts = Counter(languages[names[r.text]] for r in annotation.records if r.text in names)
    head = f"{annotation.path.name}: {len(annotation.records)} relations in {len({r.text for r in annotation.records})} texts"
    head += " (" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")"
    return head + "\n\n" + outcome.report(show_misses, show_false)


def _names_of(documents: Iterable[tuple[str, str]]) -> dict[str, str]:
    names: dict[str, str] = {}
    for doc_id, file in documents:
        names[doc_id] = doc_id
        names[file] = doc_id
        names[Path(file).stem] = doc_id
    return names


def _throwaway(layout: Layout, annotation: Annotation, root: Path, include_seeds: bool) -> Layout:
    """A project with the seeds' catalog and ontology and the annotation's texts (and the seed
    documents when some records name them)."""
    from amurkg.corpus.ingest import detect_language, slugify

    project = Layout(root)
    shutil.copytree(layout.catalog, project.catalog)
    project.ontology.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(layout.ontology, project.ontology)
    shutil.copy(layout.shapes, project.shapes)
    project.documents.mkdir(parents=True, exist_ok=True)
    project.claims.mkdir(parents=True, exist_ok=True)
    listing: list[dict] = []
    if include_seeds:
        listing = yaml.safe_load(layout.document_listing.read_text(encoding="utf-8")) or []
        for entry in listing:
            shutil.copy(layout.documents / entry["file"], project.documents / entry["file"])
    assert annotation.folder is not None
    taken = {e["id"] for e in listing}
    for text_path in sorted(p for p in annotation.folder.iterdir() if p.suffix in (".txt", ".md")):
        text = text_path.read_text(encoding="utf-8")
        language = annotation.languages.get(text_path.name) or detect_language(text)
        if language is None:
            raise InputError.one(str(text_path), "cannot tell the language; name it under 'languages:'")
        doc_id = slugify(text_path.stem) or "text"
        while doc_id in taken:
            doc_id += "-x"
        taken.add(doc_id)
        shutil.copy(text_path, project.documents / text_path.name)
        listing.append(
            {"id": doc_id, "file": text_path.name, "language": language, "title": {"original": text_path.stem}}
        )
    project.document_listing.write_text(yaml.safe_dump(listing, allow_unicode=True), encoding="utf-8")
    return project
