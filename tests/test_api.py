"""The public Python API a notebook user reaches for: `import amurkg` and the README's walk-through."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, URIRef

import amurkg
from amurkg.errors import InputError
from amurkg.namespaces import ID

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seed project, built through the API as the README shows."""
    root = tmp_path_factory.mktemp("api")
    for folder in ("seeds", "ontology"):
        shutil.copytree(REPO / folder, root / folder)
    amurkg.build(root)
    return root


def test_the_package_documents_its_verbs() -> None:
    assert amurkg.__all__ == ["build", "open_graph", "query", "to_networkx", "viz"]
    assert amurkg.__doc__ and "amurkg.query(" in amurkg.__doc__
    for verb in amurkg.__all__:
        assert getattr(amurkg, verb).__doc__


def test_build_writes_the_same_turtle_as_the_release(project: Path) -> None:
    assert (project / "exports" / "amurkg.ttl").read_bytes() == (REPO / "exports" / "amurkg.ttl").read_bytes()


def test_open_graph_gives_an_rdflib_graph_with_harbin(project: Path) -> None:
    graph = amurkg.open_graph(project)
    assert isinstance(graph, Graph)
    assert (ID["harbin"], None, None) in graph


def test_named_query_with_a_chinese_label_matches_the_slug(project: Path) -> None:
    by_label = amurkg.query("parks-of-city", project, city="哈尔滨")
    by_slug = amurkg.query("parks-of-city", project, city="harbin")
    assert by_label == by_slug
    parks = {row["park"] for row in by_label}
    assert URIRef(ID["harbin-pingfang-industrial-new-area"]) in parks


def test_query_into_a_dataframe(project: Path) -> None:
    frame = amurkg.query("parks-of-city", project, city="harbin", dataframe=True, lang="zh")
    assert list(frame.columns) == ["park", "park_label", "industry", "industry_label"]
    assert "平房工业新区" in set(frame["park_label"])


def test_sparql_text_and_ask(project: Path) -> None:
    rows = amurkg.query("SELECT ?port WHERE { ?port a ak:Port } ORDER BY ?port", project)
    assert rows and all(set(row) == {"port"} for row in rows)
    assert amurkg.query("ASK { id:harbin a ak:City }", project) is True


def test_bad_query_is_an_input_error(project: Path) -> None:
    with pytest.raises(InputError):
        amurkg.query("parks-of-city", project, city="no-such-place-anywhere")


def test_to_networkx_centrality_finds_the_province_hub(project: Path) -> None:
    network = amurkg.to_networkx(amurkg.open_graph(project))
    assert isinstance(network, nx.MultiDiGraph)
    top = sorted(nx.degree_centrality(network).items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    assert "heilongjiang" in {node for node, _ in top}


def test_viz_of_a_focus_in_any_language(project: Path, tmp_path: Path) -> None:
    graph = amurkg.open_graph(project)
    out = tmp_path / "heihe.html"
    page = amurkg.viz(graph, focus="黑河", depth=1, out=out)
    assert out.read_text(encoding="utf-8") == page
    assert '"blagoveshchensk"' in page and '"heihe"' in page  # the pair across the river
    assert '"harbin-pingfang-industrial-new-area"' not in page  # two hops away: not drawn
    assert amurkg.viz(project, focus="heihe") == amurkg.viz(project, focus="Хэйхэ")  # same page, same bytes
    with pytest.raises(InputError):
        amurkg.viz(graph, focus="no-such-place-anywhere")


def readme_walk_through() -> str:
    """The README's notebook walk-through: the python block that starts with `# walk-through`."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(# walk-through\n.*?)```", readme, re.DOTALL)
    assert len(blocks) == 1, "the README has one walk-through block"
    return blocks[0]


def test_the_readme_walk_through_runs(project: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Run the README's walk-through as a notebook would, in the project folder, and check what each
    cell gives a researcher."""
    monkeypatch.chdir(project)
    cells: dict = {}
    exec(compile(readme_walk_through(), "README.md walk-through", "exec"), cells)  # noqa: S102 - our own README
    assert cells["result"].relations_by_method()["table"] > 0
    assert (project / "exports" / "amurkg.ttl").read_bytes() == (REPO / "exports" / "amurkg.ttl").read_bytes()
    assert "航空航天" in cells["industries"]["平房工业新区"]  # Pingfang targets aerospace, in Chinese
    assert "heilongjiang" in cells["brokers"]
    page = (project / "exports" / "blagoveshchensk.html").read_text(encoding="utf-8")
    assert page == cells["page"] and '"heihe"' in page
    printed = capsys.readouterr().out
    assert "table" in printed and "Heilongjiang" in printed
