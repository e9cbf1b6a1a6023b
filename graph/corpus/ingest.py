"""Adding documents to the corpus: text, Markdown or PDF in, a UTF-8 text file and a
`documents.yaml` entry out. The next build links and extracts it like the seeds."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from amurkg.corpus.documents import load_documents
from amurkg.errors import InputError
from amurkg.layout import Layout
from amurkg.namespaces import LANGUAGES
from amurkg.pipeline.serialize import write_atomically

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
_DETECTED = {"zh-cn": "zh", "zh-tw": "zh", "ja": "ja", "ru": "ru", "en": "en"}


@dataclass(frozen=True)
class Ingested:
    id: str
    file: str
    language: str
    title: str
    characters: int


def read_source(path: Path) -> str:
    """The text of a .txt/.md (UTF-8) or .pdf file."""
    if not path.is_file():
        raise InputError.one(str(path), "file not found")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _pdf_text(path)
    if suffix not in TEXT_SUFFIXES:
        raise InputError.one(str(path), f"unsupported file type {suffix or '(none)'}; use .txt, .md or .pdf")
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        raise InputError.one(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError) as exc:
        raise InputError.one(str(path), f"cannot read PDF: {exc}") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputError.one(str(path), "the PDF has no extractable text (scanned images need OCR first)")
    return text + "\n"


def detect_language(text: str) -> str | None:
    """ja, zh, ru or en by script statistics first (kana is decisive for Japanese), then langdetect."""
    sample = text[:20000]
    kana = sum(1 for c in sample if "\u3040" <= c <= "\u30ff")
    han = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff")
    cyrillic = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    if kana > 0.05 * (kana + han) and kana > 20:
        return "ja"
    if han > max(cyrillic, latin) / 2 and han > 20:
        return "zh"
    if cyrillic > latin:
        return "ru"
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0
    try:
        return _DETECTED.get(detect(sample))
    except LangDetectException:
        return None


def slugify(text: str, limit: int = 40) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:limit].strip("-")


def ingest(
    layout: Layout,
    sources: list[Path],
    title: str | None = None,
    author: str | None = None,
    year: int | None = None,
    language: str | None = None,
) -> list[Ingested]:
    """Copy each source into seeds/documents/ as UTF-8 text and describe it in documents.yaml.

    Everything is checked before anything is written; a file already in the corpus (same text) is refused.
    """
    if language is not None and language not in LANGUAGES:
        raise InputError.one("--lang", f"{language!r} is not one of {', '.join(LANGUAGES)}")
    existing = load_documents(layout.document_listing, layout.documents, layout.root)
    known_ids = {d.id for d in existing}
    known_hashes = {_digest(d.read_text()): d.id for d in existing}
    planned: list[tuple[Ingested, str, dict[str, object]]] = []
    for source in sources:
        text = read_source(source)
        digest = _digest(text)
        if digest in known_hashes:
            raise InputError.one(str(source), f"already in the corpus as document {known_hashes[digest]!r}")
        lang = language or detect_language(text)
        if lang is None:
            raise InputError.one(str(source), "cannot tell the language; pass --lang ja|zh|ru|en")
        doc_title = title or _first_line(text) or source.stem
        base = slugify(source.stem) or slugify(doc_title) or "document"
        doc_id = f"{base}-{digest[:8]}"
        if doc_id in known_ids:
            raise InputError.one(str(source), f"document id {doc_id!r} already exists")
        known_ids.add(doc_id)
        known_hashes[digest] = doc_id
        file_name = f"{doc_id}.txt"
        entry: dict[str, object] = {"id": doc_id, "file": file_name, "language": lang, "title": {"original": doc_title}}
        if author:
            entry["authors"] = [author]
        if year:
            entry["year"] = year
        entry["note"] = f"ingested from {source.name}"
        planned.append((Ingested(doc_id, file_name, lang, doc_title, len(text)), text, entry))
    for ingested, text, _ in planned:
        write_atomically(layout.documents / ingested.file, text.encode("utf-8"))
    listing = layout.document_listing.read_text(encoding="utf-8")
    addition = "".join("\n" + yaml.safe_dump([entry], allow_unicode=True, sort_keys=False) for _, _, entry in planned)
    write_atomically(layout.document_listing, (listing.rstrip("\n") + "\n" + addition).encode("utf-8"))
    return [ingested for ingested, _, _ in planned]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().strip("#* ").strip()
        if line:
            return line[:200]
    return ""
