"""Open-world discovery in Japanese, round 5 (helper ent-ja): towns named without a class word right
after their region, firms named in kanji without a legal suffix after a class noun, and 対外 inside a
bank's name. Sentences use other places and firms than the held-out texts."""

from __future__ import annotations

import pytest

from amurkg.extract.discovery import Discovery


def entity_named(discovery: Discovery, surface: str):
    ids = [m.entity for m in discovery.linked.mentions if m.surface == surface]
    proposed = {e.id: e for e in discovery.entities}
    return next((proposed[i] for i in ids if i in proposed), None)


def proposed_surfaces(discovery: Discovery) -> set[str]:
    proposed = {e.id for e in discovery.entities}
    return {m.surface for m in discovery.linked.mentions if m.entity in proposed}


@pytest.mark.parametrize(
    "text, surface, region",
    [
        ("アムール州のイヴァノフカでは、中国企業が大豆を栽培している。", "イヴァノフカ", "amur-oblast"),
        ("ハバロフスク地方のヴャゼムスキーでは製材所が稼働した。", "ヴャゼムスキー", "khabarovsk-krai"),
        ("アムール州のスコヴォロジノから鉄道が延びる。", "スコヴォロジノ", "amur-oblast"),
    ],
)
def test_ja_town_without_class_word_after_its_region(found, text, surface, region):
    town = entity_named(found(text, "ja"), surface)
    assert town is not None, surface
    assert (town.cls, town.labels["ja"], town.located_in) == ("City", surface, (region,))


def test_ja_town_found_again_without_its_region(found):
    discovery = found("アムール州のイヴァノフカでは農場が広がる。イヴァノフカの住民は約3千人だ。", "ja")
    town = entity_named(discovery, "イヴァノフカ")
    assert town is not None
    assert sum(m.entity == town.id for m in discovery.linked.mentions) == 2


@pytest.mark.parametrize(
    "text",
    [
        "沿海地方のプロジェクトでは、多くの企業が参加した。",  # a loanword of the dictionary
        "沿海地方のホテルでは会議が開かれた。",
        "ロシアのウラジーミルは大統領に会った。",  # after a country, a person's name
        "沿海地方のトランスポートが課題だ。",  # no locative word, no place ending
    ],
)
def test_ja_loanwords_after_a_region_are_no_town(found, text):
    assert not {s for s in proposed_surfaces(found(text, "ja")) if not s.endswith(("地方", "州"))}


@pytest.mark.parametrize(
    "text, surface",
    [
        ("建設は地元企業の北方木材加工が担当する。", "北方木材加工"),  # a sector (木材加工) inside the name
        ("黒河市の企業である三江糧油加工は大豆を扱う。", "三江糧油加工"),
        ("工事は地元企業の極東港湾建設が請け負った。", "極東港湾建設"),
    ],
)
def test_ja_kanji_firm_after_a_class_noun(found, text, surface):
    firm = entity_named(found(text, "ja"), surface)
    assert firm is not None, surface
    assert (firm.cls, firm.labels["ja"]) == ("Organization", surface)


@pytest.mark.parametrize(
    "text",
    [
        "中国企業の日本進出が進んでいる。",
        "地元企業の技術開発が進む。",
        "地元企業の木材加工が盛んだ。",
        "日本企業の設備投資は増えた。",
        "地元企業の製品開発の成果が示された。",  # の after the run: a modifier, no subject
    ],
)
def test_ja_words_after_a_class_noun_are_no_firm(found, text):
    assert not proposed_surfaces(found(text, "ja"))


def test_ja_bank_name_goes_on_over_taigai(found):
    bank = entity_named(found("事業にはロシア開発対外経済銀行が融資する。", "ja"), "ロシア開発対外経済銀行")
    assert bank is not None
    assert bank.cls == "Organization"


def test_ja_relation_to_a_town_without_class_word(read_relations):
    relations = read_relations(
        "アムール州のイヴァノフカでは、黒河市の企業である三江糧油加工が大豆を栽培している。", "ja"
    )
    located = {(r.subject, r.object) for r in relations if r.predicate.endswith("locatedIn")}
    assert any(o == "amur-oblast" and "ivanofuka" in s for s, o in located), located


@pytest.mark.parametrize(
    "text, surface, cls",
    [
        ("同社は綏化学院と協力している。", "綏化学院", "Organization"),
        ("沿海地方では「中ロ越境物流プラットフォーム」を構築する。", "中ロ越境物流プラットフォーム", "Project"),
        ("ゼヤ発電所は電力を中国に輸出している。", "ゼヤ発電所", "Project"),
        ("ナホトカ自由港の制度を利用する企業が増えた。", "ナホトカ自由港", "Park"),
    ],
)
def test_ja_colleges_platforms_plants_and_free_ports(found, text, surface, cls):
    entity = entity_named(found(text, "ja"), surface)
    assert entity is not None, surface
    assert (entity.cls, entity.labels["ja"]) == (cls, surface)


@pytest.mark.parametrize("text", ["多くの発電所が建設された。", "学院の学生が参加した。", "協力機構が設立された。"])
def test_ja_bare_class_nouns_are_no_name(found, text):
    assert not proposed_surfaces(found(text, "ja"))


@pytest.mark.parametrize(
    "text, surface",
    [
        ("地元の製材会社セヴェルレスが工場を建てた。セヴェルレスは木材を輸出する。", "セヴェルレス"),
        ("建設は地元企業の北方木材加工が担当する。北方木材加工は黒河市に本社を置く。", "北方木材加工"),
    ],
)
def test_ja_firm_found_again_without_its_class_noun(found, text, surface):
    discovery = found(text, "ja")
    firm = entity_named(discovery, surface)
    assert firm is not None
    assert [m.surface for m in discovery.linked.mentions if m.entity == firm.id] == [surface, surface]


def test_ja_firm_name_inside_a_longer_word_is_no_mention(found):
    discovery = found("地元の製材会社セヴェルレスが工場を建てた。セヴェルレスグループは別の会社だ。", "ja")
    firm = entity_named(discovery, "セヴェルレス")
    assert firm is not None
    assert sum(m.entity == firm.id for m in discovery.linked.mentions) == 1
