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

    Subjects and objects are entity ids, or `document/<id>` for a document itself.
    """

    subject: str
    predicate: str
    object: str
    document: str
    start: int
    end: int
    quote: str
    method: str


def document_key(document_id: str) -> str:
    """The id under which a document appears as the subject of a relation."""
    return f"document/{document_id}"
