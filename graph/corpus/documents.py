"""The corpus: `seeds/documents.yaml` describes each text file in `seeds/documents/`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from amurkg.errors import InputError, Problem
from amurkg.namespaces import LANGUAGES
from amurkg.yamlio import line_of, read_yaml

DOC_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class DocumentMeta:
    """What the catalog knows about one document; the text itself is read on demand."""

    id: str
    file: str
    language: str
    title: dict[str, str]
    authors: tuple[str, ...] = ()
    institution: str | None = None
    institution_id: str | None = None
    year: int | None = None
    publisher: str | None = None
    series: str | None = None
    translator: str | None = None
    path: Path = field(default=Path(), compare=False)

    def read_text(self) -> str:
        """The original text, byte-for-byte decoded: offsets index into exactly this string. Every
        reader of a document comes here: a file that is not UTF-8 or cannot be read is an InputError."""
        shown = f"{self.path.parent.parent.name}/{self.path.parent.name}/{self.file}"
        try:
            with open(self.path, encoding="utf-8", newline="") as handle:
                return handle.read()
        except UnicodeDecodeError as exc:
            raise InputError.one(
                shown,
                f"not UTF-8 text ({exc.reason} at byte {exc.start}); convert it (e.g. iconv -f cp1251 -t utf-8)",
                self.id,
            ) from None
        except OSError as exc:
            raise InputError.one(shown, f"cannot read: {exc.strerror or exc}", self.id) from None


def inside(folder: Path, name: str) -> bool:
    """Whether `name` is a relative path that stays inside `folder` (no `..`, not absolute, no
    symbolic link leading out)."""
    relative = Path(name)
    if not name or relative.is_absolute() or ".." in relative.parts or "\0" in name:
        return False
    try:
        return (folder / relative).resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        return False


def load_documents(
    listing: Path, folder: Path, root: Path | None = None, known_ids: set[str] | None = None
) -> list[DocumentMeta]:
    """Read the document listing; every problem (missing file, bad language, …) is reported."""
    shown = str(listing.relative_to(root)) if root else str(listing)
    raw = read_yaml(listing, shown)
    if not isinstance(raw, list):
        raise InputError.one(shown, "expected a list of documents")
    problems: list[Problem] = []
    documents: list[DocumentMeta] = []
    seen: set[str] = set()
    for entry in raw:
        line = line_of(entry)
        if not isinstance(entry, dict):
            problems.append(Problem(shown, "a document entry must be a mapping", line=line))
            continue
        doc_id = entry.get("id")
        before = len(problems)

        def bad(message: str) -> None:
            problems.append(Problem(shown, message, str(doc_id) if doc_id else None, line))

        if not isinstance(doc_id, str) or not DOC_ID.match(doc_id):
            bad(f"id {doc_id!r} is not a slug")
        elif doc_id in seen:
            bad("duplicate document id")
        seen.add(str(doc_id))
        file_name = entry.get("file")
        path = folder / str(file_name)
        if isinstance(file_name, str) and not inside(folder, file_name):
            bad(f"document file {file_name!r} must be a file name inside {folder.parent.name}/{folder.name}/")
        elif not isinstance(file_name, str) or not path.is_file():
            bad(f"document file {file_name!r} is listed but missing from {folder.name}/")
        language = entry.get("language")
        if language not in LANGUAGES:
            bad(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
        title = entry.get("title")
        if isinstance(title, str):
            title = {"original": title}
        if not isinstance(title, dict) or not title.get("original"):
            bad("title.original is required")
        year = entry.get("year")
        if year is not None and not (isinstance(year, int) and 1000 <= year <= 2100):
            bad(f"year {year!r} is not a year")
        institution_id = entry.get("institution_id")
        if institution_id and known_ids is not None and institution_id not in known_ids:
            bad(f"institution_id refers to unknown id {institution_id!r}")
        authors = entry.get("authors") or []
        if isinstance(authors, str):
            authors = [authors]
        if len(problems) > before:
            continue
        documents.append(
            DocumentMeta(
                id=str(doc_id),
                file=str(file_name),
                language=str(language),
                title={k: str(v) for k, v in dict(title or {}).items()},
                authors=tuple(str(a) for a in authors),
                institution=entry.get("institution"),
                institution_id=institution_id,
                year=year,
                publisher=entry.get("publisher"),
                series=entry.get("series"),
                translator=entry.get("translator"),
                path=path,
            )
        )
    if problems:
        raise InputError(problems)
    return documents
