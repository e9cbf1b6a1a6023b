"""Scoring the figure extractor against an annotation (tests/data/figures/*.yaml).

A predicted observation matches an annotated figure when their spans in the text overlap; it is
right when its value, currency or unit, subject (it names one of the annotated entities, or both
name none) and period are all right. Precision is right / predicted, recall right / annotated,
per language, for all figures and for the target kinds (money and trade or physical volumes).

    python -m amurkg.evaluate.figures tests/data/figures/seeds.yaml [--root .]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from amurkg.corpus.catalog import load_catalog
from amurkg.errors import InputError, Problem
from amurkg.extract.figures import Observation, extract_figures
from amurkg.layout import Layout
from amurkg.text.link import Linker
from amurkg.yamlio import line_of, read_yaml

#: The kinds the target is measured on: monetary amounts and trade or physical volumes.
TARGET_UNITS = frozenset({"TNE", "MTQ"})


@dataclass(frozen=True)
class Gold:
    text: str
    figure: str
    quote: str
    value: Decimal
    code: str  # currency or unit
    indicator: str
    about: frozenset[str]
    period: tuple[int, int]
    line: int | None

    @property
    def target(self) -> bool:
        return self.code in TARGET_UNITS or len(self.code) == 3 and self.code.isalpha() and self.code not in _UNITS


_UNITS = frozenset({"TNE", "MTQ", "MTK", "MTR", "C62", "KMT", "HAR"})


def load_figures(path: Path) -> tuple[list[Gold], dict[str, str], Path | None]:
    """The records of an annotation file, the languages of its texts and its texts' folder."""
    shown = str(path)
    raw = read_yaml(path, shown)
    if not isinstance(raw, dict) or not isinstance(raw.get("figures"), list):
        raise InputError.one(shown, "expected a mapping with a 'figures:' list")
    folder = None
    if raw.get("documents"):
        folder = (path.parent / str(raw["documents"])).resolve()
        if not folder.is_dir():
            raise InputError.one(shown, f"documents folder {raw['documents']!r} not found beside the file")
    languages = {str(k): str(v) for k, v in (raw.get("languages") or {}).items()}
    records, problems = [], []
    for entry in raw["figures"]:
        line = line_of(entry)
        if not isinstance(entry, dict) or not all(k in entry for k in ("text", "figure", "value")):
            problems.append(Problem(shown, "a record needs text, figure and value", line=line))
            continue
        code = str(entry.get("currency") or entry.get("unit") or "")
        if not code:
            problems.append(Problem(shown, "a record needs a currency or a unit", line=line))
            continue
        period = entry.get("period")
        if period is None and entry.get("year") is not None:
            period = [entry["year"], entry["year"]]
        first, last = (period or [None, None])[:2]
        records.append(
            Gold(
                str(entry["text"]),
                str(entry["figure"]),
                str(entry.get("quote") or ""),
                Decimal(str(entry["value"])),
                code,
                str(entry.get("indicator") or ""),
                frozenset(str(a) for a in entry.get("about") or ()),
                (int(first or 0), int(last or 0)),
                line,
            )
        )
    if problems:
        raise InputError(problems)
    return records, languages, folder


def _texts(
    layout: Layout, names: set[str], languages: dict[str, str], folder: Path | None
) -> dict[str, tuple[str, str]]:
    """Text and language of each annotated text: a paragraph of the folder or a seed document."""
    seeds = {}
    listing = read_yaml(layout.document_listing, str(layout.document_listing))
    for document in listing or []:
        seeds[str(document["id"])] = (layout.documents / str(document["file"]), str(document["language"]))
    found = {}
    for name in sorted(names):
        if folder is not None and (folder / f"{name}.txt").is_file():
            language = languages.get(name) or name[:2]
            found[name] = ((folder / f"{name}.txt").read_text(encoding="utf-8"), language)
        elif name in seeds:
            found[name] = (seeds[name][0].read_text(encoding="utf-8"), seeds[name][1])
        else:
            raise InputError.one(name, "annotated text is neither a paragraph of the folder nor a seed document")
    return found


def _locate(text: str, gold: Gold) -> tuple[int, int] | None:
    def pattern(words: str) -> re.Pattern[str]:
        return re.compile(r"\s*".join(re.escape(piece) for piece in words.split()))

    offset, window = 0, text
    if gold.quote:
        found = pattern(gold.quote).search(text)
        if not found:
            return None
        offset, window = found.start(), found.group()
    match = pattern(gold.figure).search(window)
    return (offset + match.start(), offset + match.end()) if match else None


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    right: int = 0

    def line(self, name: str) -> str:
        precision = self.right / self.predicted if self.predicted else 0.0
        recall = self.right / self.gold if self.gold else 0.0
        return (
            f"{name:<10} {self.gold:>9} {self.predicted:>9} {self.found:>6} {self.right:>6}"
            f" {precision:>9.1%} {recall:>7.1%}"
        )


