"""`amurkg ingest` and `amurkg candidates`: growing the corpus and the catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from amurkg.errors import InputError

from .common import RootOption, err, layout_of, out, reported


def ingest_command(
    files: Annotated[list[Path], typer.Argument(help="UTF-8 .txt/.md files or .pdf files to add.")],
    title: Annotated[str | None, typer.Option(help="Title (default: the first line of the text).")] = None,
    author: Annotated[str | None, typer.Option(help="Author, as written.")] = None,
    year: Annotated[int | None, typer.Option(help="Year of publication.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="ja, zh, ru or en (default: detected).")] = None,
    root: RootOption = None,
) -> None:
    """Add documents to the corpus (seeds/documents/ + documents.yaml); the next `amurkg build` links them."""
    from amurkg.corpus.ingest import ingest

    layout = layout_of(root)
    with reported():
        added = ingest(layout, files, title=title, author=author, year=year, language=lang)
    for document in added:
        out.print(
            f"added {document.id} ({document.language}, {document.characters:,} characters): {document.title}",
            highlight=False,
        )
    out.print("Run `amurkg build` to link and extract them.")


def candidates_command(
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only this document id (repeatable).")] = None,
    top: Annotated[int, typer.Option(help="How many candidates to show.")] = 40,
    as_yaml: Annotated[bool, typer.Option("--yaml", help="Print catalog stubs to complete and paste.")] = False,
    root: RootOption = None,
) -> None:
    """Names in the documents that the catalog does not know, by offline NER per language (needs the nlp extra)."""
    import yaml

    from amurkg.corpus.candidates import find_candidates, yaml_stub
    from amurkg.corpus.catalog import load_catalog
    from amurkg.corpus.documents import load_documents
    from amurkg.text.link import Linker

    layout = layout_of(root)
    with reported():
        catalog = load_catalog(layout.catalog, layout.root)
        documents = load_documents(layout.document_listing, layout.documents, layout.root)
        if doc:
            unknown = sorted(set(doc) - {d.id for d in documents})
            if unknown:
                raise InputError.one("--doc", f"unknown document id(s): {', '.join(unknown)}")
            documents = [d for d in documents if d.id in set(doc)]
        linker = Linker(catalog)
        texts = []
        for document in documents:
            err.print(f"[dim]reading {document.id} ({document.language})[/dim]", highlight=False)
            texts.append(linker.link(document.id, document.read_text(), document.language))
        found = find_candidates(texts)[:top]
    if as_yaml:
        for candidate in found:
            stub = yaml_stub(candidate)
            out.print(
                f"# {candidate.catalog_class}: {candidate.count}× in {', '.join(sorted(candidate.documents))}"
                f" — {candidate.context}",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
            out.print(
                yaml.safe_dump([stub], allow_unicode=True, sort_keys=False).rstrip(),
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
        return
    table = Table(title=f"{len(found)} unknown names", show_lines=False)
    for column in ("name", "lang", "kind", "count", "documents", "context"):
        table.add_column(column, overflow="fold")
    for candidate in found:
        table.add_row(
            candidate.name,
            candidate.language,
            candidate.kind,
            str(candidate.count),
            str(len(candidate.documents)),
            candidate.context,
        )
    out.print(table)
