"""Round 5 (scale): the linker built from the catalog is kept under .cache/linker/, keyed by the
catalog fingerprint, and loaded by a later build of the same catalog and code instead of being built
again in every process. Loaded or built, the graph is the same; a changed catalog builds a new one; a
damaged file is rebuilt, never used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from amurkg.corpus.catalog import load_catalog
from amurkg.layout import Layout
from amurkg.pipeline import process
from amurkg.pipeline.build import build, write_build
from amurkg.pipeline.fingerprint import catalog_fingerprint, input_fingerprint
from amurkg.pipeline.process import OutcomeCache, cached_linker, linker_cache_path
from amurkg.text.link import Linker


class _Counted(Linker):
    """Linker, counting how often one is built (not loaded)."""

    built = 0

    def __init__(self, catalog):
        type(self).built += 1
        super().__init__(catalog)


@pytest.fixture()
def counted(monkeypatch):
    _Counted.built = 0
    monkeypatch.setattr(process, "Linker", _Counted)
    return _Counted


def _path(layout: Layout) -> Path:
    path = linker_cache_path(OutcomeCache(layout.cache / "documents", catalog_fingerprint(layout.catalog)))
    assert path is not None
    return path


def _mentions(linker: Linker, text: str, language: str) -> list[tuple[str, str]]:
    return [(m.entity, m.surface) for m in linker.link("t", text, language).mentions]


def test_a_build_with_the_cached_linker_writes_the_same_turtle(project_copy, tmp_path, counted):
    layout = project_copy
    cached_linker(load_catalog(layout.catalog, layout.root), _path(layout))  # a linker left by an earlier build
    assert counted.built == 1 and _path(layout).is_file()
    result = build(layout, keep_graph=False, keep_relations=False)  # every document linked, none cached
    write_build(result, layout, input_fingerprint(layout))
    assert counted.built == 1, "the build built a linker instead of loading the cached one"

    clean = Layout(tmp_path / "clean")
    for folder in ("seeds", "ontology"):
        shutil.copytree(layout.root / folder, clean.root / folder)
    clean_result = build(clean, keep_graph=False, keep_relations=False, use_cache=False)
    write_build(clean_result, clean, input_fingerprint(clean))
    assert counted.built == 2
    assert not (clean.cache / "linker").exists()  # --no-cache leaves no linker behind
    assert layout.turtle.read_bytes() == clean.turtle.read_bytes()


def test_a_changed_catalog_does_not_use_the_stale_linker(project_copy, counted):
    layout = project_copy
    text = "Делегация прибыла в Хрустальград, а затем посетила Харбин."
    old_path = _path(layout)
    old = cached_linker(load_catalog(layout.catalog, layout.root), old_path)
    assert ("harbin", "Харбин") in _mentions(old, text, "ru")
    assert not any(surface == "Хрустальград" for _, surface in _mentions(old, text, "ru"))

    city = layout.catalog / "city.yaml"
    city.write_text(
        city.read_text(encoding="utf-8")
        + "- id: khrustalgrad\n  labels: {en: Khrustalgrad, ru: Хрустальград}\n  locatedIn: heilongjiang\n",
        encoding="utf-8",
    )
    new_path = _path(layout)
    assert new_path != old_path
    new = cached_linker(load_catalog(layout.catalog, layout.root), new_path)
    assert counted.built == 2  # built again for the new catalog, not loaded
    assert ("khrustalgrad", "Хрустальград") in _mentions(new, text, "ru")
    assert not old_path.exists()  # the stale linker is removed
    assert new_path.is_file()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated (a killed build, a full disk)
        lambda data: data[:-10] + bytes(b ^ 0xFF for b in data[-10:]),  # bytes altered
        lambda data: b"not a linker at all",
        lambda data: b"",
    ],
    ids=["truncated", "altered", "garbage", "empty"],
)
def test_a_corrupt_linker_file_is_rebuilt(project_copy, counted, damage):
    layout = project_copy
    catalog = load_catalog(layout.catalog, layout.root)
    path = _path(layout)
    cached_linker(catalog, path)
    sound = path.read_bytes()
    damaged = damage(sound)
    path.write_bytes(damaged)

    text = "哈尔滨与黑河签署了合作协议。"
    rebuilt = cached_linker(catalog, path)
    assert counted.built == 2  # the damaged file was not used
    assert ("harbin", "哈尔滨") in _mentions(rebuilt, text, "zh")
    assert path.read_bytes() != damaged  # and it is written again, whole
    loaded = cached_linker(catalog, path)
    assert counted.built == 2  # now loaded
    assert _mentions(loaded, text, "zh") == _mentions(rebuilt, text, "zh")
