"""Parallel and incremental builds give the same bytes as a plain serial build."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.pipeline.build import build
from amurkg.pipeline.serialize import turtle_bytes

runner = CliRunner()


def test_parallel_build_is_byte_identical_to_serial(layout, built):
    parallel = build(layout, validate=False, jobs=2, use_cache=False)
    assert turtle_bytes(parallel.graph) == turtle_bytes(built.graph)


def test_cached_outcomes_are_reused_and_give_the_same_graph(project_copy, built):
    first = build(project_copy, validate=False)
    second = build(project_copy, validate=False)
    assert first.cached_documents == 0
    assert second.cached_documents == len(second.documents)
    assert turtle_bytes(second.graph) == turtle_bytes(first.graph) == turtle_bytes(built.graph)


def test_a_changed_document_is_processed_again(project_copy):
    build(project_copy, validate=False)
    victim = sorted(project_copy.documents.glob("*.txt"))[2]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nHarbin and Heihe.\n", encoding="utf-8")
    again = build(project_copy, validate=False)
    assert again.cached_documents == len(again.documents) - 1


def test_an_unchanged_project_is_not_rebuilt_and_the_cache_can_be_cleared(project_copy):
    root = ["--root", str(project_copy.root)]
    assert runner.invoke(app, ["build", "-q", *root]).exit_code == 0
    result = runner.invoke(app, ["build", *root])
    assert result.exit_code == 0 and "up to date" in result.output
    (project_copy.catalog / "city.yaml").write_text(
        (project_copy.catalog / "city.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["build", "-q", *root])
    assert result.exit_code == 0 and "up to date" not in result.output
    result = runner.invoke(app, ["build", "--clear-cache", *root])
    assert result.exit_code == 0 and not project_copy.cache.exists()


@pytest.mark.parametrize("validate", [True, False])
def test_one_changed_document_rewrites_only_its_own_shard(project_copy, monkeypatch, validate):
    """After one document changed, every other document's shard (and, validated, its recorded
    validation) is reused: one document shard is written, validated or not, and the Turtle is the
    same as a build from scratch."""
    from amurkg.pipeline.shards import ShardFolder

    first = build(project_copy, validate=validate, keep_graph=False)
    victim = sorted(project_copy.documents.glob("*.txt"))[1]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nBlagoveshchensk and Heihe.\n", encoding="utf-8")
    written: list[str] = []
    write = ShardFolder.write
    monkeypatch.setattr(
        ShardFolder, "write", lambda self, shard, data: written.append(shard.name) or write(self, shard, data)
    )
    again = build(project_copy, validate=validate, keep_graph=False)
    changed = next(d.id for d in first.documents if d.file.split("/")[-1] == victim.name)
    assert [name for name in written if name.startswith("document/")] == [f"document/{changed}"]
    assert again.validated_documents == (1 if validate else 0)
    monkeypatch.undo()
    scratch = build(project_copy, validate=False, use_cache=False)
    assert turtle_bytes(again.graph) == turtle_bytes(scratch.graph)
