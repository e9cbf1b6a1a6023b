"""Russian rules of round 6 (real6-ru), written against the kinds of miss seen on real web texts; every
sentence here is written for the test and uses other names than those texts."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation

from amurkg.extract.discovery import Discovery


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def forms(discovery: Discovery) -> set[str]:
    text = discovery.linked.text
    return {text[m.start : m.end] for m in discovery.linked.mentions}


def test_an_agreement_goes_on_through_a_numeral_and_a_plural_genitive(found):
    """«по созданию двух парков …»: a genitive numeral and a plural noun whose first reading is a
    short adjective (парков) carry the agreement's subject on."""
    text = "Стороны подписали соглашение о сотрудничестве по созданию трёх парков зерновой логистики."
    assert "соглашение о сотрудничестве по созданию трёх парков зерновой логистики" in forms(found(text, "ru"))


def test_an_agreement_on_a_plural_genitive_without_numeral(found):
    text = "Соглашение о создании парков зерновой логистики подписано в мае."
    assert "Соглашение о создании парков зерновой логистики" in forms(found(text, "ru"))
