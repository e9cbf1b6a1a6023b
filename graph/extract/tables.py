"""Tables laid out in the text: a caption line (表1 …, Table 2 …, Таблица 3 …), then one row per line
with tab-separated cells, ended by the first line without a tab (a source line such as 出所：); or a
Markdown pipe table (| cell | cell |), as ingested Markdown documents have them.

A row is read as a hierarchy: a cell that is essentially one place's name (ハルビン市, 平房工業新区,
東南部国境開放区) is a *holder*; a holder in a later column lies in or belongs to the holder of an
earlier column (or of an earlier row, when the first cells are empty, as in merged cells); holders of
the first column belong to the place the caption names. The other cells describe the row's deepest
holder: industries they name are targeted by it; parks and ports they name belong to it; cities
named before a hinterland cue (背後地, 腹地) back it, those before a key-area or surrounding-area cue
are part of it. Every relation keeps the row line as its quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amurkg.corpus.catalog import Catalog
from amurkg.extract import Relation
from amurkg.extract.cues import find_cue
from amurkg.text.link import LinkedText, Mention
from amurkg.text.normalize import fold

CAPTION = re.compile(r"^\s*(表|图表|Table|TABLE|Таблица|ТАБЛИЦА)\s*[0-9０-９]+")
HOLDER_CLASSES = frozenset({"Park", "Port", "City", "Region", "Corridor", "Country"})
CONTAINERS = frozenset({"City", "Region", "Country"})
HOLDER_SLACK = 0.35  # share of a cell that may be something other than the holder's name (市, グループ)


@dataclass(frozen=True)
class Row:
    start: int
    end: int
    cells: tuple[tuple[int, int], ...]  # spans of the cells in the original text


@dataclass(frozen=True)
class Table:
    caption: tuple[int, int]
    rows: tuple[Row, ...]


def find_tables(text: str) -> list[Table]:
    """Tables of a text: a caption line then consecutive tab-separated lines (blank lines allowed),
    or a Markdown pipe table (| a | b |), with or without a caption line before it."""
    tables: list[Table] = []
    lines = _lines(text)
    index = 0
    while index < len(lines):
        start, end = lines[index]
        line = text[start:end]
        if CAPTION.match(line):
            caption, cursor = (start, end), index + 1
        elif _PIPE_ROW.match(line):
            caption, cursor = (start, start), index  # a pipe table needs no caption
        else:
            index += 1
            continue
        rows: list[Row] = []
        while cursor < len(lines):
            row_start, row_end = lines[cursor]
            line = text[row_start:row_end]
            if _PIPE_RULE.match(line):
                pass  # the |---|---| line under a Markdown header
            elif "\t" in line or _PIPE_ROW.match(line):
                rows.append(_row(row_start, row_end, line))
            elif line.strip() and rows:
                break
            elif line.strip() and not rows and cursor - index > 2:
                break
            cursor += 1
        if rows:
            tables.append(Table(caption, tuple(rows)))
        index = max(cursor, index + 1)
    return tables


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _lines(text: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((cursor, cursor + len(line.rstrip("\r\n"))))
        cursor += len(line)
    return spans


def _row(start: int, end: int, line: str) -> Row:
    """Cells of a row, split at tabs, or at the pipes of a Markdown row (outer pipes dropped)."""
    if "\t" not in line and _PIPE_ROW.match(line):
        first, last = line.index("|"), line.rindex("|")
        cursor, separator, line = start + first + 1, "|", line[first + 1 : last]
    else:
        cursor, separator = start, "\t"
    cells = []
    for cell in line.split(separator):
        cells.append((cursor, cursor + len(cell)))
        cursor += len(cell) + 1
    return Row(start, end, tuple(cells))


def extract_tables(linked: LinkedText, catalog: Catalog) -> tuple[list[Relation], set[int]]:
    """Relations of every table in a document, and the sentences the tables cover."""
    relations: list[Relation] = []
    covered: set[int] = set()
    for table in find_tables(linked.text):
        relations.extend(_table_relations(table, linked, catalog))
        start, end = table.rows[0].start, table.rows[-1].end
        covered.update(m.sentence for m in linked.mention_index.overlapping(start, end) if start <= m.start < end)
        covered.update(linked.sentences_starting_in(start, end))
    return relations, covered


def _table_relations(table: Table, linked: LinkedText, catalog: Catalog) -> list[Relation]:
    caption_holder = _caption_holder(table, linked, catalog)
    held: dict[int, str] = {}  # column → holder entity currently in force
    relations: list[Relation] = []
    for row in table.rows:
        quote = linked.text[row.start : row.end]

        def relate(subject: str, predicate: str, obj: str) -> None:
            if subject != obj:
                relations.append(Relation(subject, predicate, obj, linked.document, row.start, row.end, quote, "table"))

        for column, (cell_start, cell_end) in enumerate(row.cells):
            cell_mentions = linked.mentions_within(cell_start, cell_end)
            holder = _holder(linked.text, cell_start, cell_end, cell_mentions, catalog)
            if holder is not None:
                for deeper in [c for c in held if c >= column]:
                    del held[deeper]
                parent = held[max(held)] if held else caption_holder
                if parent is not None:
                    relate(holder, _belonging(catalog[holder].cls, catalog[parent].cls), parent)
                held[column] = holder
                continue
            if not held or not cell_mentions:
                continue
            subject = held[max(held)]
            _describe(subject, cell_mentions, linked, catalog, relate)
    return relations


def _caption_holder(table: Table, linked: LinkedText, catalog: Catalog) -> str | None:
    start, end = table.caption
    in_caption = [m for m in linked.mentions_within(start, end) if catalog[m.entity].cls in HOLDER_CLASSES]
    return in_caption[0].entity if in_caption else None


def _holder(text: str, start: int, end: int, mentions: list[Mention], catalog: Catalog) -> str | None:
    """The entity a cell consists of, if the cell is essentially one place's name."""
    content = text[start:end].strip()
    if not content or not mentions:
        return None
    first = mentions[0]
    if catalog[first.entity].cls not in HOLDER_CLASSES:
        return None
    if text[start : first.start].strip():
        return None
    rest = len(content) - len(first.surface)
    return first.entity if rest <= max(2, HOLDER_SLACK * len(content)) else None


