"""The fast path of `amurkg build` when nothing changed: the up-to-date check from file hashes alone
(`amurkg.pipeline.fingerprint`), without importing typer, rdflib, the catalog or the extractors.

`up_to_date(args)` answers only a command line the full command would answer "is up to date" to,
with the same line on standard output and exit status 0: the options --root, --quiet/-q, --progress,
--validate, --jobs/-j, --executor, --scheduler and --no-validate (`--opt value` or `--opt=value`),
a project whose `.cache/build.json` records these inputs and the current exports/amurkg.ttl, and no
other build holding `.cache/build.lock`, no half-written Turtle of a killed build beside it. For anything else (--force, --no-cache, --clear-cache,
--help, a bad value, a change, a running build) it returns None before printing anything, and the
full command (`amurkg.cli.main`) runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from amurkg.layout import find_layout
from amurkg.pipeline.fingerprint import input_fingerprint, is_up_to_date

VALUES = {
    "--root": None,
    "--progress": ("auto", "bar", "lines", "none"),
    "--validate": ("fast", "full"),
    "--executor": ("local", "dask"),
    "--jobs": None,
    "-j": None,
    "--scheduler": None,
}
FLAGS = {"--quiet": "quiet", "-q": "quiet", "--no-validate": "no_validate"}


def _options(args: Sequence[str]) -> dict[str, str] | None:
    """The options of a build command line the fast path can answer, or None."""
    options: dict[str, str] = {}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in FLAGS:
            options[FLAGS[arg]] = "yes"
            continue
        name, _, value = arg.partition("=")
        if name not in VALUES or name in options:
            return None
        if not value:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        allowed = VALUES[name]
        if (allowed is not None and value not in allowed) or (name in ("--jobs", "-j") and not value.isdigit()):
            return None
        if name in ("--jobs", "-j") and int(value) < 1:
            return None
        options[name] = value
    return options


def up_to_date(args: Sequence[str]) -> int | None:
    """Exit status 0 after saying the Turtle is up to date, or None for the full command to run."""
    options = _options(args)
    if options is None:
        return None
    layout = find_layout(Path(options["--root"]) if "--root" in options else None)
    lock = layout.cache / "build.lock"
    if not lock.is_file() or any(layout.turtle.parent.glob(f".{layout.turtle.name}.*")):
        return None  # never built here, or a killed build's leftovers for the full command to remove
    try:
        import fcntl
    except ImportError:  # not POSIX: the full command decides
        return None
    with open(lock, "a", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # a build is running: the full command says so
            return None
        try:
            if not is_up_to_date(layout, input_fingerprint(layout), validated="no_validate" not in options):
                return None
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    if "quiet" not in options:
        print(f"{layout.shown(layout.turtle)} is up to date (nothing changed; --force rebuilds).")
    return 0
