"""Figures as observations: amounts, volumes, areas, lengths and counts in four languages, with their quote."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, XSD

from amurkg.extract.figures import Observation, extract_figures
from amurkg.namespaces import AK, ID, SCHEMA


@pytest.fixture(scope="module")
def figures_of(linker, catalog):
    def run(text: str, language: str) -> list[Observation]:
        return list(extract_figures(linker.link("test", text, language), catalog))

    return run


def only(observations: list[Observation]) -> Observation:
    assert len(observations) == 1, observations
    return observations[0]


def test_russian_billions_of_dollars_with_year_and_subject(figures_of):
    found = figures_of(
        "В 2013 году торговый объем между провинцией Хэйлунцзян и Россией составлял 3,3 млрд дол. США.", "ru"
    )
    figure = only(found)
    assert Decimal(figure.value) == Decimal("3300000000") and figure.currency == "USD"
    assert figure.indicator == "trade-turnover"
    assert set(figure.about) == {"heilongjiang", "russia"}
    assert (figure.period_start, figure.period_end) == (2013, 2013)
    assert figure.surface == "3,3 млрд дол. США" and figure.modality == "stated"


def test_russian_number_word_with_approximation(figures_of):
    figure = only(figures_of("Инвестиции Китая в Приморье составили около двух миллиардов рублей в 2019 г.", "ru"))
    assert (Decimal(figure.value), figure.currency, figure.approximation) == (Decimal(2_000_000_000), "RUB", "about")
    assert figure.indicator == "investment" and figure.period_start == 2019


def test_chinese_wanyi_amount(figures_of):
    figure = only(figures_of("2020年，黑龙江省对俄贸易额达到2.5万亿元。", "zh"))
    assert (Decimal(figure.value), figure.currency) == (Decimal("2500000000000"), "CNY")
    assert figure.indicator == "trade-turnover" and figure.about == ("heilongjiang",) and figure.period_start == 2020


def test_chinese_numerals_with_approximation_and_unit(figures_of):
    figure = only(figures_of("黑龙江省与俄罗斯接壤三千多公里。", "zh"))
    assert (Decimal(figure.value), figure.unit, figure.approximation) == (Decimal(3_000_000), "MTR", "moreThan")
    assert figure.indicator == "length" and set(figure.about) == {"heilongjiang", "russia"}


def test_japanese_several_billion_dollars_approximation(figures_of):
    figure = only(figures_of("中国は、アンゴラ共和国に2回にわたり数十億ドルの借款を提供した。", "ja"))
    assert (Decimal(figure.value), figure.currency, figure.approximation) == (Decimal(1_000_000_000), "USD", "several")
    assert figure.indicator == "loan" and figure.surface == "数十億ドル"


def test_english_more_than_200_projects(figures_of):
    figure = only(figures_of("In Heilongjiang more than 200 projects have been specified.", "en"))
    assert (Decimal(figure.value), figure.unit, figure.approximation) == (Decimal(200), "C62", "moreThan")
    assert figure.indicator == "number-of-projects" and figure.about == ("heilongjiang",)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("第七届中俄博览会在哈尔滨举行。", "zh"),
        ("See pp. 146-148 in Vol. 24 (2010) of the journal.", "en"),
        ("В 2014 году Китай и Россия решили предпринять новые усилия [7].", "ru"),
        ("①牡丹江市の各種産業園區を活かす。", "ja"),
    ],
)
def test_years_pages_ordinals_and_list_markers_are_not_figures(figures_of, text, language):
    assert figures_of(text, language) == []


def test_every_seed_observation_has_a_quote_that_slices_its_document(built):
    graph = built.graph
    texts = {document.id: document.read_text() for document in built.documents}
    observations = set(graph.subjects(RDF.type, AK.Observation))
    assert len(observations) >= 40
    for node in observations:
        document = str(graph.value(node, AK.document)).rsplit("/", 1)[-1]
        start, end = int(graph.value(node, AK.start)), int(graph.value(node, AK.end))
        assert texts[document][start:end] == str(graph.value(node, AK.quote))
        assert str(graph.value(node, AK.surface)) in str(graph.value(node, AK.quote))


def test_russian_trade_turnover_is_in_the_graph_with_its_year(built):
    graph = built.graph
    rows = [
        node
        for node in graph.subjects(AK.about, ID.heilongjiang)
        if graph.value(graph.value(node, AK.value), SCHEMA.value) == Literal("22360000000", datatype=XSD.decimal)
    ]
    assert rows, "22,36 млрд дол. США (2013) is an observation about Heilongjiang"
    node = rows[0]
    assert graph.value(node, AK.period) == Literal("2013", datatype=XSD.gYear)
    assert graph.value(graph.value(node, AK.value), SCHEMA.currency) == Literal("USD")
    assert graph.value(node, AK.indicator) == ID["indicator/trade-turnover"]


def test_a_loan_agreement_gets_its_amount(built):
    amounts = list(built.graph.objects(ID["china-russia-loans-for-oil-agreement"], AK.amount))
    assert [built.graph.value(a, SCHEMA.value) for a in amounts] == [Literal("25000000000", datatype=XSD.decimal)]


def test_seed_amounts_and_volumes_reach_the_target(layout):
    from amurkg.evaluate.figures import evaluate_figures

    report = evaluate_figures(layout, layout.root / "tests/data/figures/seeds.yaml")
    target = report.split("target:")[1]
    total = next(line for line in target.splitlines() if line.startswith("all "))
    precision, recall = (float(p.rstrip("%")) for p in total.split()[-2:])
    assert precision >= 90 and recall >= 90, report


def test_the_scorer_refuses_a_file_without_figures(tmp_path, capsys):
    from amurkg.evaluate.figures import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("relations: []\n", encoding="utf-8")
    assert main([str(bad)]) == 2
    assert "figures" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "language", "period", "modality"),
    [
        ("从2013年至2018年，中国对黑龙江省投资累计超过30亿美元。", "zh", (2013, 2018), "stated"),
        ("До 2030 года Приморский край планирует привлечь не менее 2 млрд долларов.", "ru", (0, 2030), "planned"),
        ("Россия с 2018 г. экспортирует в Китай 38 млрд м3 газа в год.", "ru", (2018, 0), "stated"),
        ("黒龍江省政府は、2025年までに対ロ輸出を100億ドル以上に拡大する計画だ。", "ja", (0, 2025), "planned"),
    ],
)
def test_periods_ranges_deadlines_and_modality(figures_of, text, language, period, modality):
    figure = only(figures_of(text, language))
    assert ((figure.period_start, figure.period_end), figure.modality) == (period, modality)


def test_compound_japanese_scales_add_up(figures_of):
    figure = only(figures_of("2023年の黒龍江省とロシアの貿易額は約2兆6千億円だった。", "ja"))
    assert (Decimal(figure.value), figure.currency, figure.approximation) == (
        Decimal(2_600_000_000_000),
        "JPY",
        "about",
    )
