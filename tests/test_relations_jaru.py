"""Japanese and Russian relations of this round, through the per-document step with the seed
catalog: a partner written as "the side of" a country (ロシア側と), a class anaphor of a province
(同省) after another region was named, a bracketed member list after a generic word of area
(中国東北地域（…）), industries that only name a cooperation's field (農業の対ロ協力), and a joint
action with a partner (вместе с Благовещенском)."""

from __future__ import annotations

import pytest
from relation_asserts import find_relation


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def test_a_partner_written_as_the_side_of_a_country_and_a_province_anaphor(read):
    text = "沿海地方の代表と黒龍江省の代表が会談した。同省はロシア側と港湾物流の協力を拡大することで一致した。"
    relations = read(text, "ja")
    edge = find_relation(relations, "heilongjiang", "cooperatesWith", "russia")
    assert edge.quote.startswith("同省はロシア側と") and edge.modality == "stated"
    assert not [r for r in relations if r.subject == "primorsky-krai" and r.predicate == "cooperatesWith"]


def test_a_bracketed_member_list_after_a_generic_word_of_area(read):
    relations = read("中国東北地域（黒龍江省、吉林省、遼寧省）は対外開放を進めている。", "ja")
    for member in ("heilongjiang", "jilin", "liaoning"):
        edge = find_relation(relations, member, "locatedIn", "northeast-china")
        assert edge.quote == "中国東北地域（黒龍江省、吉林省、遼寧省）"


def test_industries_naming_a_cooperations_field_are_no_targets(read):
    relations = read("黒龍江省は、農業と林業の対ロ協力を強化している。", "ja")
    assert not [r for r in relations if r.predicate == "targetsIndustry"]
    # the same industries as the object of the verb are targets
    relations = read("黒龍江省は農業と林業を重点的に発展させる。", "ja")
    assert find_relation(relations, "heilongjiang", "targetsIndustry", "forestry").modality == "stated"


def test_a_joint_action_with_a_partner_is_cooperation(read):
    relations = read("Программу развития туризма город Хэйхэ реализует вместе с Благовещенском.", "ru")
    edge = find_relation(relations, "heihe", "cooperatesWith", "blagoveshchensk")
    assert "вместе с Благовещенском" in edge.quote
    relations = read("Вместе с тем Харбин не сотрудничает с Благовещенском.", "ru")
    assert not [r for r in relations if r.predicate == "cooperatesWith"]


def test_a_city_anaphor_takes_the_name_headed_by_its_noun(read):
    text = "綏芬河市はポグラニチヌイと向かい合っている。同市は木材加工を重点的に発展させる。"
    relations = read(text, "ja")
    assert find_relation(relations, "suifenhe", "targetsIndustry", "wood-processing").quote.startswith("同市は")
    assert not [r for r in relations if r.subject == "pogranichny" and r.predicate == "targetsIndustry"]


def test_a_delegation_stands_for_its_region_and_enterprises_do_not(read):
    text = (
        "В Благовещенске состоялась Амурская международная ярмарка. В ярмарке приняли участие предприятия "
        "Хэйхэ, а также делегация Еврейской автономной области."
    )
    relations = read(text, "ru")
    edge = find_relation(relations, "jewish-autonomous-oblast", "participatesIn", "amur-oblast-international-fair")
    assert "делегация Еврейской автономной области" in edge.quote
    assert not [r for r in relations if r.subject == "heihe" and r.predicate == "participatesIn"]


def test_a_name_after_its_verb_is_no_topic_for_the_next_sentence(read):
    text = (
        "Через Амур строится канатная дорога Благовещенск — Хэйхэ, которая соединит два города. "
        "Приоритетными отраслями сотрудничества определены сельское хозяйство и туризм."
    )
    relations = read(text, "ru")
    assert not [r for r in relations if r.predicate == "targetsIndustry"]
    assert [r for r in relations if r.predicate == "connects" and r.object == "heihe"]


def test_a_delegation_after_the_event_it_joins_and_the_host_city_is_no_participant(read):
    text = "ハルビン市で開かれた「北東アジア食品見本市」に、黒龍江省の代表団が参加した。"
    relations = read(text, "ja")
    fair = next(r.object for r in relations if r.predicate == "participatesIn")
    edge = find_relation(relations, "heilongjiang", "participatesIn", fair)
    assert edge.quote.endswith("代表団が参加した。") and edge.modality == "stated"
    assert find_relation(relations, "harbin", "hosts", fair)
    assert not [r for r in relations if r.subject == "harbin" and r.predicate == "participatesIn"]
    # the province's firms take part, not the province
    relations = read(
        "ハバロフスクで開催される「ハバロフスク国際経済フォーラム」には、黒竜江省の企業が多数参加している。", "ja"
    )
    assert [r for r in relations if r.subject == "khabarovsk" and r.predicate == "hosts"]
    assert not [r for r in relations if r.predicate == "participatesIn"]
