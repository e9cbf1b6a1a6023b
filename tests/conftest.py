"""Shared fixtures: the seed project built once per test session, and throwaway project copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from amurkg.corpus.catalog import Catalog, load_catalog
from amurkg.layout import Layout
from amurkg.pipeline.build import BuildResult, build
from amurkg.text.link import Linker

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def layout() -> Layout:
    return Layout(REPO)


@pytest.fixture(scope="session")
def built(layout: Layout) -> BuildResult:
    """The seed corpus built in memory (validated with SHACL), as `amurkg build` does."""
    return build(layout, use_cache=False, keep_texts=True)


@pytest.fixture(scope="session")
def catalog(layout: Layout) -> Catalog:
    return load_catalog(layout.catalog, layout.root)


@pytest.fixture(scope="session")
def linker(catalog: Catalog) -> Linker:
    return Linker(catalog)


@pytest.fixture()
def project_copy(tmp_path: Path) -> Layout:
    """A writable copy of the project's inputs, to break on purpose."""
    for folder in ("seeds", "ontology"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return Layout(tmp_path)


@pytest.fixture(scope="session")
def read_relations(catalog: Catalog, linker: Linker):
    """The relations one text gives (linking, discovery, every extractor) with the seed catalog."""
    from amurkg.pipeline.process import process_document

    def relations(text: str, language: str) -> list:
        return list(process_document(linker.link("t", text, language), catalog).relations)

    return relations


@pytest.fixture(scope="session")
def found(catalog: Catalog, linker: Linker):
    """The discovery of one text (its proposed entities and merged mentions) with the seed catalog."""
    from amurkg.extract.discovery import Discovery, discover

    def run(text: str, language: str) -> Discovery:
        return discover(linker.link("t", text, language), catalog)

    return run
