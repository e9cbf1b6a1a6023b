"""Relation extraction: what the documents state, each fact with the passage that states it.

Four methods, reported separately by the build: `table` (rows of tables parsed from the text),
`pattern` (patterns over linked mentions per language), `claim` (curated claims whose quote
the build finds in the document) and `name` (a discovered name lies in the known place it
contains: 绥芬河综合保税区 locatedIn Suifenhe).
"""

from __future__ import annotations

from dataclasses import dataclass

METHODS = ("table", "pattern", "claim", "name")


@dataclass(frozen=True, order=True)
class Relation:
    """A stated relation and where it is stated: `quote` is text[start:end] of the document.

    Subjects and objects are entity ids, or `document/<id>` for a document itself. `rule` names the
    rule that fired; `modality` is "stated" for a fact, "planned" for an intent or plan.
    """

    subject: str
    predicate: str
    object: str
    document: str
    start: int
    end: int
    quote: str
    method: str
    rule: str = ""  # the rule of the method that fired ("clause:topic", "clause:compound" …)
    modality: str = "stated"  # "planned" for a statement of intent or plan


def document_key(document_id: str) -> str:
    """The id under which a document appears as the subject of a relation."""
    return f"document/{document_id}"
