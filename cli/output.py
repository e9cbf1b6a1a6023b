"""Writing an answer to standard output and telling an OSError in one line, without rich or typer
(the fast path of `amurkg query`, `amurkg.cli.fast`, prints a csv, tsv, json or md answer with these alone)."""

from __future__ import annotations

import errno
import sys

from amurkg.sanitize import terminal_safe


def os_error_line(exc: OSError) -> str:
    """An OSError as the user should read it: the file, then what went wrong."""
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        reason = "no space left on device; nothing was written"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = f"{reason.lower()}; nothing was written"
    where = exc.filename if exc.filename is not None else None
    return f"{where}: {reason}" if where else reason


def write_stdout(data: bytes | str, terminal: bool | None = None) -> None:
    """Write an answer to standard output; on a terminal, control characters in it are escaped."""
    if sys.stdout.isatty() if terminal is None else terminal:
        text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
        data = terminal_safe(text)
    if isinstance(data, str):
        sys.stdout.write(data)
        sys.stdout.flush()
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
