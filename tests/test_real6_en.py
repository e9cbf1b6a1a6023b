"""English, round 6: kinds read from the misses of real web texts (the sentences here are written for
the tests, none is copied from those texts)."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def _ends(relations, predicate: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for r in relations:
        if r.predicate == predicate:
            found.setdefault(r.subject, set()).add(r.object)
    return found


def test_a_dashed_pair_before_lower_case_words_and_a_link_head_names_the_link(read):
    relations = read("Engineers inspected the Blagoveshchensk-Heihe cross-river cable car last week.", "en")
    ends = _ends(relations, "connects")
    assert {"blagoveshchensk", "heihe"} in ends.values(), relations
    subject = next(s for s, o in ends.items() if o == {"blagoveshchensk", "heihe"})
    edge = find_relation(relations, subject, "connects", "heihe")
    assert edge.quote == "Blagoveshchensk-Heihe cross-river cable car" and edge.rule == "name:ends"


def test_an_area_named_by_a_dashed_pair_lies_in_both_places(read):
    relations = read("Officials opened the Fuyuan-Tongjiang border trade and logistics zone in May.", "en")
    placed = _ends(relations, "locatedIn")
    assert any({"fuyuan", "tongjiang"} <= o for o in placed.values()), relations
    assert not [r for r in relations if r.predicate == "connects"]


def test_a_function_word_ends_the_lower_case_run(read):
    relations = read("Trade on the Heihe-Blagoveshchensk route grew, and the new bridge opened.", "en")
    assert not [r for r in relations if "bridge" in r.subject and r.rule == "name:ends"]


def test_a_capitalised_link_named_by_two_countries_is_a_name(read):
    relations = read("Oil started to flow through the Russia-China Western Pipeline in 2021.", "en")
    ends = _ends(relations, "connects")
    assert {"china", "russia"} in ends.values(), relations
