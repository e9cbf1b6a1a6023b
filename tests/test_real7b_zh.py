"""Round 7b (zh): zone and belt names of development programmes, states and regions that set up zones, approvers."""

from __future__ import annotations

from amurkg.corpus.catalog import Catalog
from amurkg.pipeline.process import process_document
from amurkg.text.link import Linker


def _relations(catalog: Catalog, linker: Linker, text: str) -> set[tuple[str, str, str]]:
    out = process_document(linker.link("t", text, "zh"), catalog)
    return {(r.subject, r.predicate, r.object) for r in out.relations}


def test_programme_words_stay_inside_a_zone_name(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "辽宁沿海开放带吸引了大批企业。")
    assert any(s.endswith("opening-belt") and p == "locatedIn" and o == "liaoning" for s, p, o in relations)


def test_pilot_zone_with_programme_verbs(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "吉林图们江开发开放先导区去年成立。")
    assert any(s.endswith("pilot-zone") and p == "locatedIn" and o == "jilin" for s, p, o in relations)


def test_zone_named_after_a_macro_region_lies_in_it(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "黑龙江省积极参与俄罗斯远东超前发展区的建设。")
    zone = "russian-far-east-advanced-development-zone"
    assert ("heilongjiang", "participatesIn", zone) in relations
    assert (zone, "locatedIn", "russian-far-east") in relations


def test_a_country_sets_up_a_zone(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "俄罗斯决定设立符拉迪沃斯托克自由港。")
    assert any(s == "russia" and p == "implements" for s, p, _ in relations)


def test_who_approves_the_building_builds_nothing(catalog: Catalog, linker: Linker) -> None:
    relations = _relations(catalog, linker, "国务院批准建设绥芬河综合保税区。")
    assert not any(p == "implements" for _, p, _ in relations)
