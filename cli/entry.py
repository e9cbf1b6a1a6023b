"""The `amurkg` console command. `amurkg query --name …` is answered by the fast path
(`amurkg.cli.fast`: pyoxigraph and the named-query library, no typer or rdflib) when it can, and an
`amurkg build` with nothing to do by `amurkg.cli.fast_build` (file hashes only); every
other command line, and any query the fast path leaves, goes to the full typer application
(`amurkg.cli.main:app`)."""

from __future__ import annotations

import sys


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["query"]:
        from amurkg.cli.fast import answer

        status = answer(args[1:])
        if status is not None:
            sys.exit(status)
    if args[:1] == ["build"]:
        from amurkg.cli.fast_build import up_to_date

        status = up_to_date(args[1:])
        if status is not None:
            sys.exit(status)
    from amurkg.cli.main import app

    app()
