"""Events, partner nouns, joint signing and funding in running text, in the four languages: the
place an event is held in hosts it wherever it stands, delegations (not enterprises) take part,
event anaphors (同フォーラム, 本届博览会), "A is the main partner of B", both parties of a signing, and
the sentences that must give nothing (another event nearer the place, a negated partner)."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation

from amurkg.extract import Relation


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def _edges(relations: list[Relation], s: str, p: str) -> list[Relation]:
    return [r for r in relations if (r.subject, r.predicate) == (s, p)]


@pytest.mark.parametrize(
    ("language", "text", "place", "quote"),
    [
        ("zh", "第三届中俄木材博览会在哈尔滨开幕。", "harbin", "第三届中俄木材博览会在哈尔滨开幕。"),
        ("ja", "ハルビンで「北東アジア食品見本市」が開催された。", "harbin", "ハルビンで「北東アジア食品見本市」が開催された。"),
        ("en", "The Amur Timber Forum took place in Khabarovsk in June.", "khabarovsk", "The Amur Timber Forum took place in Khabarovsk in June."),
        ("ru", "Во Хабаровске открылась выставка «Амурские технологии».", "khabarovsk", "Во Хабаровске открылась выставка «Амурские технологии»."),
    ],
)  # fmt: skip
def test_the_place_an_event_is_held_in_hosts_it(read, language, text, place, quote):
    edge = find_relation(read(text, language), place, "hosts")
    assert edge.quote == quote and edge.rule == "clause:locative" and edge.modality == "stated"


def test_the_place_hosts_the_event_held_there_not_the_one_it_is_held_during(read):
    text = (
        "During the Second China–Russia Expo in 2015, the Longjiang Silk Road Forum was held in Heilongjiang Province."
    )
    relations = read(text, "en")
    hosted = {r.object for r in _edges(relations, "heilongjiang", "hosts")}
    assert hosted and "china-russia-expo-2015" not in hosted


def test_co_organisers_host_the_event_a_chinese_anaphor_takes_up(read):
    relations = read("第三届中俄木材博览会在哈尔滨开幕。黑龙江省、哈巴罗夫斯克边疆区共同主办本届博览会。", "zh")
    event = find_relation(relations, "harbin", "hosts").object
    for region in ("heilongjiang", "khabarovsk-krai"):
        assert (
            find_relation(relations, region, "hosts", event).quote == "黑龙江省、哈巴罗夫斯克边疆区共同主办本届博览会。"
        )


def test_a_delegation_takes_part_in_the_event_a_japanese_anaphor_takes_up(read):
    relations = read("ハバロフスクで「極東投資フォーラム」が開かれた。日本の代表団も同フォーラムに参加した。", "ja")
    event = find_relation(relations, "khabarovsk", "hosts").object
    assert find_relation(relations, "japan", "participatesIn", event).quote == "日本の代表団も同フォーラムに参加した。"


def test_delegations_of_a_country_take_part_but_enterprises_of_a_region_do_not_stand_for_it(read):
    text = (
        "Во Хабаровске открылась выставка «Амурские технологии». В работе выставки приняли участие "
        "делегации Китая и Монголии, а также предприятия Приморского края."
    )
    relations = read(text, "ru")
    event = find_relation(relations, "khabarovsk", "hosts").object
    assert find_relation(relations, "china", "participatesIn", event)
    assert find_relation(relations, "mongolia", "participatesIn", event)
    assert not _edges(relations, "primorsky-krai", "participatesIn")


@pytest.mark.parametrize(
    ("language", "text", "pair"),
    [
        ("en", "Japan is the main partner of Primorsky Krai.", ("japan", "primorsky-krai")),
        ("zh", "俄罗斯是黑龙江省的主要合作伙伴。", ("russia", "heilongjiang")),
        ("ja", "沿海地方の主要パートナーは中国である。", ("primorsky-krai", "china")),
        ("ru", "Амурская область наращивает связи. Основными партнёрами области остаются Китай и Япония.",
         ("amur-oblast", "japan")),
    ],
)  # fmt: skip
def test_a_partner_noun_with_a_copula_makes_the_two_sides_partners(read, language, text, pair):
    edge = find_relation(read(text, language), pair[0], "cooperatesWith", pair[1])
    assert edge.rule == "clause:partner-noun" and edge.modality == "stated"
    assert edge.quote.endswith(text.split(". ")[-1])


def test_a_negated_partner_noun_gives_nothing(read):
    relations = read("Japan is not the main partner of Primorsky Krai.", "en")
    assert not [r for r in relations if r.predicate == "cooperatesWith"]


def test_both_parties_sign_in_japanese_and_a_place_where_it_is_signed_does_not(read):
    ja = read("沿海地方はハルビン市と「友好交流協定」に署名した。", "ja")
    agreement = find_relation(ja, "harbin", "signs").object
    assert (
        find_relation(ja, "primorsky-krai", "signs", agreement).quote
        == "沿海地方はハルビン市と「友好交流協定」に署名した。"
    )
    zh = read("龙江森工集团在哈尔滨与滨海边疆区政府签署了《森林资源协议》。", "zh")
    signers = {r.subject for r in zh if r.predicate == "signs"}
    assert len(signers) == 2 and "harbin" not in signers


def test_a_russian_head_noun_takes_up_the_plant_its_funder_finances(read):
    text = (
        "Проект «Зейский целлюлозный комбинат» реализуется в Амурской области. Строительство комбината "
        "будет финансироваться Фондом развития Дальнего Востока."
    )
    edges = [r for r in read(text, "ru") if r.predicate == "fundedBy"]
    assert len(edges) == 1 and "kombinat" in edges[0].subject
    assert edges[0].quote.startswith("Строительство комбината") and edges[0].modality == "planned"


def test_an_object_first_list_with_a_rank_word_is_the_topic_s_industries(read):
    relations = read("大慶市は油田で知られる。同市は石油化学産業、農業、観光業を三大産業と位置付けている。", "ja")
    assert {r.object for r in _edges(relations, "daqing", "targetsIndustry")} == {
        "petrochemicals",
        "agriculture",
        "tourism",
    }


def test_a_funder_named_first_with_an_active_verb_funds_the_park_after_it(read):
    edge = find_relation(
        read("The Eurasian Development Bank will fund the Ussuriysk Wood Park.", "en"),
        "ussuriysk-wood-park",
        "fundedBy",
    )
    assert (
        edge.quote == "The Eurasian Development Bank will fund the Ussuriysk Wood Park." and edge.modality == "planned"
    )
    assert not [
        r
        for r in read("The Eurasian Development Bank will not fund the Ussuriysk Wood Park.", "en")
        if r.predicate == "fundedBy"
    ]
