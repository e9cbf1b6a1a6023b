"""What a build's output depends on, as hashes — computed from files alone, so that the up-to-date
check of `amurkg build` needs none of the extractors, rdflib or the catalog's indexes imported
(an unchanged rebuild is a few file reads, not a second of imports)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from amurkg.layout import Layout

_PIPELINE = Path(__file__).resolve().parent
_PACKAGE = _PIPELINE.parent
_STAGE_FOLDERS = ("text", "extract")  # the code of linking and extraction: decides a document's outcome
# the code that decides the bytes written from the outcomes (build.py itself first)
_WRITER_MODULES = (
    "build.py",
    "assemble.py",
    "standard_terms.py",
    "serialize.py",
    "validate.py",
    "shacl.py",
    "shards.py",
    "observations.py",
)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the per-document stage's code: process.py, text/ and extract/ (Python and YAML)."""
    digest = hashlib.sha256()
    stage_files = [_PIPELINE / "process.py"]
    for folder in _STAGE_FOLDERS:
        stage_files += sorted(p for p in (_PACKAGE / folder).rglob("*") if p.suffix in (".py", ".yaml"))
    for path in stage_files:
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    gazetteer = _PACKAGE.parent / "seeds" / "gazetteer" / "places.tsv"  # the towns it adds (extract/gazetteer.py)
    if gazetteer.is_file():
        digest.update(b"gazetteer\0" + gazetteer.read_bytes())
    return digest.hexdigest()


def catalog_fingerprint(catalog_dir: Path) -> str:
    """The per-document stage's code plus the catalog: the key of every cached document outcome."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for path in sorted(catalog_dir.glob("*.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def input_fingerprint(layout: Layout) -> str:
    """A hash of everything a build reads (catalog, code, ontology, documents, claims): same hash, same output."""
    digest = hashlib.sha256(catalog_fingerprint(layout.catalog).encode())
    for name in _WRITER_MODULES:
        digest.update((_PIPELINE / name).read_bytes())
    paths = [layout.ontology, layout.shapes, layout.document_listing]
    paths += sorted(layout.documents.glob("*")) + sorted(layout.claims.glob("*.yaml"))
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def is_up_to_date(layout: Layout, fingerprint: str, validated: bool = True) -> bool:
    """Was exports/amurkg.ttl written by a build of exactly these inputs (validated, when asked),
    and is it untouched since?"""
    stamp = layout.cache / "build.json"
    if not stamp.is_file() or not layout.turtle.is_file():
        return False
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(recorded, dict):
        return False
    return (
        recorded.get("inputs") == fingerprint
        and (recorded.get("validated", True) or not validated)
        and recorded.get("turtle_sha256") == hashlib.sha256(layout.turtle.read_bytes()).hexdigest()
    )
