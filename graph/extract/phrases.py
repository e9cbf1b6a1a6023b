"""Things a document names by a noun phrase rather than a proper name (a warehouse, a cooperation
agreement): one entity per document and phrase, labelled by the phrase."""

from __future__ import annotations

from amurkg.corpus.ingest import slugify
from amurkg.text.romanize import romanize


def phrase_entity_id(document: str, label: str) -> str:
    """A stable id for a thing a document names by a noun phrase (a facility, an agreement), from the
    document and the label: the same phrase in two documents is two things."""
    return slugify(f"{document} {romanize(label)}", limit=90)


def phrase_labels(label: str, head: str, language: str) -> dict[str, str]:
    """Labels of a phrase-named thing: the phrase, and in English its head with the romanized phrase."""
    if language == "en":
        return {"en": label}
    latin = romanize(label).strip()
    return {"en": f"{head} ({latin})" if latin else head, language: label}
