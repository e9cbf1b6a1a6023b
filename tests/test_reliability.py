"""Reliability and security: nothing the user had is lost, nothing is leaked, and bad input or a
fault gives one line and an exit status, never a traceback or a half-written file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amurkg.cli.main import app
from amurkg.layout import Layout

REPO = Path(__file__).resolve().parent.parent
runner = CliRunner()


@pytest.fixture()
def built_copy(project_copy: Layout) -> Layout:
    """A project copy with the committed build in exports/."""
    project_copy.exports.mkdir()
    shutil.copy2(REPO / "exports" / "amurkg.ttl", project_copy.turtle)
    return project_copy


def run(*args: str):
    return runner.invoke(app, list(args))


def one_line_error(result, code: int = 2) -> str:
    """The single error line of a failed command (asserting the exit status and no traceback)."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output
    return errors[0]


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# 1. Data loss: an export never deletes a folder amurkg did not write.


def test_csv_export_refuses_a_users_folder_and_keeps_it(built_copy):
    before = tree(built_copy.seeds)
    line = one_line_error(
        run("export", "--root", str(built_copy.root), "--format", "csv", "--out", str(built_copy.seeds))
    )
    assert "amurkg did not write" in line
    assert tree(built_copy.seeds) == before


def test_csv_export_into_the_current_folder_leaves_nothing_behind(built_copy, monkeypatch):
    monkeypatch.chdir(built_copy.root)
    entries = sorted(p.name for p in built_copy.root.iterdir())
    one_line_error(run("export", "--root", ".", "--format", "csv", "--out", "."))
    assert sorted(p.name for p in built_copy.root.iterdir()) == entries


def test_csv_export_replaces_its_own_earlier_export_with_the_usual_mode(built_copy, tmp_path):
    target = tmp_path / "neo4j"
    for _ in range(2):
        result = run("export", "--root", str(built_copy.root), "--format", "csv", "--out", str(target))
        assert result.exit_code == 0, result.output
    assert {p.name for p in target.iterdir()} == {"nodes.csv", "relationships.csv", ".amurkg-export"}
    assert target.stat().st_mode & 0o777 != 0o700  # not the private mode of a temporary folder
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    (target / "notes.txt").write_text("mine", encoding="utf-8")  # a marked folder is amurkg's to replace
    assert run("export", "--root", str(built_copy.root), "--format", "csv", "--out", str(target)).exit_code == 0


def test_csv_export_into_an_empty_folder(built_copy, tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    result = run("export", "--root", str(built_copy.root), "--format", "csv", "--out", str(target))
    assert result.exit_code == 0, result.output
    assert (target / "nodes.csv").is_file()
