"""What every command shares: consoles, the --root option, and failing with one clear line.

`guarded` is the error boundary every command runs inside: bad input (InputError), a file that is
not UTF-8, and the environment (OSError: permission denied, full disk, …) become one line on
standard error and exit status 2; nothing is ever shown as a traceback."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.markup import escape

from amurkg.errors import InputError
from amurkg.layout import Layout, find_layout

from .console import SafeConsole, err, out  # noqa: F401 - re-exported: every command prints through these
from .output import os_error_line  # noqa: F401 - re-exported
from .output import write_stdout as _write_stdout

DEBUG_VARIABLE = "AMURKG_DEBUG"  # set to 1 to see the traceback of an unexpected error


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
    """Turn the pipeline's InputError (and a file that cannot be read or written) into one line per
    problem and exit status 2."""
    try:
        yield
    except InputError as exc:
        fail([str(p) for p in exc.problems])
    except UnicodeDecodeError as exc:
        fail([f"a file is not UTF-8 text ({exc.reason} at byte {exc.start})"])
    except OSError as exc:
        fail([os_error_line(exc)])


F = TypeVar("F", bound=Callable[..., Any])


def guarded(command: F) -> F:
    """The error boundary of a command (see the module docstring). An unexpected error is one line
    too, with exit status 1 ($AMURKG_DEBUG=1 shows its traceback)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            with reported():
                return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            err.print("[red]interrupted[/red]; nothing half-written is left", highlight=False)
            raise typer.Exit(130) from None
        except Exception as exc:  # noqa: BLE001 - the boundary: never a traceback
            if os.environ.get(DEBUG_VARIABLE):
                raise
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            err.print(
                f"[red]error:[/red] internal error: {escape(type(exc).__name__)}"
                + (f": {escape(message[:300])}" if message else "")
                + f" (set ${DEBUG_VARIABLE}=1 for details)",
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(1) from None

    return run  # type: ignore[return-value]


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def write_stdout(data: bytes | str) -> None:
    """Write an answer to standard output; on a terminal, control characters in it are escaped."""
    _write_stdout(data, stdout_is_terminal())


def layout_of(root: Path | None) -> Layout:
    return find_layout(root)
