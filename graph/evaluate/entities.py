"""How well discovery and linking do on an annotated set of paragraphs (tests/data/entities/).

For each paragraph the catalog is linked and names are discovered exactly as the build does it;
discovered entities of all paragraphs are then merged as the build merges them. Figures, per
split (dev, heldout) and language:

- discovery: precision and recall of names the catalog lacks (a found name is right when its
  span is exactly an annotated new name's), and class accuracy over the names found;
- catalog linking: share of annotated catalog names linked to the right entity, and the share
  linked to a wrong one (the river as the province, the city as the region);
- cross-lingual merge: over pairs of found names in different languages, recall (pairs with one
  annotated key that got one IRI) and precision (pairs with one IRI that have one key), and the
  number of annotated keys split over several IRIs (duplicates).

Run it: `python -m amurkg.evaluate.entities tests/data/entities/dev.yaml` (add `--root` for
another project folder).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from amurkg.corpus.catalog import Catalog, load_catalog
from amurkg.corpus.documents import load_documents
from amurkg.errors import InputError
from amurkg.extract.discovery import discover
from amurkg.extract.discovery_merge import merge_proposed
from amurkg.layout import Layout, find_layout
from amurkg.text.link import Linker, Mention
from amurkg.yamlio import read_yaml


@dataclass
class Tally:
    new_gold: int = 0
    new_found: int = 0  # annotated new names found with their exact span
    proposed: int = 0  # discovered mentions
    proposed_right: int = 0  # discovered mentions that are annotated new names
    class_right: int = 0
    known_gold: int = 0
    known_linked: int = 0
    known_wrong: int = 0
    pairs: list[tuple[str, str, str, str]] = field(default_factory=list)  # (key, iri, lang, item) of found names


def evaluate_entities(layout: Layout, annotation_path: Path) -> str:
    """A printable report of discovery, linking and merge figures for an annotation file."""
    items = _items(layout, annotation_path)
    catalog = load_catalog(layout.catalog, layout.root)
    linker = Linker(catalog)
    results = []
    discovered = []
    for item in items:
        linked = linker.link(item["id"], item["text"], item["lang"])
        found = discover(linked, catalog)
        discovered.extend(found.entities)
        results.append((item, found.linked.mentions, {e.id: {e.cls, e.subclass or e.cls} for e in found.entities}))
    _, remap = merge_proposed(discovered)
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for item, mentions, proposed_ids in results:
        tally = tallies[(item.get("split", "dev"), item["lang"])]
        _score(item, mentions, proposed_ids, remap, catalog, tally)
    return _report(annotation_path, tallies)


def _items(layout: Layout, path: Path) -> list[dict]:
    data = read_yaml(path, str(path))
    if not isinstance(data, dict) or not isinstance(data.get("entities"), list):
        raise InputError.one(str(path), "expected a mapping with a list under 'entities'")
    documents = None
    items = []
    for index, raw in enumerate(data["entities"]):
        if not isinstance(raw, dict) or "lang" not in raw or not isinstance(raw.get("names"), list):
            raise InputError.one(str(path), f"entry {index + 1}: needs 'lang', 'names' and 'text' or 'document'")
        item = dict(raw)
        item.setdefault("id", f"item-{index + 1}")
        if "document" in item:
            if documents is None:
                documents = {d.id: d for d in load_documents(layout.document_listing, layout.documents, layout.root)}
            if item["document"] not in documents:
                raise InputError.one(str(path), f"entry {item['id']}: unknown document {item['document']!r}")
            item["text"] = documents[item["document"]].read_text()
        if not isinstance(item.get("text"), str):
            raise InputError.one(str(path), f"entry {item['id']}: needs 'text' or 'document'")
        items.append(item)
    return items


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(surface)
    while start >= 0:
        spans.append((start, start + len(surface)))
        start = text.find(surface, start + 1)
    return spans


def _score(
    item: dict,
    mentions: tuple[Mention, ...],
    proposed_ids: dict[str, set[str]],
    remap: dict[str, str],
    catalog: Catalog,
    tally: Tally,
) -> None:
    by_span = {(m.start, m.end): m for m in mentions}
    gold_new: set[tuple[int, int]] = set()
    annotated = [span for name in item["names"] for span in _occurrences(item["text"], name["surface"])]
    for name in item["names"]:
        spans = [  # an occurrence inside another annotated name is that name's (ハバロフスク in ハバロフスク地方政府)
            span
            for span in _occurrences(item["text"], name["surface"])
            if not any(a <= span[0] and span[1] <= b and (a, b) != span for a, b in annotated)
        ]
        if "entity" in name:
            for span in spans:
                if any(
                    m.start <= span[0] and span[1] <= m.end and m.end - m.start > span[1] - span[0] for m in mentions
                ):
                    continue  # inside a longer name the text gives (a program's title naming the region)
                tally.known_gold += 1
                mention = by_span.get(span)
                if mention is not None and mention.entity == name["entity"]:
                    tally.known_linked += 1
                elif any(
                    m.start < span[1] and span[0] < m.end and m.entity in catalog and m.entity != name["entity"]
                    for m in mentions
                ):
                    tally.known_wrong += 1
            continue
        for span in spans:
            gold_new.add(span)
            tally.new_gold += 1
            mention = by_span.get(span)
            if mention is not None and mention.entity in proposed_ids:
                tally.new_found += 1
                if name["class"] in proposed_ids[mention.entity]:
                    tally.class_right += 1
                tally.pairs.append((name["key"], remap.get(mention.entity, mention.entity), item["lang"], item["id"]))
    for mention in mentions:
        if mention.entity in proposed_ids:
            tally.proposed += 1
            tally.proposed_right += (mention.start, mention.end) in gold_new


def _merge_figures(pairs: list[tuple[str, str, str, str]]) -> tuple[int, int, int, int, int]:
    """(same-key pairs, of them one IRI, same-IRI pairs, of them one key, keys with several IRIs)
    over found names of different languages."""
    same_key = merged = same_iri = right = 0
    for (key_a, iri_a, lang_a, _), (key_b, iri_b, lang_b, _) in combinations(sorted(set(pairs)), 2):
        if lang_a == lang_b:
            continue
        if key_a == key_b:
            same_key += 1
            merged += iri_a == iri_b
        if iri_a == iri_b:
            same_iri += 1
            right += key_a == key_b
    iris_of_key: dict[str, set[str]] = defaultdict(set)
    languages_of_key: dict[str, set[str]] = defaultdict(set)
    for key, iri, lang, _ in pairs:
        iris_of_key[key].add(iri)
        languages_of_key[key].add(lang)
    duplicates = sum(1 for key, iris in iris_of_key.items() if len(iris) > 1 and len(languages_of_key[key]) > 1)
    return same_key, merged, same_iri, right, duplicates


def _ratio(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "    – (0/0)"


def _report(path: Path, tallies: dict[tuple[str, str], Tally]) -> str:
    lines = [f"Entities: {path}"]
    for split in sorted({s for s, _ in tallies}):
        lines.append(f"\n[{split}]")
        lines.append(
            f"{'lang':5} {'discovery P':>18} {'discovery R':>18} {'class right':>18} "
            f"{'catalog linked':>18} {'wrong sense':>18}"
        )
        total = Tally()
        for (s, lang), tally in sorted(tallies.items()):
            if s != split:
                continue
            lines.append(_row(lang, tally))
            for name in (
                "new_gold",
                "new_found",
                "proposed",
                "proposed_right",
                "class_right",
                "known_gold",
                "known_linked",
                "known_wrong",
            ):
                setattr(total, name, getattr(total, name) + getattr(tally, name))
            total.pairs.extend(tally.pairs)
        lines.append(_row("all", total))
        same_key, merged, same_iri, right, duplicates = _merge_figures(total.pairs)
        lines.append(
            f"cross-lingual merge: recall {_ratio(merged, same_key)}, precision {_ratio(right, same_iri)}, "
            f"keys split over several IRIs: {duplicates}"
        )
    return "\n".join(lines)


def _row(lang: str, t: Tally) -> str:
    return (
        f"{lang:5} {_ratio(t.proposed_right, t.proposed):>18} {_ratio(t.new_found, t.new_gold):>18} "
        f"{_ratio(t.class_right, t.new_found):>18} {_ratio(t.known_linked, t.known_gold):>18} "
        f"{_ratio(t.known_wrong, t.known_gold):>18}"
    )


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    root = None
    if "--root" in args:
        index = args.index("--root")
        root = Path(args[index + 1])
        del args[index : index + 2]
    if len(args) != 1:
        print("usage: python -m amurkg.evaluate.entities ANNOTATIONS.yaml [--root PROJECT]", file=sys.stderr)
        return 2
    try:
        print(evaluate_entities(find_layout(root), Path(args[0])))
    except InputError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
