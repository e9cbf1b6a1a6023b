"""Round 7 (zh): traditional script in facility and agreement phrases, an edition before a 对-word in an event."""

from __future__ import annotations

from amurkg.corpus.catalog import Catalog
from amurkg.pipeline.process import process_document
from amurkg.text.link import Linker
from amurkg.text.normalize import simplified


def _relations(catalog: Catalog, linker: Linker, text: str) -> set[tuple[str, str, str]]:
    out = process_document(linker.link("t", text, "zh"), catalog)
    return {(r.subject, r.predicate, r.object) for r in out.relations}


def test_simplified_keeps_offsets() -> None:
    text = "綏芬河物流園區項目"
    assert simplified(text) == "绥芬河物流园区项目"
    assert len(simplified(text)) == len(text)


def test_agreement_phrase_in_traditional_script(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "哈爾濱市與俄羅斯遠東集團簽署了合作協議。")
    assert any(p == "signs" and s == "harbin" for s, p, _ in relations)


def test_first_edition_before_orientation_word_names_event(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "哈尔滨市去年举办了首届对俄农机出口洽谈会。")
    assert any(s == "harbin" and p == "hosts" for s, p, _ in relations)


def test_orientation_word_without_edition_names_nothing(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "黑河市积极发展对俄农机出口洽谈会。")
    assert not any(p == "hosts" for _, p, _ in relations)
