"""`amurkg ingest` and `amurkg candidates`: growing the corpus and the catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
    from amurkg.pipeline.progress import size_warning

    layout = layout_of(root)
    with reported():
        added = ingest(layout, files, title=title, author=author, year=year, language=lang)
    for document in added:
        out.print(
            f"added {document.id} ({document.language}, {document.characters:,} characters): {document.title}",
            highlight=False,
        )
        warning = size_warning(document.id, (layout.documents / document.file).stat().st_size)
        if warning is not None:
            err.print(warning, highlight=False, markup=False)
    out.print("Run `amurkg build` to link and extract them.")


def candidates_command(
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only this document id (repeatable).")] = None,
    top: Annotated[int, typer.Option(help="How many candidates to show.")] = 40,
    as_yaml: Annotated[
        bool, typer.Option("--yaml", help="Print catalog entries that the build accepts as they are.")
    ] = False,
    ner: Annotated[
        bool,
        typer.Option(
            "--ner", help="Also run offline NER per language (needs the nlp extra) for names without a head noun."
        ),
    ] = False,
    root: RootOption = None,
) -> None:
    """Names in the documents that the catalog does not know: the entities the build proposed
    (ak:status "proposed"), most mentioned first, with documents and a context line.

    --yaml prints them as catalog entries (id, labels, aliases, locatedIn, subclass) to paste into
    the seeds/catalog/ file named in the comment above each; the entry keeps the proposed IRI.
    --ner lists what offline NER finds besides (towns, people; natasha, GiNZA, jieba).
    """
    import yaml
    from rich.table import Table

    from amurkg.corpus.candidates import catalog_file, catalog_stub, proposals
    from amurkg.corpus.documents import load_documents
    from amurkg.pipeline.build import build

    layout = layout_of(root)
    with reported():
        documents = load_documents(layout.document_listing, layout.documents, layout.root)
        if doc:
            unknown = sorted(set(doc) - {d.id for d in documents})
            if unknown:
                raise InputError.one("--doc", f"unknown document id(s): {', '.join(unknown)}")
        if ner:
            _ner_candidates(layout, documents, doc, top, as_yaml)
            return
        err.print("[dim]building the graph in memory (cached documents are reused)[/dim]", highlight=False)
        result = build(layout, validate=False)
        found = proposals(result.graph, result.proposed, set(doc) if doc else None)[:top]
    if as_yaml:
        for proposal in found:
            entity = proposal.entity
            _print_verbatim(
                f"# {catalog_file(entity)} ({entity.subclass or entity.cls}): {proposal.count}× in "
                f"{', '.join(sorted(proposal.documents))} — {proposal.context}",
            )
            _print_verbatim(
                yaml.safe_dump([catalog_stub(entity)], allow_unicode=True, sort_keys=False, width=10_000).rstrip(),
            )
        return
    table = Table(title=f"{len(found)} proposed entities", show_lines=False)
    for column in ("id", "name", "class", "count", "documents", "context"):
        table.add_column(column, overflow="fold")
    for proposal in found:
        entity = proposal.entity
        name = next((entity.labels[lang] for lang in ("zh", "ja", "ru") if lang in entity.labels), entity.labels["en"])
        table.add_row(
            entity.id,
            name,
            entity.subclass or entity.cls,
            str(proposal.count),
            str(len(proposal.documents)),
            proposal.context,
        )
    out.print(table)


def _ner_candidates(layout, documents, doc: list[str] | None, top: int, as_yaml: bool) -> None:
    import yaml
    from rich.table import Table

    from amurkg.corpus.candidates import find_candidates, yaml_stub
    from amurkg.corpus.catalog import load_catalog
    from amurkg.text.link import Linker

    catalog = load_catalog(layout.catalog, layout.root)
    if doc:
        documents = [d for d in documents if d.id in set(doc)]
    linker = Linker(catalog)
    texts = []
    for document in documents:
        err.print(f"[dim]reading {document.id} ({document.language})[/dim]", highlight=False)
        texts.append(linker.link(document.id, document.read_text(), document.language))
    found = find_candidates(texts)[:top]
    if as_yaml:
        for candidate in found:
            _print_verbatim(
                f"# {candidate.catalog_class}: {candidate.count}× in {', '.join(sorted(candidate.documents))}"
                f" — {candidate.context}",
            )
            _print_verbatim(
                yaml.safe_dump([yaml_stub(candidate)], allow_unicode=True, sort_keys=False).rstrip(),
            )
        return
    table = Table(title=f"{len(found)} unknown names (NER)", show_lines=False)
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


def _print_verbatim(text: str) -> None:
    """A line as it is: no markup, no highlighting, no wrapping (stubs are pasted into the catalog)."""
    out.print(text, highlight=False, markup=False, soft_wrap=True)
