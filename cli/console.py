"""The consoles every command prints to, and the table of an answer. Imports rich, not typer or any
RDF library: the fast path of `amurkg query` (`amurkg.cli.fast`) prints through these too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from amurkg.sanitize import terminal_safe

if TYPE_CHECKING:
    from rich.table import Table

    from amurkg.store.render import View


class SafeConsole(Console):
    """A rich Console that shows control characters in the text it prints as \\xNN escapes (its
    own colour sequences are untouched)."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(terminal_safe(text), **kwargs)


out = SafeConsole()
err = SafeConsole(stderr=True)


def error_line(line: str) -> None:
    """One problem on standard error, as every command reports it."""
    from rich.markup import escape

    err.print(f"[red]error:[/red] {escape(line)}", highlight=False, soft_wrap=True)


def answer_table(variables: Sequence[str], rows: Sequence[Sequence[View | None]]) -> Table:
    """A SELECT answer as a rich table of SPARQL terms (see `cell`)."""
    from rich.table import Table

    table = Table(show_edge=False, expand=False, header_style="bold")
    for variable in variables:
        table.add_column(variable, overflow="fold")
    for row in rows:
        table.add_row(*(cell(view) for view in row))
    return table


def cell(view: View | None) -> Text:
    """A term as SPARQL text to paste back into a query; a language tag dimmed, so the text reads first."""
    from amurkg.store.render import short

    language = view[2] if view is not None else None
    if language:
        return Text.assemble(terminal_safe(short(view, tags=False)), (f"@{terminal_safe(language)}", "dim"))
    return Text(terminal_safe(short(view)))
