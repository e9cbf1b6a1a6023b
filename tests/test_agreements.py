"""Agreements named by an ordinary noun phrase at a verb of signing ("signed a cooperation agreement",
签署了合作框架协议, 協力協定を締結した, «подписали инвестиционное соглашение») are entities of their document,
so each signatory gets its `signs` edge; a named agreement wins over the phrase."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def _signatories(relations) -> set[str]:
    return {r.subject for r in relations if r.predicate == "signs"}


@pytest.mark.parametrize(
    ("language", "text", "parties"),
    [
        ("en", "Heihe signed a new cooperation agreement with Blagoveshchensk.", {"heihe", "blagoveshchensk"}),
        ("zh", "吉林省与俄罗斯苏玛集团签署了合作框架协议。", {"jilin"}),
        (
            "ja",
            "ハバロフスク地方政府と黒竜江省政府は物流分野での協力協定を締結した。",
            {"heilongjiang-provincial-government"},
        ),
        ("ru", "Правительство Амурской области и компания «Амурлес» подписали инвестиционное соглашение.", set()),
    ],
)
def test_an_unnamed_agreement_gets_its_signatories(read, language, text, parties):
    relations = read(text, language)
    signed = _signatories(relations)
    assert len(signed) >= 2 and parties <= signed
    agreement = next(r.object for r in relations if r.predicate == "signs")
    assert all(r.object == agreement for r in relations if r.predicate == "signs")  # one agreement, both sign it


def test_a_named_agreement_wins_over_the_phrase(read):
    relations = read("黑河市与布拉戈维申斯克市签署了《黑河—布拉戈维申斯克友好城市协议》。", "zh")
    agreements = {r.object for r in relations if r.predicate == "signs"}
    assert agreements and not any(a.startswith("t-") for a in agreements)


def test_without_a_verb_of_signing_an_agreement_noun_is_no_entity(read):
    relations = read("The agreement on cooperation is important for Heihe and Blagoveshchensk.", "en")
    assert not [r for r in relations if r.predicate == "signs"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ja", "黒河市とブラゴヴェシチェンスク市は協力協定に署名した。"),
        ("ru", "Хэйхэ и Благовещенск подписали соглашение о сотрудничестве."),
    ],
)
def test_an_agreement_named_by_generic_words_is_its_documents_own(catalog, linker, language, text):
    """Two documents that each sign "a cooperation agreement" signed two agreements, not one shared entity."""
    from amurkg.pipeline.process import process_document

    objects = [
        {
            r.object
            for r in process_document(linker.link(doc, text, language), catalog).relations
            if r.predicate == "signs"
        }
        for doc in ("news-a", "news-b")
    ]
    assert objects[0] and objects[1] and not objects[0] & objects[1]
