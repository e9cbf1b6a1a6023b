"""Round 6, wave 1, Japanese (real6-tune-ja): kinds of miss read on real web texts no one here wrote. Each
test uses a sentence written for it (other places and words than the texts): a place in brackets inside a
zone's name, the Japanese rendering モデル区 of 示范区 and its bare mention as an anaphor, generic loanwords
before a place suffix."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation

from amurkg.extract.discovery import Discovery


@pytest.fixture(scope="module")
def ja(read_relations):
    return lambda text: read_relations(text, "ja")


def proposed(discovery: Discovery) -> dict[str, object]:
    ids = {e.id: e for e in discovery.entities}
    return {m.surface: ids[m.entity] for m in discovery.linked.mentions if m.entity in ids}


@pytest.mark.parametrize(
    "text, surface, located",
    [
        ("中国(吉林)自由貿易試験区は2023年に発足した。", "中国(吉林)自由貿易試験区", "jilin"),
        ("アルチョム(牡丹江)物流園区が来月着工する。", "アルチョム(牡丹江)物流園区", "mudanjiang"),
    ],
)
def test_ja_a_place_in_brackets_inside_a_zone_name(found, text, surface, located):
    names = proposed(found(text, "ja"))
    assert surface in names, names
    assert located in names[surface].located_in


def test_ja_model_zone_is_a_zone_and_its_bare_head_takes_it_up(ja, found):
    text = "吉林延辺国際協力モデル区は昨年設立された。モデル区は木材加工を育成する。"
    names = proposed(found(text, "ja"))
    assert names["吉林延辺国際協力モデル区"].cls == "Park"
    assert "モデル区" not in names  # no katakana district モデル + 区
    edge = [r for r in ja(text) if r.predicate == "targetsIndustry" and r.object == "wood-processing"]
    assert edge and edge[0].subject == names["吉林延辺国際協力モデル区"].id


def test_ja_a_generic_loanword_before_a_place_suffix_is_no_place(found):
    assert "センター地区" not in proposed(found("センター地区では工事が進む。", "ja"))


def test_ja_brackets_of_a_note_make_no_name(found):
    assert not proposed(found("貨物列車(注)が到着した。", "ja"))


def test_ja_core_industries_and_what_a_zone_also_holds(ja):
    relations = ja("同江総合保税区は食品加工や木材加工を核心的産業とし、物流業や観光業なども含んでいる。")
    for industry in ("food-processing", "wood-processing", "logistics", "tourism"):
        find_relation(relations, "tongjiang-comprehensive-bonded-zone", "targetsIndustry", industry)


def test_ja_industries_of_the_clusters_and_parks_a_zone_builds(ja):
    relations = ja(
        "黒河総合保税区は新型建材、バイオ医薬の二大産業クラスターを育成し、石炭化学工業、新型材料の産業団地の建設を加速する。"
    )
    for industry in ("building-materials", "biopharmaceuticals", "coal-chemical-industry", "new-materials"):
        find_relation(relations, "heihe-comprehensive-bonded-zone", "targetsIndustry", industry)


@pytest.mark.parametrize(
    "word, industry",
    [
        ("ハイエンド設備", "equipment-manufacturing"),
        ("バイオ医薬", "biopharmaceuticals"),
        ("輸出製品加工", "export-processing"),
        ("国際貿易物流", "cross-border-logistics"),
        ("観光レジャー", "leisure-tourism"),
        ("木製品", "wood-processing"),
        ("商業貿易物流", "trade-and-distribution"),
    ],
)
def test_ja_industry_words_of_chinese_plans(ja, word, industry):
    find_relation(ja(f"撫遠市は{word}を重点的に発展させる。"), "fuyuan", "targetsIndustry", industry)


def test_ja_a_report_filed_at_a_place_names_no_topic(ja):
    relations = ja("ハバロフスク発\n\n2021年03月02日\n\n極東の港湾では、コンテナ輸送が拡大している。")
    assert not [r for r in relations if "khabarovsk" in (r.subject, r.object)]
