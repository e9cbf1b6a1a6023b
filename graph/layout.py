"""Where a project's inputs and outputs live: the repository layout of the design card."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def catalog(self) -> Path:
        return self.seeds / "catalog"

    @property
    def documents(self) -> Path:
        return self.seeds / "documents"

    @property
    def document_listing(self) -> Path:
        return self.seeds / "documents.yaml"

    @property
    def claims(self) -> Path:
        return self.seeds / "claims"

    @property
    def ontology(self) -> Path:
        return self.root / "ontology" / "amurkg.ttl"

    @property
    def shapes(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def turtle(self) -> Path:
        return self.exports / "amurkg.ttl"

    @property
    def cache(self) -> Path:
        return self.root / ".cache"

    def shown(self, path: Path) -> str:
        """A path as the user should read it: relative to the project root when inside it."""
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def find_layout(root: Path | None = None) -> Layout:
    """The project to work on: --root, $AMURKG_ROOT, the current folder if it is a project, else this checkout."""
    if root is not None:
        return Layout(root)
    if os.environ.get("AMURKG_ROOT"):
        return Layout(Path(os.environ["AMURKG_ROOT"]))
    here = Path.cwd()
    if (here / "seeds").is_dir() and (here / "ontology").is_dir():
        return Layout(here)
    return Layout(PACKAGE_ROOT)
