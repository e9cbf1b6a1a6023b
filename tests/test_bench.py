"""The benchmark's synthetic corpus and `amurkg bench` end to end (figures are not asserted: speed is
measured by the benchmark itself, never by tests)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from typer.testing import CliRunner

from amurkg.bench.benchmark import REQUIRED_KEYS
from amurkg.bench.synthetic import EXTRA_CATALOG, generate_project
from amurkg.cli.main import app
from amurkg.corpus.catalog import load_catalog
from amurkg.corpus.documents import load_documents
from amurkg.layout import Layout
from amurkg.text.link import Linker

runner = CliRunner()


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def seed_bytes(layout: Layout) -> int:
    return sum(p.stat().st_size for p in layout.documents.glob("*.txt"))


def test_generator_is_deterministic_sized_and_multilingual(layout: Layout, tmp_path: Path):
    first = generate_project(layout, tmp_path / "a", 0.5, seed=7)
    second = generate_project(layout, tmp_path / "b", 0.5, seed=7)
    other = generate_project(layout, tmp_path / "c", 0.5, seed=8)
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    assert tree_digest(tmp_path / "a") != tree_digest(tmp_path / "c")
    assert first.bytes == second.bytes and other.documents > 1

    target = 0.5 * seed_bytes(layout)
    assert target <= first.bytes <= 1.5 * target
    project = Layout(tmp_path / "a")
    catalog = load_catalog(project.catalog, project.root)
    documents = load_documents(project.document_listing, project.documents, project.root, set(catalog.entities))
    assert {d.language for d in documents} == {"en", "zh", "ja", "ru"}
    assert sum(d.path.stat().st_size for d in documents) == first.bytes

    # the invented cities are in the extra catalog file, and the linker finds them in the texts
    assert (project.catalog / EXTRA_CATALOG).is_file()
    invented = {e.id for e in catalog if e.id.startswith("bench-")}
    assert len(invented) == first.invented_names and len(catalog) == len(load_catalog(layout.catalog)) + len(invented)
    assert first.replaced_names > 0
    linker = Linker(catalog)
    found = {m.entity for d in documents for m in linker.link(d.id, d.read_text(), d.language).mentions}
    assert found & invented


def test_generator_grows_with_scale(layout: Layout, tmp_path: Path):
    small = generate_project(layout, tmp_path / "small", 0.2)
    large = generate_project(layout, tmp_path / "large", 2)
    assert 8 < large.bytes / small.bytes < 12
    assert large.documents > small.documents and large.invented_names > small.invented_names


def test_generator_writes_one_large_document_on_request(layout: Layout, tmp_path: Path):
    stats = generate_project(layout, tmp_path / "one", 1, single=("ru", 120_000))
    project = Layout(tmp_path / "one")
    documents = load_documents(project.document_listing, project.documents, project.root)
    assert [d.language for d in documents] == ["ru"] and stats.documents == 1  # one, even when a little short
    assert 110_000 <= documents[0].path.stat().st_size == stats.bytes < 130_000


def test_bench_runs_end_to_end_and_writes_the_figures(tmp_path: Path):
    target = tmp_path / "bench.json"
    kept = tmp_path / "project"
    result = runner.invoke(
        app,
        [
            "bench",
            "--scale",
            "0.1",
            "--json",
            str(target),
            "--keep",
            str(kept),
            "--no-validate",
            "--no-queries",
            "--no-viz",
            "--single-document-mb",
            "0.08",
            "--single-document-language",
            "en",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(target.read_text(encoding="utf-8"))
    single = report["single_document"]
    assert [round(run["mb"], 2) for run in single["runs"]] == [0.02, 0.08] and single["language"] == "en"
    assert "one en document of" in result.output
    for key in REQUIRED_KEYS:
        assert key in report
    assert report["parallel_identical"] is True
    assert report["corpus_mb"] > 0 and report["build_s"] > 0 and report["peak_rss_mb"] > 0
    assert report["triples"] > 1000 and report["rebuild_s"] > 0
    assert set(report["corpus"]["by_language"]) == {"en", "zh", "ja", "ru"}
    assert report["query_ms_median"] is None and report["validated"] is False
    assert any("--no-validate" in w for w in report["warnings"])
    # the changed document came from the cache for every other document
    assert report["rebuild_one_changed"]["cached_documents"] == report["corpus"]["documents"] - 1
    assert (kept / "exports" / "amurkg.ttl").is_file()
    assert "triples" in result.output and "byte for byte" in result.output


def test_bench_refuses_bad_input(tmp_path: Path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    for args in (["--scale", "0"], ["--scale", "1", "--keep", str(tmp_path / "full")]):
        result = runner.invoke(app, ["bench", *args, "--json", str(tmp_path / "b.json")])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "b.json").exists()
