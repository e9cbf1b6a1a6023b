"""Round 7, wave 3, Japanese: kinds of error counted over the ten real6 texts (tune and test) and fixed as
constructions. Each test uses a sentence written for it, in other wording than the texts."""

from __future__ import annotations

import pytest

from amurkg.extract import Relation


@pytest.fixture(scope="module")
def ja(read_relations):
    return lambda text: read_relations(text, "ja")


def edges(relations: list[Relation], predicate: str) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in relations if r.predicate == predicate}


def test_ja_towns_of_one_rank_joined_by_a_middle_dot_are_a_list(ja):
    relations = ja("牡丹江・綏芬河・東寧の三都市は国境観光の振興で連携している。")
    assert ("suifenhe", "mudanjiang") not in edges(relations, "locatedIn")
    assert ("dongning", "suifenhe") not in edges(relations, "locatedIn")


def test_ja_a_country_and_its_region_across_a_middle_dot_stay_a_compound(ja):
    relations = ja("ロシア・沿海地方の港湾は混雑している。")
    assert ("primorsky-krai", "russia") in edges(relations, "locatedIn")


def test_ja_a_partner_mark_inside_a_bracketed_name_is_part_of_the_name(ja):
    relations = ja("同省は「綏芬河・東寧対ロシア貿易加工区」の整備を急いでいる。")
    assert not edges(relations, "cooperatesWith")


def test_ja_a_partner_inside_a_quoted_statement_still_counts(ja):
    relations = ja("黒龍江省は「ロシアとの協力を一段と強化する」と表明した。")
    assert ("heilongjiang", "russia") in edges(relations, "cooperatesWith")


@pytest.mark.parametrize(
    "text, industry",
    [
        ("同江総合保税区は国際物流ハブの建設を推進する。", "cross-border-logistics"),
        ("同江市は輸送量の拡大を目指す。", "transport"),
        ("綏芬河市は地元の林業局と協力して植林を推進する。", "forestry"),
    ],
)
def test_ja_an_industry_word_that_only_qualifies_a_hub_an_amount_or_an_office_is_no_target(ja, text, industry):
    assert not [r for r in ja(text) if r.predicate == "targetsIndustry" and r.object == industry]


def test_ja_industry_words_side_by_side_stay_targets(ja):
    relations = ja("黒河総合保税区は紡織服装と物流産業を育成する。")
    targets = {r.object for r in relations if r.predicate == "targetsIndustry"}
    assert {"textiles", "logistics"} <= targets, targets


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("綏芬河市とロシア・沿海地方は観光協力の覚書に調印した。", "suifenhe", "primorsky-krai"),
        ("東寧市とロシアのハバロフスク地方は友好協定に署名した。", "dongning", "khabarovsk-krai"),
    ],
)
def test_ja_a_list_member_qualified_by_its_country_still_signs(ja, text, first, second):
    signers = {r.subject for r in ja(text) if r.predicate == "signs"}
    assert {first, second} <= signers, signers


def test_ja_a_group_named_with_a_verbal_noun_is_one_firm(found):
    discovery = found("同江市政府は上海新華建設グループと協力関係を結んだ。", "ja")
    ids = {e.id: e for e in discovery.entities}
    names = {m.surface: ids[m.entity] for m in discovery.linked.mentions if m.entity in ids}
    assert "上海新華建設グループ" in names, names
    assert names["上海新華建設グループ"].cls == "Organization"


@pytest.mark.parametrize(
    "text",
    [
        "両国は目下、アムール-黒河越境経済協力区の建設を推進している。",  # the model word inside a longer name
        "同区は石炭化学工業、循環型経済、木材加工を推進する。",  # one more sector in a list of industries
    ],
)
def test_ja_a_model_word_inside_a_name_or_among_industries_is_no_proposal(ja, text):
    assert not [r for r in ja(text) if r.predicate == "proposes"]
