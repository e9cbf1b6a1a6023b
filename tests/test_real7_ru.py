"""Russian rules of round 7, wave 3 (real6-ru, ten texts): each written for a construction that more than
one real text uses, not for a text's misses; every sentence here is written for the test, with other names."""

from __future__ import annotations

import pytest

from amurkg.extract.discovery import Discovery


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def aliases(discovery: Discovery, label: str) -> tuple[str, ...]:
    entity = next(e for e in discovery.entities if label in e.labels.get("ru", ""))
    return entity.aliases.get("ru", ())


def test_a_quoted_park_is_also_known_with_its_head_noun(found):
    """«индустриальный парк «X»», «ТОР «X»»: a park, zone or event is also called by its head and the
    quote (парк «X»), as a project already was; a firm's class word (компания «X») is no name of it."""
    discovery = found("Инвестор построит индустриальный парк «Озёрный» под Уссурийском.", "ru")
    assert "индустриальный парк «Озёрный»" in aliases(discovery, "Озёрный")
    discovery = found("Компания «Ласточка» открыла цех.", "ru")
    assert not aliases(discovery, "Ласточка")
