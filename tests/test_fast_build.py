"""`amurkg build` with nothing to do answers from file hashes, without importing the pipeline; any change,
option it cannot answer or running build goes to the full command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from amurkg.cli.fast_build import up_to_date
from amurkg.layout import Layout
from amurkg.pipeline.build import build, build_lock, write_build
from amurkg.pipeline.fingerprint import input_fingerprint

PROBE = """
import sys
sys.argv = ["amurkg", "build", "--root", sys.argv[1]]
from amurkg.cli.entry import main
try:
    main()
except SystemExit as stop:
    print("exit", stop.code, "rdflib" in sys.modules, "amurkg.extract.clauses" in sys.modules)
"""


def _built(project_copy: Layout) -> Layout:
    with build_lock(project_copy):
        result = build(project_copy, validate=False, progress=lambda _: None)
        write_build(result, project_copy, input_fingerprint(project_copy), validated=False)
    return project_copy


def test_unchanged_build_answers_without_the_pipeline(project_copy: Layout) -> None:
    layout = _built(project_copy)
    # not validated: a plain `amurkg build` (validating) must build again, through the full command
    assert up_to_date(["--root", str(layout.root)]) is None
    assert up_to_date(["--root", str(layout.root), "--no-validate", "-q"]) == 0
    assert up_to_date(["--root", str(layout.root), "--no-validate", "--force"]) is None
    assert up_to_date(["--root", str(layout.root), "--no-validate", "--jobs", "0"]) is None
    assert up_to_date(["--root", str(layout.root), "--no-validate", "--help"]) is None


def test_validated_build_is_answered_fast_and_a_change_is_not(project_copy: Layout) -> None:
    with build_lock(project_copy):
        result = build(project_copy, progress=lambda _: None)
        write_build(result, project_copy, input_fingerprint(project_copy))
    layout = project_copy
    shown = subprocess.run(
        [sys.executable, "-c", PROBE, str(layout.root)], capture_output=True, text=True, env=os.environ, check=True
    )
    assert "exports/amurkg.ttl is up to date" in shown.stdout
    assert shown.stdout.strip().endswith("exit 0 False False"), shown.stdout  # no rdflib, no extractors
    document = sorted(layout.documents.glob("*.txt"))[0]
    document.write_text(document.read_text(encoding="utf-8") + "\nHarbin.\n", encoding="utf-8")
    assert up_to_date(["--root", str(layout.root)]) is None


def test_a_running_build_or_a_killed_ones_leftovers_go_to_the_full_command(project_copy: Layout) -> None:
    layout = _built(project_copy)
    args = ["--root", str(layout.root), "--no-validate", "-q"]
    with build_lock(layout):  # another build holds the lock: the full command reports it
        assert up_to_date(args) is None
    leftover = layout.exports / ".amurkg.ttl.k1ll3d00"
    leftover.write_bytes(b"@prefix half")
    assert up_to_date(args) is None
    leftover.unlink()
    assert up_to_date(args) == 0
    shutil.rmtree(layout.cache)
    assert up_to_date(args) is None


def test_the_fast_fingerprint_reads_the_same_files_as_the_build(project_copy: Layout) -> None:
    before = input_fingerprint(project_copy)
    (project_copy.catalog / "extra.yaml").write_text("entities: []\n", encoding="utf-8")
    assert input_fingerprint(project_copy) != before
