"""Issue #14 (scale): a rebuild after a change reuses what did not change (each shard's Turtle blocks,
each unchanged document's assembly) and still writes exactly what a clean build of the same inputs
writes: the same exports/amurkg.ttl and the same shards, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from amurkg.layout import Layout
from amurkg.pipeline import serialize
from amurkg.pipeline.build import build, write_build
from amurkg.pipeline.fingerprint import input_fingerprint
from amurkg.pipeline.shards import ShardFolder


def _build(layout: Layout) -> tuple[bytes, dict[str, bytes]]:
    """`amurkg build` (validated, graph not kept): the Turtle and each shard's bytes by graph name."""
    result = build(layout, keep_graph=False, keep_relations=False)
    write_build(result, layout, input_fingerprint(layout))
    folder = ShardFolder(layout.cache / "shards")
    return layout.turtle.read_bytes(), {graph: path.read_bytes() for graph, path in folder.files()}


def _clean_build(layout: Layout, where: Path) -> tuple[bytes, dict[str, bytes]]:
    """A build from scratch (no cache) of the same inputs, in another folder."""
    for folder in ("seeds", "ontology"):
        shutil.copytree(layout.root / folder, where / folder)
    return _build(Layout(where))


def _assert_same_as_clean(layout: Layout, tmp_path: Path) -> None:
    turtle, shards = _build(layout)
    clean_turtle, clean_shards = _clean_build(layout, tmp_path / "clean")
    assert sorted(shards) == sorted(clean_shards)
    for graph, data in shards.items():
        assert data == clean_shards[graph], graph
    assert turtle == clean_turtle


def _documents(layout: Layout) -> list[Path]:
    return sorted(layout.documents.glob("*.txt"))


def test_a_rebuild_after_one_changed_document_equals_a_clean_build(project_copy, tmp_path):
    _build(project_copy)
    victim = _documents(project_copy)[1]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nBlagoveshchensk and Heihe.\n", encoding="utf-8")
    _assert_same_as_clean(project_copy, tmp_path)


def test_only_the_changed_shards_are_formatted_again(project_copy, monkeypatch):
    """The Turtle of an unchanged shard comes from its cached blocks: after one document changed,
    only that document's shard and the shared shards it changed are parsed and formatted."""
    before = _build(project_copy)[1]
    victim = _documents(project_copy)[2]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nHarbin and Heihe signed an agreement.\n", "utf-8")
    formatted: list[int] = []
    real = serialize._shard_blocks
    monkeypatch.setattr(
        serialize, "_shard_blocks", lambda parsed, ns: formatted.append(len(parsed)) or real(parsed, ns)
    )
    after = _build(project_copy)[1]
    changed = [graph for graph, data in after.items() if before.get(graph) != data]
    assert any(graph.endswith("/document/" + _id_of(project_copy, victim)) for graph in changed)
    assert len(formatted) == len([g for g in changed if not g.endswith("/ontology")])
    assert len(formatted) < len(after) - 1


def _id_of(layout: Layout, document: Path) -> str:
    listing = yaml.safe_load(layout.document_listing.read_text(encoding="utf-8"))
    return next(entry["id"] for entry in listing if entry["file"] == document.name)


def test_a_rebuild_after_a_document_is_removed_equals_a_clean_build(project_copy, tmp_path):
    _build(project_copy)
    listing = yaml.safe_load(project_copy.document_listing.read_text(encoding="utf-8"))
    claims = "".join(path.read_text(encoding="utf-8") for path in project_copy.claims.glob("*.yaml"))
    victim = next(path for path in _documents(project_copy) if _id_of(project_copy, path) not in claims)
    kept = [entry for entry in listing if entry["file"] != victim.name]
    assert len(kept) == len(listing) - 1
    project_copy.document_listing.write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    victim.unlink()
    _assert_same_as_clean(project_copy, tmp_path)
    turtle = project_copy.turtle.read_text(encoding="utf-8")
    assert _id_of_removed(listing, victim.name) not in turtle


def _id_of_removed(listing: list[dict], file: str) -> str:
    return "document/" + next(entry["id"] for entry in listing if entry["file"] == file)


def test_a_rebuild_after_the_catalog_changed_equals_a_clean_build(project_copy, tmp_path):
    """A new alias and new coordinates change the catalog shard and the mentions of every document
    that names the city: no cached block of the earlier catalog may be written."""
    _build(project_copy)
    cities = project_copy.catalog / "city.yaml"
    text = cities.read_text(encoding="utf-8")
    assert "coordinates: [45.7567, 126.6424]" in text
    text = text.replace("coordinates: [45.7567, 126.6424]", "coordinates: [45.75, 126.64]")
    text = text.replace("en: [Haerbin, Harbin City]", "en: [Haerbin, Harbin City, Harbin Municipality]")
    cities.write_text(text, encoding="utf-8")
    _assert_same_as_clean(project_copy, tmp_path)
    assert "POINT(126.64 45.75)" in project_copy.turtle.read_text(encoding="utf-8")
