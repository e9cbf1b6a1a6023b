"""What every command shares: consoles, the --root option, and failing with one clear line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from amurkg.errors import InputError
from amurkg.layout import Layout, find_layout

out = Console()
err = Console(stderr=True)

RootOption = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help="Project folder holding seeds/, ontology/ and exports/ (default: the current folder "
        "if it is one, else $AMURKG_ROOT, else this checkout).",
        file_okay=False,
    ),
]


def fail(lines: list[str], code: int = 2) -> NoReturn:
    """Print each problem on one line and stop with an exit status; no traceback."""
    for line in lines:
        err.print(f"[red]error:[/red] {escape(line)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def reported() -> Iterator[None]:
    """Turn the pipeline's InputError into one line per problem and exit status 2."""
    try:
        yield
    except InputError as exc:
        fail([str(p) for p in exc.problems])


def layout_of(root: Path | None) -> Layout:
    return find_layout(root)
