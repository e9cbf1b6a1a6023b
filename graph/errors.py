"""Bad input is reported, never traced back: one line per problem, exit status 2, nothing written."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: which file (and line), which entry, what is wrong."""

    file: str
    message: str
    entry: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.entry:
            where += f" [{self.entry}]"
        return f"{where}: {self.message}"


class InputError(Exception):
    """Raised with every problem found, so the user can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def one(cls, file: str, message: str, entry: str | None = None, line: int | None = None) -> "InputError":
        return cls([Problem(file, message, entry, line)])
