"""Curated claims (`seeds/claims/*.yaml`): facts no pattern reaches, each backed by a quote that the
build must find in the named document, or fail naming the file and line."""

from __future__ import annotations

from pathlib import Path

from amurkg.corpus.catalog import Catalog
from amurkg.errors import InputError, Problem
from amurkg.extract import Relation, document_key
from amurkg.namespaces import STATED_PREDICATES
from amurkg.text.normalize import fold_text
from amurkg.yamlio import line_of, read_yaml

PREDICATES = frozenset(STATED_PREDICATES)


def load_claims(folder: Path, catalog: Catalog, texts: dict[str, str], root: Path | None = None) -> list[Relation]:
    """Every claim with its quote located in its document; all problems reported together."""
    problems: list[Problem] = []
    relations: list[Relation] = []
    folded_texts = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        shown = str(path.relative_to(root)) if root else str(path)
        try:
            raw = read_yaml(path, shown)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        for claim in raw or []:
            line = line_of(claim)
            if not isinstance(claim, dict):
                problems.append(Problem(shown, "a claim must be a mapping", line=line))
                continue
            missing = [k for k in ("subject", "predicate", "object", "document", "quote") if not claim.get(k)]
            if missing:
                problems.append(Problem(shown, f"claim lacks {', '.join(missing)}", line=line))
                continue
            subject, predicate, obj = str(claim["subject"]), str(claim["predicate"]), str(claim["object"])
            document, quote = str(claim["document"]), str(claim["quote"])
            where = f"{subject} {predicate} {obj}"
            if predicate not in PREDICATES:
                problems.append(Problem(shown, f"unknown predicate {predicate!r}", where, line))
                continue
            if document not in texts:
                problems.append(Problem(shown, f"unknown document {document!r}", where, line))
                continue
            for ref in (subject, obj):
                if ref not in catalog and ref != document_key(document):
                    problems.append(Problem(shown, f"unknown id {ref!r}", where, line))
            if document not in folded_texts:
                folded_texts[document] = fold_text(texts[document])
            span = _locate(quote, folded_texts[document])
            if span is None:
                problems.append(
                    Problem(shown, f"quote not found in document {document!r}: {quote[:60]!r}", where, line)
                )
                continue
            start, end = span
            relations.append(
                Relation(subject, predicate, obj, document, start, end, texts[document][start:end], "claim")
            )
    if problems:
        raise InputError(problems)
    return relations


def _locate(quote: str, folded) -> tuple[int, int] | None:
    needle = fold_text(quote).text.strip()
    position = folded.text.find(needle) if needle else -1
    if position < 0:
        return None
    return folded.original_span(position, position + len(needle))
