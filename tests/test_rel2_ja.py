"""Round 5, wave 2, rel2-ja: Japanese relations where precision was lost on unseen text: role nouns
(中心都市, 州都) are no place names but an apposition that says where the place lies; 同市 takes up the subject
of the sentence before, not the latest city; 両市 the two cities, not the region one of them lies in; a news
dateline is no party; a partner list closed by と; the firms of a country fund, not the country; and
relation words outside the first lists (交わした, 負担, 協議の場, 主な産業, 同経済区)."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def ja(read_relations):
    return lambda text: read_relations(text, "ja")


def test_ja_role_noun_is_no_city_but_says_where_the_city_lies(ja, found):
    text = "綏芬河市と沿海地方の中心都市ウラジオストク市は10日、物流協力協定に署名した。"
    discovery = found(text, "ja")
    assert not [e for e in discovery.entities if "中心都" in (e.labels.get("ja") or "")]
    relations = ja(text)
    edge = find_relation(relations, "vladivostok", "locatedIn", "primorsky-krai")
    assert edge.quote == "沿海地方の中心都市ウラジオストク"
    assert edge.modality == "stated"
    assert not [r for r in relations if r.subject == "suifenhe" and r.object == "primorsky-krai"]


def test_ja_the_capital_of_a_region_is_no_party_of_its_own(ja):
    relations = ja("黒河市はアムール州の州都ブラゴベシチェンスクと黒竜江を隔てて向かい合う。")
    find_relation(relations, "blagoveshchensk", "locatedIn", "amur-oblast")
    assert not [r for r in relations if "amur-oblast" in (r.subject, r.object) and r.predicate != "locatedIn"]


def test_ja_a_direction_word_between_region_and_place(ja):
    edge = find_relation(
        ja("沿海地方南部のウスリースク市では工場が稼働した。"), "ussuriysk", "locatedIn", "primorsky-krai"
    )
    assert edge.quote == "沿海地方南部のウスリースク"


def test_ja_a_region_after_the_macro_region_it_is_part_of(ja):
    edge = find_relation(
        ja("ロシア極東アムール州は大豆の生産を拡大した。"), "amur-oblast", "locatedIn", "russian-far-east"
    )
    assert edge.quote == "ロシア極東アムール州"


def test_ja_the_city_anaphor_takes_up_the_subject_of_the_sentence_before(ja):
    relations = ja(
        "綏芬河市は国境に位置し、対岸のポグラニチヌイ市とは車で一時間の距離にある。同市は近年、木材加工を重点産業に位置付けた。"
    )
    edge = find_relation(relations, "suifenhe", "targetsIndustry", "wood-processing")
    assert edge.quote.startswith("同市は近年")
    assert not [r for r in relations if r.subject == "pogranichny" and r.predicate == "targetsIndustry"]


def test_ja_a_dateline_is_no_party(ja):
    relations = ja("【ウラジオストク＝共同】綏芬河市とポグラニチヌイは10日、観光協力協定に署名した。")
    assert not [r for r in relations if "vladivostok" in (r.subject, r.object)]


def test_ja_partners_listed_before_the_mark(ja):
    relations = ja("沿海地方は、黒龍江省および吉林省と定期的な協議の場を設けている。")
    find_relation(relations, "primorsky-krai", "cooperatesWith", "heilongjiang")
    find_relation(relations, "primorsky-krai", "cooperatesWith", "jilin")
    assert not [r for r in relations if r.subject == "heilongjiang" and r.object == "jilin"]


def test_ja_a_memorandum_exchanged_with_a_partner(ja):
    relations = ja("アムール州は2024年、黒龍江省との間で「農業協力覚書」を交わした。")
    find_relation(relations, "amur-oblast", "cooperatesWith", "heilongjiang")
    assert [r for r in relations if r.subject == "amur-oblast" and r.predicate == "signs"]


def test_ja_the_firms_of_a_country_fund_not_the_country(ja):
    relations = ja("同江市の物流園区は中国側企業が全額出資して整備したものである。")
    assert not [r for r in relations if r.predicate in ("fundedBy", "investsIn") and "china" in (r.subject, r.object)]


def test_ja_main_industries_of_a_zone_taken_up_by_its_anaphor(ja):
    relations = ja("ナホトカ自由経済区は2022年に設立された。同経済区は石油化学と水産業を主な産業としている。")
    edge = find_relation(relations, "nakhodka-free-economic-zone", "targetsIndustry", "fisheries")
    assert edge.modality == "stated"
