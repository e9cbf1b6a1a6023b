"""Energy and resource facilities are named by a place and their kind in every language (names.yaml)."""

from __future__ import annotations


def _labels(found, text: str, language: str) -> dict[str, str]:
    return {e.labels.get(language, e.labels["en"]): e.subclass or e.cls for e in found(text, language).entities}


def test_english_refinery_mine_and_station_are_facilities(found) -> None:
    labels = _labels(
        found, "The Kuranakh gold mine is operated by Petropavlovsk. Trains reach Grodekovo station.", "en"
    )
    assert labels.get("Kuranakh Gold Mine") == "Infrastructure"
    assert labels.get("Grodekovo Station") == "Infrastructure"
    assert "Kurgan" not in labels  # a word of the mine's name is no city


def test_english_possessive_country_ministry_is_a_body(read_relations) -> None:
    edges = {
        (r.subject, r.predicate)
        for r in read_relations("China's Ministry of Commerce signed a memorandum with Amur Oblast.", "en")
    }
    assert ("china", "signs") not in edges  # the ministry signs, not the country
    assert any(p == "signs" and "ministry" in s for s, p in edges)


def test_russian_abbreviated_plant_keeps_its_adjective_and_capitals(found) -> None:
    labels = _labels(found, "Строительство Амурского ГПЗ завершено. Бурейская ГЭС работает.", "ru")
    assert "Амурский ГПЗ" in labels
    assert "Бурейская ГЭС" in labels


def test_russian_country_adjective_opening_a_sentence_names_nothing(found) -> None:
    assert not _labels(found, "Китайская компания построит завод в Благовещенске.", "ru")


def test_chinese_hydropower_station(found) -> None:
    assert "布列亚水电站" in _labels(found, "布列亚水电站向黑龙江省出口电力。", "zh")


def test_japanese_katakana_name_joined_by_a_middle_dot(found) -> None:
    labels = _labels(
        found, "チャヤンダ・ガス田から中国にガスが供給される。ハバロフスク・ウラジオストク間の道路が整備された。", "ja"
    )
    assert "チャヤンダ・ガス田" in labels