def _right(observation: Observation, gold: Gold) -> list[str]:
    """What is wrong with a matched prediction (empty: it is right)."""
    wrong = []
    if Decimal(observation.value) != gold.value:
        wrong.append(f"value {observation.value} ≠ {gold.value}")
    if (observation.currency or observation.unit) != gold.code:
        wrong.append(f"unit {observation.currency or observation.unit} ≠ {gold.code}")
    if not (set(observation.about) & gold.about or not observation.about and not gold.about):
        wrong.append(f"about {list(observation.about)} ∉ {sorted(gold.about)}")
    if (observation.period_start, observation.period_end) != gold.period:
        wrong.append(f"period {observation.period_start}-{observation.period_end} ≠ {gold.period[0]}-{gold.period[1]}")
    return wrong


def evaluate_figures(layout: Layout, path: Path, show: int = 40) -> str:
    """Precision and recall of the figures of an annotation file, per language, as a text report."""
    records, languages, folder = load_figures(path)
    catalog = load_catalog(layout.catalog, layout.root)
    linker = Linker(catalog)
    texts = _texts(layout, {g.text for g in records}, languages, folder)
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    notes: list[str] = []
    for name, (text, language) in texts.items():
        predicted = list(extract_figures(linker.link(name, text, language), catalog))
        golds = [g for g in records if g.text == name]
        used: set[int] = set()
        for scope in ("all", "target"):
            tallies[(language, scope)].predicted += sum(1 for o in predicted if scope == "all" or _is_target(o))
        for gold in golds:
            span = _locate(text, gold)
            scopes = ("all", "target") if gold.target else ("all",)
            for scope in scopes:
                tallies[(language, scope)].gold += 1
            if span is None:
                notes.append(f"  not in the text: {name}: {gold.figure!r} (line {gold.line})")
                continue
            match = next(
                (i for i, o in enumerate(predicted) if i not in used and o.start < span[1] and span[0] < o.end), None
            )
            if match is None:
                notes.append(f"  missed  {name}: {gold.figure!r}")
                continue
            used.add(match)
            wrong = _right(predicted[match], gold)
            for scope in scopes:
                tallies[(language, scope)].found += 1
                tallies[(language, scope)].right += not wrong
            if wrong:
                notes.append(f"  wrong   {name}: {gold.figure!r}: " + "; ".join(wrong))
        for index, observation in enumerate(predicted):
            if index not in used:
                notes.append(f"  extra   {name}: {observation.surface!r} ({observation.indicator})")
    header = (
        f"{'language':<10} {'annotated':>9} {'predicted':>9} {'found':>6} {'right':>6} {'precision':>9} {'recall':>7}"
    )
    lines = [f"Figures: {path}", "", "all figures", header]
    total, target = Tally(), Tally()
    for language in sorted({k[0] for k in tallies}):
        tally = tallies[(language, "all")]
        lines.append(tally.line(language))
        _add(total, tally)
        _add(target, tallies[(language, "target")])
    lines.append(total.line("all"))
    lines += ["", "target: monetary amounts and trade volumes (currency, tonnes, m³)", header]
    for language in sorted({k[0] for k in tallies}):
        lines.append(tallies[(language, "target")].line(language))
    lines.append(target.line("all"))
    if notes:
        lines += (
            ["", f"differences ({len(notes)}):"]
            + notes[:show]
            + ([f"  … {len(notes) - show} more"] if len(notes) > show else [])
        )
    return "\n".join(lines)


def _is_target(observation: Observation) -> bool:
    return bool(observation.currency) or observation.unit in TARGET_UNITS


def _add(total: Tally, tally: Tally) -> None:
    total.gold += tally.gold
    total.predicted += tally.predicted
    total.found += tally.found
    total.right += tally.right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m amurkg.evaluate.figures",
        description="Score the figure extractor against an annotation file (tests/data/figures/*.yaml): "
        "precision and recall per language, a figure being right when value, unit, subject and year are.",
    )
    parser.add_argument("file", type=Path, help="annotation file with a top-level 'figures:' list")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: the current one)")
    parser.add_argument("--show", type=int, default=40, help="how many differences to list (default 40)")
    args = parser.parse_args(argv)
    try:
        print(evaluate_figures(Layout(args.root.resolve()), args.file, args.show))
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: {error.filename or args.file}: {error.strerror}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
