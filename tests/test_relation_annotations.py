"""The development annotations are usable: every quote of a relation annotation with its own texts
is a verbatim passage of the text it names, and every named text exists (a quote that drifted from
its text would score a right edge as a miss)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from amurkg.text.normalize import fold

RELATIONS = Path(__file__).resolve().parent / "data" / "relations"
FILES = sorted(p for p in RELATIONS.rglob("*.yaml") if "documents:" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(RELATIONS)))
def test_every_quote_is_a_passage_of_its_text(path: Path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    folder = path.parent / data["documents"]
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}
    texts |= {Path(name).stem: text for name, text in texts.items()}  # a record may name a text without its suffix
    assert data["relations"], path
    for record in data["relations"]:
        assert record["text"] in texts, record
        quote = record.get("quote")
        if quote:
            parts = [part for part in str(quote).split("…") if part.strip()]
            assert all(fold(part.strip()) in fold(texts[record["text"]]) for part in parts), record