def _belonging(child_cls: str, parent_cls: str) -> str:
    """A place inside a city or region lies in it; anything in a corridor or zone is part of it."""
    if parent_cls in CONTAINERS and child_cls in {"Park", "Port", "City", "Region", "Corridor"}:
        return "locatedIn"
    return "partOf"


def _describe(subject: str, mentions: list[Mention], linked: LinkedText, catalog: Catalog, relate) -> None:
    """What a descriptive cell says of the row's holder."""
    language = linked.language
    for mention in mentions:
        cls = catalog[mention.entity].cls
        if cls == "Industry":
            relate(subject, "targetsIndustry", mention.entity)
        elif cls == "CooperationModel":
            relate(subject, "appliesModel", mention.entity)
        elif cls in {"Park", "Port"}:
            relate(mention.entity, "partOf", subject)
        elif cls == "City":
            role = _role_of(linked.text, mention, mentions, language)
            if role == "hinterland":
                relate(mention.entity, "hinterlandOf", subject)
            elif role in ("key_area", "surrounding"):
                relate(mention.entity, "partOf", subject)


def _role_of(text: str, mention: Mention, mentions: list[Mention], language: str) -> str | None:
    """The cue that closes the list a city stands in: the first cue after it, before the clause ends."""
    tail_end = len(text)
    for stop in ("。", "．", ". ", "\t", "\n"):
        found = text.find(stop, mention.end)
        if found >= 0:
            tail_end = min(tail_end, found)
    folded_tail = fold(text[mention.end : tail_end])
    best: tuple[int, str] | None = None
    for role in ("hinterland", "key_area", "surrounding"):
        position = find_cue(role, language, folded_tail)
        if position >= 0 and (best is None or position < best[0]):
            best = (position, role)
    return best[1] if best else None
