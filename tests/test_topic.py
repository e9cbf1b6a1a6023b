"""Round 5, topic: a dateline, byline or agency tag (FUYUAN, March 14 —; 本报饶河讯（记者 王磊）; 【ハルビン共同】;
«ХАБАРОВСК, 3 июня. /ТАСС/.») names where the news was filed, no doer: the first clause's subject is found as in
any other sentence, and the dateline's place is carried as no topic. A heading carries only when it names one
fitting actor, and an imprint line (出版社, ISBN, издательство) carries nothing."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def read(read_relations):
    return read_relations


def _edges(relations, subject=None, predicate=None, obj=None):
    return [
        r
        for r in relations
        if (subject is None or r.subject == subject)
        and (predicate is None or r.predicate == predicate)
        and (obj is None or r.object == obj)
    ]


def test_en_dateline_place_is_no_doer(read):
    relations = read(
        "HEIHE, May 4 — Officials signed a cooperation agreement with Khabarovsk on Monday, focusing on wood processing.",
        "en",
    )
    assert not _edges(relations, subject="heihe")
    relations = read("HEIHE, May 4 — Harbin signed a cooperation agreement with Khabarovsk on Monday.", "en")
    assert not _edges(relations, subject="heihe")
    assert _edges(relations, subject="harbin")


def test_ru_dateline_and_agency_tag_are_no_topic(read):
    relations = read(
        "ХАБАРОВСК, 3 июня. /ТАСС/. Подписано соглашение о сотрудничестве с Харбином. "
        "Основное внимание уделяется развитию деревообработки.",
        "ru",
    )
    assert not _edges(relations, subject="khabarovsk")
    relations = read("ХАБАРОВСК, 3 июня. /ТАСС/. Харбин подписал соглашение о сотрудничестве с Благовещенском.", "ru")
    assert _edges(relations, subject="harbin")


def test_zh_byline_place_is_no_doer(read):
    relations = read("本报黑河讯（记者 王磊）重点发展木材加工和跨境物流，并与哈巴罗夫斯克市开展合作。", "zh")
    assert not _edges(relations, subject="heihe")
    relations = read("本报黑河讯（记者 王磊）哈尔滨市与哈巴罗夫斯克市日前签署合作协议，双方将重点发展旅游业。", "zh")
    assert _edges(relations, subject="harbin")


def test_zh_agency_dateline_is_no_doer(read):
    assert not _edges(read("新华社黑河6月3日电 今年以来，全市重点发展木材加工和跨境物流。", "zh"), subject="heihe")
    relations = read("新华社黑河6月3日电 绥芬河市将重点发展木材加工和跨境物流。", "zh")
    assert not _edges(relations, subject="heihe")
    assert _edges(relations, subject="suifenhe", predicate="targetsIndustry")


def test_ja_agency_tag_place_is_no_doer(read):
    relations = read("【黒河＝共同】ハバロフスク地方と協力協定に署名した。木材加工を重点的に発展させる方針だ。", "ja")
    assert not _edges(relations, subject="heihe")
    relations = read("【黒河共同】綏芬河市は木材加工と越境物流を重点的に発展させる方針だ。", "ja")
    assert not _edges(relations, subject="heihe")
    assert _edges(relations, subject="suifenhe", predicate="targetsIndustry")


def test_heading_that_names_one_actor_still_carries(read):
    relations = read("綏芬河市\n\n木材加工と越境物流を重点的に発展させる。", "ja")
    assert _edges(relations, subject="suifenhe", predicate="targetsIndustry")
    relations = read("Suifenhe\n\nThe focus is on wood processing and cross-border logistics.", "en")
    assert _edges(relations, subject="suifenhe", predicate="targetsIndustry")


def test_heading_that_names_two_actors_carries_neither(read):
    relations = read("黑河与绥芬河\n\n重点发展木材加工和跨境物流。", "zh")
    assert not _edges(relations, predicate="targetsIndustry")


def test_imprint_line_carries_nothing(read):
    relations = read("Хабаровск: Издательство ДВГУ\n\nОсновное внимание уделяется развитию деревообработки.", "ru")
    assert not _edges(relations, subject="khabarovsk")
