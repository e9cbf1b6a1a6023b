"""Finding an expected edge among the relations a text gave, with a message that lists them all."""

from __future__ import annotations

from amurkg.extract import Relation


def find_relation(relations: list[Relation], s: str, p: str, o: str | None = None) -> Relation:
    """The first relation s p o (any object when o is None); fails listing what was found."""
    found = [r for r in relations if (r.subject, r.predicate) == (s, p) and (o is None or r.object == o)]
    assert found, f"{s} {p} {o} not in {[(r.subject, r.predicate, r.object) for r in relations]}"
    return found[0]
